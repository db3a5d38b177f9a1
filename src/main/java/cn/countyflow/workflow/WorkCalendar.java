package cn.countyflow.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;

/**
 * Business time: "now", "today" and working days (工作日) with the State Council's holidays and make-up working days
 * (调休). Every rule stated in working days (publicity, scoring, review steps) asks this, in services and, through
 * the expression bean {@code workCalendar}, in BPMN due dates and timers: {@code ${workCalendar.dueIn(5)}}.
 * Days are Asia/Shanghai days; a deadline day ends at 23:59:59. Implemented by the calendar module, whose schedule
 * admins keep; a year without a schedule counts Monday to Friday.
 */
public interface WorkCalendar {
    ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** Now, from the application's one clock (which the engine's timers read too). */
    Instant now();

    /** Today in Beijing time. */
    LocalDate today();

    boolean isWorkingDay(LocalDate day);

    /**
     * The {@code workingDays}-th working day after {@code from} (before it when negative); {@code from} itself when 0.
     * {@code from} need not be a working day: 1 working day after a Saturday is the next working day.
     */
    LocalDate addWorkingDays(LocalDate from, int workingDays);

    /** The working days in ({@code from}, {@code to}]: 0 for the same day, negative when {@code to} is earlier. */
    int workingDaysBetween(LocalDate from, LocalDate to);

    /** The end of the day {@code workingDays} working days from today: a due date or timer for BPMN. */
    default Date dueIn(int workingDays) {
        return Date.from(endOf(addWorkingDays(today(), workingDays)));
    }

    /** The end of the day {@code days} calendar days from today (rules the seeds state in calendar days, 15日内). */
    default Date dueInCalendarDays(int days) {
        return Date.from(endOf(today().plusDays(days)));
    }

    /** The last second of the day (23:59:59, Asia/Shanghai). */
    static Instant endOf(LocalDate day) {
        return day.atTime(LocalTime.of(23, 59, 59)).atZone(ZONE).toInstant();
    }

    /** The first instant of the day (00:00, Asia/Shanghai). */
    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    static LocalDate dayOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }
}
