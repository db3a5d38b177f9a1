package cn.countyflow.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;
import cn.countyflow.evaluation.IndicatorService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.OrganisationService;
import cn.countyflow.org.Role;
import cn.countyflow.reporting.ReportPrefill;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.NotFoundException;
import cn.countyflow.workflow.NotPermittedException;
import cn.countyflow.workflow.Texts;
import cn.countyflow.workflow.WorkCalendar;

/**
 * A county's own figures reach its city through progress entries (县级进度填报): for each reported plan and
 * monitoring period the county enters its 营业收入, enterprises and 规上企业 so far (typed rows, the newest entry per
 * indicator counts). The city's report for the period opens with the roll-up of its counties' entries: the sums per
 * industry beside the form, their totals as the form's proposed values ({@link ReportPrefill}).
 */
@Service
@Transactional(readOnly = true)
public class PlanProgressService implements ReportPrefill {
    /** The indicators a county enters, in form order. */
    public static final List<String> INDICATORS = List.of(PlanService.REVENUE, PlanService.ENTERPRISES,
            PlanService.ABOVE_SCALE);

    public record Entry(String periodKey, String periodLabel, String indicatorCode, BigDecimal value, String enteredBy,
                        Instant enteredAt) {
    }

    /** One industry of an area in a period: how many counties entered figures and their sums per indicator. */
    public record RollUpLine(String industry, int counties, Map<String, BigDecimal> sums) {
    }

    public record RollUp(long monitoringCaseId, String areaCode, String areaName, String periodKey, String periodLabel,
                         List<RollUpLine> lines, Map<String, BigDecimal> totals) {
    }

    private final PlanService plans;
    private final PlanMonitoringService monitoring;
    private final PlanProgressRepository entries;
    private final MonitoringPeriods periods;
    private final CaseFileService cases;
    private final OrganisationService organisations;
    private final AuditService audit;
    private final WorkCalendar calendar;

    PlanProgressService(PlanService plans, PlanMonitoringService monitoring, PlanProgressRepository entries,
                        MonitoringPeriods periods, CaseFileService cases, OrganisationService organisations,
                        AuditService audit, WorkCalendar calendar) {
        this.plans = plans;
        this.monitoring = monitoring;
        this.entries = entries;
        this.periods = periods;
        this.cases = cases;
        this.organisations = organisations;
        this.audit = audit;
        this.calendar = calendar;
    }

    /**
     * The county's figures for a plan and period (its drafters only, a reported plan of a monitored round, a period
     * of the schedule that has begun); indicators left empty are kept as they were.
     */
    @Transactional
    public List<Entry> enter(long planCaseId, String periodKey, Map<String, BigDecimal> values, CountyFlowUser user) {
        plans.detail(planCaseId, user);
        IndustryPlan plan = plans.byCase(planCaseId).orElseThrow();
        if (!user.has(Role.COUNTY_DRAFTER) || !user.orgCode().equals(plan.getCountyCode())) {
            audit.recordIndependently(user.username(), user.orgCode(), "PLAN_PROGRESS_ENTER", "case:" + planCaseId,
                    AuditEvent.Outcome.DENIED, null);
            throw new NotPermittedException(Texts.get("plan.progress.error.notDrafter"));
        }
        if (plan.getStatus() != IndustryPlan.Status.REPORTED) {
            throw FieldErrorsException.of("plan", Texts.get("plan.progress.error.notReported"));
        }
        MonitoringRecords.Monitoring m = monitoring.of(plan.getRoundId(), PlanMonitoringService.areaOf(plan))
                .orElseThrow(() -> FieldErrorsException.of("plan", Texts.get("plan.progress.error.notMonitored")));
        Map<String, String> errors = new LinkedHashMap<>();
        if (!periodsOf(m, plan).contains(periodKey)) {
            errors.put("periodKey", Texts.get("plan.progress.error.period"));
        } else if (firstDay(periodKey).isAfter(calendar.today())) {
            errors.put("periodKey", Texts.get("plan.progress.error.future", periods.label(periodKey)));
        }
        Map<String, BigDecimal> given = new LinkedHashMap<>();
        (values == null ? Map.<String, BigDecimal>of() : values).forEach((code, value) -> {
            if (!INDICATORS.contains(code)) errors.put("values." + code, Texts.get("plan.progress.error.indicator"));
            else if (value != null && value.signum() < 0) errors.put("values." + code, Texts.get("plan.progress.error.negative"));
            else if (value != null) given.put(code, value);
        });
        if (errors.isEmpty() && given.isEmpty()) errors.put("values", Texts.get("plan.progress.error.empty"));
        if (!errors.isEmpty()) throw new FieldErrorsException(errors);
        Instant now = calendar.now();
        given.forEach((code, value) -> {
            MonitoringRecords.Progress row = entries.findByPlanIdAndPeriodKeyAndIndicatorCode(plan.getId(), periodKey, code)
                    .orElseGet(MonitoringRecords.Progress::new);
            row.planId = plan.getId();
            row.roundId = plan.getRoundId();
            row.areaCode = m.areaCode;
            row.countyCode = plan.getCountyCode();
            row.industry = plan.getIndustry();
            row.periodKey = periodKey;
            row.indicatorCode = code;
            row.value = value;
            row.enteredBy = user.username();
            row.enteredAt = now;
            entries.save(row);
        });
        audit.record(user.username(), user.orgCode(), "PLAN_PROGRESS_ENTER", "case:" + planCaseId,
                AuditEvent.Outcome.SUCCESS, periodKey);
        return entries(planCaseId, user);
    }

