package cn.countyflow.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.countyflow.SpringTest;
import cn.countyflow.TestUsers;
import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;
import cn.countyflow.calendar.EngineClock;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.workflow.CaseDetails;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.CaseFileService;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.NotPermittedException;
import cn.countyflow.workflow.TaskFilter;
import cn.countyflow.workflow.TaskWork;

/**
 * The engine feeds monitoring's read model, and an admin's operations on real process instances: each needs a reason,
 * is audited, shows in the case history, and is refused to everyone but admins.
 */
@SpringTest
class OperationsTest {
    @Autowired OperationsService operations;
    @Autowired CaseMonitorService monitor;
    @Autowired MonitoringService monitoring;
    @Autowired CaseFileService cases;
    @Autowired TestUsers users;
    @Autowired MonitoringFixtures fixtures;
    @Autowired MonitoringProbe probe;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired TaskWork work;
    @Autowired AuditService audit;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void clock() {
        EngineClock.reset();
    }

    CaseFile fresh(long id) {
        return cases.get(id, users.get("admin"));
    }

    MonitorRow row(long caseId) {
        CaseFile c = fresh(caseId);
        return monitoring.list(users.get("admin"), new MonitorFilter(null, null, null, null, c.getCountyCode(), null, null,
                false, null, null, c.getTitle()), PageRequest.of(0, 5)).getContent().get(0);
    }

    @Test
    void theEngineFeedsTheReadModelInstancesTasksAndDurations() {
        EngineClock.moveTo(Instant.parse("2026-03-02T01:00:00Z"));
        CaseFile c = users.startCheck("监控读模型 " + System.nanoTime(), 3);
        assertThat(jdbc.queryForObject("SELECT process_key FROM monitor_process WHERE process_instance_id = ?", String.class,
                c.getProcessInstanceId())).isEqualTo("platformCheck");
        Map<String, Object> task = jdbc.queryForMap("SELECT name, office_code, due_at FROM monitor_task WHERE case_id = ?", c.getId());
        assertThat(task.get("NAME") == null ? task.get("name") : task.get("NAME")).isEqualTo("县级提交材料");
        assertThat(task.values()).contains("130184");

        String taskId = tasks.createTaskQuery().processInstanceId(c.getProcessInstanceId()).singleResult().getId();
        EngineClock.moveTo(Instant.parse("2026-03-02T01:00:00Z").plus(26, ChronoUnit.HOURS));
        work.complete(taskId, Map.of("title", "材料", "investment", 100), users.get("xinle_drafter"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM monitor_task WHERE task_id = ?", Integer.class, taskId)).isZero();
        assertThat(jdbc.queryForObject("SELECT duration_ms FROM monitor_activity WHERE activity_id = 'Task_Submit' AND case_id = ?",
                Long.class, c.getId())).isEqualTo(26L * 3600 * 1000);
        assertThat(jdbc.queryForObject("SELECT office_code FROM monitor_task WHERE case_id = ?", String.class, c.getId()))
                .isEqualTo("130100");

        CaseMonitor.Diagram d = monitor.diagram(c.getId(), null, users.get("admin"));
        assertThat(d.current()).containsExactly("Task_Review");
        assertThat(d.counts()).containsEntry("Task_Submit", 1L).containsEntry("Task_Review", 1L);
        assertThat(d.xml()).contains("bpmndi:BPMNDiagram");
    }

    @Test
    void suspendAndResumeNeedAReasonAndShowInTheHistory() {
        CaseFile c = users.startCheck("监控挂起 " + System.nanoTime(), 3);
        CountyFlowUser admin = users.get("admin");
        assertThatThrownBy(() -> operations.suspend(c.getId(), "  \u200b ", admin)).isInstanceOf(FieldErrorsException.class)
                .satisfies(e -> assertThat(((FieldErrorsException) e).getErrors()).containsKey("reason"));
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(c.getProcessInstanceId()).singleResult().isSuspended()).isFalse();

        operations.suspend(c.getId(), "省级平台维护，暂停办理", admin);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(c.getProcessInstanceId()).singleResult().isSuspended()).isTrue();
        assertThat(fresh(c.getId()).isSuspended()).isTrue();
        assertThat(row(c.getId()).state()).isEqualTo("SUSPENDED");
        String taskId = tasks.createTaskQuery().processInstanceId(c.getProcessInstanceId()).singleResult().getId();
        assertThatThrownBy(() -> operations.suspend(c.getId(), "再挂起一次", admin)).isInstanceOf(FieldErrorsException.class);

        operations.resume(c.getId(), "维护结束", admin);
        assertThat(fresh(c.getId()).isSuspended()).isFalse();
        assertThat(row(c.getId()).state()).isEqualTo("RUNNING");
        work.claim(taskId, users.get("xinle_drafter"));

        var history = cases.details(c.getId(), admin).decisions();
        assertThat(history).extracting(CaseDetails.Decision::decision).containsSubsequence("MONITOR_SUSPEND", "MONITOR_RESUME");
        assertThat(history).extracting(CaseDetails.Decision::comment).contains("省级平台维护，暂停办理", "维护结束");
        assertThat(audit.byUser("admin")).extracting(AuditEvent::getAction).contains("MONITOR_SUSPEND", "MONITOR_RESUME");
    }

