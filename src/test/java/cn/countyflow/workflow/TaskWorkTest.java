package cn.countyflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.countyflow.SpringTest;
import cn.countyflow.TestUsers;
import cn.countyflow.audit.AuditService;
import cn.countyflow.org.CountyFlowUser;

@SpringTest
class TaskWorkTest {
    @Autowired TaskWork work;
    @Autowired CaseFileService cases;
    @Autowired TestUsers users;
    @Autowired TaskService taskService;
    @Autowired AuditService audit;

    private TaskSummary taskOf(CaseFile c, CountyFlowUser user) {
        return work.myTasks(user, new TaskFilter(null, c.getTitle(), false, false, TaskFilter.Sort.CREATED, false), 0, 50)
                .stream().filter(t -> c.getId().equals(t.caseId())).findFirst().orElseThrow();
    }

    @Test
    void theCountysDraftersSeeTheTaskWithItsCaseAndDueDate() {
        CaseFile c = users.startCheck("收件箱测试-1", 3);
        TaskSummary t = taskOf(c, users.get("xinle_drafter"));
        assertThat(t.name()).isEqualTo("县级提交材料");
        assertThat(t.countyName()).isEqualTo("新乐市");
        assertThat(t.caseTitle()).isEqualTo("收件箱测试-1");
        assertThat(t.caseType()).isEqualTo("PLATFORM_CHECK");
        assertThat(t.due()).isNotNull();
        assertThat(t.overdue()).isFalse();
        assertThat(t.claimable()).isTrue();
        assertThat(cases.details(c.getId(), users.get("xinle_drafter")).currentStage()).isEqualTo("县级提交材料");
    }

    @Test
    void otherOfficesDoNotSeeTheTask() {
        CaseFile c = users.startCheck("收件箱测试-2", 3);
        for (String other : List.of("zhengding_drafter", "xinle_leader", "sjz_reviewer", "hebei_officer", "expert_sjz")) {
            assertThat(work.myTasks(users.get(other), TaskFilter.none(), 0, 200))
                    .as(other).noneMatch(t -> c.getId().equals(t.caseId()));
        }
    }

    @Test
    void overdueTasksAreMarkedAndFilterable() {
        CaseFile c = users.startCheck("逾期测试", -2);
        CountyFlowUser drafter = users.get("xinle_drafter");
        assertThat(taskOf(c, drafter).overdue()).isTrue();
        assertThat(work.myTasks(drafter, new TaskFilter(null, null, true, false, TaskFilter.Sort.DUE, true), 0, 200))
                .allMatch(TaskSummary::overdue).anyMatch(t -> c.getId().equals(t.caseId()));
    }

    @Test
    void claimAndReleaseMoveTheTaskBetweenTheOfficeAndThePerson() {
        CaseFile c = users.startCheck("签收测试", 3);
        CountyFlowUser reviewer = users.get("sjz_reviewer");
        CountyFlowUser colleague = users.get("sjz_reviewer2");
        CountyFlowUser drafter = users.get("xinle_drafter");
        work.complete(taskOf(c, drafter).id(), Map.of("title", "材料"), drafter);

        String reviewTask = taskOf(c, reviewer).id();
        work.claim(reviewTask, reviewer);
        assertThat(taskOf(c, reviewer).assignee()).isEqualTo("sjz_reviewer");
        assertThat(work.myTasks(colleague, TaskFilter.none(), 0, 200)).noneMatch(t -> t.id().equals(reviewTask));
        // the colleague came second: told that someone else has it (409), not that they lack the right
        assertThatThrownBy(() -> work.claim(reviewTask, colleague)).isInstanceOf(cn.countyflow.workflow.TaskStateException.class)
                .hasMessageContaining("该任务已由他人办理").hasMessageContaining("sjz_reviewer");
        assertThatThrownBy(() -> work.complete(reviewTask, Map.of("decision", "APPROVE"), colleague))
                .isInstanceOf(cn.countyflow.workflow.TaskStateException.class);
        // the winner's repeated claim is harmless
        work.claim(reviewTask, reviewer);

        work.unclaim(reviewTask, reviewer);
        assertThat(taskOf(c, colleague).claimable()).isTrue();
    }

