package cn.countyflow.reporting.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import cn.countyflow.calendar.EngineClock;
import cn.countyflow.calendar.TestCalendars;
import cn.countyflow.workflow.WorkCalendar;

/**
 * Every path of {@code processes/periodic-report.bpmn} (定期报告) alone: on time → accepted; returned → revised →
 * accepted; not in by reportDue → marked late → 逾期补报 → accepted; a province-direct county reviewed by the province.
 * The delegates (${reportOpen}, ${reportMarkLate}, ${reportDraftCarryOver}) are mocked here and run for real in
 * cn.countyflow.reporting.ReportFlowTest; the clock is moved, never slept on.
 */
@Deployment(resources = "processes/periodic-report.bpmn")
class PeriodicReportProcessTest {
    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda-process-test.cfg.xml").build();

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String DRAFTERS = "county_drafter_130184";
    static final String CITY_REVIEWERS = "city_reviewer_130100";
    static final String PROVINCE_OFFICERS = "province_officer_130000";

    ProcessEngine processEngine;
    final List<String> calls = new ArrayList<>();

    /** The end of the day {@code workingDays} working days (Monday to Friday) after the engine's clock. */
    static Date workingDaysOn(int workingDays) {
        return TestCalendars.mondayToFriday().dueIn(workingDays);
    }

    @BeforeEach
    void setUp() {
        init(processEngine);
        Mocks.reset();
        EngineClock.moveTo(date(2020, 6, 20));
        Mocks.register("reportOpen", (JavaDelegate) execution -> {
            calls.add("open");
            execution.setVariable("reportId", 7L);
            execution.setVariable("reportAccepted", false);
        });
        Mocks.register("reportMarkLate", (JavaDelegate) execution -> calls.add("late"));
        Mocks.register("reportDraftCarryOver", (TaskListener) task -> calls.add("carry:" + task.getTaskDefinitionKey()));
        TestCalendars.register();
    }

    @AfterEach
    void tearDown() {
        EngineClock.reset();
        Mocks.reset();
    }

    static Date date(int y, int m, int d) {
        return Date.from(LocalDate.of(y, m, d).atStartOfDay(ZONE).toInstant());
    }

    ProcessInstance start(String reviewers) {
        Map<String, Object> v = new HashMap<>();
        v.put("reportSubjectId", 42L);
        v.put("reportCohort", "BATCH:1");
        v.put("reportPeriodKey", "2020-H1");
        v.put("reportPeriodLabel", "2020年上半年");
        v.put("reportYear", 2020);
        v.put("reportPeriodEnd", date(2020, 6, 30));
        v.put("reportDue", date(2020, 7, 15));
        v.put("reportDraftersGroup", DRAFTERS);
        v.put("reportReviewersGroup", reviewers);
        return runtimeService().startProcessInstanceByKey("periodicReport", "42", v);
    }

    @Test
    void onTimeReportIsAccepted() {
        ProcessInstance pi = start(CITY_REVIEWERS);
        assertThat(pi).isWaitingAt("Task_DraftReport");
        assertThat(task()).hasCandidateGroup(DRAFTERS).hasDueDate(date(2020, 7, 15));
        complete(task());
        assertThat(pi).isWaitingAt("Task_ReviewReport");
        // reporting-review: 7 working days after Saturday 2020-06-20 is Tuesday 2020-06-30, end of day
        assertThat(task()).hasCandidateGroup(CITY_REVIEWERS)
                .hasDueDate(Date.from(WorkCalendar.endOf(LocalDate.of(2020, 6, 30))));
        complete(task(), withVariables("reportDecision", "ACCEPT", "reportAccepted", true));
        assertThat(pi).isEnded().hasPassedInOrder("Task_OpenReport", "Task_DraftReport", "Task_ReviewReport", "End_Accepted")
                .hasNotPassed("Task_MarkLate", "Task_ReviseReport").variables().containsEntry("reportAccepted", true);
        assertThat(calls).containsExactly("open");
    }

    @Test
    void returnedReportGoesBackToTheCountyAndIsAcceptedAfterRevision() {
        ProcessInstance pi = start(CITY_REVIEWERS);
        assertThat(pi).isWaitingAt("Task_DraftReport");
        complete(task());
        complete(task(), withVariables("reportDecision", "RETURN", "reportAccepted", false));
        assertThat(pi).isWaitingAt("Task_ReviseReport");
        assertThat(task()).hasCandidateGroup(DRAFTERS).hasDueDate(workingDaysOn(7));
        // the due date of the first draft has passed meanwhile: a revision asked for by a return is not "late"
        EngineClock.moveTo(date(2020, 8, 1));
        assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
        complete(task());
        assertThat(pi).isWaitingAt("Task_ReviewReport");
        complete(task(), withVariables("reportDecision", "ACCEPT", "reportAccepted", true));
        assertThat(pi).isEnded().hasPassedInOrder("Task_DraftReport", "Task_ReviewReport", "Task_ReviseReport",
                "Task_ReviewReport", "End_Accepted").hasNotPassed("Task_MarkLate");
    }

    @Test
    void reportNotInByTheDueDateIsMarkedLateAndTheCountyGetsAReminderTask() {
        ProcessInstance pi = start(CITY_REVIEWERS);
        assertThat(pi).isWaitingAt("Task_DraftReport");
        assertThat(job()).hasDueDate(date(2020, 7, 15));
        EngineClock.moveTo(date(2020, 7, 16));
        execute(job());
        assertThat(pi).isWaitingAt("Task_LateReport").hasPassed("Task_MarkLate");
        assertThat(task()).hasName("逾期补报").hasCandidateGroup(DRAFTERS).hasDueDate(workingDaysOn(7));
        Task withForm = taskQuery().taskId(task().getId()).initializeFormKeys().singleResult();
        assertThat(withForm.getCamundaFormRef().getKey()).isEqualTo("Form_PeriodicReport");
        assertThat(withForm.getCamundaFormRef().getBinding()).isEqualTo("deployment");
        assertThat(calls).containsExactly("open", "late", "carry:Task_LateReport");
        complete(task());
        assertThat(pi).isWaitingAt("Task_ReviewReport");
        complete(task(), withVariables("reportDecision", "ACCEPT", "reportAccepted", true));
        assertThat(pi).isEnded().hasPassedInOrder("Task_MarkLate", "Task_LateReport", "Task_ReviewReport", "End_Accepted");
    }

    @Test
    void provinceDirectCountyIsReviewedByTheProvinceOfficers() {
        ProcessInstance pi = start(PROVINCE_OFFICERS);
        assertThat(pi).isWaitingAt("Task_DraftReport");
        complete(task());
        assertThat(task()).hasDefinitionKey("Task_ReviewReport").hasCandidateGroup(PROVINCE_OFFICERS);
        assertThat(task()).isNotAssigned();
        complete(task(), withVariables("reportDecision", "RETURN", "reportAccepted", false));
        complete(task());
        assertThat(task()).hasCandidateGroup(PROVINCE_OFFICERS);
        complete(task(), withVariables("reportDecision", "ACCEPT", "reportAccepted", true));
        assertThat(pi).isEnded();
    }
}
