package cn.countyflow.pilot.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
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

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import cn.countyflow.calendar.EngineClock;

/**
 * Walks every path of {@code processes/pilot-application.bpmn} (申报 → 县签发 → 市初审 → 省形式审查 → 专家评审 → 审定结果).
 * Routing is by process variables. Expert review is the called process {@code expertReview}
 * (processes/expert-review.bpmn, deployed alongside); its own paths (shortfall, conflict, late experts) are walked in
 * cn.countyflow.review.process.ExpertReviewProcessTest. Its service tasks (${panelDraw}, ${seatAssign},
 * ${expertReplace}, ${scoreAggregate}) and the pilot's call beans (${pilotReview}, ${pilotReviewStarted},
 * ${pilotReviewScored}) are mocked here and tested for real in the Spring tests.
 */
@Deployment(resources = {"processes/pilot-application.bpmn", "processes/expert-review.bpmn"})
class PilotApplicationProcessTest {

    /**
     * The in-memory engine of the process tests. Its configuration file is not called camunda.cfg.xml, so the
     * Spring Boot tests' webapps never pick it up as the "default" engine.
     */
    @org.junit.jupiter.api.extension.RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda-process-test.cfg.xml").build();


  static final String PROCESS_KEY = "pilotApplication";

  static final String DRAFTERS = "county-130682-drafters";
  static final String LEADERS = "county-130682-leaders";
  static final String CITY_REVIEWERS = "city-130600-reviewers";
  static final String PROVINCE_OFFICERS = "province-13-officers";

  /** Batch deadline of the 2019 Hebei batch (seed 002: 2018年9月7日前). */
  static final Date DEADLINE = Date.from(LocalDate.of(2018, 9, 7).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());

  ProcessEngine processEngine;

  /** What the mocked panel draw does: the seats it opens, or a shortfall. */
  int panelSize = 3;
  boolean poolTooSmall;
  int draws;
  int replacements;
  int aggregations;
  int reviewStarted;
  int reviewScored;

  /** The pilot's call inputs (Call_ExpertReview's sourceExpressions). */
  public static class PilotReviewInputs {
    private final int panelSize;

    PilotReviewInputs(int panelSize) {
      this.panelSize = panelSize;
    }

    public int panelSize(Long caseId) {
      return panelSize;
    }

    public String provinceCode(Long caseId) {
      return "130000";
    }
  }

  @BeforeEach
  void bindAssertionsToEngine() {
    init(processEngine);
    Mocks.reset();
    // the draw opens one seat per expert; the seat ids go to the multi-instance as a transient list
    cn.countyflow.calendar.TestCalendars.register();
    Mocks.register("panelDraw", (JavaDelegate) execution -> {
      draws++;
      if (poolTooSmall) throw new BpmnError("PANEL_SHORTFALL", "需 3 名，可用 1 名：2 名本市专家回避");
      int size = ((Number) execution.getVariable("reviewPanelSize")).intValue();
      List<String> seats = new ArrayList<>();
      for (int i = 1; i <= size; i++) seats.add(String.valueOf(i));
      execution.setVariable("panelSeats", Variables.objectValue(seats, true).create());
    });
    Mocks.register("seatAssign", (JavaDelegate) execution -> {
      execution.setVariableLocal("seatExpert", "expert_" + execution.getVariable("seat") + "_" + replacements);
      Date extendTo = (Date) execution.getVariableLocal("extendTo");
      execution.setVariableLocal("seatDue", extendTo != null ? extendTo
          : Date.from(EngineClock.current().plus(Duration.ofDays(14))));
      execution.setVariableLocal("extendTo", null);
      execution.setVariableLocal("seatGroups", Variables.objectValue(List.of(), true).create());
      execution.setVariableLocal("conflict", false);
    });
    Mocks.register("expertReplace", (JavaDelegate) execution -> {
      replacements++;
      if (poolTooSmall) throw new BpmnError("PANEL_SHORTFALL", "需 1 名，可用 0 名");
    });
    Mocks.register("scoreAggregate", (JavaDelegate) execution -> {
      aggregations++;
      execution.setVariable("reviewScore", 80d);
      execution.setVariable("reviewExpertCount", 3);
      execution.setVariable("reviewSpreadFlagged", false);
    });
    Mocks.register("pilotReview", new PilotReviewInputs(panelSize));
    Mocks.register("pilotReviewStarted", (org.camunda.bpm.engine.delegate.ExecutionListener) execution -> reviewStarted++);
    Mocks.register("pilotReviewScored", (org.camunda.bpm.engine.delegate.ExecutionListener) execution -> reviewScored++);
  }

  @org.junit.jupiter.api.AfterEach
  void resetClockAndMocks() {
    EngineClock.reset();
    Mocks.reset();
  }

  // ---------------------------------------------------------------- helpers

