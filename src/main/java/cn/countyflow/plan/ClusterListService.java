package cn.countyflow.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;
import cn.countyflow.evaluation.Indicator;
import cn.countyflow.evaluation.IndicatorService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.OrgLevel;
import cn.countyflow.org.Organisation;
import cn.countyflow.org.OrganisationService;
import cn.countyflow.org.Role;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.NotFoundException;
import cn.countyflow.workflow.NotPermittedException;
import cn.countyflow.workflow.TextRule;
import cn.countyflow.workflow.Texts;
import cn.countyflow.workflow.WorkCalendar;

/**
 * The province's list of industries or clusters (issue 8 point 9), one service for both provinces, driven by the
 * province's {@link PlanVariantService.Variant}: Hebei keeps its 100 key industries (listed, removed), Hubei its county
 * clusters (candidates assessed every year, recognised one by one after an assessment, removed in the rolling
 * management), tiered by revenue through the province's decision table. Every change keeps who, when and why as a row of
 * the entry's history and in the audit log; an entry is never deleted.
 * <p>The province's officer changes the list; its approver reads it; a city reads its counties' entries and a county
 * its own; other provinces see nothing of it (403, audited, on a single entry).
 */
@Service
@Transactional(readOnly = true)
public class ClusterListService {
    /** Entry states: a candidate cluster (培育), listed (Hebei) or recognised (Hubei), removed (剔除). */
    public static final String CANDIDATE = "CANDIDATE";
    public static final String LISTED = "LISTED";
    public static final String RECOGNISED = "RECOGNISED";
    public static final String REMOVED = "REMOVED";
    static final List<String> ON_LIST = List.of(LISTED, RECOGNISED);

    private final KeyEntryRepository entries;
    private final KeyChangeRepository changes;
    private final AssessmentRepository assessments;
    private final PlanVariantService variants;
    private final IndustryPlanRepository plans;
    private final IndicatorService indicators;
    private final OrganisationService organisations;
    private final AuditService audit;
    private final WorkCalendar calendar;

    ClusterListService(KeyEntryRepository entries, KeyChangeRepository changes, AssessmentRepository assessments,
                       PlanVariantService variants, IndustryPlanRepository plans, IndicatorService indicators,
                       OrganisationService organisations, AuditService audit, WorkCalendar calendar) {
        this.entries = entries;
        this.changes = changes;
        this.assessments = assessments;
        this.variants = variants;
        this.plans = plans;
        this.indicators = indicators;
        this.organisations = organisations;
        this.audit = audit;
        this.calendar = calendar;
    }

    /** What the officer fills in to add an entry: the county, the industry (and cluster), its revenue and plan. */
    public record EntryForm(String countyCode, String industry, String clusterName, BigDecimal revenue,
                            Long planCaseId, String reason) {
    }

    /** An entry as pages and the API show it. */
    public record Entry(long id, String provinceCode, String cityCode, String cityName, String countyCode,
                        String countyName, String industry, String clusterName, Long planCaseId, BigDecimal revenue,
                        String tier, String tierLabel, String status, Integer recognisedYear, int addedYear,
                        String addedBy, Instant addedAt, Integer removedYear, String removedBy, Instant removedAt) {
    }

    /** One change of an entry: added, recognised, removed, linked to a plan; the year, reason, who and when. */
    public record Change(long id, long entryId, String action, int year, String reason, String changedBy,
                         String changedName, Instant changedAt) {
    }

    /** The list as the user's page shows it: the province's variant, the entries in scope, the officer's rights. */
    public record ListView(PlanVariantService.Variant variant, List<Entry> entries, boolean canChange) {
    }

    /** One line of a year's assessment: revenue target and actual, completion, growth, tier and rank. */
    public record Ranked(long entryId, String countyCode, String countyName, String industry, String clusterName,
                         String status, BigDecimal revenueTarget, BigDecimal revenueActual, BigDecimal revenueBefore,
                         BigDecimal completion, BigDecimal growth, String tier, String tierLabel, Integer rank) {
    }

