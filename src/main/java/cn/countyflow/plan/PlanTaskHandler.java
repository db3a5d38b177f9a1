package cn.countyflow.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.countyflow.workflow.CaseDecision;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.CaseStatus;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.TaskHandler;
import cn.countyflow.workflow.Texts;
import cn.countyflow.workflow.WorkCalendar;

/**
 * The plan's steps (process {@code industryPlan}: 编制 → 县政府签发 → 市政府审定) and the compilation's (process
 * {@code planCompilation}: 省政府审定 ↔ 修改汇总); the views and the API reach them through TaskWork.
 */
@Component
class PlanTaskHandler implements TaskHandler {
    static final String DRAFT = PlanService.TASK_DRAFT;
    static final String LEADER = "Task_LeaderSignOff";
    static final String CITY = PlanService.TASK_CITY;
    static final String APPROVE = "Task_ApproveCompilation";
    static final String REVISE = "Task_ReviseCompilation";

    /** The form's field of each review point, and of its comment ({@code <field>Comment}). */
    static final Map<String, String> POINT_FIELDS = Map.of("GOALS", "goals", "PATH", "path", "MEANS", "means",
            "SAFEGUARDS", "safeguards");

    private final PlanService plans;
    private final CompilationService compilations;
    private final CaseFileService cases;
    private final cn.countyflow.org.OrganisationService organisations;
    private final WorkCalendar calendar;
    private final PlanVariantService variants;

    PlanTaskHandler(PlanService plans, CompilationService compilations, CaseFileService cases,
                    cn.countyflow.org.OrganisationService organisations, WorkCalendar calendar,
                    PlanVariantService variants) {
        this.variants = variants;
        this.plans = plans;
        this.compilations = compilations;
        this.cases = cases;
        this.organisations = organisations;
        this.calendar = calendar;
    }

    @Override
    public boolean handles(String processDefinitionKey, String taskDefinitionKey) {
        if (PlanService.PROCESS_KEY.equals(processDefinitionKey)) {
            return DRAFT.equals(taskDefinitionKey) || LEADER.equals(taskDefinitionKey) || CITY.equals(taskDefinitionKey);
        }
        return CompilationService.PROCESS_KEY.equals(processDefinitionKey)
                && (APPROVE.equals(taskDefinitionKey) || REVISE.equals(taskDefinitionKey));
    }

    @Override
    public Map<String, Object> initialData(TaskContext context) {
        CaseFile c = context.caseFile();
        if (c == null) return Map.of();
        Map<String, Object> data = new LinkedHashMap<>();
        if (DRAFT.equals(context.taskKey())) {
            IndustryPlan plan = plans.byCase(c.getId()).orElseThrow();
            PlanRound round = plans.roundOf(plan);
            data.putAll(plans.latestData(c.getId()));
            if (!data.containsKey("years")) {
                List<Map<String, Object>> years = new java.util.ArrayList<>();
                for (int y = round.getPeriodStart(); y <= round.getPeriodEnd(); y++) {
                    years.add(new LinkedHashMap<>(Map.of("year", y)));
                }
                data.put("years", years);
            }
            putHeader(data, c, round);
        }
        if (DRAFT.equals(context.taskKey()) || REVISE.equals(context.taskKey())) {
            String reason = returnReason(c.getId());
            if (reason != null) data.put("returnReason", reason);
        }
        return data;
    }

    private void putHeader(Map<String, Object> data, CaseFile c, PlanRound round) {
        data.put("countyName", organisations.nameOf(c.getCountyCode()));
        data.put("roundName", round.getName());
        data.put("period", round.period());
        data.put("baseYear", round.getBaseYear());
    }

    /** The comment of the case's last decision when it was a return (a city return lists the failing points). */
    private String returnReason(long caseId) {
        List<CaseDecision> trail = cases.decisions(caseId);
        if (trail.isEmpty()) return null;
        CaseDecision last = trail.get(trail.size() - 1);
        return "RETURN".equals(last.getDecision()) ? last.getComment() : null;
    }

    @Override
    public Completion complete(TaskContext context, Map<String, Object> data) {
        if (context.caseFile() == null) throw new IllegalStateException("task without a case");
        return switch (context.taskKey()) {
            case DRAFT -> submitDraft(context, data);
            case LEADER -> leader(context, data);
            case CITY -> city(context, data);
            case APPROVE -> approve(context, data);
            default -> revise(context, data);
        };
    }

