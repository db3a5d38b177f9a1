package cn.countyflow.workflow;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The rows of the task operations and deadlines (issue 10): 抄送, 催办, 委派/加签, reminders, escalations. */
final class TaskOperationEntities {
    private TaskOperationEntities() {
    }
}

/** 抄送: a user's read access to a case, shown in their 抄送我的 list. */
@Entity
@Table(name = "case_cc")
class CaseCc {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "case_id")
    Long caseId;
    String username;
    @Column(name = "granted_by")
    String grantedBy;
    String reason;
    @Column(name = "granted_at")
    Instant grantedAt;

    protected CaseCc() {
    }

    CaseCc(long caseId, String username, String grantedBy, String reason, Instant now) {
        this.caseId = caseId;
        this.username = username;
        this.grantedBy = grantedBy;
        this.reason = reason;
        this.grantedAt = now;
    }
}

/** 催办: who urged the holders of a task, when (the working day it counts for) and what they said. */
@Entity
@Table(name = "task_urge")
class TaskUrge {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "task_id")
    String taskId;
    @Column(name = "case_id")
    Long caseId;
    @Column(name = "urged_by")
    String urgedBy;
    @Column(name = "org_code")
    String orgCode;
    String message;
    @Column(name = "urged_on")
    LocalDate urgedOn;
    @Column(name = "urged_at")
    Instant urgedAt;

    protected TaskUrge() {
    }

    TaskUrge(String taskId, Long caseId, String urgedBy, String orgCode, String message, LocalDate on, Instant at) {
        this.taskId = taskId;
        this.caseId = caseId;
        this.urgedBy = urgedBy;
        this.orgCode = orgCode;
        this.message = message;
        this.urgedOn = on;
        this.urgedAt = at;
    }
}

/** 委派 (DELEGATE) or 加签 (COUNTERSIGN, before or after the owner): the task's owner keeps it. */
@Entity
@Table(name = "task_delegation")
class TaskDelegation {
    enum Kind { DELEGATE, COUNTERSIGN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "task_id")
    String taskId;
    @Column(name = "case_id")
    Long caseId;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    Kind kind;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    TaskOperations.SignPosition position;
    String owner;
    String delegate;
    String reason;
    @Column(name = "requested_at")
    Instant requestedAt;
    String answer;
    String comment;
    @Column(name = "answered_at")
    Instant answeredAt;

    protected TaskDelegation() {
    }

    TaskDelegation(String taskId, Long caseId, Kind kind, TaskOperations.SignPosition position, String owner,
                   String delegate, String reason, Instant now) {
        this.taskId = taskId;
        this.caseId = caseId;
        this.kind = kind;
        this.position = position;
        this.owner = owner;
        this.delegate = delegate;
        this.reason = reason;
        this.requestedAt = now;
    }

    void answer(String answer, String comment, Instant now) {
        this.answer = answer;
        this.comment = comment;
        this.answeredAt = now;
    }
}

/** One reminder per task before its due date (到期提醒); {@code notified} is false for a task that opened already due soon. */
@Entity
@Table(name = "task_reminder")
class TaskReminder {
    @Id
    @Column(name = "task_id")
    String taskId;
    @Column(name = "case_id")
    Long caseId;
    @Column(name = "due_at")
    Instant dueAt;
    @Column(name = "reminded_at")
    Instant remindedAt;
    boolean notified;

    protected TaskReminder() {
    }

    TaskReminder(String taskId, Long caseId, Instant dueAt, Instant now, boolean notified) {
        this.taskId = taskId;
        this.caseId = caseId;
        this.dueAt = dueAt;
        this.remindedAt = now;
        this.notified = notified;
    }
}

/** A task past its due date, escalated one level up (逾期督办); open until the task is completed or deleted. */
@Entity
@Table(name = "task_escalation")
class TaskEscalation {
    @Id
    @Column(name = "task_id")
    String taskId;
    @Column(name = "case_id")
    Long caseId;
    @Column(name = "task_key")
    String taskKey;
    @Column(name = "task_name")
    String taskName;
    String level;
    @Column(name = "office_code")
    String officeCode;
    @Column(name = "target_group")
    String targetGroup;
    @Column(name = "target_org")
    String targetOrg;
    @Column(name = "due_at")
    Instant dueAt;
    @Column(name = "escalated_at")
    Instant escalatedAt;
    @Column(name = "closed_at")
    Instant closedAt;

    protected TaskEscalation() {
    }

    TaskEscalation(String taskId, Long caseId, String taskKey, String taskName, String level, String officeCode,
                   String targetGroup, String targetOrg, Instant dueAt, Instant now) {
        this.taskId = taskId;
        this.caseId = caseId;
        this.taskKey = taskKey;
        this.taskName = taskName;
        this.level = level;
        this.officeCode = officeCode;
        this.targetGroup = targetGroup;
        this.targetOrg = targetOrg;
        this.dueAt = dueAt;
        this.escalatedAt = now;
    }
}