    @Test
    void aTaskOfAnotherOfficeIsRefusedAndNothingChanges() {
        CaseFile c = users.startCheck("越权测试", 3);
        String taskId = taskOf(c, users.get("xinle_drafter")).id();
        CountyFlowUser other = users.get("zhengding_drafter");
        assertThatThrownBy(() -> work.open(taskId, other)).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> work.complete(taskId, Map.of("title", "越权提交"), other)).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> work.claim(taskId, other)).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> work.saveDraft(taskId, Map.of("title", "x"), other)).isInstanceOf(NotPermittedException.class);
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
        assertThat(cases.decisions(c.getId())).isEmpty();
        assertThat(audit.byUser("zhengding_drafter")).anyMatch(e -> e.getOutcome().equals("DENIED")
                && e.getTarget().equals("task:" + taskId));
    }

    @Test
    void invalidDataIsRefusedPerFieldAndNothingChanges() {
        CaseFile c = users.startCheck("校验测试", 3);
        CountyFlowUser drafter = users.get("xinle_drafter");
        String taskId = taskOf(c, drafter).id();
        assertThatThrownBy(() -> work.complete(taskId, Map.of("investment", -5), drafter))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors())
                        .containsEntry("title", "请填写此项")
                        .containsKey("investment"));
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult()).isNotNull();
        assertThat(cases.decisions(c.getId())).isEmpty();
    }

    @Test
    void aDraftIsSavedWithoutValidationAndResumed() {
        CaseFile c = users.startCheck("暂存测试", 3);
        CountyFlowUser drafter = users.get("xinle_drafter");
        String taskId = taskOf(c, drafter).id();
        work.saveDraft(taskId, Map.of("title", "未写完的", "smuggled", "x"), drafter);
        TaskDetails reopened = work.open(taskId, drafter);
        assertThat(reopened.data()).containsEntry("title", "未写完的").doesNotContainKey("smuggled");
        assertThat(reopened.draftSavedAt()).isNotNull();
    }

    @Test
    void returnAndApproveAreRecordedWithWhoWhenRoleAndReason() {
        CaseFile c = users.startCheck("审批记录测试", 3);
        CountyFlowUser drafter = users.get("xinle_drafter");
        CountyFlowUser reviewer = users.get("sjz_reviewer");
        work.complete(taskOf(c, drafter).id(), Map.of("title", "第一版"), drafter);
        work.complete(taskOf(c, reviewer).id(), Map.of("decision", "RETURN", "comment", "投资额缺失"), reviewer);
        assertThat(cases.details(c.getId(), drafter).currentStage()).isEqualTo("县级提交材料");
        work.complete(taskOf(c, drafter).id(), Map.of("title", "第二版", "investment", 1200.5), drafter);
        work.complete(taskOf(c, reviewer).id(), Map.of("decision", "APPROVE"), reviewer);

        CaseDetails details = cases.details(c.getId(), reviewer);
        assertThat(details.currentStage()).isEqualTo("审核通过");
        assertThat(details.status()).isEqualTo("CLOSED");
        assertThat(details.openTasks()).isEmpty();
        assertThat(details.decisions()).extracting(CaseDetails.Decision::taskName, CaseDetails.Decision::username,
                        CaseDetails.Decision::role, CaseDetails.Decision::decision, CaseDetails.Decision::comment)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("县级提交材料", "xinle_drafter", "COUNTY_DRAFTER", null, null),
                        org.assertj.core.groups.Tuple.tuple("市级审核", "sjz_reviewer", "CITY_REVIEWER", "RETURN", "投资额缺失"),
                        org.assertj.core.groups.Tuple.tuple("县级提交材料", "xinle_drafter", "COUNTY_DRAFTER", null, null),
                        org.assertj.core.groups.Tuple.tuple("市级审核", "sjz_reviewer", "CITY_REVIEWER", "APPROVE", null));
        assertThat(work.doneTasks(reviewer, 0, 50)).anyMatch(d -> c.getId().equals(d.caseId()) && "审核通过".equals(d.caseStage()));
        assertThat(audit.byUser("sjz_reviewer")).anyMatch(e -> e.getAction().equals("TASK_COMPLETE") && e.getOutcome().equals("SUCCESS")
                && e.getOrgCode().equals("130100") && e.getTarget().contains("case:" + c.getId()));
    }

    @Test
    void caseVisibilityFollowsTheAdministrativeLadder() {
        CaseFile c = users.startCheck("可见性测试", 3);
        for (String allowed : List.of("xinle_drafter", "xinle_leader", "sjz_reviewer", "hebei_officer", "hebei_approver", "admin")) {
            assertThat(cases.details(c.getId(), users.get(allowed)).id()).as(allowed).isEqualTo(c.getId());
        }
        for (String refused : List.of("zhengding_drafter", "baoding_reviewer", "expert_sjz", "xinji_drafter")) {
            assertThatThrownBy(() -> cases.details(c.getId(), users.get(refused))).as(refused)
                    .isInstanceOf(NotPermittedException.class);
        }
        assertThat(cases.search(users.get("baoding_reviewer"), "可见性测试", org.springframework.data.domain.Pageable.ofSize(10))).isEmpty();
        assertThat(cases.search(users.get("sjz_reviewer"), "可见性测试", org.springframework.data.domain.Pageable.ofSize(10))).hasSize(1);
    }

    @Test
    void provinceDirectCountiesHaveNoReviewingCity() {
        CaseFile c = users.startCheck("辛集可见性", "130181", "xinji_drafter", 3);
        assertThat(c.getCityCode()).isNull();
        assertThatThrownBy(() -> cases.details(c.getId(), users.get("sjz_reviewer"))).isInstanceOf(NotPermittedException.class);
        assertThat(cases.details(c.getId(), users.get("hebei_officer")).cityName()).isNull();
    }

    @Test
    void anUnknownTaskOrCaseIsNotFound() {
        assertThatThrownBy(() -> work.open("no-such-task", users.get("admin"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> cases.details(987654321L, users.get("admin"))).isInstanceOf(NotFoundException.class);
    }

    @Autowired CaseDecisionRepository decisionRepository;

    @Test
    void expertsStayAnonymousToEveryoneButTheProvince() {
        CaseFile c = users.startCheck("专家匿名测试", 3);
        decisionRepository.save(new CaseDecision(c.getId(), "t-1", "Task_ExpertScoring", "专家评审打分", "expert_bd",
                "专家 何平（河北大学）", "130600", "EXPERT", "SCORED", "内部意见", java.time.Instant.now()));
        CaseDetails.Decision forCounty = cases.details(c.getId(), users.get("xinle_drafter")).decisions().get(0);
        assertThat(forCounty.userName()).isEqualTo("评审专家");
        assertThat(forCounty.username()).isEmpty();
        assertThat(forCounty.comment()).isNull();
        assertThat(forCounty.orgCode()).isNull();
        CaseDetails.Decision forProvince = cases.details(c.getId(), users.get("hebei_officer")).decisions().get(0);
        assertThat(forProvince.username()).isEqualTo("expert_bd");
        assertThat(forProvince.comment()).isEqualTo("内部意见");
    }
}
