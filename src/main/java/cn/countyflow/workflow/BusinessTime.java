package cn.countyflow.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * "Now" and "today" for business rules, as the process engine sees them, so that a rule in a service and the timer
 * in the process that enforces it read the same clock (tests move the engine's clock). Days are Asia/Shanghai days;
 * a deadline day ends at 23:59:59. The one place outside the engine adapter that reads Camunda's clock; the
 * working-day calendar and a Clock bean (a later issue) take over from here.
 */
public final class BusinessTime {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BusinessTime() {
    }

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public static LocalDate today() {
        return now().atZone(ZONE).toLocalDate();
    }

    /** The last second of the day (23:59:59, Asia/Shanghai). */
    public static Instant endOf(LocalDate day) {
        return day.atTime(LocalTime.of(23, 59, 59)).atZone(ZONE).toInstant();
    }

    /** The end of the day the given number of days after today, as the engine's due dates and timers take it. */
    public static Date endOfDayAfter(int days) {
        return Date.from(endOf(today().plusDays(days)));
    }
}
