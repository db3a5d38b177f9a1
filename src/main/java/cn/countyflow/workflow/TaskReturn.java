package cn.countyflow.workflow;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A task opened by a return (退回): who returned the work, when and why. */
@Entity
@Table(name = "task_return")
class TaskReturn {
    @Id
    @Column(name = "task_id")
    private String taskId;
    @Column(name = "case_id")
    private Long caseId;
    @Column(name = "returned_by")
    private String returnedBy;
    @Column(name = "returned_at")
    private Instant returnedAt;
    private String reason;

    protected TaskReturn() {
    }

    TaskReturn(String taskId, Long caseId, String returnedBy, Instant returnedAt, String reason) {
        this.taskId = taskId;
        this.caseId = caseId;
        this.returnedBy = returnedBy;
        this.returnedAt = returnedAt;
        this.reason = reason;
    }

    String getTaskId() { return taskId; }
    String getReturnedBy() { return returnedBy; }
    Instant getReturnedAt() { return returnedAt; }
    String getReason() { return reason; }
}
