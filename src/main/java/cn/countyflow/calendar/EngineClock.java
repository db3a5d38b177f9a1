package cn.countyflow.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import cn.countyflow.workflow.WorkCalendar;

/**
 * The one clock of the application, and the one adapter to the process engine's clock: business code asks the
 * {@link Clock} bean (this class) for "now", the engine's timers and due dates read the same instant, and a test that
 * moves this clock moves both. The only class that touches the engine's clock implementation ({@code ClockUtil}).
 * Days are Asia/Shanghai days.
 */
public final class EngineClock extends Clock {
    public static final ZoneId ZONE = WorkCalendar.ZONE;

    private final ZoneId zone;

    public EngineClock() {
        this(ZONE);
    }

    private EngineClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new EngineClock(zone);
    }

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** Moves the application's and the engine's clock to {@code instant} (tests). */
    public static void moveTo(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    /** Moves the application's and the engine's clock to {@code at} (tests). */
    public static void moveTo(Date at) {
        ClockUtil.setCurrentTime(at);
    }

    /** Where the clock stands, for tests that move it (business code asks the injected Clock bean). */
    public static Instant current() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** Moves both clocks forward by the given duration from where they stand. */
    public static void advance(java.time.Duration by) {
        moveTo(current().plus(by));
    }

    /** Both clocks follow the system clock again. */
    public static void reset() {
        ClockUtil.reset();
    }
}
