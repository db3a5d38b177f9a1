package cn.countyflow.plan;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.OrganisationService;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.Texts;
import cn.countyflow.workflow.WorkCalendar;

/**
 * A province's variant of the plans programme (issue 8 point 9), read from {@code plan_variant}: who leads (Hebei's
 * 省工信厅, Hubei's 省发改委) and how its officer and approver are called, the draft form its rounds use, how many
 * rooted leading industries (根植性主导产业) a county may declare, what list the province keeps (Hebei's key industries,
 * Hubei's recognised county clusters) and the DMN decision that tiers the list by revenue. Nothing here asks which
 * province it is: a province without a row gets the plain programme (the shared draft form, no limit, no list).
 */
@Service
@Transactional(readOnly = true)
public class PlanVariantService {
    static final String DEFAULT_DRAFT_FORM = "Form_PlanDraft";
    /** The field of the province's draft form that declares the plan's industry a rooted leading industry. */
    static final String ROOTED_FIELD = "rootedIndustry";

    /** The kind of list a province keeps. */
    public enum ListKind {
        /** No list. */
        NONE,
        /** A list of key industries, entries listed or removed (Hebei: 省级重点支持加快振兴的特色产业). */
        KEY_INDUSTRIES,
        /** Clusters cultivated, assessed every year and recognised one by one; listed ones may be removed (Hubei). */
        CLUSTERS
    }

    /** A province's variant. Null limits and decisions mean "none". */
    public record Variant(String provinceCode, String leadOffice, String officerLabel, String approverLabel,
                          String draftFormId, Integer maxRootedIndustries, ListKind listKind, String listName,
                          Integer listSize, String tierDecision, Integer assessmentFrom, Integer assessmentTo) {
        public boolean keepsList() {
            return listKind != ListKind.NONE;
        }

        /** Whether the list's entries are first candidates and then recognised after an assessment. */
        public boolean recognisesAfterAssessment() {
            return listKind == ListKind.CLUSTERS;
        }
    }

    /** A tier of the revenue ladder, as the province's decision table names it. */
    public record Tier(String code, String label) {
    }

    private final PlanVariantRepository variants;
    private final RootedIndustryRepository rooted;
    private final OrganisationService organisations;
    private final DecisionService decisions;
    private final WorkCalendar calendar;

    PlanVariantService(PlanVariantRepository variants, RootedIndustryRepository rooted,
                       OrganisationService organisations, DecisionService decisions, WorkCalendar calendar) {
        this.variants = variants;
        this.rooted = rooted;
        this.organisations = organisations;
        this.decisions = decisions;
        this.calendar = calendar;
    }

    /** The province's variant (the plain programme when the province has none configured). */
    public Variant of(String provinceCode) {
        return variants.findById(provinceCode == null ? "" : provinceCode).map(PlanVariantService::variant)
                .orElseGet(() -> new Variant(provinceCode, null, null, null, DEFAULT_DRAFT_FORM, null, ListKind.NONE,
                        null, null, null, null, null));
    }

    /** The variant of the user's province: what the user's pages show of it. */
    public Variant mine(CountyFlowUser user) {
        return of(user.provinceCode());
    }

    private static Variant variant(VariantRecords.VariantRow r) {
        return new Variant(r.provinceCode, r.leadOffice, r.officerLabel, r.approverLabel,
                r.draftFormId == null || r.draftFormId.isBlank() ? DEFAULT_DRAFT_FORM : r.draftFormId,
                r.maxRootedIndustries, r.keyListKind == null ? ListKind.NONE : ListKind.valueOf(r.keyListKind),
                r.keyListName, r.keyListSize, r.tierDecision, r.assessmentFrom, r.assessmentTo);
    }

    // ---------------------------------------------------------------- rooted leading industries

    /**
     * Checks and records whether the submitted plan declares its industry a rooted leading industry of the county.
     * Refused at the field when the county already has the variant's maximum of other rooted industries. A province
     * whose form has no such field never sends it: nothing is recorded.
     */
    @Transactional
    void declareRooted(IndustryPlan plan, String industry, Map<String, Object> data) {
        boolean declared = Boolean.TRUE.equals(data.get(ROOTED_FIELD)) || "true".equals(String.valueOf(data.get(ROOTED_FIELD)));
        var own = plan.getId() == null ? java.util.Optional.<VariantRecords.RootedIndustry>empty() : rooted.findByPlanId(plan.getId());
        if (!declared) {
            own.ifPresent(rooted::delete);
            return;
        }
        Integer max = of(plan.getProvinceCode()).maxRootedIndustries();
        Set<String> others = new LinkedHashSet<>();
        for (VariantRecords.RootedIndustry r : rooted.findByCountyCodeOrderByIdAsc(plan.getCountyCode())) {
            if (!r.planId.equals(plan.getId()) && !r.industry.equals(industry)) others.add(r.industry);
        }
        if (max != null && others.size() >= max) {
            throw FieldErrorsException.of(ROOTED_FIELD, Texts.get("plan.variant.error.rootedLimit",
                    organisations.nameOf(plan.getCountyCode()), others.size(), String.join("、", others), max, industry));
        }
        VariantRecords.RootedIndustry row = own.orElseGet(VariantRecords.RootedIndustry::new);
        row.planId = plan.getId();
        row.provinceCode = plan.getProvinceCode();
        row.countyCode = plan.getCountyCode();
        row.industry = industry;
        row.declaredAt = calendar.now();
        rooted.save(row);
    }

    /** The rooted leading industries the county declared, in the order declared. */
    public List<String> rootedIndustries(String countyCode) {
        return rooted.findByCountyCodeOrderByIdAsc(countyCode).stream().map(r -> r.industry).distinct().toList();
    }

    // ---------------------------------------------------------------- tiers

    /** The tier of a revenue (亿元) by the province's decision table; null when the province tiers nothing. */
    public Tier tier(String provinceCode, BigDecimal revenue) {
        String decision = of(provinceCode).tierDecision();
        if (decision == null || decision.isBlank() || revenue == null) return null;
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(decision)
                .variables(Map.of("revenue", revenue.doubleValue())).evaluate().getFirstResult();
        if (result == null) return null;
        return new Tier((String) result.get("tier"), (String) result.get("tierLabel"));
    }
}
