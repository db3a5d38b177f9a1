package cn.countyflow.workflow;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A decision on a case (审批意见): who, when, in which role, what they decided and why. */
@Entity
@Table(name = "case_decision")
public class CaseDecision {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id")
    private Long caseId;
    @Column(name = "task_id")
    private String taskId;
    @Column(name = "task_key")
    private String taskKey;
    @Column(name = "task_name")
    private String taskName;
    private String username;
    @Column(name = "user_name")
    private String userName;
    @Column(name = "org_code")
    private String orgCode;
    private String role;
    private String decision;
    private String comment;
    @Column(name = "decided_at")
    private Instant decidedAt;

    protected CaseDecision() {
    }

    CaseDecision(Long caseId, String taskId, String taskKey, String taskName, String username, String userName,
                 String orgCode, String role, String decision, String comment, Instant now) {
        this.caseId = caseId;
        this.taskId = taskId;
        this.taskKey = taskKey;
        this.taskName = taskName;
        this.username = username;
        this.userName = userName;
        this.orgCode = orgCode;
        this.role = role;
        this.decision = decision;
        this.comment = comment;
        this.decidedAt = now;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public String getTaskId() { return taskId; }
    public String getTaskKey() { return taskKey; }
    public String getTaskName() { return taskName; }
    public String getUsername() { return username; }
    public String getUserName() { return userName; }
    public String getOrgCode() { return orgCode; }
    public String getRole() { return role; }
    public String getDecision() { return decision; }
    public String getComment() { return comment; }
    public Instant getDecidedAt() { return decidedAt; }
}
