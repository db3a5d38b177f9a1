package cn.countyflow.monitoring;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** An open task as monitoring keeps it (written by {@link EngineHistoryListener}; read-only here). */
@Entity
@Immutable
@Table(name = "monitor_task")
class MonitorTask {
    @Id
    @Column(name = "task_id")
    String taskId;
    @Column(name = "process_instance_id")
    String processInstanceId;
    @Column(name = "case_id")
    Long caseId;
    @Column(name = "task_key")
    String taskKey;
    String name;
    String assignee;
    @Column(name = "office_code")
    String officeCode;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "due_at")
    Instant dueAt;
}

/** A process instance of a case, the case's own or one it called (read-only here). */
@Entity
@Immutable
@Table(name = "monitor_process")
class MonitorProcess {
    @Id
    @Column(name = "process_instance_id")
    String processInstanceId;
    @Column(name = "root_instance_id")
    String rootInstanceId;
    @Column(name = "case_id")
    Long caseId;
    @Column(name = "process_key")
    String processKey;
    @Column(name = "process_definition_id")
    String processDefinitionId;
    String state;
    @Column(name = "started_at")
    Instant startedAt;
    @Column(name = "ended_at")
    Instant endedAt;
}
