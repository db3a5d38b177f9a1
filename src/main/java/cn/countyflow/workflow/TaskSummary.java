package cn.countyflow.workflow;

import java.time.Instant;

/** One row of the inbox: the task and its case (county, type, title). */
public record TaskSummary(String id, String name, String taskKey, Long caseId, String caseTitle, String caseType,
                          String countyCode, String countyName, Instant created, Instant due, boolean overdue,
                          String assignee) {
    public boolean claimable() {
        return assignee == null;
    }
}
