package cn.countyflow.plan.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.LocalTime;
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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import cn.countyflow.calendar.EngineClock;

/**
 * Walks every path of {@code processes/industry-plan.bpmn} (编制 → 县签发 → 市政府审定 → 报省) and
 * {@code processes/plan-compilation.bpmn} (省政府审定 ↔ 修改汇总). Routing is by process variables; the business
 * rules behind them (four points, argumentation, summary) are tested through the services in PlanFlowTest.
 */
@Deployment(resources = {"processes/industry-plan.bpmn", "processes/plan-compilation.bpmn"})
class PlanProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda-process-test.cfg.xml").build();

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String DRAFTERS = "county_drafter_130184";
    static final String LEADERS = "county_leader_130184";
    static final String CITY = "city_reviewer_130100";
    static final String OFFICERS = "province_officer_130000";
    static final String APPROVERS = "province_approver_130000";
    /** Seed 000: counties by 3月15日, cities by 3月25日 (2019). */
    static final Date COUNTY_DEADLINE = endOfDay(LocalDate.of(2019, 3, 15));
    static final Date CITY_DEADLINE = endOfDay(LocalDate.of(2019, 3, 25));

    ProcessEngine processEngine;

    static Date endOfDay(LocalDate d) {
        return Date.from(d.atTime(LocalTime.of(23, 59, 59)).atZone(ZONE).toInstant());
    }

    @BeforeEach
    void bind() {
        init(processEngine);
        Mocks.reset();
        cn.countyflow.calendar.TestCalendars.register();
        EngineClock.moveTo(Date.from(LocalDate.of(2019, 3, 1).atTime(9, 0).atZone(ZONE).toInstant()));
    }

    @AfterEach
    void reset() {
        EngineClock.reset();
        Mocks.reset();
    }

    ProcessInstance plan(boolean provinceDirect) {
        Map<String, Object> v = new HashMap<>();
        v.put("caseId", 7L);
        v.put("roundId", 1L);
        v.put("countyCode", "130184");
        v.put("provinceDirect", provinceDirect);
        v.put("draftersGroup", DRAFTERS);
        v.put("leadersGroup", LEADERS);
        v.put("cityReviewersGroup", provinceDirect ? null : CITY);
        v.put("countyDeadline", COUNTY_DEADLINE);
        v.put("cityDeadline", CITY_DEADLINE);
        return runtimeService().startProcessInstanceByKey("industryPlan", "7", v);
    }

    void draft(ProcessInstance pi) {
        assertThat(pi).isWaitingAt("Task_Draft");
        complete(task(pi));
    }

    void leader(ProcessInstance pi, String decision) {
        assertThat(pi).isWaitingAt("Task_LeaderSignOff");
        assertThat(task(pi)).hasCandidateGroup(LEADERS);
        complete(task(pi), withVariables("leaderDecision", decision));
    }

    void city(ProcessInstance pi, String decision) {
        assertThat(pi).isWaitingAt("Task_CityReview");
        assertThat(task(pi)).hasCandidateGroup(CITY);
        complete(task(pi), withVariables("cityDecision", decision));
    }

    @Test
    @DisplayName("一次通过：编制（期限为县级截止日期）→ 县签发 → 市政府审定（期限为市级截止日期）→ 报省汇总")
    void approvedTheFirstTime() {
        ProcessInstance pi = plan(false);
        assertThat(task(pi)).hasCandidateGroup(DRAFTERS).hasDueDate(COUNTY_DEADLINE);
        draft(pi);
        leader(pi, "APPROVE");
        assertThat(task(pi)).hasDueDate(CITY_DEADLINE);
        city(pi, "APPROVE");
        assertThat(pi).isEnded().hasPassedInOrder("Task_Draft", "Task_LeaderSignOff", "Task_CityReview", "End_Reported");
    }

    @Test
    @DisplayName("市政府退回：回到编制，修改后再次签发、审定")
    void cityReturnsAndTheCountyResubmits() {
        ProcessInstance pi = plan(false);
        draft(pi);
        leader(pi, "APPROVE");
        city(pi, "RETURN");
        assertThat(pi).isWaitingAt("Task_Draft");
        draft(pi);
        leader(pi, "APPROVE");
        city(pi, "APPROVE");
        assertThat(pi).isEnded().hasPassed("End_Reported");
    }

    @Test
    @DisplayName("县政府退回经办人")
    void leaderReturns() {
        ProcessInstance pi = plan(false);
        draft(pi);
        leader(pi, "RETURN");
        assertThat(pi).isWaitingAt("Task_Draft");
        draft(pi);
        leader(pi, "APPROVE");
        assertThat(pi).isWaitingAt("Task_CityReview");
    }

    @Test
    @DisplayName("省直管县跳过市政府审定，直接报省")
    void provinceDirectSkipsTheCity() {
        ProcessInstance pi = plan(true);
        draft(pi);
        leader(pi, "APPROVE");
        assertThat(pi).isEnded().hasPassed("End_ReportedDirect").hasNotPassed("Task_CityReview");
    }

    @Test
    @DisplayName("县级截止日期已过：退回后的修改仍有 plan-redraft 个工作日，不会一开始就逾期")
    void countyDeadlinePassedBeforeARevision() {
        ProcessInstance pi = plan(false);
        draft(pi);
        EngineClock.moveTo(Date.from(LocalDate.of(2019, 3, 20).atTime(9, 0).atZone(ZONE).toInstant()));
        leader(pi, "RETURN");
        Date due = task(pi).getDueDate();
        assertThat(due).isAfter(COUNTY_DEADLINE).isAfter(Date.from(EngineClock.current()));
    }

    @Test
    @DisplayName("市级截止日期已过：首次审定任务仍以市级截止日期为期限（逾期，列为迟报的市）")
    void cityDeadlinePassed() {
        ProcessInstance pi = plan(false);
        EngineClock.moveTo(Date.from(LocalDate.of(2019, 3, 27).atTime(9, 0).atZone(ZONE).toInstant()));
        draft(pi);
        leader(pi, "APPROVE");
        assertThat(task(pi)).hasDueDate(CITY_DEADLINE);
        assertThat(task(pi).getDueDate()).isBefore(Date.from(EngineClock.current()));
    }

    ProcessInstance compilation() {
        Map<String, Object> v = new HashMap<>();
        v.put("caseId", 9L);
        v.put("roundId", 1L);
        v.put("compilationId", 3L);
        v.put("provinceOfficersGroup", OFFICERS);
        v.put("provinceApproversGroup", APPROVERS);
        return runtimeService().startProcessInstanceByKey("planCompilation", "9", v);
    }

    @Test
    @DisplayName("汇总：省政府审定通过")
    void compilationApproved() {
        ProcessInstance pi = compilation();
        assertThat(pi).isWaitingAt("Task_ApproveCompilation");
        assertThat(task(pi)).hasCandidateGroup(APPROVERS);
        assertThat(task(pi).getDueDate()).isNotNull();
        complete(task(pi), withVariables("compilationDecision", "APPROVE"));
        assertThat(pi).isEnded().hasPassed("End_Approved");
    }

    @Test
    @DisplayName("汇总被退回：经办处室修改后再次审定")
    void compilationReturned() {
        ProcessInstance pi = compilation();
        complete(task(pi), withVariables("compilationDecision", "RETURN"));
        assertThat(pi).isWaitingAt("Task_ReviseCompilation");
        assertThat(task(pi)).hasCandidateGroup(OFFICERS);
        complete(task(pi));
        assertThat(pi).isWaitingAt("Task_ApproveCompilation");
        complete(task(pi), withVariables("compilationDecision", "APPROVE"));
        assertThat(pi).isEnded().hasPassedInOrder("Task_ApproveCompilation", "Task_ReviseCompilation",
                "Task_ApproveCompilation", "End_Approved");
    }
}