    // ---------------------------------------------------------------- reading, scoped

    /** The list of the user's province as far as the user may see it (county: own; city: its counties). */
    public ListView list(CountyFlowUser user) {
        PlanVariantService.Variant variant = variants.mine(user);
        return new ListView(variant, visible(user).stream().map(this::entry).toList(), canChange(user, variant));
    }

    private List<VariantRecords.KeyEntry> visible(CountyFlowUser user) {
        if (user.isProvinceStaff() || user.has(Role.ADMIN)) return entries.findByProvinceCodeOrderByIdAsc(user.provinceCode());
        if (user.has(Role.CITY_REVIEWER)) return entries.findByCityCodeOrderByIdAsc(user.orgCode());
        if (user.has(Role.COUNTY_DRAFTER) || user.has(Role.COUNTY_LEADER)) return entries.findByCountyCodeOrderByIdAsc(user.orgCode());
        return List.of();
    }

    private boolean mayRead(CountyFlowUser user, VariantRecords.KeyEntry e) {
        if (user.has(Role.ADMIN)) return true;
        if (user.actsForProvince(e.provinceCode)) return true;
        if (user.has(Role.CITY_REVIEWER) && user.orgCode().equals(e.cityCode)) return true;
        return (user.has(Role.COUNTY_DRAFTER) || user.has(Role.COUNTY_LEADER)) && user.orgCode().equals(e.countyCode);
    }

    private static boolean canChange(CountyFlowUser user, PlanVariantService.Variant variant) {
        return variant.keepsList() && user.has(Role.PROVINCE_OFFICER) && user.orgCode().equals(variant.provinceCode());
    }

    /** One entry the user may see (403, audited, otherwise). */
    public Entry get(long entryId, CountyFlowUser user) {
        return entry(readable(entryId, user, "PLAN_LIST_READ"));
    }

    /** The entry's history, oldest first. */
    public List<Change> history(long entryId, CountyFlowUser user) {
        VariantRecords.KeyEntry e = readable(entryId, user, "PLAN_LIST_READ");
        return changes.findByEntryIdOrderByIdAsc(e.id).stream().map(ClusterListService::change).toList();
    }

    /** Every change of the user's province's list (province staff only), oldest first. */
    public List<Change> provinceHistory(CountyFlowUser user) {
        if (!user.isProvinceStaff() && !user.has(Role.ADMIN)) {
            throw refuse(user, "PLAN_LIST_HISTORY", "province:" + user.provinceCode(), Texts.get("plan.list.error.notProvince"));
        }
        return changes.findByProvinceCodeOrderByIdAsc(user.provinceCode()).stream().map(ClusterListService::change).toList();
    }

    /** The entries (in the user's scope) a plan of that case is on: "this plan is on the province's list". */
    public List<Entry> ofPlan(long planCaseId, CountyFlowUser user) {
        return entries.findByPlanCaseId(planCaseId).stream().filter(e -> mayRead(user, e)).map(this::entry).toList();
    }

    private VariantRecords.KeyEntry readable(long entryId, CountyFlowUser user, String action) {
        VariantRecords.KeyEntry e = entries.findById(entryId)
                .orElseThrow(() -> new NotFoundException(Texts.get("plan.list.error.notFound", entryId)));
        if (!mayRead(user, e)) throw refuse(user, action, "planListEntry:" + entryId, Texts.get("plan.list.error.scope"));
        return e;
    }

    // ---------------------------------------------------------------- changing (the province's officer)

