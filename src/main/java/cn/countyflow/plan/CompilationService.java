package cn.countyflow.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;
import cn.countyflow.evaluation.IndicatorService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.OrganisationService;
import cn.countyflow.org.Role;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.NotFoundException;
import cn.countyflow.workflow.NotPermittedException;
import cn.countyflow.workflow.TaskStateException;
import cn.countyflow.workflow.Texts;
import cn.countyflow.workflow.WorkCalendar;

/**
 * The province's compilation of a round (省工信厅汇总 → 报省政府): a summary table of base and target figures per city
 * (or province-direct county) and industry over the plans the cities reported, sent to the provincial approver in
 * its own case (process {@code planCompilation}).
 */
@Service
@Transactional(readOnly = true)
public class CompilationService {
    public static final String CASE_TYPE = "PLAN_COMPILATION";
    public static final String PROCESS_KEY = "planCompilation";

    private final PlanRoundService rounds;
    private final PlanService plans;
    private final PlanCompilationRepository compilations;
    private final PlanCompilationLineRepository lines;
    private final IndicatorService indicators;
    private final CaseFileService cases;
    private final OrganisationService organisations;
    private final AuditService audit;
    private final WorkCalendar calendar;
    private final PlanMonitoringService monitoring;

    CompilationService(PlanRoundService rounds, PlanService plans, PlanCompilationRepository compilations,
                       PlanCompilationLineRepository lines, IndicatorService indicators, CaseFileService cases,
                       OrganisationService organisations, AuditService audit, WorkCalendar calendar,
                       PlanMonitoringService monitoring) {
        this.monitoring = monitoring;
        this.rounds = rounds;
        this.plans = plans;
        this.compilations = compilations;
        this.lines = lines;
        this.indicators = indicators;
        this.cases = cases;
        this.organisations = organisations;
        this.audit = audit;
        this.calendar = calendar;
    }

    /** One line of the summary: a city (or province-direct county) and an industry, base-year and final-year figures. */
    public record Line(String areaCode, String areaName, String industry, int plans, BigDecimal baseRevenue,
                       BigDecimal targetRevenue, int baseEnterprises, int targetEnterprises, int baseAboveScale,
                       int targetAboveScale) {
    }

    /** A compilation with its summary and where it stands (PENDING with the approver, RETURNED, APPROVED). */
    public record Summary(long id, long roundId, Long caseId, String status, String compiledBy, Instant compiledAt,
                          int targetYear, List<Line> lines) {
    }

    /** Compiles the round's reported plans and sends the compilation to the provincial approver. */
    @Transactional
    public Summary compile(long roundId, CountyFlowUser user) {
        PlanRound round = rounds.get(roundId, user);
        if (!user.has(Role.PROVINCE_OFFICER) || !user.orgCode().equals(round.getProvinceCode())) {
            audit.recordIndependently(user.username(), user.orgCode(), "PLAN_COMPILE", "planRound:" + roundId,
                    AuditEvent.Outcome.DENIED, null);
            throw new NotPermittedException(Texts.get("plan.compile.error.notOfficer"));
        }
        for (PlanRecords.Compilation existing : compilations.findByRoundIdOrderByIdDesc(roundId)) {
            if (existing.status != PlanRecords.Compilation.Status.RETURNED) {
                throw new TaskStateException(Texts.get(existing.status == PlanRecords.Compilation.Status.APPROVED
                        ? "plan.compile.error.approved" : "plan.compile.error.pending"));
            }
        }
        if (plans.ofRound(roundId).stream().noneMatch(p -> p.getStatus() == IndustryPlan.Status.REPORTED)) {
            throw FieldErrorsException.of("round", Texts.get("plan.compile.error.nothing"));
        }
        PlanRecords.Compilation compilation = compilations.save(new PlanRecords.Compilation(roundId, user.username(),
                calendar.now()));
        writeLines(compilation, round);
        CaseFile c = cases.start(CASE_TYPE, Texts.get("plan.compile.title", round.getName()), round.getProvinceCode(),
                PROCESS_KEY, Map.of("roundId", roundId, "compilationId", compilation.id), user, round.cohort());
        compilation.caseId = c.getId();
        compilations.save(compilation);
        audit.record(user.username(), user.orgCode(), "PLAN_COMPILE", "planRound:" + roundId, AuditEvent.Outcome.SUCCESS,
                "compilation:" + compilation.id);
        return summary(compilation, round);
    }

    /** The compilations of a round, newest first: its province's staff only. */
    public List<Summary> ofRound(long roundId, CountyFlowUser user) {
        PlanRound round = provinceRound(roundId, user);
        return compilations.findByRoundIdOrderByIdDesc(roundId).stream().map(c -> summary(c, round)).toList();
    }

