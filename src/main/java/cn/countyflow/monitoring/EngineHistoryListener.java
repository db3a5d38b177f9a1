package cn.countyflow.monitoring;

import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.UserAccountService;
import cn.countyflow.workflow.CaseFileService;

/**
 * Keeps monitoring's read model in step with the engine, in the engine's own transaction: the Camunda Spring Boot
 * starter publishes every history event as a Spring event (camunda.bpm.eventing.history, on by default), and this
 * listener turns them into rows of {@code monitor_process} (every instance of a case, also the called ones),
 * {@code monitor_task} (open tasks, with the office that must act and the due date), {@code monitor_activity}
 * (finished activities with their duration) and the case's suspended flag and open incident count. It changes
 * nothing in the engine. The history event classes are the engine's own SPI types; they are read here and nowhere
 * else. {@link MonitorRebuild} fills the same tables from the engine's history for instances older than this.
 */
@Component
class EngineHistoryListener {
    private final JdbcTemplate jdbc;
    private final CaseFileService cases;
    private final UserAccountService users;

    EngineHistoryListener(JdbcTemplate jdbc, CaseFileService cases, UserAccountService users) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.users = users;
    }

    // ---------------------------------------------------------------- process instances

    @EventListener
    public void onProcessInstance(HistoricProcessInstanceEventEntity e) {
        switch (e.getEventType()) {
            case "start" -> {
                Long caseId = caseIdOf(e.getBusinessKey());
                jdbc.update("INSERT INTO monitor_process (process_instance_id, root_instance_id, case_id, process_key, "
                                + "process_definition_id, state, started_at) VALUES (?,?,?,?,?,?,?)",
                        e.getProcessInstanceId(), e.getRootProcessInstanceId(), caseId, e.getProcessDefinitionKey(),
                        e.getProcessDefinitionId(), "ACTIVE", ts(e.getStartTime()));
            }
            case "end" -> jdbc.update("UPDATE monitor_process SET state = ?, ended_at = ? WHERE process_instance_id = ?",
                    e.getState() == null ? "COMPLETED" : e.getState(), ts(e.getEndTime() == null ? new Date() : e.getEndTime()),
                    e.getProcessInstanceId());
            case "update" -> {
                if (e.getState() == null) return;
                jdbc.update("UPDATE monitor_process SET state = ? WHERE process_instance_id = ? AND ended_at IS NULL",
                        e.getState(), e.getProcessInstanceId());
                // the case's own (root) instance decides whether the case reads as suspended
                if (e.getProcessInstanceId().equals(e.getRootProcessInstanceId())) {
                    caseOfInstance(e.getProcessInstanceId()).ifPresent(caseId ->
                            cases.suspensionChanged(caseId, "SUSPENDED".equals(e.getState())));
                }
            }
            default -> { }
        }
    }

    // ---------------------------------------------------------------- incidents

    @EventListener
    public void onIncident(HistoricIncidentEventEntity e) {
        int by = switch (e.getEventType()) {
            case "create" -> 1;
            case "resolve", "delete" -> -1;
            default -> 0;
        };
        if (by == 0 || e.getProcessInstanceId() == null) return;
        caseOfInstance(e.getProcessInstanceId()).ifPresent(caseId -> cases.incidentsChanged(caseId, by));
    }

    // ---------------------------------------------------------------- tasks

    @EventListener
    public void onTask(HistoricTaskInstanceEventEntity e) {
        switch (e.getEventType()) {
            case "create" -> {
                Long caseId = e.getProcessInstanceId() == null ? null : caseOfInstance(e.getProcessInstanceId()).orElse(null);
                int updated = jdbc.update("UPDATE monitor_task SET process_instance_id = ?, case_id = ?, task_key = ?, "
                                + "name = ?, assignee = ?, due_at = ?, created_at = ? WHERE task_id = ?",
                        e.getProcessInstanceId(), caseId, e.getTaskDefinitionKey(), e.getName(), e.getAssignee(),
                        ts(e.getDueDate()), ts(startOf(e)), e.getTaskId());
                if (updated == 0) {
                    jdbc.update("INSERT INTO monitor_task (task_id, process_instance_id, case_id, task_key, name, assignee, "
                                    + "office_code, created_at, due_at) VALUES (?,?,?,?,?,?,?,?,?)",
                            e.getTaskId(), e.getProcessInstanceId(), caseId, e.getTaskDefinitionKey(), e.getName(),
                            e.getAssignee(), officeOfUser(e.getAssignee()), ts(startOf(e)), ts(e.getDueDate()));
                } else if (e.getAssignee() != null) {
                    jdbc.update("UPDATE monitor_task SET office_code = ? WHERE task_id = ? AND office_code IS NULL",
                            officeOfUser(e.getAssignee()), e.getTaskId());
                }
            }
            case "update" -> {
                // the completer made assignee as the task completes: the completion deletes the row in the same transaction
                if (cn.countyflow.workflow.DecisionContext.isCompleting(e.getTaskId())) return;
                jdbc.update("UPDATE monitor_task SET name = ?, assignee = ?, due_at = ? WHERE task_id = ?",
                        e.getName(), e.getAssignee(), ts(e.getDueDate()), e.getTaskId());
                if (e.getAssignee() != null) {
                    jdbc.update("UPDATE monitor_task SET office_code = ? WHERE task_id = ? AND office_code IS NULL",
                            officeOfUser(e.getAssignee()), e.getTaskId());
                }
            }
            case "complete", "delete" -> jdbc.update("DELETE FROM monitor_task WHERE task_id = ?", e.getTaskId());
            default -> { }
        }
    }

    /**
     * A candidate group names the office that must act: groups are {@code <role>_<org code>} (Role#groupOf). The
     * link is added while the task is being created, possibly before the task's own event: then the row starts here.
     */
    @EventListener
    public void onIdentityLink(HistoricIdentityLinkLogEventEntity e) {
        if (e.getTaskId() == null || !"candidate".equals(e.getType()) || e.getGroupId() == null
                || !"add".equals(e.getOperationType())) return;
        String office = officeOfGroup(e.getGroupId());
        if (office == null) return;
        int updated = jdbc.update("UPDATE monitor_task SET office_code = ? WHERE task_id = ?", office, e.getTaskId());
        if (updated == 0) {
            jdbc.update("INSERT INTO monitor_task (task_id, office_code, created_at) VALUES (?,?,?)", e.getTaskId(),
                    office, ts(e.getTime() == null ? new Date() : e.getTime()));
        }
    }

    // ---------------------------------------------------------------- activity durations

    /**
     * An activity worth counting gets its row when it starts (the end event carries no start time); its duration is
     * written when it ends; a cancelled one (interrupted, deleted) is removed, as it was not time spent on the step.
     */
    @EventListener
    public void onActivity(HistoricActivityInstanceEventEntity e) {
        if (!MonitorRebuild.counts(e.getActivityType())) return;
        if ("start".equals(e.getEventType())) {
            insertActivity(jdbc, e.getActivityInstanceId(), e.getProcessInstanceId(), e.getProcessDefinitionKey(),
                    e.getActivityId(), e.getActivityName(), e.getActivityType(),
                    e.getStartTime() == null ? new Date() : e.getStartTime(), null);
        } else if ("end".equals(e.getEventType())) {
            if (e.isCanceled()) {
                jdbc.update("DELETE FROM monitor_activity WHERE activity_instance_id = ?", e.getActivityInstanceId());
                return;
            }
            Date end = e.getEndTime() == null ? new Date() : e.getEndTime();
            List<Date> started = jdbc.query("SELECT started_at FROM monitor_activity WHERE activity_instance_id = ?",
                    (rs, i) -> rs.getTimestamp(1), e.getActivityInstanceId());
            if (started.isEmpty()) return; // began before monitoring existed: MonitorRebuild fills it from history
            jdbc.update("UPDATE monitor_activity SET duration_ms = ?, ended_at = ? WHERE activity_instance_id = ?",
                    Math.max(0, end.getTime() - started.get(0).getTime()), ts(end), e.getActivityInstanceId());
        }
    }

    /** A row for an activity: its case's scope comes from the instance's case (null when it has none). */
    static void insertActivity(JdbcTemplate jdbc, String activityInstanceId, String processInstanceId, String processKey,
                               String activityId, String activityName, String activityType, Date startedAt, Date endedAt) {
        List<Map<String, Object>> scope = jdbc.queryForList("SELECT c.id AS case_id, c.province_code AS province_code, "
                + "c.city_code AS city_code FROM monitor_process p JOIN case_file c ON c.id = p.case_id "
                + "WHERE p.process_instance_id = ?", processInstanceId);
        Map<String, Object> s = scope.isEmpty() ? Map.of() : lower(scope.get(0));
        jdbc.update("INSERT INTO monitor_activity (activity_instance_id, process_instance_id, case_id, province_code, "
                        + "city_code, process_key, activity_id, activity_name, activity_type, started_at, duration_ms, ended_at) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                activityInstanceId, processInstanceId, s.get("case_id"), s.get("province_code"), s.get("city_code"),
                processKey, activityId, activityName, activityType, ts(startedAt),
                endedAt == null ? null : Math.max(0, endedAt.getTime() - startedAt.getTime()), ts(endedAt));
    }

    private static Map<String, Object> lower(Map<String, Object> row) {
        Map<String, Object> m = new java.util.HashMap<>();
        row.forEach((k, v) -> m.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return m;
    }

    // ---------------------------------------------------------------- helpers

    private static Date startOf(HistoricTaskInstanceEventEntity e) {
        return e.getStartTime() == null ? new Date() : e.getStartTime();
    }

    private Optional<Long> caseOfInstance(String processInstanceId) {
        return jdbc.query("SELECT case_id FROM monitor_process WHERE process_instance_id = ?",
                (rs, i) -> rs.getObject(1) == null ? null : rs.getLong(1), processInstanceId).stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }

    static Long caseIdOf(String businessKey) {
        if (businessKey == null || businessKey.isEmpty() || businessKey.length() > 18
                || !businessKey.chars().allMatch(Character::isDigit)) return null;
        return Long.valueOf(businessKey);
    }

    /** {@code city_reviewer_130100} → 130100; null for groups that name no office (camunda-admin …). */
    static String officeOfGroup(String groupId) {
        int at = groupId.lastIndexOf('_');
        if (at < 0 || groupId.length() - at - 1 != 6) return null;
        String code = groupId.substring(at + 1);
        return code.chars().allMatch(Character::isDigit) ? code : null;
    }

    private String officeOfUser(String username) {
        return username == null ? null : users.find(username).map(CountyFlowUser::orgCode).orElse(null);
    }

    static Timestamp ts(Date date) {
        return date == null ? null : new Timestamp(date.getTime());
    }
}