  ProcessInstance startCountyUnderCity() {
    return start(42L, "130624", false);
  }

  ProcessInstance startProvinceDirectCounty() {
    return start(43L, "130682", true);
  }

  ProcessInstance start(long caseId, String countyCode, boolean provinceDirect) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("caseId", caseId);
    vars.put("countyCode", countyCode);
    vars.put("provinceDirect", provinceDirect);
    vars.put("draftersGroup", DRAFTERS);
    vars.put("leadersGroup", LEADERS);
    vars.put("cityReviewersGroup", provinceDirect ? null : CITY_REVIEWERS);
    vars.put("provinceOfficersGroup", PROVINCE_OFFICERS);
    vars.put("deadline", DEADLINE);
    return runtimeService().startProcessInstanceByKey(PROCESS_KEY, Long.toString(caseId), vars);
  }

  void submitDraft(ProcessInstance pi) {
    assertThat(pi).isWaitingAt("Task_Draft");
    complete(task(pi));
  }

  void leader(ProcessInstance pi, String decision) {
    assertThat(pi).isWaitingAt("Task_LeaderSignOff");
    complete(task(pi), withVariables("leaderDecision", decision));
  }

  void city(ProcessInstance pi, String decision) {
    assertThat(pi).isWaitingAt("Task_CityScreening");
    complete(task(pi), withVariables("cityDecision", decision));
  }

  void province(ProcessInstance pi, String decision) {
    assertThat(pi).isWaitingAt("Task_ProvinceCheck");
    complete(task(pi), withVariables("provinceCheckDecision", decision));
  }

  // ---------------------------------------------------------------- paths

  @Test
  @DisplayName("正常路径：编制 → 县签发同意 → 市推荐 → 省形式审查通过 → 转入专家评审")
  void happyPath() {
    ProcessInstance pi = startCountyUnderCity();
    assertThat(pi).isStarted().hasBusinessKey("42").hasPassed("Start_Application");

    submitDraft(pi);
    leader(pi, "APPROVE");
    city(pi, "RECOMMEND");

    assertThat(pi).isWaitingAt("Task_ProvinceCheck");
    assertThat(task(pi)).hasCandidateGroup(PROVINCE_OFFICERS).isNotAssigned();

    province(pi, "PASS");

    assertThat(pi).isWaitingAt("Call_ExpertReview").hasPassedInOrder(
        "Start_Application", "Gateway_MergeDraft", "Task_Draft", "Task_LeaderSignOff", "Gateway_LeaderDecision",
        "Gateway_ProvinceDirect", "Task_CityScreening", "Gateway_CityDecision", "Task_ProvinceCheck",
        "Gateway_ProvinceCheckDecision")
        .hasNotPassed("End_NotRecommended");
    assertThat(calledProcessInstance(pi)).isWaitingAt("Task_ExpertScoring").hasPassed("Task_DrawPanel");
    assertThat(reviewStarted).isEqualTo(1);
  }

  @Test
  @DisplayName("县政府退回经办人，修改后重新签发")
  void leaderReturnsAndDrafterResubmits() {
    ProcessInstance pi = startCountyUnderCity();
    submitDraft(pi);
    leader(pi, "RETURN");

    assertThat(pi).isWaitingAt("Task_Draft");
    assertThat(task(pi)).hasCandidateGroup(DRAFTERS);

    submitDraft(pi);
    leader(pi, "APPROVE");

    assertThat(pi).isWaitingAt("Task_CityScreening")
        .hasPassedInOrder("Task_Draft", "Task_LeaderSignOff", "Task_Draft", "Task_LeaderSignOff");
  }

  @Test
  @DisplayName("市级退回修改：重新编制后再经县签发和市初审")
  void cityReturnsAndCountyResubmits() {
    ProcessInstance pi = startCountyUnderCity();
    submitDraft(pi);
    leader(pi, "APPROVE");
    city(pi, "RETURN");

    assertThat(pi).isWaitingAt("Task_Draft");

    submitDraft(pi);
    leader(pi, "APPROVE");
    city(pi, "RECOMMEND");

    // hasPassedInOrder sees finished activities only; the open province check is asserted by isWaitingAt
    assertThat(pi).isWaitingAt("Task_ProvinceCheck").hasPassedInOrder(
        "Task_Draft", "Task_LeaderSignOff", "Task_CityScreening", "Gateway_CityDecision",
        "Task_Draft", "Task_LeaderSignOff", "Task_CityScreening");
  }

  @Test
  @DisplayName("市级不予推荐：申报结束于“不予推荐”")
  void cityRejectEndsApplication() {
    ProcessInstance pi = startCountyUnderCity();
    submitDraft(pi);
    leader(pi, "APPROVE");
    city(pi, "REJECT");

    assertThat(pi).isEnded().hasPassed("End_NotRecommended")
        .hasNotPassed("Task_ProvinceCheck", "Call_ExpertReview");
  }

  @Test
  @DisplayName("省直管县跳过市级初审，直接到省级形式审查")
  void provinceDirectCountySkipsCityScreening() {
    ProcessInstance pi = startProvinceDirectCounty();
    submitDraft(pi);
    leader(pi, "APPROVE");

    assertThat(pi).isWaitingAt("Task_ProvinceCheck").hasNotPassed("Task_CityScreening");
    assertThat(task(pi)).hasCandidateGroup(PROVINCE_OFFICERS);

    province(pi, "PASS");
    assertThat(pi).isWaitingAt("Call_ExpertReview").hasNotPassed("Task_CityScreening");
  }

  @Test
  @DisplayName("省级退回县级补正：重新编制，再经县签发和市初审")
  void provinceReturnGoesBackToDraftingAndThroughCityAgain() {
    ProcessInstance pi = startCountyUnderCity();
    submitDraft(pi);
    leader(pi, "APPROVE");
    city(pi, "RECOMMEND");
    province(pi, "RETURN");

    assertThat(pi).isWaitingAt("Task_Draft");
    // returned after the batch deadline: the revision gets pilot-redraft working days instead of being overdue at once
    java.util.Date redraftDue = new cn.countyflow.calendar.Deadlines(cn.countyflow.calendar.TestCalendars.mondayToFriday(),
        cn.countyflow.calendar.TestCalendars.configuredWorkingDays()).due("pilot-redraft");
    assertThat(task(pi)).hasCandidateGroup(DRAFTERS).hasDueDate(redraftDue);
    org.assertj.core.api.Assertions.assertThat(redraftDue).isAfter(DEADLINE);

    submitDraft(pi);
    leader(pi, "APPROVE");
    city(pi, "RECOMMEND");
    province(pi, "PASS");

    assertThat(pi).isWaitingAt("Call_ExpertReview").hasPassedInOrder(
        "Task_ProvinceCheck", "Task_Draft", "Task_LeaderSignOff", "Task_CityScreening", "Task_ProvinceCheck");
  }

  @Test
  @DisplayName("省直管县被省级退回后，重新提交仍不经过市级初审")
  void provinceDirectReturnStillSkipsCity() {
    ProcessInstance pi = startProvinceDirectCounty();
    submitDraft(pi);
    leader(pi, "APPROVE");
    province(pi, "RETURN");
    submitDraft(pi);
    leader(pi, "APPROVE");

    assertThat(pi).isWaitingAt("Task_ProvinceCheck").hasNotPassed("Task_CityScreening");
  }

  // ---------------------------------------------------------------- expert review

  ProcessInstance atExpertReview() {
    ProcessInstance pi = startCountyUnderCity();
    submitDraft(pi);
    leader(pi, "APPROVE");
    city(pi, "RECOMMEND");
    province(pi, "PASS");
    return pi;
  }

  /** The scoring tasks of the expert review the application's process called. */
  List<Task> scoringTasks(ProcessInstance pi) {
    ProcessInstance review = calledProcessInstance(pi);
    return taskQuery().processInstanceId(review.getId()).taskDefinitionKey("Task_ExpertScoring")
        .orderByTaskAssignee().asc().list();
  }

  /** An expert scores; the seat's end is an asynchronous continuation, run here as the job executor would. */
  void score(Task t) {
    complete(t, withVariables("conflict", false));
    cn.countyflow.AsyncJobs.run(managementService(), t.getProcessInstanceId());
  }

  void resultOfBatch(ProcessInstance pi, boolean selected) {
    runtimeService().createMessageCorrelation("pilotBatchResult").processInstanceBusinessKey(pi.getBusinessKey())
        .setVariable("selected", selected).correlate();
  }

  @Test
  @DisplayName("专家评审：调用 expertReview，每位专家一个并行评分任务（到期日、指派人），全部评完后汇总并等待审定")
  void fullPanelScoresInParallelThenAggregates() {
    ProcessInstance pi = atExpertReview();
    assertThat(pi).isWaitingAt("Call_ExpertReview");
    assertThat(calledProcessInstance(pi)).hasBusinessKey(pi.getBusinessKey());
    List<Task> tasks = scoringTasks(pi);
    assertThat(tasks).extracting(Task::getAssignee).containsExactly("expert_1_0", "expert_2_0", "expert_3_0");
    assertThat(tasks).allSatisfy(t -> {
      assertThat(t.getDueDate()).isNotNull();
      assertThat(t.getName()).isEqualTo("专家评审打分");
    });
    // the form key is the expression ${reviewSheetForm}; the engine resolves it to what the pilot handed in
    assertThat(formRef(tasks.get(0))).isEqualTo("Form_ReviewScoreSheet");
    assertThat(tasks.get(0).getProcessInstanceId()).isNotEqualTo(pi.getId());

    score(tasks.get(0));
    score(tasks.get(1));
    assertThat(pi).isWaitingAt("Call_ExpertReview");
    assertThat(reviewScored).isZero();
    // the last expert's completion only ends the seat; the join, the aggregate and the return to the pilot are a job
    Task last = tasks.get(2);
    complete(last, withVariables("conflict", false));
    assertThat(aggregations).isZero();
    assertThat(pi).isWaitingAt("Call_ExpertReview");
    cn.countyflow.AsyncJobs.run(managementService(), last.getProcessInstanceId());

    assertThat(aggregations).isEqualTo(1);
    assertThat(reviewScored).isEqualTo(1);
    assertThat(pi).isWaitingAt("Event_BatchResult").hasPassed("Call_ExpertReview");
    assertThat(pi).variables().containsEntry("reviewScore", 80d).containsEntry("reviewExpertCount", 3)
        .containsEntry("reviewSpreadFlagged", false);
    resultOfBatch(pi, true);
    assertThat(pi).isEnded().hasPassed("End_Selected").hasNotPassed("End_NotSelected");
  }

  @Test
  @DisplayName("未入选：审定结果 selected=false 结束于“未入选”")
  void notSelectedEnds() {
    ProcessInstance pi = atExpertReview();
    scoringTasks(pi).forEach(this::score);
    resultOfBatch(pi, false);
    assertThat(pi).isEnded().hasPassed("End_NotSelected").hasNotPassed("End_Selected");
  }

  /** The form a task binds: camunda:formRef with formRefBinding="deployment", so the case keeps its form's version. */
  static String formRef(Task t) {
    Task withForm = taskQuery().taskId(t.getId()).initializeFormKeys().singleResult();
    org.assertj.core.api.Assertions.assertThat(withForm.getCamundaFormRef().getBinding()).isEqualTo("deployment");
    return withForm.getCamundaFormRef().getKey();
  }

  // ---------------------------------------------------------------- task attributes

  @Test
  @DisplayName("每个任务的候选组、表单（随流程部署的版本）；编制任务的到期日为批次截止日期")
  void candidateGroupsFormKeysAndDueDate() {
    ProcessInstance pi = startCountyUnderCity();

    assertThat(task(pi)).hasDefinitionKey("Task_Draft").hasName("编制申报书")
        .hasCandidateGroup(DRAFTERS).hasDueDate(DEADLINE);
    assertThat(formRef(task(pi))).isEqualTo("Form_PilotDraft");
    submitDraft(pi);

    assertThat(task(pi)).hasDefinitionKey("Task_LeaderSignOff").hasName("县政府审核签发")
        .hasCandidateGroup(LEADERS);
    assertThat(formRef(task(pi))).isEqualTo("Form_PilotLeaderSignOff");
    leader(pi, "APPROVE");

    assertThat(task(pi)).hasDefinitionKey("Task_CityScreening").hasName("市级初审筛选")
        .hasCandidateGroup(CITY_REVIEWERS);
    assertThat(formRef(task(pi))).isEqualTo("Form_PilotCityScreening");
    city(pi, "RECOMMEND");

    assertThat(task(pi)).hasDefinitionKey("Task_ProvinceCheck").hasName("省级形式审查")
        .hasCandidateGroup(PROVINCE_OFFICERS);
    assertThat(formRef(task(pi))).isEqualTo("Form_PilotProvinceCheck");
  }

  @Test
  @DisplayName("候选组取自启动变量的值，而不是写死在流程中")
  void candidateGroupsFollowTheVariables() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("caseId", 7L);
    vars.put("countyCode", "420981");
    vars.put("provinceDirect", false);
    vars.put("draftersGroup", "g-drafters-x");
    vars.put("leadersGroup", "g-leaders-x");
    vars.put("cityReviewersGroup", "g-city-x");
    vars.put("provinceOfficersGroup", "g-province-x");
    vars.put("deadline", DEADLINE);
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(PROCESS_KEY, "7", vars);

    assertThat(task(pi)).hasCandidateGroup("g-drafters-x");
    submitDraft(pi);
    assertThat(task(pi)).hasCandidateGroup("g-leaders-x");
    leader(pi, "APPROVE");
    assertThat(task(pi)).hasCandidateGroup("g-city-x");
    city(pi, "RECOMMEND");
    assertThat(task(pi)).hasCandidateGroup("g-province-x");
  }

  @Test
  @DisplayName("流程历史保留期不少于180天")
  void historyTimeToLiveIsAtLeast180Days() {
    ProcessDefinition definition = repositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(PROCESS_KEY).latestVersion().singleResult();
    assertThat(definition.getName()).isEqualTo("工业转型升级试点示范县申报");
    assertThat(definition.getHistoryTimeToLive()).isNotNull().isGreaterThanOrEqualTo(180);
  }
}
