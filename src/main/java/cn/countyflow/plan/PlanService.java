package cn.countyflow.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;
import cn.countyflow.evaluation.IndicatorService;
import cn.countyflow.forms.FormDiff;
import cn.countyflow.forms.FormRegistry;
import cn.countyflow.forms.FormRevision;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.Organisation;
import cn.countyflow.org.OrganisationService;
import cn.countyflow.org.Role;
import cn.countyflow.workflow.CaseDetails;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.NotFoundException;
import cn.countyflow.workflow.NotPermittedException;
import cn.countyflow.workflow.Texts;
import cn.countyflow.workflow.WorkCalendar;

/**
 * A county's industry plans: starting one in a round (which opens its case and process), the scoped lists, a plan's
 * revisions, argumentation and city reviews, and the province's overview of a round with its late counties and
 * cities. The steps themselves go through TaskWork and {@link PlanTaskHandler}.
 */
@Service
@Transactional(readOnly = true)
public class PlanService {
    public static final String CASE_TYPE = "INDUSTRY_PLAN";
    public static final String PROCESS_KEY = "industryPlan";
    static final String TASK_DRAFT = "Task_Draft";
    static final String TASK_CITY = "Task_CityReview";
    /** The process variable naming the id of the form the plan is drafted in (see industry-plan.bpmn's Task_Draft). */
    static final String DRAFT_FORM_VARIABLE = "planDraftForm";

    /** The four points of seed 000 the city judges (市政府审定): goals, path, means, safeguards. */
    public static final List<String> REVIEW_POINTS = List.of("GOALS", "PATH", "MEANS", "SAFEGUARDS");

    /** The plan's indicators (V150), targets per year of the round's period. */
    static final String REVENUE = "PLAN_REVENUE";
    static final String ENTERPRISES = "PLAN_ENTERPRISES";
    static final String ABOVE_SCALE = "PLAN_ABOVE_SCALE";

    private final PlanRoundService rounds;
    private final IndustryPlanRepository plans;
    private final PlanRevisionRepository revisions;
    private final PlanArgumentationRepository argumentations;
    private final PlanReviewPointRepository points;
    private final CaseFileService cases;
    private final OrganisationService organisations;
    private final IndicatorService indicators;
    private final HistoryService history;
    private final AuditService audit;
    private final ObjectMapper json;
    private final WorkCalendar calendar;
    private final PlanVariantService variants;
    private final FormRegistry forms;

    PlanService(PlanRoundService rounds, IndustryPlanRepository plans, PlanRevisionRepository revisions,
                PlanArgumentationRepository argumentations, PlanReviewPointRepository points, CaseFileService cases,
                OrganisationService organisations, IndicatorService indicators, HistoryService history,
                AuditService audit, ObjectMapper json, WorkCalendar calendar, PlanVariantService variants,
                FormRegistry forms) {
        this.variants = variants;
        this.forms = forms;
        this.rounds = rounds;
        this.plans = plans;
        this.revisions = revisions;
        this.argumentations = argumentations;
        this.points = points;
        this.cases = cases;
        this.organisations = organisations;
        this.indicators = indicators;
        this.history = history;
        this.audit = audit;
        this.json = json;
        this.calendar = calendar;
    }

    /** The new plan's case and the drafting task the drafter continues with. */
    public record Started(long caseId, String draftTaskId) {
    }

    /** A plan as lists show it. */
    public record PlanRow(long caseId, long roundId, String roundName, String countyCode, String countyName,
                          String cityCode, String cityName, String industry, IndustryPlan.Status status,
                          String stage, Instant firstSubmittedAt, Instant reportedAt) {
    }

    /**
     * One submitted revision: who and when, and what changed since the one before, named by the labels of the form
     * the plan is drafted in and grouped by its sections (empty for the first).
     */
    public record Revision(int revision, String submittedBy, String submittedByName, Instant submittedAt,
                           List<FormDiff.Change> changes) implements FormRevision {
    }

    /** The argumentation recorded with the latest revision. */
    public record Argumentation(LocalDate heldOn, String panel, String opinions, long minutesAttachmentId,
                                String minutesName, String recordedBy, Instant recordedAt) {
    }