    /**
     * Adds an entry to the officer's province's list: listed at once where the province lists (Hebei), a candidate
     * where it recognises after assessment (Hubei). The reason is required; field errors otherwise.
     */
    @Transactional
    public Entry add(EntryForm form, CountyFlowUser user) {
        PlanVariantService.Variant variant = officerVariant(user, "PLAN_LIST_ADD");
        Map<String, String> errors = new LinkedHashMap<>();
        Organisation county = form.countyCode() == null ? null : organisations.find(form.countyCode().trim()).orElse(null);
        if (county == null || county.getLevel() != OrgLevel.COUNTY || !variant.provinceCode().equals(county.getProvinceCode())) {
            errors.put("countyCode", Texts.get("plan.list.error.county"));
        }
        String industry = clean(form.industry());
        if (industry == null) errors.put("industry", Texts.get("plan.list.error.industry"));
        else if (industry.length() > 100) errors.put("industry", Texts.get("plan.list.error.industryLength"));
        String cluster = clean(form.clusterName());
        if (cluster != null && cluster.length() > 200) errors.put("clusterName", Texts.get("plan.list.error.clusterLength"));
        if (form.revenue() != null && form.revenue().signum() < 0) errors.put("revenue", Texts.get("plan.list.error.revenue"));
        if (form.revenue() == null && variant.tierDecision() != null) {
            errors.put("revenue", Texts.get("plan.list.error.revenueForTier"));
        }
        String reason = reason(form.reason(), errors);
        if (form.planCaseId() != null && county != null) {
            Optional<IndustryPlan> plan = plans.findByCaseId(form.planCaseId());
            if (plan.isEmpty() || !plan.get().getCountyCode().equals(county.getCode())) {
                errors.put("planCaseId", Texts.get("plan.list.error.plan"));
            }
        }
        if (county != null && industry != null && entries.findByCountyCodeOrderByIdAsc(county.getCode()).stream()
                .anyMatch(e -> !REMOVED.equals(e.status) && e.industry.equals(industry))) {
            errors.put("industry", Texts.get("plan.list.error.duplicate", county.getName(), industry));
        }
        String status = variant.recognisesAfterAssessment() ? CANDIDATE : LISTED;
        if (LISTED.equals(status)) checkSize(variant, errors);
        if (!errors.isEmpty()) throw new FieldErrorsException(errors);

        Instant now = calendar.now();
        VariantRecords.KeyEntry e = new VariantRecords.KeyEntry();
        e.provinceCode = variant.provinceCode();
        e.cityCode = county.getReviewingCityCode();
        e.countyCode = county.getCode();
        e.industry = industry;
        e.clusterName = cluster;
        e.planCaseId = form.planCaseId();
        e.revenue = form.revenue();
        PlanVariantService.Tier tier = variants.tier(variant.provinceCode(), form.revenue());
        e.tier = tier == null ? null : tier.code();
        e.status = status;
        e.addedYear = calendar.today().getYear();
        e.addedBy = user.username();
        e.addedAt = now;
        entries.save(e);
        record(e, "ADD", e.addedYear, reason, user);
        return entry(e);
    }

    /** Removes an entry (剔除) with its reason; it stays, as removed, with its history. */
    @Transactional
    public Entry remove(long entryId, String reasonText, CountyFlowUser user) {
        officerVariant(user, "PLAN_LIST_REMOVE");
        VariantRecords.KeyEntry e = own(entryId, user, "PLAN_LIST_REMOVE");
        Map<String, String> errors = new LinkedHashMap<>();
        String reason = reason(reasonText, errors);
        if (REMOVED.equals(e.status)) errors.put("_form", Texts.get("plan.list.error.alreadyRemoved"));
        if (!errors.isEmpty()) throw new FieldErrorsException(errors);
        e.status = REMOVED;
        e.removedYear = calendar.today().getYear();
        e.removedBy = user.username();
        e.removedAt = calendar.now();
        entries.save(e);
        record(e, "REMOVE", e.removedYear, reason, user);
        return entry(e);
    }

