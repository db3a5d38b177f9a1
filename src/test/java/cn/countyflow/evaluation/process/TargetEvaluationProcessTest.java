package cn.countyflow.evaluation.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
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
 * Walks every path of {@code processes/target-evaluation.bpmn} (考核评估): 自评 → 市级审核 (or not) → 省级评估
 * (with or without the expert scoring, here the stand-in child of test resource stand-ins/) → 中期: 通过 / 限期整改 →
 * 整改报告 / 逾期处理 → 复评; 终期: 合格 (示范标杆 or not) / 不合格. Routing variables are what
 * evaluation.EvaluationTaskHandler hands the engine; the outputs are read from the instance's history.
 * Timers are driven by moving the clock and executing the job.
 */
@Deployment(resources = {"processes/target-evaluation.bpmn", "stand-ins/expert-review-stand-in.bpmn"})
class TargetEvaluationProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda-process-test.cfg.xml").build();

    static final String DRAFTERS = "county-130184-drafters";
    static final String CITY_REVIEWERS = "city-130100-reviewers";
    static final String OFFICERS = "province-130000-officers";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    ProcessEngine processEngine;
    Instant now = LocalDate.of(2021, 6, 1).atStartOfDay(ZONE).toInstant();

    @BeforeEach
    void setUp() {
        init(processEngine);
        EngineClock.moveTo(Date.from(now));
        Mocks.reset();
        TestCalendars.register();
    }

    @AfterEach
    void resetClock() {
        EngineClock.reset();
        Mocks.reset();
    }

    // ---------------------------------------------------------------- helpers

    ProcessInstance start(String kind, boolean underCity) {
        Map<String, Object> v = new HashMap<>();
        v.put("evalSubjectId", 42L);
        v.put("evalCohort", "BATCH:7");
        v.put("evalKind", kind);
        v.put("evalDue", Date.from(now.plus(Duration.ofDays(30))));
        v.put("evalDraftersGroup", DRAFTERS);
        v.put("evalReviewersGroup", underCity ? CITY_REVIEWERS : null);
        v.put("evalOfficersGroup", OFFICERS);
        v.put("evalProvinceCode", "130000");
        v.put("evalApplicantOrg", "130184");
        v.put("evalPanelSize", 5);
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("targetEvaluation", "42", v);
        assertThat(pi).isWaitingAt("Task_SelfEvaluation");
        assertThat(task(pi)).hasCandidateGroup(DRAFTERS).hasDueDate(Date.from(now.plus(Duration.ofDays(30))));
        return pi;
    }

    /** What the self-evaluation's handler hands the engine: nothing; the next steps' due dates come from deadlines. */
    static Map<String, Object> selfEvaluated() {
        return new HashMap<>();
    }

    void selfEvaluate(ProcessInstance pi) {
        assertThat(pi).isWaitingAt("Task_SelfEvaluation");
        complete(task(pi), selfEvaluated());
    }

    void cityPasses(ProcessInstance pi) {
        assertThat(pi).isWaitingAt("Task_CityReview");
        assertThat(task(pi)).hasCandidateGroup(CITY_REVIEWERS)
                // 7 working days (evaluation-city-review) after Tuesday 2021-06-01: Thursday 2021-06-10, end of day
                .hasDueDate(Date.from(WorkCalendar.endOf(LocalDate.of(2021, 6, 10))));
        complete(task(pi), withVariables("evalCityDecision", "PASS"));
    }

    void provinceArranges(ProcessInstance pi, boolean experts) {
        assertThat(pi).isWaitingAt("Task_ProvinceArrange");
        assertThat(task(pi)).hasCandidateGroup(OFFICERS)
                // 15 working days (evaluation-province) after 2021-06-01: Tuesday 2021-06-22, end of day
                .hasDueDate(Date.from(WorkCalendar.endOf(LocalDate.of(2021, 6, 22))));
        complete(task(pi), withVariables("evalExperts", experts));
    }

    void midtermConclusion(ProcessInstance pi, Map<String, Object> vars) {
        assertThat(pi).isWaitingAt("Task_MidtermConclusion");
        assertThat(task(pi)).hasCandidateGroup(OFFICERS);
        complete(task(pi), vars);
    }

    Date deadline(int daysFromNow) {
        return Date.from(now.plus(Duration.ofDays(daysFromNow)));
    }

    void rectify(ProcessInstance pi, int deadlineDays) {
        midtermConclusion(pi, withVariables("evalConclusion", "RECTIFY", "evalRectifyDeadline", deadline(deadlineDays)));
        assertThat(pi).isWaitingAt("Task_Rectification");
        assertThat(task(pi)).hasCandidateGroup(DRAFTERS).hasDueDate(deadline(deadlineDays));
    }

    /** Moves the clock past the rectification deadline and fires the timer. */
    void missDeadline(ProcessInstance pi, int deadlineDays) {
        assertThat(pi).isWaitingAt("Task_Rectification");
        EngineClock.moveTo(Date.from(now.plus(Duration.ofDays(deadlineDays)).plusSeconds(60)));
        assertThat(job()).isNotNull();
        assertThat(job().getDuedate()).isEqualTo(deadline(deadlineDays));
        execute(job());
        assertThat(pi).isWaitingAt("Task_DeadlineMissed");
        assertThat(task(pi)).hasCandidateGroup(OFFICERS);
    }

    Object output(ProcessInstance pi, String name) {
        var v = historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(name).singleResult();
        return v == null ? "<missing>" : v.getValue();
    }

    void endsWith(ProcessInstance pi, String endEvent, String outcome, Boolean benchmark, String notice) {
        assertThat(pi).hasPassed(endEvent).isEnded();
        assertThat(output(pi, "evalOutcome")).isEqualTo(outcome);
        assertThat(output(pi, "evalBenchmark")).isEqualTo(benchmark);
        assertThat(output(pi, "evalNoticeText")).isEqualTo(notice);
    }

    // ---------------------------------------------------------------- mid-term

    @Test
    void midtermPassesWithoutExperts() {
        ProcessInstance pi = start("MIDTERM", true);
        selfEvaluate(pi);
        cityPasses(pi);
        provinceArranges(pi, false);
        midtermConclusion(pi, withVariables("evalConclusion", "PASSED"));
        endsWith(pi, "End_Passed", "PASSED", false, null);
        assertThat(pi).hasPassedInOrder("Task_SelfEvaluation", "Task_CityReview", "Task_ProvinceArrange",
                "Task_MidtermConclusion", "End_Passed").hasNotPassed("CallActivity_ExpertReview");
    }

    @Test
    void midtermPassesWithAnExpertScoring() {
        ProcessInstance pi = start("MIDTERM", true);
        selfEvaluate(pi);
        cityPasses(pi);
        provinceArranges(pi, true);
        assertThat(pi).isWaitingAt("CallActivity_ExpertReview");
        ProcessInstance child = calledProcessInstance("expertReview", pi);
        assertThat(child).hasBusinessKey("42").isWaitingAt("Task_StandInScoring");
        // Contract 1: exactly the inputs, under their neutral names
        assertThat(child).variables().containsEntry("reviewSubjectId", 42L)
                .containsEntry("reviewProvinceCode", "130000").containsEntry("reviewApplicantOrg", "130184")
                .containsEntry("reviewPanelSize", 5).containsEntry("reviewSheetForm", "Form_EvaluationMidtermScoreSheet")
                .containsEntry("reviewItemsDecision", "midtermScoreItems").containsEntry("reviewOfficersGroup", OFFICERS)
                .doesNotContainKey("evalKind").doesNotContainKey("evalDraftersGroup");
        complete(task(child));
        assertThat(child).isEnded();
        assertThat(pi).isWaitingAt("Task_MidtermConclusion").variables().containsEntry("reviewScore", 82.5)
                .containsEntry("reviewExpertCount", 5).containsEntry("reviewSpreadFlagged", false);
        midtermConclusion(pi, withVariables("evalConclusion", "PASSED"));
        endsWith(pi, "End_Passed", "PASSED", false, null);
    }

    @Test
    void cityReturnsThenPasses() {
        ProcessInstance pi = start("MIDTERM", true);
        selfEvaluate(pi);
        assertThat(pi).isWaitingAt("Task_CityReview");
        Date redraftDue = deadline(7);
        complete(task(pi), withVariables("evalCityDecision", "RETURN", "evalRedraftDue", redraftDue));
        assertThat(pi).isWaitingAt("Task_SelfEvaluation");
        assertThat(task(pi)).hasCandidateGroup(DRAFTERS).hasDueDate(redraftDue);
        selfEvaluate(pi);
        cityPasses(pi);
        provinceArranges(pi, false);
        midtermConclusion(pi, withVariables("evalConclusion", "PASSED"));
        endsWith(pi, "End_Passed", "PASSED", false, null);
    }

    @Test
    void provinceDirectCountySkipsTheCityReview() {
        ProcessInstance pi = start("MIDTERM", false);
        selfEvaluate(pi);
        provinceArranges(pi, false);
        midtermConclusion(pi, withVariables("evalConclusion", "PASSED"));
        endsWith(pi, "End_Passed", "PASSED", false, null);
        assertThat(pi).hasNotPassed("Task_CityReview");
    }

    @Test
    void rectifiesThenPasses() {
        ProcessInstance pi = start("MIDTERM", true);
        selfEvaluate(pi);
        cityPasses(pi);
        provinceArranges(pi, false);
        rectify(pi, 60);
        complete(task(pi));
        assertThat(pi).isWaitingAt("Task_ReEvaluation");
        assertThat(task(pi)).hasCandidateGroup(OFFICERS);
        complete(task(pi), withVariables("evalReDecision", "PASS"));
        endsWith(pi, "End_Passed", "PASSED", false, null);
        assertThat(pi).hasNotPassed("Task_DeadlineMissed");
    }

    @Test
    void rectifiesThenIsTerminated() {
        ProcessInstance pi = start("MIDTERM", true);
        selfEvaluate(pi);
        cityPasses(pi);
        provinceArranges(pi, false);
        rectify(pi, 60);
        complete(task(pi));
        assertThat(pi).isWaitingAt("Task_ReEvaluation");
        complete(task(pi), withVariables("evalReDecision", "TERMINATE", "evalNoticeText", "整改后研发比重仍未达到目标"));
        endsWith(pi, "End_Terminated", "TERMINATED", false, "整改后研发比重仍未达到目标");
    }

    @Test
    void missedDeadlineIsExtendedThenReportFiledAndPassed() {
        ProcessInstance pi = start("MIDTERM", true);
        selfEvaluate(pi);
        cityPasses(pi);
        provinceArranges(pi, false);
        rectify(pi, 60);
        missDeadline(pi, 60);
        complete(task(pi), withVariables("evalMissedDecision", "EXTEND", "evalRectifyDeadline", deadline(90),
                "evalExtended", true));
        assertThat(pi).isWaitingAt("Task_Rectification");
        assertThat(task(pi)).hasDueDate(deadline(90));
        assertThat(job().getDuedate()).isEqualTo(deadline(90));
        complete(task(pi));
        complete(task(pi), withVariables("evalReDecision", "PASS"));
        endsWith(pi, "End_Passed", "PASSED", false, null);
    }

    @Test
    void missedDeadlineNotExtendedIsTerminated() {
        ProcessInstance pi = start("MIDTERM", true);
        selfEvaluate(pi);
        cityPasses(pi);
        provinceArranges(pi, false);
        rectify(pi, 60);
        missDeadline(pi, 60);
        complete(task(pi), withVariables("evalMissedDecision", "TERMINATE", "evalNoticeText", "逾期未提交整改报告"));
        endsWith(pi, "End_Terminated", "TERMINATED", false, "逾期未提交整改报告");
        assertThat(pi).hasNotPassed("Task_ReEvaluation");
    }

    @Test
    void aSecondMissedDeadlineEndsInTermination() {
        ProcessInstance pi = start("MIDTERM", true);
        selfEvaluate(pi);
        cityPasses(pi);
        provinceArranges(pi, false);
        rectify(pi, 60);
        missDeadline(pi, 60);
        complete(task(pi), withVariables("evalMissedDecision", "EXTEND", "evalRectifyDeadline", deadline(90),
                "evalExtended", true));
        missDeadline(pi, 90);
        // the handler offers only termination now (evalExtended is set); the process ends terminated
        assertThat(pi).variables().containsEntry("evalExtended", true);
        complete(task(pi), withVariables("evalMissedDecision", "TERMINATE", "evalNoticeText", "延期后仍逾期未整改"));
        endsWith(pi, "End_Terminated", "TERMINATED", false, "延期后仍逾期未整改");
    }

    // ---------------------------------------------------------------- final

    void finalConclusion(ProcessInstance pi, Map<String, Object> vars) {
        assertThat(pi).isWaitingAt("Task_FinalConclusion");
        assertThat(task(pi)).hasCandidateGroup(OFFICERS);
        complete(task(pi), vars);
    }

    @Test
    void finalPassedAsABenchmark() {
        ProcessInstance pi = start("FINAL", true);
        selfEvaluate(pi);
        cityPasses(pi);
        provinceArranges(pi, false);
        finalConclusion(pi, withVariables("evalConclusion", "PASSED", "evalBenchmark", true,
                "evalNoticeText", "以数字化改造带动传统产业升级的经验"));
        endsWith(pi, "End_Passed", "PASSED", true, "以数字化改造带动传统产业升级的经验");
        assertThat(pi).hasNotPassed("Task_MidtermConclusion");
    }

    @Test
    void finalPassedWithoutBenchmark() {
        ProcessInstance pi = start("FINAL", true);
        selfEvaluate(pi);
        cityPasses(pi);
        provinceArranges(pi, true);
        complete(task(calledProcessInstance("expertReview", pi)));
        finalConclusion(pi, withVariables("evalConclusion", "PASSED", "evalBenchmark", false));
        endsWith(pi, "End_Passed", "PASSED", false, null);
    }

    @Test
    void finalFailed() {
        ProcessInstance pi = start("FINAL", false);
        selfEvaluate(pi);
        provinceArranges(pi, false);
        finalConclusion(pi, withVariables("evalConclusion", "FAILED", "evalBenchmark", false));
        endsWith(pi, "End_Failed", "FAILED", false, null);
    }
}