    /** One point of a city review: its label (the question of seed 000), pass or fail, and the comment. */
    public record Point(String code, String label, boolean passed, String comment) {
    }

    /** One city review (市政府审定) with its four points. */
    public record Review(int review, String reviewedBy, Instant reviewedAt, boolean approved, List<Point> points) {
    }

    /**
     * A plan with everything the case page and the API show; {@code draftForm} is the form file (below {@code forms/})
     * the plan is drafted in: its province's variant.
     */
    public record PlanDetail(PlanRow plan, String period, int baseYear, Map<String, Object> data,
                             List<Revision> revisions, Argumentation argumentation, List<Review> reviews,
                             List<IndicatorService.Target> targets, String draftForm) {
    }

    /** An office that missed a deadline of the round, with how many of its steps were late. */
    public record LateOffice(String code, String name, int lateSteps) {
    }

    /** The province's view of a round: every plan by city, county and industry; the late counties and cities. */
    public record Overview(PlanRound round, List<PlanRow> plans, List<LateOffice> lateCounties,
                           List<LateOffice> lateCities) {
    }

    // ---------------------------------------------------------------- starting

    /**
     * Starts a plan of the drafter's county in a round of its province. A county may draft several plans (one per
     * industry) in one round; the industry is named in the form.
     */
    @Transactional
    public Started start(long roundId, CountyFlowUser user) {
        if (!user.has(Role.COUNTY_DRAFTER)) throw refuse(user, "PLAN_START", "planRound:" + roundId,
                Texts.get("plan.start.error.notDrafter"));
        PlanRound round = rounds.get(roundId);
        if (!round.getProvinceCode().equals(user.provinceCode())) {
            throw refuse(user, "PLAN_START", "planRound:" + roundId, Texts.get("plan.round.error.otherProvince"));
        }
        if (round.getStatus() != PlanRound.Status.OPEN) {
            throw FieldErrorsException.of("round", Texts.get("plan.start.error.closed"));
        }
        Organisation county = organisations.get(user.orgCode());
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("roundId", round.getId());
        vars.put("countyDeadline", endOfDay(round.getCountyDeadline()));
        vars.put("cityDeadline", endOfDay(round.getCityDeadline()));
        vars.put(DRAFT_FORM_VARIABLE, variants.of(round.getProvinceCode()).draftFormId()); // the province's draft form
        CaseFile c = cases.start(CASE_TYPE, title(county.getName(), round, null), county.getCode(), PROCESS_KEY, vars,
                user, round.cohort());
        plans.save(new IndustryPlan(c.getId(), round.getId(), county.getCode(), county.getReviewingCityCode(),
                county.getProvinceCode(), calendar.now()));
        String taskId = cases.details(c.getId(), user).openTasks().stream().findFirst()
                .map(CaseDetails.OpenTask::taskId).orElse(null);
        return new Started(c.getId(), taskId);
    }

    static Date endOfDay(LocalDate date) {
        return Date.from(date.atTime(LocalTime.of(23, 59, 59)).atZone(WorkCalendar.ZONE).toInstant());
    }

    static String title(String countyName, PlanRound round, String industry) {
        return industry == null || industry.isBlank()
                ? Texts.get("plan.title.draft", countyName, round.getName())
                : Texts.get("plan.title", countyName, industry, round.period());
    }

    // ---------------------------------------------------------------- reading, scoped

    /** The plans the user may see: a county its own, a city its counties', the province all of its province. */
    public List<PlanRow> plansFor(CountyFlowUser user) {
        List<IndustryPlan> found;
        if (user.has(Role.ADMIN)) found = plans.findAll();
        else if (user.isProvinceStaff()) found = plans.findByProvinceCodeOrderByIdDesc(user.orgCode());
        else if (user.has(Role.CITY_REVIEWER)) found = plans.findByCityCodeOrderByIdDesc(user.orgCode());
        else if (user.has(Role.COUNTY_DRAFTER) || user.has(Role.COUNTY_LEADER)) found = plans.findByCountyCodeOrderByIdDesc(user.orgCode());
        else found = List.of();
        return rows(found);
    }

