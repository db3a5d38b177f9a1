package cn.countyflow.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.countyflow.TestUsers;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.UserAccountService;
import cn.countyflow.workflow.CaseFile;
import cn.countyflow.workflow.CaseFileService;

/** Data with known answers for monitoring's tests: each test makes its own cohort (or process key) and asks only for it. */
@Component
public class MonitoringFixtures {
    private final JdbcTemplate jdbc;
    private final CaseFileService cases;
    private final TestUsers users;
    private final UserAccountService accounts;
    private final TaskService tasks;
    private final ManagementService management;
    private final MonitoringProbe probe;

    public MonitoringFixtures(JdbcTemplate jdbc, CaseFileService cases, TestUsers users, UserAccountService accounts,
                              TaskService tasks, ManagementService management, MonitoringProbe probe) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.users = users;
        this.accounts = accounts;
        this.tasks = tasks;
        this.management = management;
        this.probe = probe;
    }

    public static String cohort() {
        return "TEST:" + UUID.randomUUID().toString().substring(0, 12);
    }

    /** A case row as a programme would have it (no process): type, county, status, stage, created at. */
    public long insertCase(String cohort, String caseType, String title, String countyCode, String cityCode,
                           String provinceCode, String status, String stage, Instant createdAt) {
        jdbc.update("INSERT INTO case_file (case_type, title, county_code, city_code, province_code, status, current_stage, "
                        + "created_by, created_at, updated_at, cohort) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                caseType, title, countyCode, cityCode, provinceCode, status, stage, "fixture", Timestamp.from(createdAt),
                Timestamp.from(createdAt), cohort);
        return jdbc.queryForObject("SELECT MAX(id) FROM case_file WHERE cohort = ?", Long.class, cohort);
    }

    public void flag(long caseId, boolean suspended, int incidents) {
        jdbc.update("UPDATE case_file SET suspended = ?, open_incidents = ? WHERE id = ?", suspended, incidents, caseId);
    }

    public void openTask(long caseId, String officeCode, Instant due) {
        jdbc.update("INSERT INTO monitor_task (task_id, case_id, task_key, name, office_code, created_at, due_at) "
                + "VALUES (?,?,?,?,?,?,?)", "fx-" + UUID.randomUUID(), caseId, "Task_Fixture", "测试任务", officeCode,
                Timestamp.from(Instant.now()), due == null ? null : Timestamp.from(due));
    }

    public void ranProcess(long caseId, String processKey) {
        jdbc.update("INSERT INTO monitor_process (process_instance_id, case_id, process_key, state, started_at) VALUES (?,?,?,?,?)",
                "fx-" + UUID.randomUUID(), caseId, processKey, "ACTIVE", Timestamp.from(Instant.now()));
    }

    public void activity(String processKey, String activityId, String provinceCode, String cityCode, long durationMs) {
        jdbc.update("INSERT INTO monitor_activity (activity_instance_id, process_key, activity_id, activity_name, activity_type, "
                        + "province_code, city_code, started_at, duration_ms, ended_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                "fx-" + UUID.randomUUID(), processKey, activityId, activityId + " 名称", "userTask", provinceCode, cityCode,
                Timestamp.from(Instant.now().minusMillis(durationMs)), durationMs, Timestamp.from(Instant.now()));
    }

    /** A Hubei provincial officer (the demo data has none), made once. */
    public CountyFlowUser hubeiOfficer() {
        return accounts.find("hubei_officer_t").orElseGet(() -> accounts.create("hubei_officer_t", "湖北省 测试经办人",
                TestUsers.PASSWORD, "420000", java.util.EnumSet.of(cn.countyflow.org.Role.PROVINCE_OFFICER)));
    }

    /** A monitoringProbe case for 新乐市, waiting at 县级提交材料. */
    public CaseFile startProbe(String title) {
        return cases.start("MONITOR_PROBE", title, "130184", "monitoringProbe", Map.of(), users.get("xinle_drafter"));
    }

    /** Completes the probe's first task, then runs its job while the delegate fails: an incident opens. */
    public Job failProbe(CaseFile c) {
        probe.failFor(c.getId());
        var task = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(c.getId())).singleResult();
        tasks.complete(task.getId());
        Job job = management.createJobQuery().processInstanceId(c.getProcessInstanceId()).singleResult();
        management.setJobRetries(job.getId(), 1);
        try {
            management.executeJob(job.getId());
        } catch (RuntimeException expected) {
            // the delegate failed: retries 1 → 0, an incident opens
        }
        return job;
    }
}
