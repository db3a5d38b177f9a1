package cn.countyflow.reporting;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.countyflow.workflow.BusinessTime;

/**
 * Due dates of the report's human tasks after the county's first one (whose due date is the caller's reportDue):
 * the end of the day a configured number of calendar days from now (countyflow.reporting.*; the working-day calendar
 * is a later issue).
 */
@Component("reportDeadlines")
public class ReportDeadlines {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZONE);
    private final int reviewDays;
    private final int reviseDays;
    private final int lateDays;

    ReportDeadlines(@Value("${countyflow.reporting.review-days:10}") int reviewDays,
                    @Value("${countyflow.reporting.revise-days:10}") int reviseDays,
                    @Value("${countyflow.reporting.late-days:10}") int lateDays) {
        this.reviewDays = reviewDays;
        this.reviseDays = reviseDays;
        this.lateDays = lateDays;
    }

    public Date reviewDue() { return endOfDayAfter(reviewDays); }
    public Date reviseDue() { return endOfDayAfter(reviseDays); }
    public Date lateDue() { return endOfDayAfter(lateDays); }

    static Date endOfDayAfter(int days) {
        return BusinessTime.endOfDayAfter(days);
    }
}
