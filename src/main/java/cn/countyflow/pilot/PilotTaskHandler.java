package cn.countyflow.pilot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.countyflow.org.OrganisationService;
import cn.countyflow.workflow.CaseDecision;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.CaseStatus;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.TaskHandler;
import cn.countyflow.workflow.WorkCalendar;
import cn.countyflow.workflow.Texts;

/**
 * The pilot application's steps (process {@code pilotApplication}); the views and the API both reach it through
 * TaskWork. Drafting stores a revision after the business checks; each decision step maps its {@code decision} to
 * the gateway's variable and insists on a reason for returns and rejections.
 */
@Component
class PilotTaskHandler implements TaskHandler {
    static final String DRAFT = "Task_Draft";
    static final String LEADER = "Task_LeaderSignOff";
    static final String CITY = "Task_CityScreening";
    static final String PROVINCE = "Task_ProvinceCheck";

    /** Per decision task: routing variable and allowed decisions; those in {@code needReason} require a comment. */
    private record Step(String variable, Set<String> decisions, Set<String> needReason) {
    }

    private static final Map<String, Step> STEPS = Map.of(
            LEADER, new Step("leaderDecision", Set.of("APPROVE", "RETURN"), Set.of("RETURN")),
            CITY, new Step("cityDecision", Set.of("RECOMMEND", "RETURN", "REJECT"), Set.of("RETURN", "REJECT")),
            PROVINCE, new Step("provinceCheckDecision", Set.of("PASS", "RETURN"), Set.of("RETURN")));

    private final PilotApplicationService applications;
    private final CaseFileService cases;
    private final OrganisationService organisations;
    private final WorkCalendar calendar;

    PilotTaskHandler(PilotApplicationService applications, CaseFileService cases, OrganisationService organisations, WorkCalendar calendar) {
        this.calendar = calendar;
        this.applications = applications;
        this.cases = cases;
        this.organisations = organisations;
    }

    @Override
    public boolean handles(String processDefinitionKey, String taskDefinitionKey) {
        return PilotApplicationService.PROCESS_KEY.equals(processDefinitionKey)
                && (DRAFT.equals(taskDefinitionKey) || STEPS.containsKey(taskDefinitionKey));
    }

    @Override
    public Map<String, Object> initialData(TaskContext context) {
        if (!DRAFT.equals(context.taskKey()) || context.caseFile() == null) return Map.of();
        CaseFile c = context.caseFile();
        Map<String, Object> data = new LinkedHashMap<>(applications.latestData(c.getId()));
        data.put("applicantName", organisations.nameOf(c.getCountyCode()));
        applications.byCase(c.getId()).ifPresent(app -> data.put("targetPeriod", targetPeriod(applications.batchOf(app))));
        data.remove("returnReason");
        String reason = returnReason(c.getId());
        if (reason != null) data.put("returnReason", reason);
        return data;
    }

    /** Targets cover three years, stored in Chinese as form data: applying in year Y, the targets cover Y+1 to Y+3 (seed 002). */
    static String targetPeriod(PilotBatch batch) {
        return Texts.translate("pilot.application.targetPeriod", Texts.CHINESE, String.valueOf(batch.getYear() + 1),
                String.valueOf(batch.getYear() + 3));
    }

    /** The reason of the last decision on the case, when that decision was a return. */
    private String returnReason(long caseId) {
        List<CaseDecision> trail = cases.decisions(caseId);
        if (trail.isEmpty()) return null;
        CaseDecision last = trail.get(trail.size() - 1);
        return "RETURN".equals(last.getDecision()) ? last.getComment() : null;
    }

    @Override
    public Map<String, String> check(TaskContext context, Map<String, Object> data) {
        return DRAFT.equals(context.taskKey()) ? DraftRules.check(data, calendar.today()) : Map.of();
    }

    @Override
    public Completion complete(TaskContext context, Map<String, Object> data) {
        if (context.caseFile() == null) throw new IllegalStateException("the task has no application case");
        return DRAFT.equals(context.taskKey()) ? submitDraft(context, data) : decide(context, data);
    }

    private Completion submitDraft(TaskContext context, Map<String, Object> data) {
        Map<String, String> errors = DraftRules.check(data, calendar.today());
        if (!errors.isEmpty()) throw new FieldErrorsException(errors);
        CaseFile c = context.caseFile();
        applications.byCase(c.getId()).ifPresent(app -> {
            // the first submission must meet the batch deadline; revisions asked for by a return may come later
            if (!applications.everSubmitted(app)
                    && !applications.batchOf(app).acceptsApplications(calendar.today())) {
                throw FieldErrorsException.of("_form", Texts.get("pilot.application.error.pastDeadline",
                        applications.batchOf(app).getDeadline().toString()));
            }
        });
        String countyName = organisations.nameOf(c.getCountyCode());
        Map<String, Object> clean = new LinkedHashMap<>(data);
        clean.remove("returnReason");
        clean.put("applicantName", countyName);
        applications.byCase(c.getId()).ifPresent(app -> {
            clean.put("targetPeriod", targetPeriod(applications.batchOf(app)));
            c.setTitle(PilotApplicationService.title(countyName, applications.batchOf(app).getName()), calendar.now());
        });
        applications.submitRevision(c.getId(), clean, context.user());
        return new Completion(Map.of(), "SUBMIT", null, CaseStatus.IN_PROGRESS);
    }

    private Completion decide(TaskContext context, Map<String, Object> data) {
        Step step = STEPS.get(context.taskKey());
        Object rawDecision = data.get("decision");
        String decision = rawDecision == null ? "" : rawDecision.toString().trim();
        Object rawComment = data.get("comment");
        String comment = rawComment == null || cn.countyflow.workflow.TextRule.isBlank(rawComment.toString()) ? null : cn.countyflow.workflow.TextRule.clean(rawComment.toString());
        if (!step.decisions().contains(decision)) throw FieldErrorsException.of("decision", Texts.get("pilot.application.error.decision"));
        if (step.needReason().contains(decision) && comment == null) {
            throw FieldErrorsException.of("comment", Texts.get("REJECT".equals(decision) ? "pilot.application.error.rejectReason" : "pilot.application.error.returnReason"));
        }
        long caseId = context.caseFile().getId();
        CaseStatus status;
        switch (decision) {
            case "RETURN" -> {
                applications.markStatus(caseId, PilotApplication.Status.RETURNED);
                status = CaseStatus.RETURNED;
            }
            case "REJECT" -> {
                applications.markStatus(caseId, PilotApplication.Status.NOT_RECOMMENDED);
                status = CaseStatus.REJECTED;
            }
            case "PASS" -> {
                applications.markStatus(caseId, PilotApplication.Status.TO_EXPERT_REVIEW);
                status = null; // the process calls expert review; its start listener (PilotReviewStarted) marks UNDER_REVIEW
            }
            default -> status = CaseStatus.IN_PROGRESS;
        }
        return new Completion(Map.of(step.variable(), decision), decision, comment, status);
    }
}