    @Test
    void onlyAdminsOperate() {
        CaseFile c = users.startCheck("监控越权 " + System.nanoTime(), 3);
        for (String who : new String[] {"hebei_officer", "sjz_reviewer", "xinle_drafter"}) {
            CountyFlowUser u = users.get(who);
            assertThatThrownBy(() -> operations.suspend(c.getId(), "不应允许", u)).isInstanceOf(NotPermittedException.class);
            assertThatThrownBy(() -> operations.cancel(c.getId(), "不应允许", u)).isInstanceOf(NotPermittedException.class);
            assertThatThrownBy(() -> monitor.incident(c.getId(), "x", u)).isInstanceOf(NotPermittedException.class);
        }
        assertThat(fresh(c.getId()).getStatus().name()).isEqualTo("IN_PROGRESS");
        assertThat(audit.byUser("hebei_officer")).anySatisfy(e -> {
            assertThat(e.getAction()).isEqualTo("MONITOR_SUSPEND");
            assertThat(e.getOutcome()).isEqualTo("DENIED");
        });
        // the province monitors the case but sees no process variables
        CaseMonitor seen = monitor.details(c.getId(), users.get("hebei_officer"));
        assertThat(seen.variablesShown()).isFalse();
        assertThat(seen.variables()).isEmpty();
        assertThat(seen.cockpitUrl()).isNull();
        CaseMonitor adminView = monitor.details(c.getId(), users.get("admin"));
        assertThat(adminView.variables()).extracting(CaseMonitor.VariableView::name).contains("draftersGroup", "caseId");
        assertThat(adminView.cockpitUrl()).endsWith("/process-instance/" + c.getProcessInstanceId() + "/runtime");
        assertThatThrownBy(() -> monitor.details(c.getId(), users.get("xinle_drafter"))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> monitor.details(c.getId(), users.get("baoding_reviewer"))).isInstanceOf(NotPermittedException.class);
    }

