package cn.countyflow.workflow;

import java.time.Instant;
import java.util.Map;

/** An opened task: its summary, the form file it uses and the data the form starts with. */
public record TaskDetails(TaskSummary task, String formKey, Map<String, Object> data, Instant draftSavedAt,
                          boolean assignedToMe) {
}