    /**
     * Recognises a candidate cluster (成熟一个认定一个) after it was assessed in that year; where the province lists at
     * once there is nothing to recognise. The tier is the assessed revenue's.
     */
    @Transactional
    public Entry recognise(long entryId, Integer year, String reasonText, CountyFlowUser user) {
        PlanVariantService.Variant variant = officerVariant(user, "PLAN_LIST_RECOGNISE");
        VariantRecords.KeyEntry e = own(entryId, user, "PLAN_LIST_RECOGNISE");
        Map<String, String> errors = new LinkedHashMap<>();
        String reason = reason(reasonText, errors);
        if (!variant.recognisesAfterAssessment()) {
            errors.put("_form", Texts.get("plan.list.error.noRecognition", variant.listName()));
        } else if (!CANDIDATE.equals(e.status)) {
            errors.put("_form", Texts.get("plan.list.error.notCandidate"));
        } else if (year == null) {
            errors.put("year", Texts.get("plan.list.error.year"));
        } else {
            Optional<VariantRecords.Assessment> assessed = assessments.findByEntryIdAndYear(e.id, year);
            if (assessed.isEmpty() || assessed.get().rank == null) {
                errors.put("year", Texts.get("plan.list.error.notAssessed", year));
            }
        }
        checkSize(variant, errors);
        if (!errors.isEmpty()) throw new FieldErrorsException(errors);
        e.status = RECOGNISED;
        e.recognisedYear = year;
        entries.save(e);
        record(e, "RECOGNISE", year, reason, user);
        return entry(e);
    }

    /** Marks the plan of that case as the entry's plan (the plan is then on the province's list). */
    @Transactional
    public Entry linkPlan(long entryId, long planCaseId, String reasonText, CountyFlowUser user) {
        officerVariant(user, "PLAN_LIST_LINK");
        VariantRecords.KeyEntry e = own(entryId, user, "PLAN_LIST_LINK");
        Map<String, String> errors = new LinkedHashMap<>();
        String reason = reason(reasonText, errors);
        Optional<IndustryPlan> plan = plans.findByCaseId(planCaseId);
        if (plan.isEmpty() || !plan.get().getCountyCode().equals(e.countyCode)) {
            errors.put("planCaseId", Texts.get("plan.list.error.plan"));
        }
        if (REMOVED.equals(e.status)) errors.put("_form", Texts.get("plan.list.error.alreadyRemoved"));
        if (!errors.isEmpty()) throw new FieldErrorsException(errors);
        e.planCaseId = planCaseId;
        entries.save(e);
        record(e, "LINK_PLAN", calendar.today().getYear(), reason, user);
        return entry(e);
    }

    private void checkSize(PlanVariantService.Variant variant, Map<String, String> errors) {
        if (variant.listSize() == null) return;
        long listed = entries.countByProvinceCodeAndStatusIn(variant.provinceCode(), ON_LIST);
        if (listed >= variant.listSize()) {
            errors.putIfAbsent("_form", Texts.get("plan.list.error.full", variant.listName(), variant.listSize()));
        }
    }

    private PlanVariantService.Variant officerVariant(CountyFlowUser user, String action) {
        PlanVariantService.Variant variant = variants.mine(user);
        if (!canChange(user, variant)) {
            throw refuse(user, action, "province:" + user.provinceCode(), Texts.get("plan.list.error.notOfficer"));
        }
        return variant;
    }

    private VariantRecords.KeyEntry own(long entryId, CountyFlowUser user, String action) {
        VariantRecords.KeyEntry e = entries.findById(entryId)
                .orElseThrow(() -> new NotFoundException(Texts.get("plan.list.error.notFound", entryId)));
        if (!user.orgCode().equals(e.provinceCode)) {
            throw refuse(user, action, "planListEntry:" + entryId, Texts.get("plan.list.error.scope"));
        }
        return e;
    }

