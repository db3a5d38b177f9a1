package cn.countyflow.monitoring;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.countyflow.workflow.CaseFileService;

/**
 * Fills monitoring's read model from the engine's history and runtime: at start, when the tables are empty but the
 * engine has instances (a database from before monitoring existed), and on an admin's request. Reads in pages of
 * {@value #PAGE}; the engine is the truth, the tables are rebuilt from it.
 */
@Component
class MonitorRebuild {
    private static final Logger log = LoggerFactory.getLogger(MonitorRebuild.class);
    static final int PAGE = 1000;

    private final JdbcTemplate jdbc;
    private final HistoryService history;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final CaseFileService cases;

    MonitorRebuild(JdbcTemplate jdbc, HistoryService history, RuntimeService runtime, TaskService tasks,
                   CaseFileService cases) {
        this.jdbc = jdbc;
        this.history = history;
        this.runtime = runtime;
        this.tasks = tasks;
        this.cases = cases;
    }

    /** Activities whose time is worth counting: tasks, calls, sub-processes and waits; not gateways or start/end. */
    static boolean counts(String activityType) {
        if (activityType == null) return false;
        String t = activityType.toLowerCase(java.util.Locale.ROOT);
        return !(t.contains("gateway") || t.contains("startevent") || t.endsWith("endevent") || t.startsWith("boundary")
                || t.equals("multiinstancebody"));
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(50)
    public void rebuildIfEmpty() {
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM monitor_process", Integer.class);
        if (known != null && known == 0 && history.createHistoricProcessInstanceQuery().count() > 0) {
            log.info("Monitoring read model is empty: rebuilding it from the engine's history");
            rebuild();
        }
    }

    /** Empties and refills the read model; answers how many process instances it holds afterwards. */
    @Transactional
    public long rebuild() {
        jdbc.update("DELETE FROM monitor_activity");
        jdbc.update("DELETE FROM monitor_task");
        jdbc.update("DELETE FROM monitor_process");
        long instances = 0;
        for (int first = 0; ; first += PAGE) {
            List<HistoricProcessInstance> page = history.createHistoricProcessInstanceQuery()
                    .orderByProcessInstanceStartTime().asc().listPage(first, PAGE);
            for (HistoricProcessInstance pi : page) {
                jdbc.update("INSERT INTO monitor_process (process_instance_id, root_instance_id, case_id, process_key, "
                                + "process_definition_id, state, started_at, ended_at) VALUES (?,?,?,?,?,?,?,?)",
                        pi.getId(), pi.getRootProcessInstanceId(), EngineHistoryListener.caseIdOf(pi.getBusinessKey()),
                        pi.getProcessDefinitionKey(), pi.getProcessDefinitionId(), pi.getState(),
                        EngineHistoryListener.ts(pi.getStartTime()), EngineHistoryListener.ts(pi.getEndTime()));
            }
            instances += page.size();
            if (page.size() < PAGE) break;
        }
        for (int first = 0; ; first += PAGE) {
            List<HistoricActivityInstance> page = history.createHistoricActivityInstanceQuery().finished()
                    .orderByHistoricActivityInstanceEndTime().asc().listPage(first, PAGE);
            for (HistoricActivityInstance a : page) {
                if (a.isCanceled() || !counts(a.getActivityType()) || a.getEndTime() == null) continue;
                String key = jdbc.query("SELECT process_key FROM monitor_process WHERE process_instance_id = ?",
                        (rs, i) -> rs.getString(1), a.getProcessInstanceId()).stream().findFirst().orElse(null);
                if (key == null) continue;
                EngineHistoryListener.insertActivity(jdbc, a.getId(), a.getProcessInstanceId(), key, a.getActivityId(),
                        a.getActivityName(), a.getActivityType(), a.getStartTime(), a.getEndTime());
            }
            if (page.size() < PAGE) break;
        }
        for (int first = 0; ; first += PAGE) {
            List<Task> page = tasks.createTaskQuery().orderByTaskCreateTime().asc().listPage(first, PAGE);
            for (Task t : page) {
                String office = tasks.getIdentityLinksForTask(t.getId()).stream()
                        .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null)
                        .map(IdentityLink::getGroupId).map(EngineHistoryListener::officeOfGroup)
                        .filter(java.util.Objects::nonNull).findFirst().orElse(null);
                Long caseId = jdbc.query("SELECT case_id FROM monitor_process WHERE process_instance_id = ?",
                        (rs, i) -> rs.getObject(1) == null ? null : rs.getLong(1), t.getProcessInstanceId())
                        .stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
                jdbc.update("INSERT INTO monitor_task (task_id, process_instance_id, case_id, task_key, name, assignee, "
                                + "office_code, created_at, due_at) VALUES (?,?,?,?,?,?,?,?,?)",
                        t.getId(), t.getProcessInstanceId(), caseId, t.getTaskDefinitionKey(), t.getName(),
                        t.getAssignee(), office, EngineHistoryListener.ts(t.getCreateTime()),
                        EngineHistoryListener.ts(t.getDueDate()));
            }
            if (page.size() < PAGE) break;
        }
        jdbc.update("UPDATE case_file SET suspended = FALSE, open_incidents = 0");
        runtime.createProcessInstanceQuery().suspended().rootProcessInstances().list().forEach(pi -> {
            Long caseId = EngineHistoryListener.caseIdOf(pi.getBusinessKey());
            if (caseId != null) cases.suspensionChanged(caseId, true);
        });
        for (Incident incident : runtime.createIncidentQuery().list()) {
            runtime.createProcessInstanceQuery().processInstanceId(incident.getProcessInstanceId()).list().forEach(pi -> {
                Long caseId = EngineHistoryListener.caseIdOf(pi.getBusinessKey());
                if (caseId != null) cases.incidentsChanged(caseId, 1);
            });
        }
        return instances;
    }
}
