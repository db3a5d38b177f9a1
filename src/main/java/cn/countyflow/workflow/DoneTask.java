package cn.countyflow.workflow;

import java.time.Instant;

/** One row of 已办: a task I completed, the due date it had, and where its case stands now. */
public record DoneTask(String id, String name, Long caseId, String caseTitle, String countyName, Instant completed,
                       String caseStage, Instant due) {
}
