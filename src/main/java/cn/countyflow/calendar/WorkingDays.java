package cn.countyflow.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.IntFunction;

import cn.countyflow.workflow.WorkCalendar;

/**
 * The working-day arithmetic over a year-by-year schedule of exceptions (holidays, make-up working days): Monday to
 * Friday where the schedule says nothing. {@link WorkCalendarService} feeds it the admins' schedule; plain process
 * tests build one over an empty schedule with {@link #mondayToFriday(Clock)}.
 */
public final class WorkingDays implements WorkCalendar {
    private final Clock clock;
    private final IntFunction<Map<LocalDate, WorkCalendarService.DayKind>> scheduleOfYear;

    public WorkingDays(Clock clock, IntFunction<Map<LocalDate, WorkCalendarService.DayKind>> scheduleOfYear) {
        this.clock = clock;
        this.scheduleOfYear = scheduleOfYear;
    }

    /** Monday to Friday, no holidays: for process tests that run without the application's schedule. */
    public static WorkingDays mondayToFriday(Clock clock) {
        return new WorkingDays(clock, year -> Map.of());
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        WorkCalendarService.DayKind kind = scheduleOfYear.apply(day.getYear()).get(day);
        if (kind != null) return kind == WorkCalendarService.DayKind.WORKDAY;
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    @Override
    public LocalDate addWorkingDays(LocalDate from, int workingDays) {
        int step = workingDays < 0 ? -1 : 1;
        LocalDate day = from;
        for (int counted = 0; counted < Math.abs(workingDays); ) {
            day = day.plusDays(step);
            if (isWorkingDay(day)) counted++;
        }
        return day;
    }

    @Override
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) return -workingDaysBetween(to, from);
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) count++;
        }
        return count;
    }
}
