package cn.countyflow.plan.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import cn.countyflow.calendar.EngineClock;
import cn.countyflow.calendar.TestCalendars;
import cn.countyflow.plan.MonitoringPeriods;
import cn.countyflow.workflow.WorkCalendar;

/**
 * Every path of {@code processes/plan-monitoring.bpmn} (每月调度、季度预警、半年通报、年终考核) with the real
 * {@code periodicReport} it calls: each period waits for its end, then the city reports (due the 5th after a month,
 * 15 days after a quarter, minutes required for the latter) and the province reviews; a report not in by its due date
 * is marked late. The report delegates are mocked (they run for real in PlanMonitoringTest); the clock is moved.
 */
@Deployment(resources = {"processes/plan-monitoring.bpmn", "processes/periodic-report.bpmn"})
class PlanMonitoringProcessTest {
    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda-process-test.cfg.xml").build();

    static final String CITY = "city_reviewer_130100";
    static final String OFFICERS = "province_officer_130000";

    ProcessEngine processEngine;
    final List<String> calls = new ArrayList<>();

    @BeforeEach
    void setUp() {
        init(processEngine);
        Mocks.reset();
        TestCalendars.register();
        Mocks.register("planPeriods", new MonitoringPeriods(TestCalendars.mondayToFriday()));
        Mocks.register("reportOpen", (JavaDelegate) execution -> {
            calls.add("open:" + execution.getVariable("reportPeriodKey"));
            execution.setVariable("reportId", 7L);
            execution.setVariable("reportAccepted", false);
        });
        Mocks.register("reportMarkLate", (JavaDelegate) execution -> calls.add("late:" + execution.getVariable("reportPeriodKey")));
        Mocks.register("reportDraftCarryOver", (TaskListener) task -> calls.add("carry"));
        EngineClock.moveTo(at(2026, 12, 20));
    }

    @AfterEach
    void tearDown() {
        EngineClock.reset();
        Mocks.reset();
    }

    static Date at(int y, int m, int d) {
        return Date.from(LocalDate.of(y, m, d).atTime(9, 0).atZone(WorkCalendar.ZONE).toInstant());
    }

    static Date endOf(int y, int m, int d) {
        return Date.from(WorkCalendar.endOf(LocalDate.of(y, m, d)));
    }

    ProcessInstance start() {
        Map<String, Object> v = new HashMap<>();
        v.put("caseId", 42L);
        v.put("cohort", "PLAN_ROUND:1");
        v.put("monitoringPeriods", "2027-M01,2027-Q1");
        v.put("monitoringDraftersGroup", CITY);
        v.put("provinceOfficersGroup", OFFICERS);
        return runtimeService().startProcessInstanceByKey("planMonitoring", "42", v);
    }

    Job periodTimer(ProcessInstance pi, String key) {
        return processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId())
                .activityId("Timer_PeriodEnd").list().stream()
                .filter(j -> key.equals(runtimeService().getVariable(j.getExecutionId(), "monitoringPeriodKey")))
                .findFirst().orElseThrow();
    }

    ProcessInstance report(ProcessInstance pi, String key) {
        return runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId())
                .variableValueEquals("reportPeriodKey", key).singleResult();
    }

    Task task(ProcessInstance report) {
        return taskQuery().processInstanceId(report.getId()).singleResult();
    }

    @Test
    void eachPeriodWaitsForItsEndAndTheMonthlyReportNotInByTheFifthIsLate() {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("Timer_PeriodEnd");
        assertThat(periodTimer(pi, "2027-M01").getDuedate()).isEqualTo(endOf(2027, 1, 31));
        assertThat(periodTimer(pi, "2027-Q1").getDuedate()).isEqualTo(endOf(2027, 3, 31));

        EngineClock.moveTo(at(2027, 2, 1));
        processEngine.getManagementService().executeJob(periodTimer(pi, "2027-M01").getId());
        ProcessInstance monthly = report(pi, "2027-M01");
        assertThat(monthly).isWaitingAt("Task_DraftReport")
                .variables().containsEntry("reportPeriodLabel", "2027年1月").containsEntry("reportYear", 2027)
                .containsEntry("reportMinutesRequired", false).containsEntry("reportSubjectId", 42L);
        assertThat(task(monthly)).hasCandidateGroup(CITY).hasDueDate(endOf(2027, 2, 5));

        // the 5th passes without the report
        EngineClock.moveTo(at(2027, 2, 6));
        Job due = processEngine.getManagementService().createJobQuery().processInstanceId(monthly.getId()).timers().singleResult();
        processEngine.getManagementService().executeJob(due.getId());
        assertThat(monthly).isWaitingAt("Task_LateReport");
        assertThat(calls).containsExactly("open:2027-M01", "late:2027-M01", "carry");
        complete(task(monthly));
        assertThat(task(monthly)).hasCandidateGroup(OFFICERS);
        complete(task(monthly), withVariables("reportDecision", "ACCEPT", "reportAccepted", true));
        assertThat(monthly).isEnded();
        assertThat(pi).isActive();
    }

    @Test
    void quarterlyReportIsDueFifteenDaysAfterTheQuarterWithMinutesAndEndsTheScheduleWhenAllAreIn() {
        ProcessInstance pi = start();
        EngineClock.moveTo(at(2027, 2, 1));
        processEngine.getManagementService().executeJob(periodTimer(pi, "2027-M01").getId());
        complete(task(report(pi, "2027-M01")));
        complete(task(report(pi, "2027-M01")), withVariables("reportDecision", "ACCEPT", "reportAccepted", true));

        EngineClock.moveTo(at(2027, 4, 1));
        processEngine.getManagementService().executeJob(periodTimer(pi, "2027-Q1").getId());
        ProcessInstance quarterly = report(pi, "2027-Q1");
        assertThat(quarterly).variables().containsEntry("reportMinutesRequired", true)
                .containsEntry("reportPeriodLabel", "2027年第一季度");
        assertThat(task(quarterly)).hasCandidateGroup(CITY).hasDueDate(endOf(2027, 4, 15));
        complete(task(quarterly));
        complete(task(quarterly), withVariables("reportDecision", "RETURN", "reportAccepted", false));
        assertThat(quarterly).isWaitingAt("Task_ReviseReport");
        complete(task(quarterly));
        complete(task(quarterly), withVariables("reportDecision", "ACCEPT", "reportAccepted", true));
        assertThat(pi).isEnded().hasPassed("End_Monitoring");
        assertThat(calls).doesNotContain("late:2027-Q1");
    }

    @Test
    void aDueDayThatIsNotAWorkingDayMovesToTheNextWorkingDay() {
        MonitoringPeriods periods = new MonitoringPeriods(TestCalendars.mondayToFriday());
        // 2027-06-05 is a Saturday: the May report is due on Monday the 7th
        assertThat(periods.dueDay("2027-M05")).isEqualTo(LocalDate.of(2027, 6, 7));
        // the year-end summary: 15 days after 31 December
        assertThat(periods.dueDay("2027-Y")).isEqualTo(LocalDate.of(2028, 1, 17));
        assertThat(MonitoringPeriods.schedule(2027, 2027, LocalDate.of(2026, 12, 1)))
                .containsExactly("2027-M01", "2027-M02", "2027-M03", "2027-Q1", "2027-M04", "2027-M05", "2027-M06",
                        "2027-H1", "2027-M07", "2027-M08", "2027-M09", "2027-Q3", "2027-M10", "2027-M11", "2027-M12",
                        "2027-Y");
    }
}