    @Test
    void cancellingEndsTheInstanceAndMarksTheCaseCancelled() {
        CaseFile c = users.startCheck("监控撤销 " + System.nanoTime(), 3);
        operations.cancel(c.getId(), "重复申报，撤销", users.get("admin"));
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(c.getProcessInstanceId()).count()).isZero();
        assertThat(fresh(c.getId()).getStatus().name()).isEqualTo("CANCELLED");
        assertThat(row(c.getId()).statusLabel()).isEqualTo("已撤销");
        assertThat(row(c.getId()).state()).isEqualTo("TERMINATED");
        assertThat(jdbc.queryForObject("SELECT state FROM monitor_process WHERE process_instance_id = ?", String.class,
                c.getProcessInstanceId())).isEqualTo("EXTERNALLY_TERMINATED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM monitor_task WHERE case_id = ?", Integer.class, c.getId())).isZero();
        assertThat(cases.details(c.getId(), users.get("admin")).decisions()).extracting(CaseDetails.Decision::decision)
                .contains("MONITOR_CANCEL");
        assertThatThrownBy(() -> operations.cancel(c.getId(), "再撤销一次", users.get("admin")))
                .isInstanceOf(FieldErrorsException.class);
    }

    @Test
    void aTaskIsReassignedOnlyToSomeoneWhoMayActOnIt() {
        CaseFile c = users.startCheck("监控改派 " + System.nanoTime(), 3);
        CountyFlowUser admin = users.get("admin");
        String submit = tasks.createTaskQuery().processInstanceId(c.getProcessInstanceId()).singleResult().getId();
        work.complete(submit, Map.of("title", "材料", "investment", 100), users.get("xinle_drafter"));
        String review = tasks.createTaskQuery().processInstanceId(c.getProcessInstanceId()).singleResult().getId();
        work.claim(review, users.get("sjz_reviewer"));

        assertThat(operations.reassignCandidates(c.getId(), review, admin)).extracting(CountyFlowUser::username)
                .containsExactly("sjz_reviewer2");
        // another city's reviewer, a county drafter: may not act on it (scope), nothing changes
        for (String who : new String[] {"baoding_reviewer", "zhengding_drafter"}) {
            assertThatThrownBy(() -> operations.reassign(c.getId(), review, who, "改派测试", admin))
                    .isInstanceOf(FieldErrorsException.class)
                    .satisfies(e -> assertThat(((FieldErrorsException) e).getErrors()).containsKey("username"));
        }
        assertThatThrownBy(() -> operations.reassign(c.getId(), review, "nobody_here", "改派测试", admin))
                .isInstanceOf(FieldErrorsException.class);
        assertThat(tasks.createTaskQuery().taskId(review).singleResult().getAssignee()).isEqualTo("sjz_reviewer");

        operations.reassign(c.getId(), review, "sjz_reviewer2", "马超休假，由胡雪办理", admin);
        assertThat(tasks.createTaskQuery().taskId(review).singleResult().getAssignee()).isEqualTo("sjz_reviewer2");
        assertThat(work.myTasks(users.get("sjz_reviewer2"), TaskFilter.none(), 0, 500)).anyMatch(t -> t.id().equals(review));
        assertThat(cases.details(c.getId(), admin).decisions()).anySatisfy(d -> {
            assertThat(d.decision()).isEqualTo("MONITOR_REASSIGN");
            assertThat(d.comment()).contains("sjz_reviewer", "sjz_reviewer2", "马超休假");
        });
    }

    @Test
    void anIncidentShowsItsErrorAndIsRetriedToSuccess() {
        CaseFile c = fixtures.startProbe("监控故障 " + System.nanoTime());
        fixtures.failProbe(c);
        assertThat(fresh(c.getId()).getOpenIncidents()).isEqualTo(1);
        assertThat(row(c.getId()).state()).isEqualTo("INCIDENT");
        CaseMonitor m = monitor.details(c.getId(), users.get("admin"));
        assertThat(m.incidents()).hasSize(1);
        CaseMonitor.IncidentView incident = m.incidents().get(0);
        assertThat(incident.activityId()).isEqualTo("Task_Sync");
        assertThat(incident.message()).contains("省级平台暂时无法连接");
        assertThat(monitor.incident(c.getId(), incident.id(), users.get("admin")).stackTrace())
                .contains("IllegalStateException", "MonitoringProbe.execute");
        assertThat(monitor.diagram(c.getId(), null, users.get("admin")).failed()).containsExactly("Task_Sync");

        // still down: the retry fails again and a new incident says so
        OperationsService.RetryOutcome again = operations.retry(c.getId(), incident.id(), "再试一次", users.get("admin"));
        assertThat(again.succeeded()).isFalse();
        assertThat(fresh(c.getId()).getOpenIncidents()).isEqualTo(1);
        String second = monitor.details(c.getId(), users.get("admin")).incidents().get(0).id();

        probe.recoverFor(c.getId());
        assertThatThrownBy(() -> operations.retry(c.getId(), second, "", users.get("admin"))).isInstanceOf(FieldErrorsException.class);
        OperationsService.RetryOutcome outcome = operations.retry(c.getId(), second, "省级平台已恢复", users.get("admin"));
        assertThat(outcome.succeeded()).isTrue();
        assertThat(fresh(c.getId()).getOpenIncidents()).isZero();
        assertThat(monitor.details(c.getId(), users.get("admin")).incidents()).isEmpty();
        assertThat(fresh(c.getId()).getCurrentStage()).isEqualTo("市级审核");
        assertThat(cases.details(c.getId(), users.get("admin")).decisions()).extracting(CaseDetails.Decision::decision)
                .contains("MONITOR_RETRY");
    }
}
