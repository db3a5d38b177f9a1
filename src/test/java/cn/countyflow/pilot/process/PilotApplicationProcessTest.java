package cn.countyflow.pilot.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Walks every path of {@code processes/pilot-application.bpmn} (申报 → 县签发 → 市初审 → 省形式审查 → 专家评审 → 审定结果).
 * Routing is by process variables; the review's service tasks (${panelDraw}, ${seatAssign}, ${expertReplace},
 * ${scoreAggregate}) are mocked here and tested for real in cn.countyflow.review.
 */
@Deployment(resources = "processes/pilot-application.bpmn")
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

  @BeforeEach
  void bindAssertionsToEngine() {
    init(processEngine);
    Mocks.reset();
    // the draw opens one seat per expert; the seat ids go to the multi-instance as a transient list
    Mocks.register("panelDraw", (JavaDelegate) execution -> {
      draws++;
      if (poolTooSmall) throw new BpmnError("PANEL_SHORTFALL", "需 3 名，可用 1 名：2 名本市专家回避");
      List<String> seats = new ArrayList<>();
      for (int i = 1; i <= panelSize; i++) seats.add(String.valueOf(i));
      execution.setVariable("panelSeats", Variables.objectValue(seats, true).create());
    });
    Mocks.register("seatAssign", (JavaDelegate) execution -> {
      execution.setVariableLocal("seatExpert", "expert_" + execution.getVariable("seat") + "_" + replacements);
      Date extendTo = (Date) execution.getVariableLocal("extendTo");
      execution.setVariableLocal("seatDue", extendTo != null ? extendTo
          : Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(14))));
      execution.setVariableLocal("extendTo", null);
      execution.setVariableLocal("seatGroups", Variables.objectValue(List.of(), true).create());
      execution.setVariableLocal("conflict", false);
    });
    Mocks.register("expertReplace", (JavaDelegate) execution -> {
      replacements++;
      if (poolTooSmall) throw new BpmnError("PANEL_SHORTFALL", "需 1 名，可用 0 名");
    });
    Mocks.register("scoreAggregate", (JavaDelegate) execution -> aggregations++);
  }

  @org.junit.jupiter.api.AfterEach
  void resetClockAndMocks() {
    ClockUtil.reset();
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

    assertThat(pi).isWaitingAt("Task_ExpertScoring").hasPassedInOrder(
        "Start_Application", "Gateway_MergeDraft", "Task_Draft", "Task_LeaderSignOff", "Gateway_LeaderDecision",
        "Gateway_ProvinceDirect", "Task_CityScreening", "Gateway_CityDecision", "Task_ProvinceCheck",
        "Gateway_ProvinceCheckDecision", "Gateway_MergeDraw", "Task_DrawPanel", "Task_AssignSeat")
        .hasNotPassed("End_NotRecommended");
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
        .hasNotPassed("Task_ProvinceCheck", "Task_DrawPanel");
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
    assertThat(pi).isWaitingAt("Task_ExpertScoring").hasPassed("Task_DrawPanel").hasNotPassed("Task_CityScreening");
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
    assertThat(task(pi)).hasCandidateGroup(DRAFTERS).hasDueDate(DEADLINE);

    submitDraft(pi);
    leader(pi, "APPROVE");
    city(pi, "RECOMMEND");
    province(pi, "PASS");

    assertThat(pi).isWaitingAt("Task_ExpertScoring").hasPassedInOrder(
        "Task_ProvinceCheck", "Task_Draft", "Task_LeaderSignOff", "Task_CityScreening", "Task_ProvinceCheck",
        "Task_DrawPanel");
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

  List<Task> scoringTasks(ProcessInstance pi) {
    return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_ExpertScoring")
        .orderByTaskAssignee().asc().list();
  }

  void score(Task t) {
    complete(t, withVariables("conflict", false));
  }

  void resultOfBatch(ProcessInstance pi, boolean selected) {
    runtimeService().createMessageCorrelation("pilotBatchResult").processInstanceBusinessKey(pi.getBusinessKey())
        .setVariable("selected", selected).correlate();
  }

  @Test
  @DisplayName("专家评审：满员抽取，每位专家一个并行评分任务（到期日、指派人），全部评完后汇总并等待审定")
  void fullPanelScoresInParallelThenAggregates() {
    ProcessInstance pi = atExpertReview();
    List<Task> tasks = scoringTasks(pi);
    assertThat(tasks).extracting(Task::getAssignee).containsExactly("expert_1_0", "expert_2_0", "expert_3_0");
    assertThat(tasks).allSatisfy(t -> {
      assertThat(t.getDueDate()).isNotNull();
      assertThat(t.getName()).isEqualTo("专家评审打分");
    });
    assertThat(withForm(tasks.get(0).getId())).hasFormKey("review/score-sheet.form");

    score(tasks.get(0));
    score(tasks.get(1));
    assertThat(pi).isWaitingAt("Task_ExpertScoring").hasNotPassed("Task_Aggregate");
    score(tasks.get(2));

    assertThat(aggregations).isEqualTo(1);
    assertThat(pi).isWaitingAt("Event_BatchResult").hasPassed("Task_Aggregate");
    resultOfBatch(pi, true);
    assertThat(pi).isEnded().hasPassed("End_Selected").hasNotPassed("End_NotSelected", "Task_ReplaceExpert");
  }

  @Test
  @DisplayName("未入选：审定结果 selected=false 结束于“未入选”")
  void notSelectedEnds() {
    ProcessInstance pi = atExpertReview();
    scoringTasks(pi).forEach(this::score);
    resultOfBatch(pi, false);
    assertThat(pi).isEnded().hasPassed("End_NotSelected").hasNotPassed("End_Selected");
  }

  @Test
  @DisplayName("专家声明利益冲突：该席位抽取替补专家，替补专家获得新的评分任务")
  void conflictDrawsAReplacement() {
    ProcessInstance pi = atExpertReview();
    Task first = scoringTasks(pi).get(0);
    complete(first, withVariables("conflict", true));

    assertThat(replacements).isEqualTo(1);
    List<Task> tasks = scoringTasks(pi);
    assertThat(tasks).hasSize(3).extracting(Task::getAssignee).contains("expert_1_1").doesNotContain("expert_1_0");
    assertThat(pi).hasPassed("Task_ReplaceExpert");

    tasks.forEach(this::score);
    assertThat(pi).isWaitingAt("Event_BatchResult");
    assertThat(aggregations).isEqualTo(1);
  }

  @Test
  @DisplayName("专家库不足：经办人收到待处理任务，补充专家库后重新抽取")
  void poolTooSmallWaitsForTheOfficerThenRetries() {
    poolTooSmall = true;
    ProcessInstance pi = atExpertReview();
    assertThat(pi).isWaitingAt("Task_PanelShortfall").hasNotPassed("SubProcess_ExpertSeat");
    assertThat(task(pi)).hasCandidateGroup(PROVINCE_OFFICERS).hasFormKey("review/panel-shortfall.form");
    assertThat(scoringTasks(pi)).isEmpty();

    poolTooSmall = false; // the officer adds experts to the pool
    complete(task(pi));
    assertThat(draws).isEqualTo(2);
    assertThat(scoringTasks(pi)).hasSize(3);
  }

  @Test
  @DisplayName("替补专家不足：经办人处理后重新抽取替补")
  void replacementShortfallWaitsForTheOfficer() {
    ProcessInstance pi = atExpertReview();
    poolTooSmall = true;
    complete(scoringTasks(pi).get(0), withVariables("conflict", true));
    Task shortfall = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_ReplacementShortfall").singleResult();
    assertThat(shortfall).isNotNull();
    assertThat(scoringTasks(pi)).hasSize(2);

    poolTooSmall = false;
    complete(shortfall);
    assertThat(scoringTasks(pi)).hasSize(3);
  }

  @Test
  @DisplayName("专家逾期：到期后评分任务撤回，经办人收到逾期处理任务，选择更换后抽取替补")
  void lateExpertIsReplacedByTheOfficer() {
    ProcessInstance pi = atExpertReview();
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(15))));
    List<Job> timers = managementService().createJobQuery().processInstanceId(pi.getId()).timers().list();
    assertThat(timers).hasSize(3);
    managementService().executeJob(timers.get(0).getId());

    assertThat(scoringTasks(pi)).hasSize(2);
    Task late = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_LateExpert").singleResult();
    assertThat(late).isNotNull();
    assertThat(withForm(late.getId())).hasCandidateGroup(PROVINCE_OFFICERS).hasFormKey("review/late-expert.form");

    complete(late, withVariables("lateDecision", "REPLACE"));
    assertThat(replacements).isEqualTo(1);
    assertThat(scoringTasks(pi)).hasSize(3).extracting(Task::getAssignee).anyMatch(a -> a.endsWith("_1"));
  }

  @Test
  @DisplayName("专家逾期：经办人延期，同一专家的评分任务以新的到期日重新打开")
  void lateExpertCanBeGivenMoreTime() {
    ProcessInstance pi = atExpertReview();
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(15))));
    Job timer = managementService().createJobQuery().processInstanceId(pi.getId()).timers().list().get(0);
    managementService().executeJob(timer.getId());
    Task late = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_LateExpert").singleResult();
    Date newDue = Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(7)));

    complete(late, withVariables("lateDecision", "EXTEND", "extendTo", newDue));
    assertThat(replacements).isZero();
    assertThat(scoringTasks(pi)).hasSize(3).filteredOn(t -> newDue.equals(t.getDueDate())).hasSize(1);
  }

  private static Task withForm(String taskId) {
    return taskQuery().taskId(taskId).initializeFormKeys().singleResult();
  }

  // ---------------------------------------------------------------- task attributes

  @Test
  @DisplayName("每个任务的候选组、表单键；编制任务的到期日为批次截止日期")
  void candidateGroupsFormKeysAndDueDate() {
    ProcessInstance pi = startCountyUnderCity();

    assertThat(task(pi)).hasDefinitionKey("Task_Draft").hasName("编制申报书")
        .hasCandidateGroup(DRAFTERS).hasFormKey("pilot/draft.form").hasDueDate(DEADLINE);
    submitDraft(pi);

    assertThat(task(pi)).hasDefinitionKey("Task_LeaderSignOff").hasName("县政府审核签发")
        .hasCandidateGroup(LEADERS).hasFormKey("pilot/leader-signoff.form");
    leader(pi, "APPROVE");

    assertThat(task(pi)).hasDefinitionKey("Task_CityScreening").hasName("市级初审筛选")
        .hasCandidateGroup(CITY_REVIEWERS).hasFormKey("pilot/city-screening.form");
    city(pi, "RECOMMEND");

    assertThat(task(pi)).hasDefinitionKey("Task_ProvinceCheck").hasName("省级形式审查")
        .hasCandidateGroup(PROVINCE_OFFICERS).hasFormKey("pilot/province-check.form");
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
