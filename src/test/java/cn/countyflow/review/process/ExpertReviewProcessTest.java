package cn.countyflow.review.process;

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
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import cn.countyflow.calendar.EngineClock;

/**
 * {@code processes/expert-review.bpmn} (process {@code expertReview}), the review capability: first the child alone,
 * started with the call's input variables as any programme hands them in; then called from
 * {@code processes/pilot-application.bpmn}, checking what the call activity hands in and what comes back.
 * The delegate beans (${panelDraw}, ${seatAssign}, ${expertReplace}, ${scoreAggregate} and the pilot's
 * ${pilotReview…}) are mocks; the real ones are tested in ExpertReviewFlowTest. Timers are driven by moving the
 * engine's clock and executing the timer job, never by sleeping.
 */
@Deployment(resources = {"processes/expert-review.bpmn", "processes/pilot-application.bpmn"})
class ExpertReviewProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("camunda-process-test.cfg.xml").build();

  static final String PROCESS_KEY = "expertReview";
  static final String OFFICERS = "province-130000-officers";
  static final String SHEET_FORM = "Form_ReviewScoreSheet";

  ProcessEngine processEngine;

  int panelSize = 3;
  boolean poolTooSmall;
  int draws;
  int replacements;
  int aggregations;
  int reviewStarted;
  int reviewScored;
  /** What the mocked draw saw of the call's inputs. */
  Map<String, Object> drawInputs = new HashMap<>();

  /** The pilot's input bean, as Call_ExpertReview's sourceExpressions call it. */
  public static class PilotReviewInputs {
    public int panelSize(Long caseId) {
      return 5;
    }

    public String provinceCode(Long caseId) {
      return "130000";
    }
  }

  @BeforeEach
  void mocks() {
    init(processEngine);
    Mocks.reset();
    cn.countyflow.calendar.TestCalendars.register();
    Mocks.register("panelDraw", (JavaDelegate) execution -> {
      draws++;
      for (String name : List.of("reviewSubjectId", "reviewProvinceCode", "reviewApplicantOrg", "reviewPanelSize")) {
        drawInputs.put(name, execution.getVariable(name));
      }
      if (poolTooSmall) throw new BpmnError("PANEL_SHORTFALL", "需 3 名，可用 1 名：2 名本市专家回避");
      int size = ((Number) execution.getVariable("reviewPanelSize")).intValue();
      List<String> seats = new ArrayList<>();
      for (int i = 1; i <= size; i++) seats.add(String.valueOf(i));
      execution.setVariable("panelSeats", Variables.objectValue(seats, true).create());
    });
    Mocks.register("seatAssign", (JavaDelegate) execution -> {
      String seat = String.valueOf(execution.getVariable("seat"));
      // seat 3's expert has no account: an officer of the caller's group scores on their behalf
      boolean noAccount = "3".equals(seat) && replacements == 0;
      execution.setVariableLocal("seatExpert", noAccount ? null : "expert_" + seat + "_" + replacements);
      Date extendTo = (Date) execution.getVariableLocal("extendTo");
      execution.setVariableLocal("seatDue", extendTo != null ? extendTo
          : Date.from(EngineClock.current().plus(Duration.ofDays(14))));
      execution.setVariableLocal("extendTo", null);
      List<String> groups = noAccount ? List.of(String.valueOf(execution.getVariable("reviewOfficersGroup"))) : List.of();
      execution.setVariableLocal("seatGroups", Variables.objectValue(new ArrayList<>(groups), true).create());
      execution.setVariableLocal("conflict", false);
    });
    Mocks.register("expertReplace", (JavaDelegate) execution -> {
      replacements++;
      if (poolTooSmall) throw new BpmnError("PANEL_SHORTFALL", "需 1 名，可用 0 名");
    });
    Mocks.register("scoreAggregate", (JavaDelegate) execution -> {
      aggregations++;
      execution.setVariable("reviewScore", 83.5d);
      execution.setVariable("reviewExpertCount", 3);
      execution.setVariable("reviewSpreadFlagged", true);
    });
    Mocks.register("pilotReview", new PilotReviewInputs());
    Mocks.register("pilotReviewStarted", (ExecutionListener) execution -> reviewStarted++);
    Mocks.register("pilotReviewScored", (ExecutionListener) execution -> reviewScored++);
  }

  @AfterEach
  void reset() {
    EngineClock.reset();
    Mocks.reset();
  }

  // ---------------------------------------------------------------- the child alone

  /** The review of case 42 of county 130184 (石家庄市) in Hebei, as a programme's call activity would start it. */
  ProcessInstance startReview() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("reviewSubjectId", 42L);
    vars.put("reviewProvinceCode", "130000");
    vars.put("reviewApplicantOrg", "130184");
    vars.put("reviewPanelSize", panelSize);
    vars.put("reviewSheetForm", SHEET_FORM);
    vars.put("reviewItemsDecision", "scoreItems");
    vars.put("reviewOfficersGroup", OFFICERS);
    return runtimeService().startProcessInstanceByKey(PROCESS_KEY, "42", vars);
  }

  List<Task> scoringTasks(ProcessInstance pi) {
    return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_ExpertScoring")
        .orderByTaskCreateTime().asc().orderByTaskId().asc().list();
  }

  /** The form a task binds: camunda:formRef with formRefBinding="deployment", so the case keeps its form's version. */
  static String formRef(Task t) {
    Task withForm = taskQuery().taskId(t.getId()).initializeFormKeys().singleResult();
    org.assertj.core.api.Assertions.assertThat(withForm.getCamundaFormRef().getBinding()).isEqualTo("deployment");
    return withForm.getCamundaFormRef().getKey();
  }

  /** An expert scores; the seat's end is an asynchronous continuation, run here as the job executor would. */
  void score(Task t) {
    complete(t, withVariables("conflict", false));
    cn.countyflow.AsyncJobs.run(managementService(), t.getProcessInstanceId());
  }

  @Test
  @DisplayName("抽取成功：每个席位一个评分任务（表单键取自 reviewSheetForm），全部评完后汇总并传回结果")
  void drawScoreAndAggregate() {
    ProcessInstance pi = startReview();
    assertThat(pi).isStarted().hasBusinessKey("42");
    assertThat(drawInputs).containsEntry("reviewSubjectId", 42L).containsEntry("reviewProvinceCode", "130000")
        .containsEntry("reviewApplicantOrg", "130184").containsEntry("reviewPanelSize", 3);

    List<Task> tasks = scoringTasks(pi);
    assertThat(tasks).hasSize(3).allSatisfy(t -> {
      assertThat(t.getDueDate()).isNotNull();
      assertThat(t.getName()).isEqualTo("专家评审打分");
      assertThat(formRef(t)).isEqualTo(SHEET_FORM);
    });
    assertThat(tasks).extracting(Task::getAssignee).contains("expert_1_0", "expert_2_0");
    Task onBehalf = tasks.stream().filter(t -> t.getAssignee() == null).findFirst().orElseThrow();
    assertThat(onBehalf).hasCandidateGroup(OFFICERS);

    score(tasks.get(0));
    score(tasks.get(1));
    assertThat(pi).isWaitingAt("Task_ExpertScoring").hasNotPassed("Task_Aggregate");
    // the last expert's completion only ends the seat: joining the seats and aggregating are a job of their own
    // (asyncAfter on the multi-instance), so a conflict between experts completing at once is the engine's retry
    complete(tasks.get(2), withVariables("conflict", false));
    assertThat(aggregations).isZero();
    assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).messages().count()).isEqualTo(1);
    cn.countyflow.AsyncJobs.run(managementService(), pi.getId());

    assertThat(aggregations).isEqualTo(1);
    assertThat(pi).isEnded().hasPassedInOrder("Start_Review", "Gateway_MergeDraw", "Task_DrawPanel",
        "SubProcess_ExpertSeat", "Task_Aggregate", "End_Reviewed").hasNotPassed("Task_PanelShortfall",
        "Task_ReplaceExpert", "Task_LateExpert");
    assertThat(pi).variables().containsEntry("reviewScore", 83.5d).containsEntry("reviewExpertCount", 3)
        .containsEntry("reviewSpreadFlagged", true);
  }

  @Test
  @DisplayName("专家库不足：经办人（reviewOfficersGroup）收到待处理任务，补充专家库后重新抽取")
  void shortfallWaitsForTheOfficerThenRetries() {
    poolTooSmall = true;
    ProcessInstance pi = startReview();
    assertThat(pi).isWaitingAt("Task_PanelShortfall").hasNotPassed("SubProcess_ExpertSeat");
    assertThat(task(pi)).hasCandidateGroup(OFFICERS);
    assertThat(formRef(task(pi))).isEqualTo("Form_ReviewPanelShortfall");
    assertThat(scoringTasks(pi)).isEmpty();

    poolTooSmall = false; // the officer adds experts to the pool
    complete(task(pi));
    assertThat(draws).isEqualTo(2);
    assertThat(scoringTasks(pi)).hasSize(3);
    assertThat(pi).hasPassedInOrder("Task_DrawPanel", "Task_PanelShortfall", "Gateway_MergeDraw");
  }

  @Test
  @DisplayName("专家声明利益冲突：该席位抽取替补专家，替补专家获得新的评分任务")
  void conflictDrawsAReplacement() {
    ProcessInstance pi = startReview();
    Task first = scoringTasks(pi).stream().filter(t -> "expert_1_0".equals(t.getAssignee())).findFirst().orElseThrow();
    complete(first, withVariables("conflict", true));

    assertThat(replacements).isEqualTo(1);
    List<Task> tasks = scoringTasks(pi);
    assertThat(tasks).hasSize(3).extracting(Task::getAssignee).contains("expert_1_1").doesNotContain("expert_1_0");
    assertThat(pi).hasPassed("Task_ReplaceExpert");

    tasks.forEach(this::score);
    assertThat(pi).isEnded().hasPassed("End_Reviewed");
    assertThat(aggregations).isEqualTo(1);
  }

  @Test
  @DisplayName("替补专家不足：经办人处理后重新抽取替补")
  void replacementShortfallWaitsForTheOfficer() {
    ProcessInstance pi = startReview();
    poolTooSmall = true;
    complete(scoringTasks(pi).get(0), withVariables("conflict", true));
    Task shortfall = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_ReplacementShortfall")
        .singleResult();
    assertThat(shortfall).isNotNull();
    assertThat(shortfall).hasCandidateGroup(OFFICERS);
    assertThat(scoringTasks(pi)).hasSize(2);

    poolTooSmall = false;
    complete(shortfall);
    assertThat(scoringTasks(pi)).hasSize(3);
  }

  /** Moves the engine's clock past the scoring due date and fires the first seat's timer. */
  Task expireFirstSeat(ProcessInstance pi) {
    EngineClock.advance(Duration.ofDays(15));
    List<Job> timers = managementService().createJobQuery().processInstanceId(pi.getId()).timers().list();
    assertThat(timers).hasSize(3);
    managementService().executeJob(timers.get(0).getId());
    assertThat(scoringTasks(pi)).hasSize(2);
    Task late = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_LateExpert").singleResult();
    assertThat(late).isNotNull();
    assertThat(late).hasCandidateGroup(OFFICERS);
    assertThat(formRef(late)).isEqualTo("Form_ReviewLateExpert");
    return late;
  }

  @Test
  @DisplayName("专家逾期：经办人延期，同一席位的评分任务以新的到期日重新打开")
  void lateExpertCanBeGivenMoreTime() {
    ProcessInstance pi = startReview();
    Task late = expireFirstSeat(pi);
    Date newDue = Date.from(EngineClock.current().plus(Duration.ofDays(7)));

    complete(late, withVariables("lateDecision", "EXTEND", "extendTo", newDue));
    assertThat(replacements).isZero();
    assertThat(scoringTasks(pi)).hasSize(3).filteredOn(t -> newDue.equals(t.getDueDate())).hasSize(1);
    assertThat(pi).hasPassed("Task_LateExpert").hasNotPassed("Task_ReplaceExpert");
  }

  @Test
  @DisplayName("专家逾期：经办人选择更换，抽取替补专家")
  void lateExpertIsReplaced() {
    ProcessInstance pi = startReview();
    Task late = expireFirstSeat(pi);

    complete(late, withVariables("lateDecision", "REPLACE"));
    assertThat(replacements).isEqualTo(1);
    assertThat(scoringTasks(pi)).hasSize(3).extracting(Task::getAssignee).anyMatch(a -> a != null && a.endsWith("_1"));
    assertThat(pi).hasPassed("Task_LateExpert", "Task_ReplaceExpert");
  }

  @Test
  @DisplayName("流程名称为“专家评审”，历史保留期不少于180天")
  void nameAndHistoryTimeToLive() {
    ProcessDefinition definition = repositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(PROCESS_KEY).latestVersion().singleResult();
    assertThat(definition.getName()).isEqualTo("专家评审");
    assertThat(definition.getHistoryTimeToLive()).isNotNull().isGreaterThanOrEqualTo(180);
  }

  // ---------------------------------------------------------------- called from the pilot

  static final Date DEADLINE = Date.from(LocalDate.of(2018, 9, 7).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());

  /** A province-direct county's pilot application (case 43) taken to the end of the provincial check. */
  ProcessInstance pilotAtReview() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("caseId", 43L);
    vars.put("countyCode", "130682");
    vars.put("provinceDirect", true);
    vars.put("draftersGroup", "county-130682-drafters");
    vars.put("leadersGroup", "county-130682-leaders");
    vars.put("cityReviewersGroup", null);
    vars.put("provinceOfficersGroup", OFFICERS);
    vars.put("deadline", DEADLINE);
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("pilotApplication", "43", vars);
    complete(task(pi));
    complete(task(pi), withVariables("leaderDecision", "APPROVE"));
    complete(task(pi), withVariables("provinceCheckDecision", "PASS"));
    return pi;
  }

  @Test
  @DisplayName("试点申报调用专家评审：传入业务键和七个输入变量（不传全部变量），评审结束后传回得分、人数和极差标志")
  void thePilotCallsTheReviewAndGetsItsResultBack() {
    ProcessInstance pilot = pilotAtReview();
    assertThat(pilot).isWaitingAt("Call_ExpertReview").hasPassed("Task_ProvinceCheck");
    assertThat(reviewStarted).isEqualTo(1);
    assertThat(reviewScored).isZero();

    ProcessInstance review = calledProcessInstance(pilot);
    assertThat(review).isNotNull().hasProcessDefinitionKey(PROCESS_KEY).hasBusinessKey("43");
    assertThat(review).variables()
        .containsEntry("reviewSubjectId", 43L)
        .containsEntry("reviewProvinceCode", "130000")
        .containsEntry("reviewApplicantOrg", "130682")
        .containsEntry("reviewPanelSize", 5)
        .containsEntry("reviewSheetForm", SHEET_FORM)
        .containsEntry("reviewItemsDecision", "scoreItems")
        .containsEntry("reviewOfficersGroup", OFFICERS)
        .doesNotContainKeys("caseId", "countyCode", "draftersGroup", "deadline", "provinceCheckDecision");
    assertThat(drawInputs).containsEntry("reviewPanelSize", 5);

    List<Task> tasks = scoringTasks(review);
    assertThat(tasks).hasSize(5);
    tasks.forEach(this::score);

    assertThat(review).isEnded().hasPassed("End_Reviewed");
    assertThat(reviewScored).isEqualTo(1);
    assertThat(pilot).isWaitingAt("Event_BatchResult").hasPassed("Call_ExpertReview");
    assertThat(pilot).variables().containsEntry("reviewScore", 83.5d).containsEntry("reviewExpertCount", 3)
        .containsEntry("reviewSpreadFlagged", true).doesNotContainKeys("panelSeats", "seat", "reviewSubjectId");
  }
}