    /** One compilation: its province's staff only. */
    public Summary get(long compilationId, CountyFlowUser user) {
        PlanRecords.Compilation c = compilations.findById(compilationId)
                .orElseThrow(() -> new NotFoundException(Texts.get("plan.compile.error.notFound", compilationId)));
        return summary(c, provinceRound(c.roundId, user));
    }

    /** The compilation of a case, for the views beside its tasks (no permission check: TaskWork checked the user). */
    public java.util.Optional<Summary> byCase(long caseId) {
        return compilations.findByCaseId(caseId).map(c -> summary(c, rounds.get(c.roundId)));
    }

    private PlanRound provinceRound(long roundId, CountyFlowUser user) {
        PlanRound round = rounds.get(roundId, user);
        if (!user.has(Role.ADMIN) && !user.actsForProvince(round.getProvinceCode())) {
            audit.recordIndependently(user.username(), user.orgCode(), "PLAN_COMPILATION_READ", "planRound:" + roundId,
                    AuditEvent.Outcome.DENIED, null);
            throw new NotPermittedException(Texts.get("plan.overview.error.notProvince"));
        }
        return round;
    }

    // ---------------------------------------------------------------- for the task handler

    /** The approver's decision: approved (the round is compiled) or returned to the officer. */
    @Transactional
    void decided(long caseId, boolean approved, CountyFlowUser approver) {
        PlanRecords.Compilation c = compilations.findByCaseId(caseId).orElseThrow();
        c.status = approved ? PlanRecords.Compilation.Status.APPROVED : PlanRecords.Compilation.Status.RETURNED;
        compilations.save(c);
        if (approved) {
            rounds.markCompiled(rounds.get(c.roundId));
            // the plans are in force: the implementation stage and its reports begin
            monitoring.start(rounds.get(c.roundId), approver);
        }
    }

    /** The officer revised a returned compilation: the summary is compiled again from the plans as they are now. */
    @Transactional
    void recompiled(long caseId, CountyFlowUser user) {
        PlanRecords.Compilation c = compilations.findByCaseId(caseId).orElseThrow();
        lines.deleteByCompilationId(c.id);
        lines.flush();
        c.status = PlanRecords.Compilation.Status.PENDING;
        c.compiledBy = user.username();
        c.compiledAt = calendar.now();
        compilations.save(c);
        writeLines(c, rounds.get(c.roundId));
    }

    /**
     * Sums the reported plans per area (the reviewing city, or the county itself when province-direct) and industry:
     * base-year figures (the targets' baselines) and the targets of the period's last year.
     */
    private void writeLines(PlanRecords.Compilation compilation, PlanRound round) {
        Map<String, PlanRecords.CompilationLine> byKey = new LinkedHashMap<>();
        for (IndustryPlan p : plans.ofRound(round.getId())) {
            if (p.getStatus() != IndustryPlan.Status.REPORTED) continue;
            String area = p.getCityCode() != null ? p.getCityCode() : p.getCountyCode();
            PlanRecords.CompilationLine line = byKey.computeIfAbsent(area + "|" + p.getIndustry(),
                    k -> new PlanRecords.CompilationLine(compilation.id, area, p.getIndustry()));
            line.plans++;
            for (IndicatorService.Target t : indicators.targets(p.getCaseId())) {
                if (t.year() != round.getPeriodEnd()) continue;
                BigDecimal base = t.baseline() == null ? BigDecimal.ZERO : t.baseline();
                switch (t.indicatorCode()) {
                    case PlanService.REVENUE -> {
                        line.baseRevenue = line.baseRevenue.add(base);
                        line.targetRevenue = line.targetRevenue.add(t.target());
                    }
                    case PlanService.ENTERPRISES -> {
                        line.baseEnterprises += base.intValue();
                        line.targetEnterprises += t.target().intValue();
                    }
                    case PlanService.ABOVE_SCALE -> {
                        line.baseAboveScale += base.intValue();
                        line.targetAboveScale += t.target().intValue();
                    }
                    default -> { }
                }
            }
        }
        lines.saveAll(byKey.values());
    }

    private Summary summary(PlanRecords.Compilation c, PlanRound round) {
        List<Line> result = new ArrayList<>();
        for (PlanRecords.CompilationLine l : lines.findByCompilationIdOrderByAreaCodeAscIndustryAsc(c.id)) {
            result.add(new Line(l.areaCode, organisations.nameOf(l.areaCode), l.industry, l.plans,
                    l.baseRevenue.setScale(2, java.math.RoundingMode.HALF_UP), l.targetRevenue.setScale(2, java.math.RoundingMode.HALF_UP), l.baseEnterprises,
                    l.targetEnterprises, l.baseAboveScale, l.targetAboveScale));
        }
        result.sort(Comparator.comparing(Line::areaCode).thenComparing(Line::industry));
        return new Summary(c.id, c.roundId, c.caseId, c.status.name(), c.compiledBy, c.compiledAt, round.getPeriodEnd(),
                result);
    }
}
