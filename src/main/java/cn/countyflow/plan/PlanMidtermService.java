package cn.countyflow.plan;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;
import cn.countyflow.evaluation.IndicatorService;
import cn.countyflow.evaluation.RectificationOrdered;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.OrganisationService;
import cn.countyflow.org.Role;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.NotFoundException;
import cn.countyflow.workflow.NotPermittedException;
import cn.countyflow.workflow.Texts;
import cn.countyflow.workflow.WorkCalendar;

/**
 * A plan's mid-term evaluation (中期评估, issue 8 point 8): the province's officer opens it for a plan reported to the
 * province; process {@code planMidterm} calls the capability {@code targetEvaluation} with the plan's case as subject,
 * so the county enters the actuals of the plan's targets (特色产业营业收入, 企业数, 规上企业数) for the years so far, the
 * completion ratios are computed by IndicatorService, the city reviews, and the province concludes 通过 or 限期整改
 * (then the rectification report and the re-evaluation). The plan's mid-term shows 整改中 while rectifying.
 */
@Service("planMidterms")
@Transactional(readOnly = true)
public class PlanMidtermService {
    public static final String PROCESS_KEY = "planMidterm";
    public static final String RUNNING = "RUNNING";
    public static final String RECTIFYING = "RECTIFYING";
    /** Panel size when the province lets experts score the mid-term (the capability's expert review). */
    static final int PANEL_SIZE = 5;

    private final MidtermRepository midterms;
    private final IndustryPlanRepository plans;
    private final PlanRoundRepository rounds;
    private final CaseFileService cases;
    private final OrganisationService organisations;
    private final IndicatorService indicators;
    private final RuntimeService runtime;
    private final AuditService audit;
    private final WorkCalendar calendar;

    PlanMidtermService(MidtermRepository midterms, IndustryPlanRepository plans, PlanRoundRepository rounds,
                       CaseFileService cases, OrganisationService organisations, IndicatorService indicators,
                       RuntimeService runtime, AuditService audit, WorkCalendar calendar) {
        this.midterms = midterms;
        this.plans = plans;
        this.rounds = rounds;
        this.cases = cases;
        this.organisations = organisations;
        this.indicators = indicators;
        this.runtime = runtime;
        this.audit = audit;
        this.calendar = calendar;
    }

    /** A plan's mid-term: where it stands (RUNNING, RECTIFYING, PASSED, TERMINATED), who opened it and when. */
    public record Midterm(long id, long caseId, String status, String startedBy, Instant startedAt,
                          Instant concludedAt) {
    }

    /** Opens the mid-term of a plan reported to the province (the province's officer only). */
    @Transactional
    public Midterm start(long planCaseId, CountyFlowUser user) {
        IndustryPlan plan = plans.findByCaseId(planCaseId)
                .orElseThrow(() -> new NotFoundException(Texts.get("plan.error.notFound", planCaseId)));
        if (!user.has(Role.PROVINCE_OFFICER) || !user.orgCode().equals(plan.getProvinceCode())) {
            String message = Texts.get("plan.midterm.error.notOfficer");
            audit.recordIndependently(user.username(), user.orgCode(), "PLAN_MIDTERM_START", "case:" + planCaseId,
                    AuditEvent.Outcome.DENIED, message);
            throw new NotPermittedException(message);
        }
        if (plan.getStatus() != IndustryPlan.Status.REPORTED) {
            throw FieldErrorsException.of("_form", Texts.get("plan.midterm.error.notReported"));
        }
        if (indicators.targets(planCaseId).isEmpty()) {
            throw FieldErrorsException.of("_form", Texts.get("plan.midterm.error.noTargets"));
        }
        if (midterms.findByCaseIdOrderByIdAsc(planCaseId).stream()
                .anyMatch(m -> RUNNING.equals(m.status) || RECTIFYING.equals(m.status))) {
            throw FieldErrorsException.of("_form", Texts.get("plan.midterm.error.running"));
        }
        PlanRound round = rounds.findById(plan.getRoundId()).orElseThrow();
        Map<String, Object> vars = new LinkedHashMap<>(cases.routingGroups(organisations.get(plan.getCountyCode())));
        vars.put("caseId", planCaseId);
        vars.put("planCohort", round.cohort());
        vars.put("provinceCode", plan.getProvinceCode());
        vars.put("panelSize", PANEL_SIZE);
        var pi = runtime.startProcessInstanceByKey(PROCESS_KEY, String.valueOf(planCaseId), vars);
        VariantRecords.Midterm m = new VariantRecords.Midterm();
        m.planId = plan.getId();
        m.caseId = planCaseId;
        m.processInstanceId = pi.getId();
        m.status = pi.isEnded() ? "ENDED" : RUNNING;
        m.startedBy = user.username();
        m.startedAt = calendar.now();
        midterms.save(m);
        audit.record(user.username(), user.orgCode(), "PLAN_MIDTERM_START", "case:" + planCaseId,
                AuditEvent.Outcome.SUCCESS, null);
        return view(m);
    }

    /** The plan's mid-terms, oldest first, for whoever may see the plan (403, audited, otherwise). */
    public List<Midterm> midterms(long planCaseId, CountyFlowUser user) {
        cases.get(planCaseId, user);
        return midterms.findByCaseIdOrderByIdAsc(planCaseId).stream().map(PlanMidtermService::view).toList();
    }

    /** End listener of the call: the evaluation's outcome (PASSED, TERMINATED) becomes the mid-term's. */
    @Transactional
    public void evaluationDone(DelegateExecution execution) {
        Object outcome = execution.getVariable("midtermOutcome");
        midterms.findByProcessInstanceId(execution.getProcessInstanceId()).ifPresent(m -> {
            m.status = outcome == null ? "ENDED" : outcome.toString();
            m.concludedAt = calendar.now();
            midterms.save(m);
        });
    }

    /** The capability ordered a rectification: the plan's running mid-term is 整改中. */
    @EventListener
    @Transactional
    public void onRectificationOrdered(RectificationOrdered ordered) {
        midterms.findByCaseIdOrderByIdAsc(ordered.subjectCaseId()).stream().filter(m -> RUNNING.equals(m.status))
                .forEach(m -> {
                    m.status = RECTIFYING;
                    midterms.save(m);
                });
    }

    private static Midterm view(VariantRecords.Midterm m) {
        return new Midterm(m.id, m.caseId, m.status, m.startedBy, m.startedAt, m.concludedAt);
    }
}
