package cn.countyflow.workflow;

import java.time.Instant;
import java.util.Map;

/**
 * An opened task: its summary, its form and the data the form starts with.
 *
 * @param formKey  the form's key for rendering, validating and its schema: the version deployed with the task's process
 * @param formFile the shipped file below {@code forms/} that form comes from (e.g. {@code pilot/draft.form}), for choosing by file
 */
public record TaskDetails(TaskSummary task, String formKey, String formFile, Map<String, Object> data, Instant draftSavedAt,
                          boolean assignedToMe) {
}
