package cn.countyflow.workflow;

import java.util.Map;

import org.camunda.bpm.engine.task.Task;

import cn.countyflow.org.CountyFlowUser;

/**
 * A feature's part in completing a task: business rules beyond the form, writing the business tables,
 * and the few routing variables the process gateways need. One bean per process (or per group of tasks).
 */
public interface TaskHandler {

    boolean handles(String processDefinitionKey, String taskDefinitionKey);

    /** Data the form opens with when no draft was saved (e.g. the latest revision and the return reason). */
    default Map<String, Object> initialData(TaskContext context) {
        return Map.of();
    }

    /**
     * Data the form opens with when a draft was saved: the draft as saved, unless the feature must refresh what the
     * server computes from it (e.g. read-only completion ratios of the values in the draft).
     */
    default Map<String, Object> reopenDraft(TaskContext context, Map<String, Object> draft) {
        return draft;
    }

    /**
     * The business rules beyond the form that can be judged on incomplete data (sums, ranges between fields), by field
     * path. {@link TaskWork#complete} reports them together with the form's field errors, so the user sees every
     * error in one round; {@link #complete} must still enforce them. Empty by default.
     */
    default Map<String, String> check(TaskContext context, Map<String, Object> data) {
        return Map.of();
    }

    /**
     * Checks business rules (throw {@link FieldErrorsException}), writes the feature's tables, and says what was decided.
     * Runs in the completion's transaction.
     */
    Completion complete(TaskContext context, Map<String, Object> data);

    record TaskContext(Task task, String processDefinitionKey, CaseFile caseFile, CountyFlowUser user) {
        public String taskKey() {
            return task.getTaskDefinitionKey();
        }
    }

    /**
     * @param variables routing variables for the gateways (decision, a few flags, ids)
     * @param decision  the decision code recorded on the case (e.g. RETURN), or null for a plain submission
     * @param comment   the comment or reason recorded with it
     * @param status    the case's new overall status, or null to keep it
     */
    record Completion(Map<String, Object> variables, String decision, String comment, CaseStatus status) {
    }
}
