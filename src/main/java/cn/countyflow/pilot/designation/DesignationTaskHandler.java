package cn.countyflow.pilot.designation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.countyflow.workflow.CaseStatus;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.TaskHandler;
import cn.countyflow.workflow.Texts;

/**
 * The steps of the list approval ({@code pilotBatchApproval}: 审定, 修改) and of an objection ({@code pilotObjection}: 答复).
 * Reached through TaskWork from the views and the API alike.
 */
@Component
class DesignationTaskHandler implements TaskHandler {
    static final String APPROVE = "Task_ApproveList";
    static final String REVISE = "Task_ReviseList";
    static final String ANSWER = "Task_AnswerObjection";

    private final DesignationService designation;
    private final ObjectionService objections;

    DesignationTaskHandler(DesignationService designation, ObjectionService objections) {
        this.designation = designation;
        this.objections = objections;
    }

    @Override
    public boolean handles(String processDefinitionKey, String taskDefinitionKey) {
        return RankingService.APPROVAL_PROCESS.equals(processDefinitionKey)
                && (APPROVE.equals(taskDefinitionKey) || REVISE.equals(taskDefinitionKey))
                || ObjectionService.PROCESS_KEY.equals(processDefinitionKey) && ANSWER.equals(taskDefinitionKey);
    }

    @Override
    public Completion complete(TaskContext context, Map<String, Object> data) {
        if (context.caseFile() == null) throw new IllegalStateException("the task has no case");
        long caseId = context.caseFile().getId();
        String comment = text(data.get("comment"));
        switch (context.taskKey()) {
            case APPROVE -> {
                String decision = text(data.get("decision"));
                long listId = listId(caseId);
                if ("RETURN".equals(decision)) {
                    if (comment == null) throw FieldErrorsException.of("comment", Texts.get("pilot.designation.error.returnReason"));
                    designation.returned(listId);
                    return new Completion(vars("listDecision", "RETURN"), "RETURN", comment, CaseStatus.RETURNED);
                }
                if (!"APPROVE".equals(decision)) throw FieldErrorsException.of("decision", Texts.get("pilot.designation.error.decision"));
                designation.approved(listId, context.user());
                return new Completion(vars("listDecision", "APPROVE"), "APPROVE", comment, CaseStatus.APPROVED);
            }
            case REVISE -> {
                designation.resubmitted(listId(caseId));
                return new Completion(Map.of(), "RESUBMIT", comment, CaseStatus.IN_PROGRESS);
            }
            case ANSWER -> {
                String answer = text(data.get("answer"));
                if (answer == null) throw FieldErrorsException.of("answer", Texts.get("pilot.designation.error.answer"));
                String outcome = text(data.get("outcome"));
                Objection.Outcome o;
                try {
                    o = Objection.Outcome.valueOf(outcome == null ? "" : outcome);
                } catch (IllegalArgumentException e) {
                    throw FieldErrorsException.of("outcome", Texts.get("pilot.designation.error.outcome"));
                }
                objections.answer(caseId, o, answer, context.user());
                return new Completion(vars("objectionOutcome", o.name()), o.name(), answer, CaseStatus.CLOSED);
            }
            default -> throw new IllegalStateException("unknown task: " + context.taskKey());
        }
    }

    private long listId(long caseId) {
        return designation.listOfCase(caseId).orElseThrow(() -> new IllegalStateException("case " + caseId + " has no proposed list"))
                .getId();
    }

    private static Map<String, Object> vars(String key, Object value) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put(key, value);
        return v;
    }

    private static String text(Object o) {
        return o == null || cn.countyflow.workflow.TextRule.isBlank(o.toString()) ? null : cn.countyflow.workflow.TextRule.clean(o.toString());
    }
}
