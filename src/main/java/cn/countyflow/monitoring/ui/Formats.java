package cn.countyflow.monitoring.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.Component;

/** Dates, times and durations as the monitoring pages show them (Asia/Shanghai). */
final class Formats {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZONE);

    private Formats() {
    }

    static String time(Instant i) {
        return i == null ? "—" : TIME.format(i);
    }

    static String date(Instant i) {
        return i == null ? "—" : DATE.format(i);
    }

    /** 3天4小时, 2小时5分, 40秒 (English: 3d 4h …), from milliseconds. */
    static String duration(Component c, long ms) {
        long s = ms / 1000;
        long d = s / 86400;
        long h = (s % 86400) / 3600;
        long m = (s % 3600) / 60;
        if (d > 0) return c.getTranslation("monitor.duration.dh", d, h);
        if (h > 0) return c.getTranslation("monitor.duration.hm", h, m);
        if (m > 0) return c.getTranslation("monitor.duration.ms", m, s % 60);
        return c.getTranslation("monitor.duration.s", s);
    }
}
