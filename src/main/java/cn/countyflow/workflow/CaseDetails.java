package cn.countyflow.workflow;

import java.time.Instant;
import java.util.List;

/** A case as the case page and GET /api/cases/{id} show it: state, current stage, open tasks, every decision. */
public record CaseDetails(long id, String caseType, String title, String countyCode, String countyName,
                          String cityCode, String cityName, String status, String currentStage, Instant createdAt,
                          String createdBy, List<OpenTask> openTasks, List<Decision> decisions) {

    public record OpenTask(String taskId, String name, String assignee, Instant created, Instant due) {
    }

    /** {@code targetStep}: the step a return (退回到已办环节) went back to; null otherwise. */
    public record Decision(String taskName, String username, String userName, String orgCode, String role,
                           String decision, String comment, Instant decidedAt, String targetStep) {
    }
}
