package cn.countyflow.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.springframework.data.jpa.repository.JpaRepository;

/** A year whose schedule has been entered (from the State Council's notice, named by {@code source}). */
@Entity
@Table(name = "work_calendar_year")
class CalendarYear {
    @Id
    @Column(name = "cal_year")
    Integer year;
    String source;
    @Column(name = "updated_by")
    String updatedBy;
    @Column(name = "updated_at")
    Instant updatedAt;

    protected CalendarYear() {
    }

    CalendarYear(int year, String source, String by, Instant at) {
        this.year = year;
        this.source = source;
        this.updatedBy = by;
        this.updatedAt = at;
    }
}

/** A holiday (放假) or a make-up working day (调休上班) of an entered year. */
@Entity
@Table(name = "work_calendar_day")
class CalendarDay {
    @Id
    @Column(name = "cal_day")
    LocalDate day;
    @Column(name = "cal_year")
    Integer year;
    @Enumerated(EnumType.STRING)
    WorkCalendarService.DayKind kind;
    String name;
    @Column(name = "updated_by")
    String updatedBy;
    @Column(name = "updated_at")
    Instant updatedAt;

    protected CalendarDay() {
    }

    CalendarDay(LocalDate day, WorkCalendarService.DayKind kind, String name, String by, Instant at) {
        this.day = day;
        this.year = day.getYear();
        this.kind = kind;
        this.name = name;
        this.updatedBy = by;
        this.updatedAt = at;
    }
}

interface CalendarYearRepository extends JpaRepository<CalendarYear, Integer> {
}

interface CalendarDayRepository extends JpaRepository<CalendarDay, LocalDate> {
    List<CalendarDay> findByYearOrderByDay(int year);
}
