package cn.countyflow.pilot.designation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Date;

import cn.countyflow.pilot.PilotBatchService;

/** Working days (Monday to Friday) for the publicity period; public holidays are not modelled. */
public final class PublicityCalendar {
    private PublicityCalendar() {
    }

    /** The last day of a publicity of {@code workingDays} working days that opens the day after {@code approvalDay}. */
    public static LocalDate endDate(LocalDate approvalDay, int workingDays) {
        if (workingDays < 1) throw new IllegalArgumentException("公示期至少为1个工作日");
        LocalDate d = approvalDay;
        int counted = 0;
        while (counted < workingDays) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) counted++;
        }
        return d;
    }

    /** The moment the period is over: midnight (Beijing time) after its last day. */
    public static Date endMoment(LocalDate lastDay) {
        return Date.from(lastDay.plusDays(1).atStartOfDay(PilotBatchService.ZONE).toInstant());
    }
}
