package cn.countyflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.DelegationState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.countyflow.SpringTest;
import cn.countyflow.TestUsers;
import cn.countyflow.calendar.EngineClock;
import cn.countyflow.notification.NotificationService;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.org.Role;
import cn.countyflow.org.UserAccountService;

/** 转办, 委派, 加签, 抄送, 撤回, 催办, 退回到已办环节: each done and recorded, and every refusal changing nothing. */
@SpringTest
class TaskOperationsTest {
    @Autowired OpsFixtures fixtures;
    @Autowired TaskOperations ops;
    @Autowired TaskWork work;
    @Autowired CaseFileService cases;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired TestUsers users;
    @Autowired UserAccountService accounts;
    @Autowired NotificationService notifications;

    CountyFlowUser drafter;
    CountyFlowUser leader;
    CountyFlowUser reviewer;
    CountyFlowUser colleague;

    @BeforeEach
    void setUp() {
        OpsFixtures.at(OpsFixtures.MONDAY);
        drafter = users.get("xinle_drafter");
        leader = users.get("xinle_leader");
        reviewer = users.get("sjz_reviewer");
        colleague = users.get("sjz_reviewer2");
    }

    @AfterEach
    void reset() {
        EngineClock.reset();
    }

    /** A ladder case whose county step is done: the city's task is open and unclaimed. */
    private CaseFile atCity(String title) {
        CaseFile c = fixtures.ladder(title);
        work.complete(fixtures.task(c).getId(), Map.of(), drafter);
        return c;
    }

    private List<String> decisions(CaseFile c) {
        return cases.decisions(c.getId()).stream().map(d -> d.getDecision() + ":" + d.getUsername()).toList();
    }

    private boolean told(CountyFlowUser user, String caseTitle, String text) {
        return notifications.list(user, 0, 200).stream().anyMatch(n -> n.text().contains(caseTitle) && n.text().contains(text));
    }

    // ---------------------------------------------------------------- 转办

    @Test
    void aCityReviewerTransfersToAColleagueWhoCompletes() {
        CaseFile c = atCity("转办测试");
        String taskId = fixtures.task(c).getId();
        assertThat(ops.transferCandidates(taskId, reviewer)).extracting(TaskOperations.UserChoice::username)
                .containsExactly("sjz_reviewer2");
        ops.transfer(taskId, "sjz_reviewer2", "本人出差，请胡雪办理", reviewer);
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("sjz_reviewer2");
        assertThat(told(colleague, "转办测试", "本人出差，请胡雪办理")).isTrue();
        work.complete(taskId, Map.of(), colleague);
        assertThat(cases.decisions(c.getId())).anySatisfy(d -> {
            assertThat(d.getDecision()).isEqualTo("TRANSFER");
            assertThat(d.getUsername()).isEqualTo("sjz_reviewer");
            assertThat(d.getComment()).contains("胡雪").contains("本人出差");
        });
        assertThat(decisions(c)).endsWith("TRANSFER:sjz_reviewer", "null:sjz_reviewer2");
    }

