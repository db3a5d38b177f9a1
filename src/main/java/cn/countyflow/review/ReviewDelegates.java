package cn.countyflow.review;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.countyflow.pilot.PilotApplication;
import cn.countyflow.pilot.PilotApplicationService;

/** The review's service tasks in processes/pilot-application.bpmn, as {@code ${beanName}} delegates. */
final class ReviewDelegates {
    static final String SHORTFALL = "PANEL_SHORTFALL";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ReviewDelegates() {
    }

    static long caseId(DelegateExecution execution) {
        Object v = execution.getVariable("caseId");
        if (v instanceof Number n) return n.longValue();
        return Long.parseLong(execution.getProcessBusinessKey());
    }

    /** End of the day (Asia/Shanghai) the given number of days after the engine's clock. */
    static Date endOfDayAfter(int days) {
        LocalDate day = ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toLocalDate().plusDays(days);
        return Date.from(day.atTime(LocalTime.of(23, 59, 59)).atZone(ZONE).toInstant());
    }
}

/** Task_DrawPanel 抽取评审专家: draws the panel or raises PANEL_SHORTFALL (nothing drawn, attempt recorded). */
@Component("panelDraw")
class PanelDrawDelegate implements JavaDelegate {
    private final PanelService panels;
    private final PilotApplicationService applications;

    PanelDrawDelegate(PanelService panels, PilotApplicationService applications) {
        this.panels = panels;
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = ReviewDelegates.caseId(execution);
        PanelService.DrawResult result = panels.drawPanel(caseId, panels.nextSeed());
        if (!result.success()) throw new BpmnError(ReviewDelegates.SHORTFALL, result.message());
        // transient: the seat ids only feed the multi-instance that starts in this transaction
        execution.setVariable("panelSeats", Variables.objectValue(new ArrayList<>(result.seats()), true).create());
        applications.markStatus(caseId, PilotApplication.Status.UNDER_REVIEW);
    }
}

/**
 * Task_AssignSeat 分派评审任务: the seat's current expert becomes the scoring task's assignee (local variables of
 * the seat); an expert without an account is scored by a provincial officer on their behalf (candidate group).
 */
@Component("seatAssign")
class SeatAssignDelegate implements JavaDelegate {
    private final ReviewService reviews;
    private final int scoringDays;

    SeatAssignDelegate(ReviewService reviews, @Value("${countyflow.review.scoring-days:14}") int scoringDays) {
        this.reviews = reviews;
        this.scoringDays = scoringDays;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = ReviewDelegates.caseId(execution);
        String seat = String.valueOf(execution.getVariable("seat"));
        Assignment a = reviews.activeAssignment(caseId, seat)
                .orElseThrow(() -> new IllegalStateException("案件 " + caseId + " 席位 " + seat + " 没有在评的专家"));
        Object extendTo = execution.getVariableLocal("extendTo");
        execution.setVariableLocal("seatExpert", a.username);
        execution.setVariableLocal("seatDue", extendTo instanceof Date d ? d : ReviewDelegates.endOfDayAfter(scoringDays));
        execution.setVariableLocal("extendTo", null);
        execution.setVariableLocal("conflict", false);
        List<String> groups = a.username == null ? List.of(String.valueOf(execution.getVariable("provinceOfficersGroup")))
                : List.of();
        execution.setVariableLocal("seatGroups", Variables.objectValue(new ArrayList<>(groups), true).create());
    }
}

/** Task_ReplaceExpert 抽取替补专家: one replacement for the seat, under the same rules, or PANEL_SHORTFALL. */
@Component("expertReplace")
class ExpertReplaceDelegate implements JavaDelegate {
    private final PanelService panels;

    ExpertReplaceDelegate(PanelService panels) {
        this.panels = panels;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = ReviewDelegates.caseId(execution);
        String seat = String.valueOf(execution.getVariable("seat"));
        PanelService.DrawResult result = panels.drawReplacement(caseId, seat, panels.nextSeed());
        if (!result.success()) throw new BpmnError(ReviewDelegates.SHORTFALL, result.message());
    }
}

/** Task_Aggregate 汇总评分: aggregates the sheets under processes/score-aggregation.dmn onto the score board. */
@Component("scoreAggregate")
class ScoreAggregateDelegate implements JavaDelegate {
    private final ReviewService reviews;

    ScoreAggregateDelegate(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reviews.aggregate(ReviewDelegates.caseId(execution));
    }
}
