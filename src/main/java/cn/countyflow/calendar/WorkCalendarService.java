package cn.countyflow.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.Role;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.NotFoundException;
import cn.countyflow.workflow.NotPermittedException;
import cn.countyflow.workflow.Texts;
import cn.countyflow.workflow.WorkCalendar;

/**
 * The working-day calendar (工作日): Monday to Friday, less the State Council's holidays, plus its make-up working
 * days (调休上班), per year as admins entered them; a year nobody entered counts Monday to Friday, and admins are
 * warned while the current or the next year is missing. The expression bean {@code workCalendar} of BPMN due dates
 * and timers. A year's schedule is read once and kept for a minute (so a second node sees an admin's change soon);
 * this node forgets it at once when it changes.
 */
@Service("workCalendar")
public class WorkCalendarService implements WorkCalendar {
    public enum DayKind { HOLIDAY, WORKDAY }

    /** A year's schedule: whether it was entered, from which notice, and its days. */
    public record YearSchedule(int year, boolean entered, String source, String updatedBy, Instant updatedAt,
                               List<Day> days) {
    }

    public record Day(LocalDate day, DayKind kind, String name, String updatedBy, Instant updatedAt) {
    }

    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    static final int MAX_NAME = 50;
    static final int MAX_SOURCE = 200;
    private static final long KEEP_NANOS = TimeUnit.MINUTES.toNanos(1);

    private record Cached(Map<LocalDate, DayKind> days, long loadedAt) {
    }

    private final CalendarYearRepository years;
    private final CalendarDayRepository dayRows;
    private final WorkingDays days;
    private final AuditService audit;
    private final Map<Integer, Cached> cache = new ConcurrentHashMap<>();

    WorkCalendarService(Clock clock, CalendarYearRepository years, CalendarDayRepository days, AuditService audit) {
        this.years = years;
        this.dayRows = days;
        this.days = new WorkingDays(clock, this::scheduleOf);
        this.audit = audit;
    }

    // ------------------------------------------------------------------ working days

    @Override
    public Instant now() {
        return days.now();
    }

    @Override
    public LocalDate today() {
        return days.today();
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        return days.isWorkingDay(day);
    }

    @Override
    public LocalDate addWorkingDays(LocalDate from, int workingDays) {
        return days.addWorkingDays(from, workingDays);
    }

    @Override
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        return days.workingDaysBetween(from, to);
    }

    /** The years admins are warned about: this year and the next, where no schedule has been entered. */
    public List<Integer> missingYears() {
        int year = today().getYear();
        List<Integer> missing = new ArrayList<>();
        for (int y = year; y <= year + 1; y++) {
            if (!years.existsById(y)) missing.add(y);
        }
        return missing;
    }

    private Map<LocalDate, DayKind> scheduleOf(int year) {
        Cached cached = cache.get(year);
        if (cached == null || System.nanoTime() - cached.loadedAt() > KEEP_NANOS) {
            Map<LocalDate, DayKind> loaded = new java.util.HashMap<>();
            dayRows.findByYearOrderByDay(year).forEach(d -> loaded.put(d.day, d.kind));
            cached = new Cached(Map.copyOf(loaded), System.nanoTime());
            cache.put(year, cached);
        }
        return cached.days();
    }

    // ------------------------------------------------------------------ the admins' schedule

    @Transactional(readOnly = true)
    public YearSchedule schedule(int year) {
        checkYear(year, "year");
        List<Day> list = dayRows.findByYearOrderByDay(year).stream()
                .map(d -> new Day(d.day, d.kind, d.name, d.updatedBy, d.updatedAt)).toList();
        return years.findById(year)
                .map(y -> new YearSchedule(year, true, y.source, y.updatedBy, y.updatedAt, list))
                .orElseGet(() -> new YearSchedule(year, false, null, null, null, list));
    }

    /** Records that {@code year}'s schedule is being entered from the named notice (or names a corrected one). */
    @Transactional
    public void enterYear(int year, String source, CountyFlowUser admin) {
        requireAdmin(admin, "year " + year);
        checkYear(year, "year");
        String text = required(source, "source", MAX_SOURCE);
        CalendarYear row = years.findById(year).orElseGet(() -> new CalendarYear(year, text, admin.username(), now()));
        row.source = text;
        row.updatedBy = admin.username();
        row.updatedAt = now();
        years.save(row);
        audit.record(admin.username(), admin.orgCode(), "CALENDAR_YEAR", String.valueOf(year),
                AuditEvent.Outcome.SUCCESS, text);
    }

    /** Sets a day of an entered year as a holiday or a make-up working day (replacing what it was). */
    @Transactional
    public void putDay(LocalDate day, DayKind kind, String name, CountyFlowUser admin) {
        requireAdmin(admin, day == null ? "day" : day.toString());
        if (day == null) throw FieldErrorsException.of("day", Texts.get("calendar.error.day"));
        checkYear(day.getYear(), "day");
        if (kind == null) throw FieldErrorsException.of("kind", Texts.get("calendar.error.kind"));
        String text = required(name, "name", MAX_NAME);
        if (!years.existsById(day.getYear())) {
            throw FieldErrorsException.of("day", Texts.get("calendar.error.yearNotEntered", String.valueOf(day.getYear())));
        }
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (kind == DayKind.WORKDAY && !weekend) {
            throw FieldErrorsException.of("kind", Texts.get("calendar.error.workdayOnWeekday"));
        }
        CalendarDay row = dayRows.findById(day).orElseGet(() -> new CalendarDay(day, kind, text, admin.username(), now()));
        row.kind = kind;
        row.name = text;
        row.updatedBy = admin.username();
        row.updatedAt = now();
        dayRows.save(row);
        cache.remove(day.getYear());
        audit.record(admin.username(), admin.orgCode(), "CALENDAR_DAY_SET", day.toString(), AuditEvent.Outcome.SUCCESS,
                kind + " " + text);
    }

    /** Removes a day's entry: it counts by its weekday again. */
    @Transactional
    public void removeDay(LocalDate day, CountyFlowUser admin) {
        requireAdmin(admin, String.valueOf(day));
        CalendarDay row = dayRows.findById(day).orElseThrow(() -> new NotFoundException(Texts.get("calendar.error.noSuchDay", day)));
        dayRows.delete(row);
        cache.remove(day.getYear());
        audit.record(admin.username(), admin.orgCode(), "CALENDAR_DAY_REMOVED", day.toString(),
                AuditEvent.Outcome.SUCCESS, row.kind + " " + row.name);
    }

    private void requireAdmin(CountyFlowUser user, String target) {
        if (!user.has(Role.ADMIN)) {
            audit.recordIndependently(user.username(), user.orgCode(), "CALENDAR_CHANGE", target,
                    AuditEvent.Outcome.DENIED, null);
            throw new NotPermittedException(Texts.get("calendar.error.adminOnly"));
        }
    }

    private static void checkYear(int year, String field) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw FieldErrorsException.of(field, Texts.get("calendar.error.year", String.valueOf(MIN_YEAR), String.valueOf(MAX_YEAR)));
        }
    }

    private static String required(String value, String field, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) throw FieldErrorsException.of(field, Texts.get("calendar.error.required." + field));
        if (text.length() > max) throw FieldErrorsException.of(field, Texts.get("calendar.error.tooLong", String.valueOf(max)));
        return text;
    }
}