    @Test
    void transferRefusalsChangeNothing() {
        CaseFile c = atCity("转办拒绝测试");
        String taskId = fixtures.task(c).getId();
        // a user of another city, or a county, may not act on it
        assertThatThrownBy(() -> ops.transfer(taskId, "baoding_reviewer", "请保定市办理", reviewer))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors()).containsKey("to"));
        assertThatThrownBy(() -> ops.transfer(taskId, "zhengding_drafter", "请正定县办理", reviewer))
                .isInstanceOf(FieldErrorsException.class);
        assertThatThrownBy(() -> ops.transfer(taskId, "nobody_x", "请办理", reviewer)).isInstanceOf(FieldErrorsException.class);
        assertThatThrownBy(() -> ops.transfer(taskId, "sjz_reviewer2", " ", reviewer))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors()).containsKey("reason"));
        // out of scope: another city's reviewer may not transfer it
        assertThatThrownBy(() -> ops.transfer(taskId, "sjz_reviewer2", "越权转办", users.get("baoding_reviewer")))
                .isInstanceOf(NotPermittedException.class);
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
        assertThat(decisions(c)).containsExactly("null:xinle_drafter");

        // a county cannot transfer to another county
        CaseFile county = fixtures.ladder("县级转办拒绝测试");
        String countyTask = fixtures.task(county).getId();
        assertThatThrownBy(() -> ops.transfer(countyTask, "zhengding_drafter", "请正定县办理", drafter))
                .isInstanceOf(FieldErrorsException.class);
        assertThat(tasks.createTaskQuery().taskId(countyTask).singleResult().getAssignee()).isNull();
    }

    // ---------------------------------------------------------------- 委派

    @Test
    void aDelegatedColleagueWorksAndHandsBackAndTheOwnerCompletes() {
        CaseFile c = atCity("委派测试");
        String taskId = fixtures.task(c).getId();
        assertThat(ops.colleagues(taskId, reviewer)).extracting(TaskOperations.UserChoice::username).contains("sjz_reviewer2")
                .doesNotContain("sjz_reviewer", "baoding_reviewer");
        ops.delegate(taskId, "sjz_reviewer2", "请先核对投资数据", reviewer);
        var task = tasks.createTaskQuery().taskId(taskId).singleResult();
        assertThat(task.getAssignee()).isEqualTo("sjz_reviewer2");
        assertThat(task.getOwner()).isEqualTo("sjz_reviewer");
        assertThat(task.getDelegationState()).isEqualTo(DelegationState.PENDING);
        assertThat(ops.handling(taskId, colleague).pendingWithMe()).isTrue();
        // the colleague works on it but does not submit it; the owner cannot resolve it
        work.saveDraft(taskId, Map.of(), colleague);
        assertThatThrownBy(() -> work.complete(taskId, Map.of(), colleague)).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> ops.resolve(taskId, "已办", reviewer)).isInstanceOf(NotPermittedException.class);

        ops.resolve(taskId, "投资数据已核对无误", colleague);
        task = tasks.createTaskQuery().taskId(taskId).singleResult();
        assertThat(task.getAssignee()).isEqualTo("sjz_reviewer");
        assertThat(task.getDelegationState()).isEqualTo(DelegationState.RESOLVED);
        assertThat(told(reviewer, "委派测试", "投资数据已核对无误")).isTrue();
        work.complete(taskId, Map.of(), reviewer);
        assertThat(decisions(c)).endsWith("DELEGATE:sjz_reviewer", "DELEGATE_RESOLVED:sjz_reviewer2", "null:sjz_reviewer");
    }

    @Test
    void delegationOnlyToAColleagueOfTheSameOffice() {
        CaseFile c = atCity("委派拒绝测试");
        String taskId = fixtures.task(c).getId();
        assertThatThrownBy(() -> ops.delegate(taskId, "baoding_reviewer", "请保定同事办理", reviewer))
                .isInstanceOf(FieldErrorsException.class);
        assertThatThrownBy(() -> ops.delegate(taskId, "xinle_drafter", "请县里办理", reviewer))
                .isInstanceOf(FieldErrorsException.class);
        assertThatThrownBy(() -> ops.delegate(taskId, "sjz_reviewer", "自己", reviewer)).isInstanceOf(FieldErrorsException.class);
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getDelegationState()).isNull();
        assertThat(decisions(c)).containsExactly("null:xinle_drafter");
    }

    // ---------------------------------------------------------------- 加签

    @Test
    void aSignerBeforeGivesAnOpinionThenTheReviewerDecides() {
        CaseFile c = atCity("前加签测试");
        String taskId = fixtures.task(c).getId();
        ops.addSigner(taskId, "sjz_reviewer2", TaskOperations.SignPosition.BEFORE, "请先提出意见", reviewer);
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("sjz_reviewer2");
        assertThatThrownBy(() -> work.complete(taskId, Map.of(), colleague)).isInstanceOf(NotPermittedException.class);
        ops.sign(taskId, false, "投资额偏大，建议核减", colleague);
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("sjz_reviewer");
        work.complete(taskId, Map.of(), reviewer);
        assertThat(decisions(c)).endsWith("COUNTERSIGN_BEFORE:sjz_reviewer", "SIGN_DISAGREE:sjz_reviewer2", "null:sjz_reviewer");
        assertThat(cases.decisions(c.getId())).anySatisfy(d -> assertThat(d.getComment()).isEqualTo("投资额偏大，建议核减"));
    }

    @Test
    void aSignerAfterCompletesOnceTheReviewerGaveTheirOpinion() {
        CaseFile c = atCity("后加签测试");
        String taskId = fixtures.task(c).getId();
        ops.addSigner(taskId, "sjz_reviewer2", TaskOperations.SignPosition.AFTER, "本人同意，请胡雪复核后办理", reviewer);
        var task = tasks.createTaskQuery().taskId(taskId).singleResult();
        assertThat(task.getAssignee()).isEqualTo("sjz_reviewer2");
        assertThat(task.getOwner()).isEqualTo("sjz_reviewer");
        assertThat(fixtures.task(c).getTaskDefinitionKey()).isEqualTo("Task_City");   // the case waits for the signer
        work.complete(taskId, Map.of(), colleague);
        assertThat(fixtures.task(c).getTaskDefinitionKey()).isEqualTo("Task_Province");
        assertThat(decisions(c)).endsWith("COUNTERSIGN_AFTER:sjz_reviewer", "null:sjz_reviewer2");
    }

    @Test
    void aSignerMustBeAbleToActAndAPositionIsRequired() {
        CaseFile c = atCity("加签拒绝测试");
        String taskId = fixtures.task(c).getId();
        assertThatThrownBy(() -> ops.addSigner(taskId, "baoding_reviewer", TaskOperations.SignPosition.BEFORE, "请会签", reviewer))
                .isInstanceOf(FieldErrorsException.class);
        assertThatThrownBy(() -> ops.addSigner(taskId, "sjz_reviewer2", null, "请会签", reviewer))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors()).containsKey("position"));
        assertThatThrownBy(() -> ops.sign(taskId, true, "同意", colleague)).isInstanceOf(NotPermittedException.class);
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
    }

    // ---------------------------------------------------------------- 抄送

    @Test
    void aCopiedCaseShowsInTheCopiedListAndIsVisibleThroughTheGrant() {
        CaseFile c = fixtures.ladder("抄送测试");
        // a user of the province office whose role alone would not let them see a county's case
        CountyFlowUser liaison = accounts.find("hebei_liaison_t").orElseGet(() -> accounts.create("hebei_liaison_t",
                "省联络员 测试", "demo123", "130000", Set.of(Role.CITY_REVIEWER))).withoutPassword();
        assertThatThrownBy(() -> cases.details(c.getId(), liaison)).isInstanceOf(NotPermittedException.class);
        assertThat(ops.ccCandidates(c.getId(), drafter)).extracting(TaskOperations.UserChoice::username)
                .contains("xinle_leader", "sjz_reviewer", "hebei_officer", "hebei_liaison_t")
                .doesNotContain("zhengding_drafter", "expert_sjz", "baoding_reviewer", "xinle_drafter");

        ops.cc(c.getId(), List.of("sjz_reviewer", "hebei_liaison_t"), "请市局和省里关注", drafter);
        assertThat(ops.copiedToMe(reviewer, 0, 50)).anySatisfy(x -> {
            assertThat(x.caseId()).isEqualTo(c.getId());
            assertThat(x.reason()).isEqualTo("请市局和省里关注");
        });
        assertThat(cases.details(c.getId(), liaison).id()).isEqualTo(c.getId());
        assertThat(cases.search(liaison, "抄送测试", org.springframework.data.domain.Pageable.ofSize(5))).hasSize(1);
        assertThat(told(reviewer, "抄送测试", "请市局和省里关注")).isTrue();
        assertThat(decisions(c)).containsExactly("CC:xinle_drafter");
    }

    @Test
    void copyRefusals() {
        CaseFile c = fixtures.ladder("抄送拒绝测试");
        assertThatThrownBy(() -> ops.cc(c.getId(), List.of("zhengding_drafter"), "请关注", drafter))
                .isInstanceOf(FieldErrorsException.class);
        assertThatThrownBy(() -> ops.cc(c.getId(), List.of("expert_sjz"), "请关注", drafter))
                .isInstanceOf(FieldErrorsException.class);
        assertThatThrownBy(() -> ops.cc(c.getId(), List.of("xinle_drafter"), "请县里关注", reviewer))
                .isInstanceOf(FieldErrorsException.class);                                   // not an office above the city
        assertThatThrownBy(() -> ops.cc(c.getId(), List.of("zhengding_leader"), "越权抄送", users.get("zhengding_drafter")))
                .isInstanceOf(NotPermittedException.class);                                  // cannot see the case
        assertThatThrownBy(() -> ops.cc(c.getId(), List.of(), "请关注", drafter)).isInstanceOf(FieldErrorsException.class);
        assertThat(ops.copiedToMe(users.get("zhengding_drafter"), 0, 50)).noneMatch(x -> x.caseId() == c.getId());
        assertThat(decisions(c)).isEmpty();
    }

    // ---------------------------------------------------------------- 撤回

    @Test
    void theSubmitterWithdrawsBeforeTheNextStepIsClaimedNotAfter() {
        CaseFile c = fixtures.ladder("撤回测试");
        String countyTask = fixtures.task(c).getId();
        work.complete(countyTask, Map.of(), drafter);
        EngineClock.advance(java.time.Duration.ofMinutes(5));
        String cityTask = fixtures.task(c).getId();
        // only the one who submitted it
        assertThatThrownBy(() -> ops.withdraw(countyTask, "撤回", users.get("xinle_leader")))
                .isInstanceOf(NotPermittedException.class);
        ops.withdraw(countyTask, "材料有误，撤回修改", drafter);
        EngineClock.advance(java.time.Duration.ofMinutes(5));
        var reopened = fixtures.task(c);
        assertThat(reopened.getTaskDefinitionKey()).isEqualTo("Task_County");
        assertThat(reopened.getAssignee()).isEqualTo("xinle_drafter");
        assertThat(tasks.createTaskQuery().taskId(cityTask).count()).isZero();
        assertThat(cases.decisions(c.getId())).last().satisfies(d -> {
            assertThat(d.getDecision()).isEqualTo("WITHDRAW");
            assertThat(d.getComment()).isEqualTo("材料有误，撤回修改");
        });

        // submitted again; once the city has claimed it, it is too late
        work.complete(reopened.getId(), Map.of(), drafter);
        EngineClock.advance(java.time.Duration.ofMinutes(5));
        String next = fixtures.task(c).getId();
        work.claim(next, reviewer);
        assertThatThrownBy(() -> ops.withdraw(reopened.getId(), "再次撤回", drafter))
                .isInstanceOf(TaskStateException.class).hasMessageContaining("已签收或已办理");
        assertThat(fixtures.task(c).getId()).isEqualTo(next);
        assertThat(fixtures.task(c).getAssignee()).isEqualTo("sjz_reviewer");
        // and once the city has completed it, too
        EngineClock.advance(java.time.Duration.ofMinutes(5));
        work.complete(next, Map.of(), reviewer);
        assertThatThrownBy(() -> ops.withdraw(reopened.getId(), "再次撤回", drafter)).isInstanceOf(TaskStateException.class);
    }

    // ---------------------------------------------------------------- 催办

    @Test
    void aSupervisingOfficeUrgesAtMostOnceAWorkingDay() {
        CaseFile c = fixtures.ladder("催办测试");
        String taskId = fixtures.task(c).getId();
        OpsFixtures.at(OpsFixtures.day(6, 10));                                      // Friday
        ops.urge(taskId, "请于今日提交", reviewer);
        assertThat(told(drafter, "催办测试", "请于今日提交")).isTrue();
        assertThatThrownBy(() -> ops.urge(taskId, "再次催办", users.get("hebei_officer")))
                .isInstanceOf(TaskStateException.class).hasMessageContaining("每个工作日至多催办一次");
        OpsFixtures.at(OpsFixtures.day(7, 10));                                      // Saturday: no working day began
        assertThatThrownBy(() -> ops.urge(taskId, "周末催办", reviewer)).isInstanceOf(TaskStateException.class);
        OpsFixtures.at(OpsFixtures.day(9, 10));                                      // Monday
        ops.urge(taskId, "周一再次催办", users.get("hebei_officer"));
        assertThat(decisions(c)).containsExactly("URGE:sjz_reviewer", "URGE:hebei_officer");
    }

    @Test
    void onlyASupervisingOfficeMayUrge() {
        CaseFile c = fixtures.ladder("催办拒绝测试");
        String taskId = fixtures.task(c).getId();
        for (String name : List.of("xinle_leader", "xinle_drafter", "zhengding_drafter", "baoding_reviewer", "expert_sjz")) {
            assertThatThrownBy(() -> ops.urge(taskId, "请尽快办理", users.get(name))).as(name)
                    .isInstanceOf(NotPermittedException.class);
        }
        assertThat(ops.mayUrge(taskId, reviewer)).isTrue();
        assertThat(ops.mayUrge(taskId, drafter)).isFalse();
        assertThatThrownBy(() -> ops.urge(taskId, "", reviewer)).isInstanceOf(FieldErrorsException.class);
        // a city's step is urged by the province, not by the city itself
        work.complete(taskId, Map.of(), drafter);
        String cityTask = fixtures.task(c).getId();
        assertThatThrownBy(() -> ops.urge(cityTask, "请尽快办理", reviewer)).isInstanceOf(NotPermittedException.class);
        assertThat(ops.mayUrge(cityTask, users.get("hebei_officer"))).isTrue();
        assertThat(decisions(c)).containsExactly("null:xinle_drafter");
    }

    // ---------------------------------------------------------------- 退回到已办环节

    @Test
    void aReviewerReturnsTheCaseToAnyStepItPassed() {
        CaseFile c = atCity("退回测试");
        work.complete(fixtures.task(c).getId(), Map.of(), reviewer);
        var provinceTask = fixtures.task(c);
        CountyFlowUser officer = users.get("hebei_officer");
        assertThat(ops.returnTargets(provinceTask.getId(), officer)).extracting(TaskOperations.ReturnTarget::activityId)
                .containsExactlyInAnyOrder("Task_County", "Task_City");

        ops.returnTo(provinceTask.getId(), "Task_City", "请市级补充初审意见", officer);
        var back = fixtures.task(c);
        assertThat(back.getTaskDefinitionKey()).isEqualTo("Task_City");
        assertThat(back.getAssignee()).isEqualTo("sjz_reviewer");                     // who handled it last
        assertThat(told(reviewer, "退回测试", "请市级补充初审意见")).isTrue();
        assertThat(cases.decisions(c.getId())).last().satisfies(d -> {
            assertThat(d.getDecision()).isEqualTo("RETURN");
            assertThat(d.getComment()).isEqualTo("请市级补充初审意见");
            assertThat(d.getTargetStep()).isEqualTo("市级办理");
            assertThat(d.getTaskName()).isEqualTo("省级办理");
        });
        // the engine's history keeps the cancelled step and the step it went back to
        String pid = back.getProcessInstanceId();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pid).activityId("Task_City").count()).isEqualTo(2);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pid).activityId("Task_Province")
                .canceled().count()).isEqualTo(1);
        assertThat(cases.details(c.getId(), drafter).status()).isEqualTo("RETURNED");
    }

    @Test
    void returnRefusals() {
        CaseFile c = atCity("退回拒绝测试");
        String cityTask = fixtures.task(c).getId();
        assertThatThrownBy(() -> ops.returnTo(cityTask, "Task_Province", "退回到未办环节", reviewer))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors()).containsKey("step"));
        assertThatThrownBy(() -> ops.returnTo(cityTask, "Task_City", "退回到本环节", reviewer))
                .isInstanceOf(FieldErrorsException.class);
        assertThatThrownBy(() -> ops.returnTo(cityTask, "Task_County", "越权退回", users.get("baoding_reviewer")))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> ops.returnTo(cityTask, "Task_County", "", reviewer)).isInstanceOf(FieldErrorsException.class);
        assertThat(fixtures.task(c).getId()).isEqualTo(cityTask);
        assertThat(decisions(c)).containsExactly("null:xinle_drafter");
    }
}
