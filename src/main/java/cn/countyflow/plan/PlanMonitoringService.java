package cn.countyflow.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;
import cn.countyflow.evaluation.IndicatorService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.OrgLevel;
import cn.countyflow.org.Organisation;
import cn.countyflow.org.OrganisationService;
import cn.countyflow.org.Role;
import cn.countyflow.reporting.ReportService;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.NotPermittedException;
import cn.countyflow.workflow.Texts;
import cn.countyflow.workflow.WorkCalendar;

/**
 * Monitoring of a compiled round (每月调度、季度预警、半年通报、年终考核, seed 000). Once the provincial approver
 * approves the round's compilation (省政府审定: the plans are then in force and the implementation stage begins),
 * every city that reported plans, and every province-direct county, gets a monitoring case whose process
 * ({@code planMonitoring}) calls the {@code periodicReport} capability at the end of each period: the city reports,
 * the provincial officer accepts or returns. The targets of the case are the sums of its plans' targets, so the
 * report form shows each year's target beside the value. Late and missing reports per area are read here, scoped:
 * the province sees its cities, a city (or province-direct county) only itself, nobody another province.
 */
@Service
@Transactional(readOnly = true)
public class PlanMonitoringService {
    public static final String CASE_TYPE = "PLAN_MONITORING";
    public static final String PROCESS_KEY = "planMonitoring";

    /** An area's reports in a round: how many are due by now, how many were late, how many are still not in. */
    public record AreaStatus(long caseId, String areaCode, String areaName, int dueSoFar, int late, int missing,
                             List<ReportService.ReportSummary> lateReports) {
    }

    private final PlanRoundService rounds;
    private final PlanService plans;
    private final PlanMonitoringRepository monitorings;
    private final CaseFileService cases;
    private final OrganisationService organisations;
    private final IndicatorService indicators;
    private final ReportService reports;
    private final AuditService audit;
    private final WorkCalendar calendar;

    PlanMonitoringService(PlanRoundService rounds, PlanService plans, PlanMonitoringRepository monitorings,
                          CaseFileService cases, OrganisationService organisations, IndicatorService indicators,
                          ReportService reports, AuditService audit, WorkCalendar calendar) {
        this.rounds = rounds;
        this.plans = plans;
        this.monitorings = monitorings;
        this.cases = cases;
        this.organisations = organisations;
        this.indicators = indicators;
        this.reports = reports;
        this.audit = audit;
        this.calendar = calendar;
    }