    private void record(VariantRecords.KeyEntry e, String action, int year, String reason, CountyFlowUser user) {
        VariantRecords.KeyChange c = new VariantRecords.KeyChange();
        c.entryId = e.id;
        c.provinceCode = e.provinceCode;
        c.action = action;
        c.year = year;
        c.reason = reason;
        c.changedBy = user.username();
        c.changedName = user.displayName();
        c.changedAt = calendar.now();
        changes.save(c);
        audit.record(user.username(), user.orgCode(), "PLAN_LIST_" + action, "planListEntry:" + e.id,
                AuditEvent.Outcome.SUCCESS, organisations.nameOf(e.countyCode) + " " + e.industry + "：" + reason);
    }

    // ---------------------------------------------------------------- annual assessment

    /**
     * The annual assessment (年度评估) of the officer's province for a year: every entry not removed, its revenue
     * actual for the year (the current actual of its plan's 特色产业营业收入) against its plan's target for that year,
     * the growth on the year before (or the base year), ranked by completion and then growth; entries without a plan
     * or without an actual for the year are listed unranked. The tier follows the actual by the province's decision
     * table. Running a year again replaces its ranking.
     */
    @Transactional
    public List<Ranked> assess(Integer year, CountyFlowUser user) {
        PlanVariantService.Variant variant = officerVariant(user, "PLAN_LIST_ASSESS");
        if (year == null || year < 2000 || year > calendar.today().getYear()) {
            throw FieldErrorsException.of("year", Texts.get("plan.assess.error.year", calendar.today().getYear()));
        }
        if (variant.assessmentFrom() != null && variant.assessmentTo() != null
                && (year < variant.assessmentFrom() || year > variant.assessmentTo())) {
            throw FieldErrorsException.of("year", Texts.get("plan.assess.error.range", variant.listName(),
                    variant.assessmentFrom(), variant.assessmentTo()));
        }
        assessments.deleteYear(variant.provinceCode(), year);
        assessments.flush();
        Instant now = calendar.now();
        List<VariantRecords.Assessment> rows = new ArrayList<>();
        Map<Long, VariantRecords.KeyEntry> byId = new HashMap<>();
        for (VariantRecords.KeyEntry e : entries.findByProvinceCodeOrderByIdAsc(variant.provinceCode())) {
            if (REMOVED.equals(e.status)) continue;
            byId.put(e.id, e);
            VariantRecords.Assessment a = new VariantRecords.Assessment();
            a.provinceCode = e.provinceCode;
            a.year = year;
            a.entryId = e.id;
            a.assessedBy = user.username();
            a.assessedAt = now;
            if (e.planCaseId != null) figures(e.planCaseId, year, a);
            rows.add(a);
        }
        List<VariantRecords.Assessment> ranked = rows.stream().filter(a -> a.completion != null)
                .sorted(Comparator.comparing((VariantRecords.Assessment a) -> a.completion).reversed()
                        .thenComparing(a -> a.growth == null ? BigDecimal.valueOf(Long.MIN_VALUE) : a.growth,
                                Comparator.reverseOrder()))
                .toList();
        for (int i = 0; i < ranked.size(); i++) ranked.get(i).rank = i + 1;
        for (VariantRecords.Assessment a : rows) {
            VariantRecords.KeyEntry e = byId.get(a.entryId);
            if (a.revenueActual != null) {
                e.revenue = a.revenueActual;
                PlanVariantService.Tier tier = variants.tier(e.provinceCode, a.revenueActual);
                e.tier = tier == null ? null : tier.code();
                entries.save(e);
            }
            a.tier = e.tier;
        }
        assessments.saveAll(rows);
        audit.record(user.username(), user.orgCode(), "PLAN_LIST_ASSESS", "province:" + variant.provinceCode(),
                AuditEvent.Outcome.SUCCESS, year + "：" + ranked.size() + "/" + rows.size());
        return ranking(variant.provinceCode(), year);
    }