    /** A plan's entries, by period and indicator, for whoever may see the plan. */
    public List<Entry> entries(long planCaseId, CountyFlowUser user) {
        plans.detail(planCaseId, user);
        IndustryPlan plan = plans.byCase(planCaseId).orElseThrow();
        return entries.findByPlanIdOrderByPeriodKeyAscIndicatorCodeAsc(plan.getId()).stream()
                .map(e -> new Entry(e.periodKey, periods.label(e.periodKey), e.indicatorCode, e.value, e.enteredBy,
                        e.enteredAt)).toList();
    }

    /**
     * The periods a county may enter figures for on this plan now: those of the schedule that have begun, in the
     * order their periods end; empty when the round is not monitored yet.
     */
    public List<String> openPeriods(long planCaseId, CountyFlowUser user) {
        plans.detail(planCaseId, user);
        IndustryPlan plan = plans.byCase(planCaseId).orElseThrow();
        return monitoring.of(plan.getRoundId(), PlanMonitoringService.areaOf(plan))
                .map(m -> periodsOf(m, plan).stream().filter(k -> !firstDay(k).isAfter(calendar.today())).toList())
                .orElse(List.of());
    }

    /** The roll-up of an area's county entries for a period, for whoever may see the monitoring case. */
    public RollUp rollUp(long monitoringCaseId, String periodKey, CountyFlowUser user) {
        cases.get(monitoringCaseId, user);
        return rollUp(monitoringCaseId, periodKey);
    }

    /** The roll-up (no permission check: the task page checked the user through TaskWork). */
    public RollUp rollUp(long monitoringCaseId, String periodKey) {
        MonitoringRecords.Monitoring m = monitoring.byCase(monitoringCaseId)
                .orElseThrow(() -> new NotFoundException(Texts.get("plan.monitoring.error.notFound", monitoringCaseId)));
        Map<String, Set<String>> counties = new LinkedHashMap<>();
        Map<String, Map<String, BigDecimal>> sums = new LinkedHashMap<>();
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        for (MonitoringRecords.Progress e : entries.findByRoundIdAndAreaCodeAndPeriodKeyOrderByIndustryAscCountyCodeAsc(
                m.roundId, m.areaCode, periodKey)) {
            counties.computeIfAbsent(e.industry, k -> new LinkedHashSet<>()).add(e.countyCode);
            sums.computeIfAbsent(e.industry, k -> new LinkedHashMap<>()).merge(e.indicatorCode, e.value, BigDecimal::add);
            totals.merge(e.indicatorCode, e.value, BigDecimal::add);
        }
        List<RollUpLine> lines = new ArrayList<>();
        sums.forEach((industry, byIndicator) -> lines.add(new RollUpLine(industry, counties.get(industry).size(), byIndicator)));
        return new RollUp(monitoringCaseId, m.areaCode, organisations.nameOf(m.areaCode), periodKey,
                MonitoringPeriods.isValid(periodKey) ? periods.label(periodKey) : periodKey, lines, totals);
    }

    /** The city's report of a period opens with the totals of its counties' entries. */
    @Override
    public Map<String, BigDecimal> proposedValues(long subjectCaseId, String periodKey) {
        if (monitoring.byCase(subjectCaseId).isEmpty()) return Map.of();
        return rollUp(subjectCaseId, periodKey).totals();
    }

    private List<String> periodsOf(MonitoringRecords.Monitoring m, IndustryPlan plan) {
        PlanRound round = plans.roundOf(plan);
        return MonitoringPeriods.schedule(round.getPeriodStart(), round.getPeriodEnd(), WorkCalendar.dayOf(m.startedAt));
    }

    /** The first day a period covers (a month; the quarter; the half-year and the year from January). */
    static LocalDate firstDay(String key) {
        LocalDate last = MonitoringPeriods.lastDay(key);
        String part = key.substring(5);
        return switch (part) {
            case "Q1", "Q3" -> last.minusMonths(2).withDayOfMonth(1);
            case "H1", "Y" -> LocalDate.of(last.getYear(), 1, 1);
            default -> last.withDayOfMonth(1);
        };
    }
}
