package cn.countyflow.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.countyflow.workflow.Texts;
import cn.countyflow.workflow.WorkCalendar;

/**
 * The monitoring periods of a compiled round (seed 000: 各市每月5日前报送上月工作推进情况，季度报、半年报和年终总结
 * （包括相关会议纪要、指标数据完成情况）在期后15天内报送), as keys: {@code 2027-M04} (a month), {@code 2027-Q1},
 * {@code 2027-H1} (the half-year report, which stands for the second quarter), {@code 2027-Q3} and {@code 2027-Y}
 * (the year-end summary, which stands for the fourth quarter and the second half). Everything the process derives from
 * a key is a function of the key and the work calendar: label, year, end, due moment, whether minutes are required.
 * A month is due on its following 5th, the others 15 calendar days after their last day; a due day that is not a
 * working day moves to the next working day.
 */
@Component("planPeriods")
public class MonitoringPeriods {
    private final WorkCalendar calendar;

    public MonitoringPeriods(WorkCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * The periods of the round's years that end after the month in which the compilation was approved (the
     * implementation stage begins the month after the approval, seed 000: 2019年4月 after the 3月 approval), in time
     * order of their ends.
     */
    public static List<String> schedule(int firstYear, int lastYear, LocalDate approvedOn) {
        LocalDate approvalMonthEnd = approvedOn.withDayOfMonth(approvedOn.lengthOfMonth());
        List<String> keys = new ArrayList<>();
        for (int y = firstYear; y <= lastYear; y++) {
            for (int m = 1; m <= 12; m++) {
                List<String> endingNow = new ArrayList<>();
                endingNow.add(String.format("%d-M%02d", y, m));
                if (m == 3) endingNow.add(y + "-Q1");
                if (m == 6) endingNow.add(y + "-H1");
                if (m == 9) endingNow.add(y + "-Q3");
                if (m == 12) endingNow.add(y + "-Y");
                for (String key : endingNow) if (lastDay(key).isAfter(approvalMonthEnd)) keys.add(key);
            }
        }
        return keys;
    }

    /** The keys stored as one process variable (comma separated) back as the multi-instance collection. */
    public List<String> keys(String joined) {
        if (joined == null || joined.isBlank()) return List.of();
        return Arrays.stream(joined.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public static boolean isValid(String key) {
        return key != null && key.matches("\\d{4}-(M(0[1-9]|1[0-2])|Q1|H1|Q3|Y)");
    }

    public int year(String key) {
        return Integer.parseInt(key.substring(0, 4));
    }

    /** 2027年4月, 2027年第一季度, 2027年上半年, 2027年第三季度, 2027年度（年终总结）. */
    public String label(String key) {
        String part = key.substring(5);
        int y = year(key);
        if (part.startsWith("M")) return Texts.get("plan.monitoring.period.month", String.valueOf(y), Integer.parseInt(part.substring(1)));
        return Texts.get("plan.monitoring.period." + part, String.valueOf(y));
    }

    /** The period's last day. */
    public static LocalDate lastDay(String key) {
        int y = Integer.parseInt(key.substring(0, 4));
        String part = key.substring(5);
        int month = switch (part) {
            case "Q1" -> 3;
            case "H1" -> 6;
            case "Q3" -> 9;
            case "Y" -> 12;
            default -> Integer.parseInt(part.substring(1));
        };
        LocalDate first = LocalDate.of(y, month, 1);
        return first.withDayOfMonth(first.lengthOfMonth());
    }

    /** When the period is over: 23:59:59 of its last day (the report timer fires then). */
    public Date end(String key) {
        return Date.from(WorkCalendar.endOf(lastDay(key)));
    }

    /** The day the city's report is due: the 5th after a month, 15 days after the others; then the next working day. */
    public LocalDate dueDay(String key) {
        LocalDate last = lastDay(key);
        LocalDate day = isMonth(key) ? last.plusDays(5) : last.plusDays(15);
        while (!calendar.isWorkingDay(day)) day = day.plusDays(1);
        return day;
    }

    /** The end of the due day. */
    public Date due(String key) {
        return Date.from(dueInstant(key));
    }

    Instant dueInstant(String key) {
        return WorkCalendar.endOf(dueDay(key));
    }

    /** Quarterly, half-year and year-end reports carry the minutes of the meetings that discussed them (会议纪要). */
    public boolean minutesRequired(String key) {
        return !isMonth(key);
    }

    static boolean isMonth(String key) {
        return key.charAt(5) == 'M';
    }
}