    /**
     * The round's compilation was approved: a monitoring case per city (or province-direct county) with reported
     * plans, over the periods of the round's years from the month after today. An area already monitored is left.
     */
    @Transactional
    void start(PlanRound round, CountyFlowUser approver) {
        List<String> periods = MonitoringPeriods.schedule(round.getPeriodStart(), round.getPeriodEnd(), calendar.today());
        if (periods.isEmpty()) return;
        Map<String, List<IndustryPlan>> byArea = new TreeMap<>();
        for (IndustryPlan p : plans.ofRound(round.getId())) {
            if (p.getStatus() != IndustryPlan.Status.REPORTED) continue;
            byArea.computeIfAbsent(areaOf(p), k -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<String, List<IndustryPlan>> area : byArea.entrySet()) {
            if (monitorings.findByRoundIdAndAreaCode(round.getId(), area.getKey()).isPresent()) continue;
            Organisation org = organisations.get(area.getKey());
            String drafters = org.getLevel() == OrgLevel.CITY ? Role.CITY_REVIEWER.groupOf(org.getCode())
                    : Role.COUNTY_DRAFTER.groupOf(org.getCode());
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("roundId", round.getId());
            variables.put("cohort", round.cohort());
            variables.put("monitoringPeriods", String.join(",", periods));
            variables.put("monitoringDraftersGroup", drafters);
            CaseFile c = cases.start(CASE_TYPE, Texts.get("plan.monitoring.title", org.getName(), round.getName()),
                    org.getCode(), PROCESS_KEY, variables, approver, round.cohort());
            indicators.commitTargets(new IndicatorService.Subject(c.getId(), round.cohort(), c.getProvinceCode(),
                    c.getCityCode(), c.getCountyCode()), summedTargets(area.getValue()));
            monitorings.save(new MonitoringRecords.Monitoring(round.getId(), round.getProvinceCode(), org.getCode(),
                    c.getId(), periods.get(0), calendar.now()));
        }
    }

    /** The city that reviewed the plan, or the county itself when it is province-direct. */
    static String areaOf(IndustryPlan p) {
        return p.getCityCode() != null ? p.getCityCode() : p.getCountyCode();
    }

    /** Per indicator: the sum of the plans' baselines and of their targets for each year. */
    private List<IndicatorService.TargetLine> summedTargets(List<IndustryPlan> areaPlans) {
        Map<String, BigDecimal> baselines = new LinkedHashMap<>();
        Map<String, Map<Integer, BigDecimal>> targets = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (IndustryPlan p : areaPlans) {
            for (IndicatorService.Target t : indicators.targets(p.getCaseId())) {
                units.putIfAbsent(t.indicatorCode(), t.unit());
                targets.computeIfAbsent(t.indicatorCode(), k -> new TreeMap<>()).merge(t.year(), t.target(), BigDecimal::add);
            }
            // a plan's baseline is the same on each of its years: count it once per plan
            indicators.targets(p.getCaseId()).stream()
                    .collect(java.util.stream.Collectors.toMap(IndicatorService.Target::indicatorCode,
                            t -> t.baseline() == null ? BigDecimal.ZERO : t.baseline(), (a, b) -> a))
                    .forEach((code, base) -> baselines.merge(code, base, BigDecimal::add));
        }
        List<IndicatorService.TargetLine> lines = new ArrayList<>();
        targets.forEach((code, byYear) -> lines.add(new IndicatorService.TargetLine(code, units.get(code),
                baselines.get(code), byYear)));
        return lines;
    }

    // ---------------------------------------------------------------- reading, scoped

    /**
     * The monitored areas of a round the user oversees, each with its late and missing reports: the province all of
     * its round's areas; a city, or a province-direct county, itself; anybody else is refused (recorded).
     */
    public List<AreaStatus> areas(long roundId, CountyFlowUser user) {
        PlanRound round = rounds.get(roundId, user);
        boolean province = user.has(Role.ADMIN) || user.actsForProvince(round.getProvinceCode());
        if (!province && !overseesOwnArea(user)) {
            audit.recordIndependently(user.username(), user.orgCode(), "PLAN_MONITORING_READ", "planRound:" + roundId,
                    AuditEvent.Outcome.DENIED, null);
            throw new NotPermittedException(Texts.get("plan.monitoring.error.scope"));
        }
        Instant now = calendar.now();
        List<AreaStatus> result = new ArrayList<>();
        for (MonitoringRecords.Monitoring m : monitorings.findByRoundIdOrderByAreaCodeAsc(roundId)) {
            if (!province && !m.areaCode.equals(user.orgCode())) continue;
            List<ReportService.ReportSummary> all = reports.reportsOf(m.caseId, user).stream()
                    .map(ReportService.ReportDetails::report).toList();
            int due = (int) all.stream().filter(r -> r.late() || r.dueAt().isBefore(now)).count();
            List<ReportService.ReportSummary> late = all.stream().filter(ReportService.ReportSummary::late).toList();
            int missing = (int) late.stream().filter(r -> r.firstSubmittedAt() == null).count();
            result.add(new AreaStatus(m.caseId, m.areaCode, organisations.nameOf(m.areaCode), due, late.size(), missing,
                    late));
        }
        return result;
    }

    /** The monitoring case of a round's area, if it is monitored (no permission check: callers check scope). */
    java.util.Optional<MonitoringRecords.Monitoring> of(long roundId, String areaCode) {
        return monitorings.findByRoundIdAndAreaCode(roundId, areaCode);
    }

    java.util.Optional<MonitoringRecords.Monitoring> byCase(long caseId) {
        return monitorings.findByCaseId(caseId);
    }

    /** Whether a case is a monitoring case (for the views beside its report tasks). */
    public boolean isMonitoringCase(long caseId) {
        return monitorings.findByCaseId(caseId).isPresent();
    }

    /** A city reviewer (its city) or a province-direct county's staff (the county reports itself). */
    private boolean overseesOwnArea(CountyFlowUser user) {
        return user.has(Role.CITY_REVIEWER) || reportsItself(user);
    }

    /** A province-direct county's staff: their county reports to the province itself, like a city. */
    public boolean reportsItself(CountyFlowUser user) {
        return (user.has(Role.COUNTY_DRAFTER) || user.has(Role.COUNTY_LEADER))
                && organisations.get(user.orgCode()).isProvinceDirect();
    }
}