    /** A year's ranking as assessed (province staff of that province; others 403). */
    public List<Ranked> assessment(Integer year, CountyFlowUser user) {
        if (!user.isProvinceStaff() && !user.has(Role.ADMIN)) {
            throw refuse(user, "PLAN_LIST_ASSESSMENT", "province:" + user.provinceCode(), Texts.get("plan.list.error.notProvince"));
        }
        if (year == null) throw FieldErrorsException.of("year", Texts.get("plan.list.error.year"));
        return ranking(user.provinceCode(), year);
    }

    private List<Ranked> ranking(String provinceCode, int year) {
        List<Ranked> result = new ArrayList<>();
        for (VariantRecords.Assessment a : assessments.findByProvinceCodeAndYearOrderByRankAscIdAsc(provinceCode, year)) {
            VariantRecords.KeyEntry e = entries.findById(a.entryId).orElseThrow();
            result.add(new Ranked(e.id, e.countyCode, organisations.nameOf(e.countyCode), e.industry, e.clusterName,
                    e.status, a.revenueTarget, a.revenueActual, a.revenueBefore, a.completion, a.growth, a.tier,
                    tierLabel(e.provinceCode, a.tier), a.rank));
        }
        result.sort(Comparator.comparing((Ranked r) -> r.rank() == null ? Integer.MAX_VALUE : r.rank()));
        return result;
    }

    /** The plan's revenue target and current actual for the year, the year before, completion and growth. */
    private void figures(long planCaseId, int year, VariantRecords.Assessment a) {
        IndicatorService.Progress current = null;
        IndicatorService.Progress before = null;
        for (IndicatorService.Progress p : indicators.progress(planCaseId)) {
            if (!PlanService.REVENUE.equals(p.indicatorCode())) continue;
            if (p.year() == year) current = p;
            if (p.year() == year - 1) before = p;
        }
        if (current == null) return;
        a.revenueTarget = current.target();
        a.revenueActual = current.actual();
        a.revenueBefore = before != null && before.actual() != null ? before.actual() : before == null ? current.baseline() : null;
        a.completion = IndicatorService.completionRatio(Indicator.Direction.HIGHER_BETTER, current.target(), current.actual());
        if (a.revenueActual != null && a.revenueBefore != null && a.revenueBefore.signum() != 0) {
            a.growth = a.revenueActual.subtract(a.revenueBefore).multiply(BigDecimal.valueOf(100))
                    .divide(a.revenueBefore, 2, RoundingMode.HALF_UP);
        }
    }

    // ---------------------------------------------------------------- helpers

    private Entry entry(VariantRecords.KeyEntry e) {
        return new Entry(e.id, e.provinceCode, e.cityCode, e.cityCode == null ? null : organisations.nameOf(e.cityCode),
                e.countyCode, organisations.nameOf(e.countyCode), e.industry, e.clusterName, e.planCaseId, e.revenue,
                e.tier, tierLabel(e.provinceCode, e.tier), e.status, e.recognisedYear, e.addedYear, e.addedBy, e.addedAt,
                e.removedYear, e.removedBy, e.removedAt);
    }

    private static String tierLabel(String provinceCode, String tier) {
        return tier == null ? null : Texts.get("plan.list.tier." + tier);
    }

    private static Change change(VariantRecords.KeyChange c) {
        return new Change(c.id, c.entryId, c.action, c.year, c.reason, c.changedBy, c.changedName, c.changedAt);
    }

    private static String clean(String text) {
        return text == null || TextRule.isBlank(text) ? null : TextRule.clean(text);
    }

    private static String reason(String text, Map<String, String> errors) {
        String reason = clean(text);
        if (reason == null) errors.put("reason", Texts.get("plan.list.error.reason"));
        else if (reason.length() > 2000) errors.put("reason", Texts.get("plan.list.error.reasonLength"));
        return reason;
    }

    private NotPermittedException refuse(CountyFlowUser user, String action, String target, String message) {
        audit.recordIndependently(user.username(), user.orgCode(), action, target, AuditEvent.Outcome.DENIED, message);
        return new NotPermittedException(message);
    }
}
