package cn.countyflow.pilot.designation.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import cn.countyflow.calendar.EngineClock;
import cn.countyflow.calendar.WorkingDays;
import cn.countyflow.pilot.designation.DesignationService;


/**
 * Walks {@code processes/pilot-batch-approval.bpmn} (审定 → 退回修改 → 公示 → 公示期满 → 确认) and
 * {@code processes/pilot-objection.bpmn} on an in-memory engine. The two service tasks are stand-ins registered as
 * mock beans: {@code openPublicity} sets the period's end (5 working days, as the real one does) and
 * {@code confirmList} confirms every entry whose objection process is no longer running and tells each application
 * through the {@code pilotBatchResult} message (the real rules on the tables are tested in DesignationFlowTest).
 */
@Deployment(resources = {"processes/pilot-batch-approval.bpmn", "processes/pilot-objection.bpmn",
        "processes/test/pilot-result-wait.bpmn"})
class PilotBatchApprovalProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda-designation-test.cfg.xml").build();

    static final String OFFICERS = "province_officer_130000";
    static final String APPROVERS = "province_approver_130000";
    /** A Friday: the publicity runs Monday to Friday of the next week. */
    static final LocalDate APPROVAL_DAY = LocalDate.of(2026, 11, 20);

    ProcessEngine processEngine;
    final List<String> opened = new ArrayList<>();
    /** Business keys of the applications on the list (the stand-in list). */
    final List<String> onList = new ArrayList<>();

    @BeforeEach
    void setUp() {
        init(processEngine);
        EngineClock.moveTo(Date.from(APPROVAL_DAY.atTime(10, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant()));
        JavaDelegate openPublicity = execution -> {
            opened.add(execution.getProcessBusinessKey());
            execution.setVariable("publicityEnd", DesignationService.endMoment(WorkingDays.mondayToFriday(new EngineClock()).addWorkingDays(APPROVAL_DAY, 5)));
        };
        JavaDelegate confirmList = execution -> {
            for (String app : onList) {
                boolean objectionOpen = runtimeService().createProcessInstanceQuery().processDefinitionKey("pilotObjection")
                        .variableValueEquals("entryId", Long.valueOf(app)).count() > 0;
                runtimeService().createMessageCorrelation("pilotBatchResult").processInstanceBusinessKey(app)
                        .setVariable("selected", !objectionOpen).correlate();
            }
        };
        cn.countyflow.calendar.TestCalendars.register();
        Mocks.register("openPublicity", openPublicity);
        Mocks.register("confirmList", confirmList);
    }

    /**
     * Closes this class's engine (which unregisters it from the static engine registry), so that the Spring Boot
     * tests' Camunda webapps that run later never meet a second, user-less engine.
     */
    @AfterAll
    static void closeEngine() {
        engine.getProcessEngine().close();
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        EngineClock.reset();
    }

    ProcessInstance startList() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("caseId", 900L);
        vars.put("listId", 7L);
        vars.put("batchId", 3L);
        vars.put("provinceOfficersGroup", OFFICERS);
        vars.put("provinceApproversGroup", APPROVERS);
        return runtimeService().startProcessInstanceByKey("pilotBatchApproval", "900", vars);
    }

    ProcessInstance application(String caseId) {
        onList.add(caseId);
        return runtimeService().startProcessInstanceByKey("pilotResultWaitTest", caseId);
    }

    void approve(ProcessInstance pi) {
        assertThat(pi).isWaitingAt("Task_ApproveList");
        assertThat(task(pi)).hasCandidateGroup(APPROVERS);
        complete(task(pi), withVariables("listDecision", "APPROVE"));
        // the approver's completion stops before 开始公示: opening the publicity and telling the applications not on
        // the list (message correlations) are a job, retried by the engine on a conflict, never the approver's error
        assertThat(pi).isWaitingAt("Task_OpenPublicity");
        assertThat(opened).isEmpty();
        execute(job(pi));
    }

    void endPublicity(ProcessInstance pi) {
        assertThat(pi).isWaitingAt("Timer_PublicityEnd");
        Date due = job(pi).getDuedate();
        // 5 working days after Friday 2026-11-20: Friday 2026-11-27; the timer fires at midnight after it
        assertThat(due).isEqualTo(DesignationService.endMoment(LocalDate.of(2026, 11, 27)));
        EngineClock.moveTo(new Date(due.getTime() + 1000));
        execute(job(pi));
    }

    @Test
    @DisplayName("审定同意 → 开始公示 → 公示期满 → 确认入选名单 → 名单确定")
    void approvePublicityConfirm() {
        ProcessInstance a = application("101");
        ProcessInstance pi = startList();
        approve(pi);
        assertThat(opened).containsExactly("900");
        endPublicity(pi);
        assertThat(pi).isEnded().hasPassedInOrder("Task_ApproveList", "Task_OpenPublicity", "Timer_PublicityEnd",
                "Task_ConfirmList", "End_ListConfirmed");
        assertThat(a).isEnded();
        assertThat(selected("101")).isTrue();
    }

    @Test
    @DisplayName("审定退回修改 → 经办处室修改 → 再次审定同意 → 公示")
    void approverReturnsThenApproves() {
        ProcessInstance pi = startList();
        assertThat(pi).isWaitingAt("Task_ApproveList");
        complete(task(pi), withVariables("listDecision", "RETURN"));
        assertThat(pi).isWaitingAt("Task_ReviseList");
        assertThat(task(pi)).hasCandidateGroup(OFFICERS);
        assertThat(opened).isEmpty();
        complete(task(pi));
        approve(pi);
        assertThat(pi).hasPassedInOrder("Task_ApproveList", "Task_ReviseList", "Task_ApproveList", "Task_OpenPublicity")
                .isWaitingAt("Timer_PublicityEnd");
        endPublicity(pi);
        assertThat(pi).isEnded();
    }

    @Test
    @DisplayName("异议在公示期满时未答复：该县不予确认，其他县确认入选；异议答复后流程结束")
    void openObjectionBlocksOneEntry() {
        ProcessInstance first = application("101");
        ProcessInstance second = application("102");
        ProcessInstance pi = startList();
        approve(pi);
        ProcessInstance objection = runtimeService().startProcessInstanceByKey("pilotObjection", "950",
                Map.of("caseId", 950L, "objectionId", 1L, "entryId", 102L, "provinceOfficersGroup", OFFICERS));
        assertThat(objection).isWaitingAt("Task_AnswerObjection");
        assertThat(task(objection)).hasCandidateGroup(OFFICERS);

        endPublicity(pi);
        assertThat(pi).isEnded();
        assertThat(first).isEnded();
        assertThat(second).isEnded();
        assertThat(selected("101")).isTrue();
        assertThat(selected("102")).isFalse();

        complete(task(objection), withVariables("objectionOutcome", "DISMISSED"));
        assertThat(objection).isEnded().hasPassedInOrder("Start_Objection", "Task_AnswerObjection", "End_ObjectionAnswered");
    }

    @Test
    @DisplayName("异议在公示期内答复：不阻止确认")
    void answeredObjectionDoesNotBlock() {
        ProcessInstance second = application("102");
        ProcessInstance pi = startList();
        approve(pi);
        ProcessInstance objection = runtimeService().startProcessInstanceByKey("pilotObjection", "951",
                Map.of("caseId", 951L, "objectionId", 2L, "entryId", 102L, "provinceOfficersGroup", OFFICERS));
        complete(task(objection), withVariables("objectionOutcome", "DISMISSED"));
        endPublicity(pi);
        assertThat(second).isEnded();
        assertThat(selected("102")).isTrue();
    }

    static Boolean selected(String businessKey) {
        var pi = historyService().createHistoricProcessInstanceQuery().processDefinitionKey("pilotResultWaitTest")
                .processInstanceBusinessKey(businessKey).singleResult();
        var v = historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName("selected").singleResult();
        return v == null ? null : (Boolean) v.getValue();
    }

}