    private Completion submitDraft(TaskContext context, Map<String, Object> data) {
        CaseFile c = context.caseFile();
        IndustryPlan plan = plans.byCase(c.getId()).orElseThrow();
        PlanRound round = plans.roundOf(plan);
        PlanDraft draft = PlanDraft.check(data, round, calendar.today());
        if (plans.industryTaken(plan, draft.industry())) {
            throw FieldErrorsException.of("industry", Texts.get("plan.draft.error.industryTaken", draft.industry()));
        }
        variants.declareRooted(plan, draft.industry(), data); // the province's limit of rooted industries, if any
        Map<String, Object> clean = new LinkedHashMap<>(data);
        clean.remove("returnReason");
        putHeader(clean, c, round);
        plans.submitRevision(plan, c, clean, draft, context.user());
        return new Completion(Map.of(), "SUBMIT", null, CaseStatus.IN_PROGRESS);
    }

    private Completion leader(TaskContext context, Map<String, Object> data) {
        String decision = decision(data, List.of("APPROVE", "RETURN"));
        String comment = comment(data.get("comment"));
        if ("RETURN".equals(decision) && comment == null) {
            throw FieldErrorsException.of("comment", Texts.get("plan.error.returnReason"));
        }
        IndustryPlan plan = plans.byCase(context.caseFile().getId()).orElseThrow();
        CaseStatus status = CaseStatus.IN_PROGRESS;
        if ("RETURN".equals(decision)) {
            plans.markReturned(plan);
            status = CaseStatus.RETURNED;
        } else if (plan.getCityCode() == null) {
            plans.markReportedDirect(plan); // a province-direct county reports straight to the province
            status = CaseStatus.APPROVED;
        }
        return new Completion(Map.of("leaderDecision", decision), decision, comment, status);
    }

    /** 市政府审定: each of the four points pass or fail, a failing point needs its comment; all pass → the province. */
    private Completion city(TaskContext context, Map<String, Object> data) {
        Map<String, Boolean> passed = new LinkedHashMap<>();
        Map<String, String> comments = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (String code : PlanService.REVIEW_POINTS) {
            String field = POINT_FIELDS.get(code);
            Object v = data.get(field);
            String comment = comment(data.get(field + "Comment"));
            if (!"PASS".equals(v) && !"FAIL".equals(v)) {
                errors.put(field, Texts.get("plan.review.error.judge"));
                continue;
            }
            if ("FAIL".equals(v) && comment == null) errors.put(field + "Comment", Texts.get("plan.review.error.comment"));
            passed.put(code, "PASS".equals(v));
            comments.put(code, comment);
        }
        if (!errors.isEmpty()) throw new FieldErrorsException(errors);
        IndustryPlan plan = plans.byCase(context.caseFile().getId()).orElseThrow();
        boolean all = plans.recordReview(plan, passed, comments, context.user());
        String decision = all ? "APPROVE" : "RETURN";
        String summary;
        if (all) {
            summary = comment(data.get("comment"));
        } else {
            StringBuilder b = new StringBuilder();
            for (String code : PlanService.REVIEW_POINTS) {
                if (passed.get(code)) continue;
                if (!b.isEmpty()) b.append('\n');
                b.append(Texts.get("plan.review.failedPoint", PlanService.pointLabel(code), comments.get(code)));
            }
            summary = b.toString();
        }
        return new Completion(Map.of("cityDecision", decision), decision, summary,
                all ? CaseStatus.APPROVED : CaseStatus.RETURNED);
    }

    private Completion approve(TaskContext context, Map<String, Object> data) {
        String decision = decision(data, List.of("APPROVE", "RETURN"));
        String comment = comment(data.get("comment"));
        if ("RETURN".equals(decision) && comment == null) {
            throw FieldErrorsException.of("comment", Texts.get("plan.error.returnReason"));
        }
        boolean approved = "APPROVE".equals(decision);
        compilations.decided(context.caseFile().getId(), approved, context.user());
        return new Completion(Map.of("compilationDecision", decision), decision, comment,
                approved ? CaseStatus.APPROVED : CaseStatus.RETURNED);
    }

    private Completion revise(TaskContext context, Map<String, Object> data) {
        String note = comment(data.get("note"));
        if (note == null) throw FieldErrorsException.of("note", Texts.get("plan.compile.error.note"));
        compilations.recompiled(context.caseFile().getId(), context.user());
        return new Completion(Map.of(), "RESUBMIT", note, CaseStatus.IN_PROGRESS);
    }

    private static String decision(Map<String, Object> data, List<String> allowed) {
        Object raw = data.get("decision");
        String decision = raw == null ? "" : raw.toString().trim();
        if (!allowed.contains(decision)) throw FieldErrorsException.of("decision", Texts.get("plan.error.decision"));
        return decision;
    }

    private static String comment(Object raw) {
        return raw == null || raw.toString().isBlank() ? null : raw.toString().trim();
    }
}
