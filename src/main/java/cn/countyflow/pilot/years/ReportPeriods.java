package cn.countyflow.pilot.years;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.countyflow.pilot.PilotBatch;
import cn.countyflow.workflow.WorkCalendar;
import cn.countyflow.workflow.Texts;


/**
 * The reporting periods of a pilot's three target years, as keys ({@code 2020-H1}, {@code 2020-Q3}, {@code 2020-Y})
 * and everything the process derives from a key: label, target year, end and due moment. Pure functions of the key,
 * so the process computes the periods once at start and the
 * BPMN expressions ({@code ${pilotPeriods.end(reportPeriodKey)}}) stay stable while a project runs.
 * Dates are Beijing dates; a period ends at 23:59:59 of its last day.
 */
@Component("pilotPeriods")
public class ReportPeriods {

    /** The period keys of the years first..last at this frequency, in time order. */
    public static List<String> plan(PilotBatch.ReportFrequency frequency, int firstYear, int lastYear) {
        List<String> keys = new ArrayList<>();
        for (int y = firstYear; y <= lastYear; y++) {
            switch (frequency) {
                case HALF_YEARLY -> {
                    keys.add(y + "-H1");
                    keys.add(y + "-H2");
                }
                case QUARTERLY -> {
                    for (int q = 1; q <= 4; q++) keys.add(y + "-Q" + q);
                }
                case YEARLY -> keys.add(y + "-Y");
            }
        }
        return keys;
    }

    /** The keys stored as one process variable (comma separated) back as the multi-instance collection. */
    public List<String> keys(String joined) {
        if (joined == null || joined.isBlank()) return List.of();
        return Arrays.stream(joined.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public int year(String key) {
        return Integer.parseInt(key.substring(0, 4));
    }

    /** 2020年上半年, 2020年下半年, 2020年第三季度, 2020年度. */
    public String label(String key) {
        String part = key.substring(5);
        int y = year(key);
        // stored with the report in Chinese, as data every reader shares
        return switch (part) {
            case "H1", "H2", "Q1", "Q2", "Q3", "Q4", "Y" ->
                    Texts.translate("pilot.period." + part, Texts.CHINESE, String.valueOf(y));
            default -> throw new IllegalArgumentException("unknown report period: " + key);
        };
    }

    /** The period's last day. */
    public LocalDate lastDay(String key) {
        String part = key.substring(5);
        int y = year(key);
        int month = switch (part) {
            case "H1", "Q2" -> 6;
            case "Q1" -> 3;
            case "Q3" -> 9;
            case "H2", "Q4", "Y" -> 12;
            default -> throw new IllegalArgumentException("unknown report period: " + key);
        };
        return LocalDate.of(y, month, 1).withDayOfMonth(LocalDate.of(y, month, 1).lengthOfMonth());
    }

    /** When the period is over: 23:59:59 of its last day (the report timer fires then). */
    public Date end(String key) {
        return endOfDay(lastDay(key));
    }

    /** When the county's report is due: the given number of days after the period's last day, end of day. */
    public Date due(String key, Integer days) {
        return endOfDay(lastDay(key).plusDays(days == null ? PilotBatch.DEFAULT_DUE_DAYS : days));
    }

    static Date endOfDay(LocalDate day) {
        return Date.from(WorkCalendar.endOf(day));
    }

    static Date startOfDay(LocalDate day) {
        return Date.from(WorkCalendar.startOf(day));
    }
}
