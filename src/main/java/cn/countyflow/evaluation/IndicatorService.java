package cn.countyflow.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.OrganisationService;
import cn.countyflow.org.Role;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.NotPermittedException;
import cn.countyflow.workflow.Texts;

/**
 * Indicators as data: the catalogue, the targets a subject case committed to (typed rows per indicator and year),
 * the actuals that reports and evaluations record against them, completion ratios, and the province's comparison of
 * counties on one indicator. A capability: it keys everything by the subject case id and a neutral cohort (e.g. a
 * programme's batch, "PILOT_BATCH:12") and names no programme.
 * <p>Writing targets and actuals has no user check: programmes call it from steps that checked the user already.
 * Reading the comparison checks scope here, for the view and /api alike.
 */
@Service
@Transactional(readOnly = true)
public class IndicatorService {
    private final IndicatorRepository indicators;
    private final TargetRowRepository targets;
    private final ActualRowRepository actuals;
    private final OrganisationService organisations;
    private final AuditService audit;
    private final Clock clock;

    IndicatorService(IndicatorRepository indicators, TargetRowRepository targets, ActualRowRepository actuals,
                     OrganisationService organisations, AuditService audit, Clock clock) {
        this.clock = clock;
        this.indicators = indicators;
        this.targets = targets;
        this.actuals = actuals;
        this.organisations = organisations;
        this.audit = audit;
    }

    /** Whose targets: the subject case, its cohort and its place (for scoping and comparing). */
    public record Subject(long caseId, String cohort, String provinceCode, String cityCode, String countyCode) {
    }

    /** One committed indicator: its unit and baseline, and the target per year. */
    public record TargetLine(String indicatorCode, String unit, BigDecimal baseline, Map<Integer, BigDecimal> targets) {
    }

    /** A committed target as read back. */
    public record Target(String indicatorCode, String indicatorName, String unit, int year, BigDecimal baseline,
                         BigDecimal target) {
    }

    /** An actual value to record. */
    public record Actual(String indicatorCode, int year, BigDecimal value) {
    }

    /** Target against the current actual for one indicator and year, with the completion ratio in percent. */
    public record Progress(String indicatorCode, String indicatorName, String unit, Indicator.Direction direction,
                           int decimals, int year, BigDecimal baseline, BigDecimal target, BigDecimal actual,
                           BigDecimal ratio) {
    }

    /** A row of the comparison query (before names and ratio). */
    public record ComparisonRow(Long subjectCaseId, String cohort, String cityCode, String countyCode,
                                String indicatorCode, Integer year, String unit, BigDecimal baseline, BigDecimal target,
                                BigDecimal actual) {
    }

    /** A row of the province's comparison: one county, one cohort, one year. */
    public record ComparisonLine(long subjectCaseId, String cohort, String cityCode, String cityName, String countyCode,
                                 String countyName, int year, String unit, BigDecimal target, BigDecimal actual,
                                 BigDecimal ratio) {
    }

    // ---------------------------------------------------------------- catalogue

    public List<Indicator> indicators(String indicatorSet) {
        return indicators.findByIndicatorSetOrderBySortOrderAsc(indicatorSet);
    }

    public List<Indicator> allIndicators() {
        return indicators.findAllByOrderBySortOrderAsc();
    }

    private Map<String, Indicator> catalogue() {
        return allIndicators().stream().collect(Collectors.toMap(Indicator::getCode, Function.identity()));
    }

    // ---------------------------------------------------------------- targets

