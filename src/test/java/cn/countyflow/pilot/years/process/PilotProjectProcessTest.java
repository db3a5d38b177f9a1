package cn.countyflow.pilot.years.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
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
import cn.countyflow.pilot.PilotBatch;
import cn.countyflow.pilot.PilotBatchService;
import cn.countyflow.pilot.years.ReportPeriods;

/**
 * Every path of {@code processes/pilot-project.bpmn} (试点示范县创建实施) with stand-in children for engineer B's
 * {@code periodicReport} and engineer D's {@code targetEvaluation} (one task each; the test completes it with the
 * out variables). The period arithmetic is the real {@link ReportPeriods}; the programme's steps are recorded.
 * Timers are driven by moving the engine clock and executing the job.
 */
@Deployment(resources = {"processes/pilot-project.bpmn", "processes/test/periodic-report-child.bpmn20.xml",
        "processes/test/target-evaluation-child.bpmn20.xml"})
public class PilotProjectProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda-process-test.cfg.xml").build();

    static final String DRAFTERS = "county_drafter_130184";
    static final String CITY = "city_reviewer_130100";
    static final String OFFICERS = "province_officer_130000";
    /** A 2026 batch: target years 2027–2029. */
    static final int FIRST = 2027;

    ProcessEngine processEngine;
    final Steps steps = new Steps();
    final ReportPeriods periods = new ReportPeriods();

    /** What the programme's steps (${pilotYears.…}) were asked to do, in order. */
    public static class Steps {
        public final List<String> calls = new ArrayList<>();
        public final Map<String, Object> seen = new HashMap<>();

        public void evaluationOpened(DelegateExecution e, String kind) {
            calls.add("opened:" + kind);
            if ("MIDTERM".equals(kind)) seen.put("midtermOpenedBy", e.getVariable("midtermOpenedBy"));
        }

        public void evaluationDone(DelegateExecution e, String kind) {
            calls.add("done:" + kind + ":" + e.getVariable("FINAL".equals(kind) ? "finalOutcome" : "midtermOutcome"));
        }

        public void cancel(DelegateExecution e) {
            calls.add("cancel");
            seen.put("cancelText", e.getVariable("midtermNoticeText"));
        }

        public void benchmark(DelegateExecution e) {
            calls.add("benchmark");
            seen.put("benchmarkText", e.getVariable("finalNoticeText"));
        }

        public void completed(DelegateExecution e) {
            calls.add("completed");
        }
    }

    @BeforeEach
    void setUp() {
        init(processEngine);
        Mocks.reset();
        Mocks.register("pilotPeriods", periods);
        Mocks.register("pilotYears", steps);
        TestCalendars.register();
        setNow(LocalDate.of(2026, 12, 20));
    }

    @AfterEach
    void tearDown() {
        EngineClock.reset();
        Mocks.reset();
    }

    // ---------------------------------------------------------------- helpers

    static void setNow(LocalDate day) {
        EngineClock.moveTo(Date.from(day.atTime(10, 0).atZone(PilotBatchService.ZONE).toInstant()));
    }

    static Date at(LocalDate day) {
        return Date.from(day.atStartOfDay(PilotBatchService.ZONE).toInstant());
    }

    ProcessInstance start(boolean provinceDirect, PilotBatch.ReportFrequency frequency) {
        Map<String, Object> v = new HashMap<>();
        v.put("caseId", 77L);
        v.put("applicationCaseId", 42L);
        v.put("batchId", 9L);
        v.put("cohort", "PILOT_BATCH:9");
        v.put("provinceCode", "130000");
        v.put("countyCode", provinceDirect ? "130181" : "130184");
        v.put("provinceDirect", provinceDirect);
        v.put("panelSize", 5);
        v.put("reportPeriods", String.join(",", ReportPeriods.plan(frequency, FIRST, FIRST + 2)));
        v.put("reportDueDays", 15);
        v.put("draftersGroup", DRAFTERS);
        v.put("cityReviewersGroup", provinceDirect ? null : CITY);
        v.put("provinceOfficersGroup", OFFICERS);
        v.put("reportReviewersGroup", provinceDirect ? OFFICERS : CITY);
        v.put("midtermDate", at(LocalDate.of(2028, 6, 20)));
        v.put("finalDate", at(LocalDate.of(FIRST + 3, 1, 1)));
        return runtimeService().startProcessInstanceByKey("pilotProject", "77", v);
    }

    ProcessInstance start() {
        return start(false, PilotBatch.ReportFrequency.HALF_YEARLY);
    }

    Job timer(ProcessInstance pi, String activityId) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
    }

    /** Moves the clock just past the timer's due date and fires it. */
    void fire(Job job) {
        EngineClock.moveTo(new Date(job.getDuedate().getTime() + 1000));
        managementService().executeJob(job.getId());
    }

    ProcessInstance child(ProcessInstance pi, String key) {
        return runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId())
                .processDefinitionKey(key).singleResult();
    }

    void finish(ProcessInstance child, Map<String, Object> out) {
        String taskId = taskService().createTaskQuery().processInstanceId(child.getId()).singleResult().getId();
        taskService().complete(taskId, out);
    }

    /** Fires every report period's timer in turn and accepts its report; answers the period keys seen. */
    List<String> reportAllPeriods(ProcessInstance pi) {
        List<String> seen = new ArrayList<>();
        Job job;
        while ((job = timer(pi, "Timer_PeriodEnd")) != null) {
            fire(job);
            ProcessInstance report = child(pi, "periodicReport");
            assertThat(report).as("periodicReport called after %s", job.getDuedate()).isNotNull();
            assertThat(report.getBusinessKey()).isEqualTo("77");
            Map<String, Object> in = runtimeService().getVariables(report.getId());
            seen.add((String) in.get("reportPeriodKey"));
            finish(report, Map.of("reportAccepted", true));
        }
        return seen;
    }

    static Map<String, Object> outcome(String outcome, Boolean benchmark, String text) {
        Map<String, Object> m = new HashMap<>();
        m.put("evalOutcome", outcome);
        m.put("evalBenchmark", benchmark);
        m.put("evalNoticeText", text);
        return m;
    }

    // ---------------------------------------------------------------- paths

    @Test
    void everyHalfYearIsReportedAtItsEndThenMidtermByTimerFinalAndCompletedWithoutBenchmark() {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("Timer_PeriodEnd", "Gateway_MidtermWait");
        Job first = timer(pi, "Timer_PeriodEnd");
        assertThat(first.getDuedate()).isEqualTo(ReportPeriodsTestDates.endOfDay(LocalDate.of(2027, 6, 30)));

        // the first period's report carries everything Contract 2 names
        fire(first);
        ProcessInstance report = child(pi, "periodicReport");
        Map<String, Object> in = runtimeService().getVariables(report.getId());
        assertThat(in).containsEntry("reportSubjectId", 77L).containsEntry("reportCohort", "PILOT_BATCH:9")
                .containsEntry("reportPeriodKey", "2027-H1").containsEntry("reportPeriodLabel", "2027年上半年")
                .containsEntry("reportYear", 2027).containsEntry("reportDraftersGroup", DRAFTERS)
                .containsEntry("reportReviewersGroup", CITY)
                .containsEntry("reportPeriodEnd", ReportPeriodsTestDates.endOfDay(LocalDate.of(2027, 6, 30)))
                .containsEntry("reportDue", ReportPeriodsTestDates.endOfDay(LocalDate.of(2027, 7, 15)));
        finish(report, Map.of("reportAccepted", true));

        List<String> rest = reportAllPeriods(pi);
        assertThat(rest).containsExactly("2027-H2", "2028-H1", "2028-H2", "2029-H1", "2029-H2");
        assertThat(pi).isWaitingAt("Gateway_MidtermWait").isNotEnded();

        // the mid-term date comes: the timer opens it
        fire(timer(pi, "Timer_Midterm"));
        ProcessInstance midterm = child(pi, "targetEvaluation");
        Map<String, Object> eval = runtimeService().getVariables(midterm.getId());
        assertThat(midterm.getBusinessKey()).isEqualTo("77");
        assertThat(eval).containsEntry("evalSubjectId", 77L).containsEntry("evalCohort", "PILOT_BATCH:9")
                .containsEntry("evalKind", "MIDTERM").containsEntry("evalDraftersGroup", DRAFTERS)
                .containsEntry("evalReviewersGroup", CITY).containsEntry("evalOfficersGroup", OFFICERS)
                .containsEntry("evalProvinceCode", "130000").containsEntry("evalApplicantOrg", "130184")
                .containsEntry("evalPanelSize", 5);
        // pilot-self-evaluation: 20 working days from the day the evaluation opens
        assertThat((Date) eval.get("evalDue")).isAfter(Date.from(EngineClock.current()))
                .isEqualTo(TestCalendars.mondayToFriday().dueIn(20));
        assertThat(steps.seen.get("midtermOpenedBy")).isNull();
        finish(midterm, outcome("PASSED", null, null));
        assertThat(pi).isWaitingAt("Timer_ThreeYears");

        fire(timer(pi, "Timer_ThreeYears"));
        ProcessInstance fin = child(pi, "targetEvaluation");
        assertThat(runtimeService().getVariables(fin.getId())).containsEntry("evalKind", "FINAL");
        finish(fin, outcome("PASSED", false, null));

        assertThat(pi).isEnded().hasPassed("Task_RecordOutcome", "End_Completed").hasNotPassed("Task_PublishBenchmark",
                "Task_PublishCancellation");
        assertThat(steps.calls).containsExactly("opened:MIDTERM", "done:MIDTERM:PASSED", "opened:FINAL",
                "done:FINAL:PASSED", "completed");
    }

    @Test
    void quarterlyAndYearlyBatchesHaveTwelveAndThreePeriods() {
        ProcessInstance quarterly = start(false, PilotBatch.ReportFrequency.QUARTERLY);
        assertThat(reportAllPeriods(quarterly)).hasSize(12).startsWith("2027-Q1").endsWith("2029-Q4");
        EngineClock.reset();
        setNow(LocalDate.of(2026, 12, 20));
        ProcessInstance yearly = runtimeService().startProcessInstanceByKey("pilotProject", "78",
                Map.of("caseId", 78L, "reportPeriods", String.join(",", ReportPeriods.plan(PilotBatch.ReportFrequency.YEARLY,
                        FIRST, FIRST + 2)), "reportDueDays", 10, "midtermDate", at(LocalDate.of(2028, 6, 20)),
                        "finalDate", at(LocalDate.of(2030, 1, 1))));
        Job job = timer(yearly, "Timer_PeriodEnd");
        fire(job);
        ProcessInstance report = child(yearly, "periodicReport");
        assertThat(runtimeService().getVariables(report.getId())).containsEntry("reportPeriodKey", "2027-Y")
                .containsEntry("reportPeriodLabel", "2027年度")
                .containsEntry("reportDue", ReportPeriodsTestDates.endOfDay(LocalDate.of(2028, 1, 10)));
    }

    @Test
    void theProvinceOpensTheMidtermEarlyByMessageAndTheTimerIsGone() {
        ProcessInstance pi = start();
        runtimeService().createMessageCorrelation("pilotMidtermOpen").processInstanceBusinessKey("77")
                .setVariable("midtermOpenedBy", "hebei_officer").correlate();
        assertThat(timer(pi, "Timer_Midterm")).isNull();
        assertThat(pi).isWaitingAt("Call_Midterm", "Timer_PeriodEnd");
        assertThat(steps.seen).containsEntry("midtermOpenedBy", "hebei_officer");
        assertThat(runtimeService().getVariables(child(pi, "targetEvaluation").getId()))
                .containsEntry("evalKind", "MIDTERM");
    }

    @Test
    void movingTheMidtermDateMovesTheWaitingTimer() {
        ProcessInstance pi = start();
        Job waiting = timer(pi, "Timer_Midterm");
        assertThat(waiting.getDuedate()).isEqualTo(at(LocalDate.of(2028, 6, 20)));
        // what PilotProjectService does when the province moves the batch's mid-term date
        managementService().setJobDuedate(waiting.getId(), at(LocalDate.of(2028, 3, 1)));
        Job moved = timer(pi, "Timer_Midterm");
        assertThat(moved.getDuedate()).isEqualTo(at(LocalDate.of(2028, 3, 1)));
        EngineClock.moveTo(Date.from(LocalDateTime.of(2028, 3, 1, 0, 0, 5).atZone(PilotBatchService.ZONE).toInstant()));
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).activityId("Timer_Midterm")
                .executable().count()).isEqualTo(1);
        managementService().executeJob(moved.getId());
        assertThat(child(pi, "targetEvaluation")).isNotNull();
        assertThat(steps.calls).containsExactly("opened:MIDTERM");
    }

    @Test
    void terminatedAtTheMidtermPublishesTheCancellationAndEndsTheWholeProjectReportsToo() {
        ProcessInstance pi = start();
        // a report is under way when the mid-term opens
        fire(timer(pi, "Timer_PeriodEnd"));
        ProcessInstance report = child(pi, "periodicReport");
        runtimeService().createMessageCorrelation("pilotMidtermOpen").processInstanceBusinessKey("77").correlate();
        finish(child(pi, "targetEvaluation"), outcome("TERMINATED", null, "整改后主要指标仍未达到要求，中止试点示范。"));

        assertThat(pi).isEnded().hasPassed("Task_PublishCancellation", "End_Cancelled").hasNotPassed("Timer_ThreeYears");
        assertThat(steps.calls).containsExactly("opened:MIDTERM", "done:MIDTERM:TERMINATED", "cancel");
        assertThat(steps.seen).containsEntry("cancelText", "整改后主要指标仍未达到要求，中止试点示范。");
        // the report branch ended with it: no child, no timer left
        assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(report.getId()).count()).isZero();
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void passedFinalWithBenchmarkPublishesTheSummary() {
        ProcessInstance pi = start(true, PilotBatch.ReportFrequency.YEARLY);
        reportAllPeriods(pi);
        fire(timer(pi, "Timer_Midterm"));
        ProcessInstance midterm = child(pi, "targetEvaluation");
        // a province-direct county: no city review in the evaluation, reports reviewed by the province
        assertThat(runtimeService().getVariables(midterm.getId())).containsEntry("evalReviewersGroup", null)
                .containsEntry("evalApplicantOrg", "130181");
        finish(midterm, outcome("PASSED", null, null));
        fire(timer(pi, "Timer_ThreeYears"));
        finish(child(pi, "targetEvaluation"), outcome("PASSED", true, "以智能制造为主攻方向，三年研发比重翻番。"));

        assertThat(pi).isEnded().hasPassed("Task_PublishBenchmark", "Task_RecordOutcome", "End_Completed");
        assertThat(steps.calls).containsExactly("opened:MIDTERM", "done:MIDTERM:PASSED", "opened:FINAL",
                "done:FINAL:PASSED", "benchmark", "completed");
        assertThat(steps.seen).containsEntry("benchmarkText", "以智能制造为主攻方向，三年研发比重翻番。");
    }

    @Test
    void aFinishedEvaluationWaitsForTheLastReportBeforeTheProjectEnds() {
        ProcessInstance pi = start(false, PilotBatch.ReportFrequency.YEARLY);
        fire(timer(pi, "Timer_PeriodEnd"));
        finish(child(pi, "periodicReport"), Map.of("reportAccepted", true));
        fire(timer(pi, "Timer_PeriodEnd"));
        finish(child(pi, "periodicReport"), Map.of("reportAccepted", true));
        fire(timer(pi, "Timer_Midterm"));
        finish(child(pi, "targetEvaluation"), outcome("PASSED", null, null));
        fire(timer(pi, "Timer_PeriodEnd")); // 2029 is over: its report and the final evaluation run side by side
        ProcessInstance lastReport = child(pi, "periodicReport");
        fire(timer(pi, "Timer_ThreeYears"));
        ProcessInstance fin = runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId())
                .processDefinitionKey("targetEvaluation").singleResult();
        finish(fin, outcome("FAILED", false, null));
        assertThat(pi).isNotEnded().isWaitingAt("Call_PeriodicReport");
        assertThat(steps.calls).endsWith("done:FINAL:FAILED", "completed");
        finish(lastReport, Map.of("reportAccepted", false));
        assertThat(pi).isEnded().hasPassed("Gateway_Join", "End_Completed");
    }

    /** The period ends as the real {@link ReportPeriods} computes them, independently restated. */
    static final class ReportPeriodsTestDates {
        static Date endOfDay(LocalDate day) {
            return Date.from(day.atTime(23, 59, 59).atZone(PilotBatchService.ZONE).toInstant());
        }
    }
}
