package cn.countyflow.review;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import cn.countyflow.calendar.Deadlines;

/**
 * The service tasks of processes/expert-review.bpmn (process {@code expertReview}), as {@code ${beanName}} delegates.
 * They read only the call's input variables ({@code reviewSubjectId}, {@code reviewProvinceCode},
 * {@code reviewApplicantOrg}, {@code reviewPanelSize}, {@code reviewOfficersGroup}) and write the outputs
 * ({@code reviewScore}, {@code reviewExpertCount}, {@code reviewSpreadFlagged}); they never name a programme.
 */
final class ReviewDelegates {
    static final String SHORTFALL = "PANEL_SHORTFALL";

    static final String SUBJECT_ID = "reviewSubjectId";
    static final String PROVINCE_CODE = "reviewProvinceCode";
    static final String APPLICANT_ORG = "reviewApplicantOrg";
    static final String PANEL_SIZE = "reviewPanelSize";
    static final String ITEMS_DECISION = "reviewItemsDecision";
    static final String OFFICERS_GROUP = "reviewOfficersGroup";
    static final String SCORE = "reviewScore";
    static final String EXPERT_COUNT = "reviewExpertCount";
    static final String SPREAD_FLAGGED = "reviewSpreadFlagged";

    private ReviewDelegates() {
    }

    /** The subject case id: the input variable, else the business key the caller handed in. */
    static long caseId(DelegateExecution execution) {
        Object v = execution.getVariable(SUBJECT_ID);
        if (v instanceof Number n) return n.longValue();
        return Long.parseLong(execution.getProcessBusinessKey());
    }

    static PanelService.Subject subject(DelegateExecution execution) {
        return new PanelService.Subject(caseId(execution), required(execution, PROVINCE_CODE),
                required(execution, APPLICANT_ORG));
    }

    static String required(DelegateExecution execution, String name) {
        Object v = execution.getVariable(name);
        if (v == null || v.toString().isBlank()) throw new IllegalStateException("the expert review lacks the input variable " + name);
        return v.toString();
    }

}

/** Task_DrawPanel 抽取评审专家: draws the panel or raises PANEL_SHORTFALL (nothing drawn, attempt recorded). */
@Component("panelDraw")
class PanelDrawDelegate implements JavaDelegate {
    private final PanelService panels;

    PanelDrawDelegate(PanelService panels) {
        this.panels = panels;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int size = Integer.parseInt(ReviewDelegates.required(execution, ReviewDelegates.PANEL_SIZE));
        PanelService.DrawResult result = panels.drawPanel(ReviewDelegates.subject(execution), size, panels.nextSeed());
        if (!result.success()) throw new BpmnError(ReviewDelegates.SHORTFALL, result.message());
        // transient: the seat ids only feed the multi-instance that starts in this transaction
        execution.setVariable("panelSeats", Variables.objectValue(new ArrayList<>(result.seats()), true).create());
    }
}

/**
 * Task_AssignSeat 分派评审任务: the seat's current expert becomes the scoring task's assignee (local variables of
 * the seat); an expert without an account is scored by a provincial officer on their behalf (candidate group).
 */
@Component("seatAssign")
class SeatAssignDelegate implements JavaDelegate {
    private final ReviewService reviews;
    private final Deadlines deadlines;

    SeatAssignDelegate(ReviewService reviews, Deadlines deadlines) {
        this.reviews = reviews;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long caseId = ReviewDelegates.caseId(execution);
        String seat = String.valueOf(execution.getVariable("seat"));
        Assignment a = reviews.activeAssignment(caseId, seat)
                .orElseThrow(() -> new IllegalStateException("case " + caseId + " seat " + seat + " has no active expert"));
        Object extendTo = execution.getVariableLocal("extendTo");
        execution.setVariableLocal("seatExpert", a.username);
        execution.setVariableLocal("seatDue", extendTo instanceof Date d ? d : deadlines.due("review-scoring"));
        execution.setVariableLocal("extendTo", null);
        execution.setVariableLocal("conflict", false);
        List<String> groups = a.username == null ? List.of(ReviewDelegates.required(execution, ReviewDelegates.OFFICERS_GROUP))
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
        String seat = String.valueOf(execution.getVariable("seat"));
        PanelService.DrawResult result = panels.drawReplacement(ReviewDelegates.subject(execution), seat, panels.nextSeed());
        if (!result.success()) throw new BpmnError(ReviewDelegates.SHORTFALL, result.message());
    }
}

/**
 * Task_Aggregate 汇总评分: aggregates the sheets under processes/score-aggregation.dmn onto the score board and hands
 * the result back to the caller as {@code reviewScore} (Double), {@code reviewExpertCount} (Integer) and
 * {@code reviewSpreadFlagged} (Boolean).
 */
@Component("scoreAggregate")
class ScoreAggregateDelegate implements JavaDelegate {
    private final ReviewService reviews;

    ScoreAggregateDelegate(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ApplicationScore score = reviews.aggregate(ReviewDelegates.caseId(execution));
        execution.setVariable(ReviewDelegates.SCORE, score.score().doubleValue());
        execution.setVariable(ReviewDelegates.EXPERT_COUNT, score.expertCount());
        execution.setVariable(ReviewDelegates.SPREAD_FLAGGED, score.spreadFlagged());
    }
}
