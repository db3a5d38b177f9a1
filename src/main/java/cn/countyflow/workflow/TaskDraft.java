package cn.countyflow.workflow;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** Form data saved without submitting, to be resumed later. */
@Entity
@Table(name = "task_draft")
class TaskDraft {
    @Id
    @Column(name = "task_id")
    private String taskId;
    @Column(name = "case_id")
    private Long caseId;
    private String username;
    @Lob
    @Column(length = 16 * 1024 * 1024) // LONGTEXT on MySQL, CLOB on H2
    private String data;
    @Column(name = "saved_at")
    private Instant savedAt;

    protected TaskDraft() {
    }

    TaskDraft(String taskId, Long caseId, String username, String data, Instant now) {
        this.taskId = taskId;
        this.caseId = caseId;
        update(username, data, now);
    }

    void update(String username, String data, Instant now) {
        this.username = username;
        this.data = data;
        this.savedAt = now;
    }

    String getData() { return data; }
    Long getCaseId() { return caseId; }
    Instant getSavedAt() { return savedAt; }
    String getUsername() { return username; }
}