    /**
     * Replaces the subject's targets with these lines (idempotent: committing again after a correction leaves one row
     * per indicator and year). Unknown indicators or missing values are field errors under {@code targets[i]}.
     */
    @Transactional
    public void commitTargets(Subject subject, List<TargetLine> lines) {
        Map<String, Indicator> known = catalogue();
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            TargetLine line = lines.get(i);
            if (!known.containsKey(line.indicatorCode())) errors.put("targets[" + i + "].indicator", Texts.get("evaluation.error.unknownIndicator", line.indicatorCode()));
            line.targets().forEach((year, value) -> {
                if (value == null) throw FieldErrorsException.of("targets", Texts.get("evaluation.error.targetMissing", String.valueOf(year)));
            });
        }
        if (!errors.isEmpty()) throw new FieldErrorsException(errors);
        targets.deleteBySubject(subject.caseId());
        targets.flush();
        Instant now = clock.instant();
        List<TargetRow> rows = new ArrayList<>();
        for (TargetLine line : lines) {
            String unit = line.unit() == null || line.unit().isBlank() ? known.get(line.indicatorCode()).getUnit() : line.unit();
            line.targets().forEach((year, value) -> rows.add(new TargetRow(subject, line.indicatorCode(), year, unit,
                    line.baseline(), value, now)));
        }
        targets.saveAll(rows);
    }

    /** The subject's targets, by indicator (catalogue order) and year. */
    public List<Target> targets(long subjectCaseId) {
        Map<String, Indicator> known = catalogue();
        return targets.findBySubjectCaseIdOrderByIdAsc(subjectCaseId).stream()
                .sorted(Comparator.<TargetRow>comparingInt(t -> known.get(t.indicatorCode).getSortOrder()).thenComparingInt(t -> t.year))
                .map(t -> new Target(t.indicatorCode, known.get(t.indicatorCode).getName(), t.unit, t.year, t.baseline, t.target))
                .toList();
    }

    // ---------------------------------------------------------------- actuals

    /**
     * Records actual values from a report or evaluation ({@code source}, e.g. REPORT, MIDTERM, FINAL; {@code sourceRef}
     * its own id). Each becomes the current value of its indicator and year; earlier values stay, no longer current.
     */
    @Transactional
    public void recordActuals(Subject subject, String source, String sourceRef, String reportedBy, List<Actual> values) {
        Map<String, Indicator> known = catalogue();
        Instant now = clock.instant();
        for (Actual v : values) {
            if (!known.containsKey(v.indicatorCode())) throw FieldErrorsException.of("actuals", Texts.get("evaluation.error.unknownIndicator", v.indicatorCode()));
            if (v.value() == null) continue;
            actuals.findFirstBySubjectCaseIdAndIndicatorCodeAndYearAndCurrentTrue(subject.caseId(), v.indicatorCode(), v.year())
                    .ifPresent(previous -> {
                        previous.current = false;
                        actuals.saveAndFlush(previous);
                    });
            ActualRow row = new ActualRow();
            row.subjectCaseId = subject.caseId();
            row.cohort = subject.cohort();
            row.provinceCode = subject.provinceCode();
            row.cityCode = subject.cityCode();
            row.countyCode = subject.countyCode();
            row.indicatorCode = v.indicatorCode();
            row.year = v.year();
            row.value = v.value();
            row.source = source;
            row.sourceRef = sourceRef;
            row.current = true;
            row.reportedBy = reportedBy;
            row.reportedAt = now;
            actuals.save(row);
        }
    }

    /** The actuals a given report or evaluation recorded (whether still current or not). */
    public List<Actual> actualsOf(long subjectCaseId, String sourceRef) {
        return actuals.findBySubjectCaseIdAndSourceRefOrderByIdAsc(subjectCaseId, sourceRef).stream()
                .map(a -> new Actual(a.indicatorCode, a.year, a.value)).toList();
    }

    // ---------------------------------------------------------------- progress

    /** Every target of the subject with its current actual and completion ratio. */
    public List<Progress> progress(long subjectCaseId) {
        Map<String, BigDecimal> current = new HashMap<>();
        actuals.findBySubjectCaseIdAndCurrentTrueOrderByIdAsc(subjectCaseId)
                .forEach(a -> current.put(a.indicatorCode + "/" + a.year, a.value));
        return progress(subjectCaseId, current);
    }

    /**
     * Every target of the subject against the given actuals (key {@code INDICATOR/year}, e.g. values a county is
     * entering, not yet stored), with completion ratios. The one place the ratio is computed.
     */
    public List<Progress> progress(long subjectCaseId, Map<String, BigDecimal> actualsByKey) {
        Map<String, Indicator> known = catalogue();
        return targets(subjectCaseId).stream().map(t -> {
            Indicator ind = known.get(t.indicatorCode());
            BigDecimal actual = actualsByKey.get(key(t.indicatorCode(), t.year()));
            return new Progress(t.indicatorCode(), t.indicatorName(), t.unit(), ind.getDirection(), ind.getDecimals(),
                    t.year(), t.baseline(), t.target(), actual, completionRatio(ind.getDirection(), t.target(), actual));
        }).toList();
    }

    public static String key(String indicatorCode, int year) {
        return indicatorCode + "/" + year;
    }

    /**
     * Completion in percent, two decimals: actual ÷ target when higher is better, target ÷ actual when lower is
     * better; null when there is no actual yet or the divisor is zero.
     */
    public static BigDecimal completionRatio(Indicator.Direction direction, BigDecimal target, BigDecimal actual) {
        if (target == null || actual == null) return null;
        BigDecimal numerator = direction == Indicator.Direction.LOWER_BETTER ? target : actual;
        BigDecimal divisor = direction == Indicator.Direction.LOWER_BETTER ? actual : target;
        if (divisor.signum() == 0) return null;
        return numerator.multiply(BigDecimal.valueOf(100)).divide(divisor, 2, RoundingMode.HALF_UP);
    }

    // ---------------------------------------------------------------- comparison (province)

    /** Cohorts with targets in the province (for the comparison's filter). Same scope as {@link #compare}. */
    public List<String> cohorts(CountyFlowUser user, String provinceCode) {
        checkComparison(user, provinceCode);
        return targets.cohorts(provinceCode);
    }

    /**
     * Counties compared on one indicator: target, current actual and completion ratio per county, cohort and year,
     * one page. Province officers and approvers see their province, a city reviewer only its counties, admins any;
     * everyone else is refused (403, audited).
     */
    public Page<ComparisonLine> compare(CountyFlowUser user, String provinceCode, String indicatorCode, String cohort,
                                        Integer year, Pageable pageable) {
        String city = checkComparison(user, provinceCode);
        Indicator ind = indicators.findById(indicatorCode == null ? "" : indicatorCode)
                .orElseThrow(() -> FieldErrorsException.of("indicator", Texts.get("reporting.error.indicator")));
        String cohortFilter = cohort == null || cohort.isBlank() ? null : cohort;
        return targets.compare(provinceCode, ind.getCode(), cohortFilter, year, city, pageable).map(r -> new ComparisonLine(
                r.subjectCaseId(), r.cohort(), r.cityCode(), r.cityCode() == null ? null : organisations.nameOf(r.cityCode()),
                r.countyCode(), organisations.nameOf(r.countyCode()), r.year(), r.unit(), r.target(), r.actual(),
                completionRatio(ind.getDirection(), r.target(), r.actual())));
    }

    /** Null when the user sees the whole province; the city code when the user is a city reviewer there. */
    private String checkComparison(CountyFlowUser user, String provinceCode) {
        if (user.has(Role.ADMIN) || user.actsForProvince(provinceCode)) return null;
        if (user.has(Role.CITY_REVIEWER) && provinceCode != null && provinceCode.equals(user.provinceCode())) {
            return user.orgCode();
        }
        audit.recordIndependently(user.username(), user.orgCode(), "INDICATOR_COMPARE", "province:" + provinceCode,
                AuditEvent.Outcome.DENIED, null);
        throw new NotPermittedException(Texts.get("evaluation.error.compareNotPermitted"));
    }
}