    /** A plan the user may see (403 otherwise, recorded). */
    public PlanDetail detail(long caseId, CountyFlowUser user) {
        CaseFile c = cases.get(caseId, user);
        IndustryPlan plan = plans.findByCaseId(caseId)
                .orElseThrow(() -> new NotFoundException(Texts.get("plan.error.notFound", caseId)));
        PlanRound round = rounds.get(plan.getRoundId());
        String draftForm = draftFormOf(plan, c);
        return new PlanDetail(row(plan, round, c), round.period(), round.getBaseYear(), latestData(caseId),
                revisionsOf(plan, draftForm), argumentationOf(plan).orElse(null), reviewsOf(plan),
                indicators.targets(caseId), draftForm);
    }

    /** The city reviews of a plan the user may see, oldest first. */
    public List<Review> reviews(long caseId, CountyFlowUser user) {
        cases.get(caseId, user);
        return plans.findByCaseId(caseId).map(this::reviewsOf).orElse(List.of());
    }

    /** The province's overview of a round: only its province's staff (and admins). */
    public Overview overview(long roundId, CountyFlowUser user) {
        PlanRound round = rounds.get(roundId, user);
        if (!user.has(Role.ADMIN) && !user.actsForProvince(round.getProvinceCode())) {
            throw refuse(user, "PLAN_OVERVIEW", "planRound:" + roundId, Texts.get("plan.overview.error.notProvince"));
        }
        List<IndustryPlan> ofRound = plans.findByRoundIdOrderByCityCodeAscCountyCodeAscIdAsc(roundId);
        List<PlanRow> rows = rows(ofRound).stream()
                .sorted(Comparator.comparing((PlanRow r) -> r.cityName() == null ? "" : r.cityName())
                        .thenComparing(PlanRow::countyName)
                        .thenComparing(r -> r.industry() == null ? "" : r.industry()))
                .toList();
        Map<String, IndustryPlan> byKey = new LinkedHashMap<>();
        ofRound.forEach(p -> byKey.put(String.valueOf(p.getCaseId()), p));
        Map<String, IndustryPlan> byInstance = new LinkedHashMap<>();
        Map<Long, IndustryPlan> byCaseId = new LinkedHashMap<>();
        ofRound.forEach(p -> byCaseId.put(p.getCaseId(), p));
        cases.findAll(List.copyOf(byCaseId.keySet()))
                .forEach(c -> byInstance.put(c.getProcessInstanceId(), byCaseId.get(c.getId())));
        Map<String, Integer> lateCounties = new TreeMap<>();
        Map<String, Integer> lateCities = new TreeMap<>();
        if (!byKey.isEmpty()) {
            Date now = Date.from(calendar.now());
            String[] keys = byKey.keySet().toArray(String[]::new);
            for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery().processDefinitionKey(PROCESS_KEY)
                    .processInstanceBusinessKeyIn(keys).list()) {
                if (!late(t, now)) continue;
                IndustryPlan p = byInstance.get(t.getProcessInstanceId());
                if (p == null) continue;
                if (TASK_DRAFT.equals(t.getTaskDefinitionKey())) lateCounties.merge(p.getCountyCode(), 1, Integer::sum);
                if (TASK_CITY.equals(t.getTaskDefinitionKey()) && p.getCityCode() != null) {
                    lateCities.merge(p.getCityCode(), 1, Integer::sum);
                }
            }
        }
        return new Overview(round, rows, offices(lateCounties), offices(lateCities));
    }

    /** A step is late when it was finished after its due date, or is still open past it. */
    static boolean late(HistoricTaskInstance t, Date now) {
        if (t.getDueDate() == null) return false;
        Date finished = t.getEndTime();
        return finished != null ? finished.after(t.getDueDate()) : now.after(t.getDueDate());
    }

    private List<LateOffice> offices(Map<String, Integer> late) {
        return late.entrySet().stream().map(e -> new LateOffice(e.getKey(), organisations.nameOf(e.getKey()), e.getValue()))
                .toList();
    }

    private List<PlanRow> rows(List<IndustryPlan> found) {
        Map<Long, PlanRound> roundCache = new LinkedHashMap<>();
        Map<Long, CaseFile> caseFiles = new LinkedHashMap<>();
        cases.findAll(found.stream().map(IndustryPlan::getCaseId).toList()).forEach(c -> caseFiles.put(c.getId(), c));
        List<PlanRow> result = new ArrayList<>();
        for (IndustryPlan p : found) {
            PlanRound round = roundCache.computeIfAbsent(p.getRoundId(), rounds::get);
            result.add(row(p, round, caseFiles.get(p.getCaseId())));
        }
        return result;
    }

    private PlanRow row(IndustryPlan p, PlanRound round, CaseFile c) {
        return new PlanRow(p.getCaseId(), round.getId(), round.getName(), p.getCountyCode(),
                organisations.nameOf(p.getCountyCode()), p.getCityCode(),
                p.getCityCode() == null ? null : organisations.nameOf(p.getCityCode()), p.getIndustry(), p.getStatus(),
                c == null ? null : c.getCurrentStage(), p.getFirstSubmittedAt(), p.getReportedAt());
    }

    /**
     * The form file the plan is drafted in: the one its case started with (the province's variant then, kept in the
     * process as {@code planDraftForm}), else its province's variant now.
     */
    private String draftFormOf(IndustryPlan plan, CaseFile c) {
        String formId = null;
        if (c.getProcessInstanceId() != null) {
            var started = history.createHistoricVariableInstanceQuery().processInstanceId(c.getProcessInstanceId())
                    .variableName(DRAFT_FORM_VARIABLE).list();
            if (!started.isEmpty() && started.get(0).getValue() instanceof String id) formId = id;
        }
        if (formId == null) formId = variants.of(plan.getProvinceCode()).draftFormId();
        return forms.fileWithId(formId);
    }

    private List<Revision> revisionsOf(IndustryPlan plan, String draftForm) {
        List<PlanRecords.Revision> stored = revisions.findByPlanIdOrderByRevisionNoAsc(plan.getId());
        List<List<FormDiff.Change>> changes = forms.diff(draftForm)
                .successive(stored.stream().map(r -> read(r.data)).toList());
        List<Revision> result = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            PlanRecords.Revision r = stored.get(i);
            result.add(new Revision(r.revisionNo, r.submittedBy, r.submittedName, r.submittedAt, changes.get(i)));
        }
        return result;
    }

    private Optional<Argumentation> argumentationOf(IndustryPlan plan) {
        return argumentations.findFirstByPlanIdOrderByRevisionNoDesc(plan.getId())
                .map(a -> new Argumentation(a.heldOn, a.panel, a.opinions, a.minutesAttachmentId, a.minutesName,
                        a.recordedBy, a.recordedAt));
    }

    private List<Review> reviewsOf(IndustryPlan plan) {
        Map<Integer, List<PlanRecords.ReviewPoint>> byReview = new TreeMap<>();
        points.findByPlanIdOrderByReviewNoAscIdAsc(plan.getId())
                .forEach(p -> byReview.computeIfAbsent(p.reviewNo, k -> new ArrayList<>()).add(p));
        List<Review> result = new ArrayList<>();
        byReview.forEach((no, list) -> {
            List<Point> pts = list.stream().sorted(Comparator.comparingInt(p -> REVIEW_POINTS.indexOf(p.pointCode)))
                    .map(p -> new Point(p.pointCode, pointLabel(p.pointCode), p.passed, p.comment)).toList();
            result.add(new Review(no, list.get(0).reviewedBy, list.get(0).reviewedAt,
                    pts.stream().allMatch(Point::passed), pts));
        });
        return result;
    }

    public static String pointLabel(String code) {
        return Texts.get("plan.point." + code);
    }

    // ---------------------------------------------------------------- for the task handler and the compilation

    Optional<IndustryPlan> byCase(long caseId) {
        return plans.findByCaseId(caseId);
    }

    List<IndustryPlan> ofRound(long roundId) {
        return plans.findByRoundIdOrderByCityCodeAscCountyCodeAscIdAsc(roundId);
    }

    PlanRound roundOf(IndustryPlan plan) {
        return rounds.get(plan.getRoundId());
    }

    /** The latest revision's data, or empty when nothing was submitted yet (no permission check). */
    public Map<String, Object> latestData(long caseId) {
        return plans.findByCaseId(caseId)
                .flatMap(p -> revisions.findFirstByPlanIdOrderByRevisionNoDesc(p.getId()))
                .map(r -> read(r.data)).orElseGet(LinkedHashMap::new);
    }

    /** Whether another active plan of the county in the round already covers this industry. */
    boolean industryTaken(IndustryPlan plan, String industry) {
        return plans.findByRoundIdAndCountyCodeAndIndustry(plan.getRoundId(), plan.getCountyCode(), industry).stream()
                .anyMatch(other -> !other.getId().equals(plan.getId()));
    }

    /** Stores the next revision with its argumentation and targets; the plan is with the county leader now. */
    @Transactional
    void submitRevision(IndustryPlan plan, CaseFile c, Map<String, Object> data, PlanDraft draft, CountyFlowUser user) {
        int next = revisions.findFirstByPlanIdOrderByRevisionNoDesc(plan.getId()).map(r -> r.revisionNo + 1).orElse(1);
        Instant now = calendar.now();
        revisions.save(new PlanRecords.Revision(plan.getId(), next, write(data), user.username(), user.displayName(), now));
        PlanDraft.ArgumentationEntry a = draft.argumentation();
        argumentations.save(new PlanRecords.Argumentation(plan.getId(), next, a.heldOn(), a.panel(), a.opinions(),
                a.minutesId(), a.minutesName(), user.username(), now));
        PlanRound round = roundOf(plan);
        IndicatorService.Subject subject = new IndicatorService.Subject(c.getId(), round.cohort(), c.getProvinceCode(),
                c.getCityCode(), c.getCountyCode());
        indicators.commitTargets(subject, List.of(
                line(REVENUE, draft.baseRevenue(), draft.years(), PlanDraft.YearTarget::revenue),
                line(ENTERPRISES, draft.baseEnterprises(), draft.years(), PlanDraft.YearTarget::enterprises),
                line(ABOVE_SCALE, draft.baseAboveScale(), draft.years(), PlanDraft.YearTarget::aboveScale)));
        plan.submitted(draft.industry(), now);
        plans.save(plan);
        c.setTitle(title(organisations.nameOf(plan.getCountyCode()), round, draft.industry()), now);
    }

    private static IndicatorService.TargetLine line(String code, BigDecimal base, List<PlanDraft.YearTarget> years,
                                                    java.util.function.Function<PlanDraft.YearTarget, BigDecimal> value) {
        Map<Integer, BigDecimal> byYear = new TreeMap<>();
        years.forEach(y -> byYear.put(y.year(), value.apply(y)));
        return new IndicatorService.TargetLine(code, null, base, byYear);
    }

    /** Records the city's judgement on the four points; returns whether all passed. */
    @Transactional
    boolean recordReview(IndustryPlan plan, Map<String, Boolean> passed, Map<String, String> comments, CountyFlowUser user) {
        int no = points.lastReviewNo(plan.getId()) + 1;
        Instant now = calendar.now();
        for (String code : REVIEW_POINTS) {
            points.save(new PlanRecords.ReviewPoint(plan.getId(), no, code, passed.get(code), comments.get(code),
                    user.username(), now));
        }
        boolean all = passed.values().stream().allMatch(Boolean::booleanValue);
        if (all) plan.reported(true, now);
        else plan.returned();
        plans.save(plan);
        return all;
    }

    @Transactional
    void markReturned(IndustryPlan plan) {
        plan.returned();
        plans.save(plan);
    }

    @Transactional
    void markReportedDirect(IndustryPlan plan) {
        plan.reported(false, calendar.now());
        plans.save(plan);
    }

    private NotPermittedException refuse(CountyFlowUser user, String action, String target, String message) {
        audit.recordIndependently(user.username(), user.orgCode(), action, target, AuditEvent.Outcome.DENIED, message);
        return new NotPermittedException(message);
    }

    private Map<String, Object> read(String body) {
        try {
            return json.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plan revision data", e);
        }
    }

    private String write(Map<String, Object> data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw FieldErrorsException.of("_form", Texts.get("plan.error.unsaved"));
        }
    }
}
