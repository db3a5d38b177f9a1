package cn.countyflow.pilot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import cn.countyflow.workflow.CaseDecision;
import cn.countyflow.workflow.CaseDetails;
import cn.countyflow.workflow.CaseStatus;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.NotPermittedException;

/** Every path of the application through TaskWork → PilotTaskHandler, with the real engine and tables. */
@cn.countyflow.SpringTest
class PilotApplicationFlowTest extends PilotTestSupport {

    @Test
    void startOpensTheDraftForTheCountyWithTheBatchDeadline() {
        PilotBatch batch = openBatch();
        var started = applications.start(batch.getId(), user("xinle_drafter"));
        CaseDetails c = cases.details(started.caseId(), user("xinle_drafter"));
        assertThat(c.title()).isEqualTo("新乐市" + batch.getName() + "申报");
        assertThat(c.caseType()).isEqualTo("PILOT_APPLICATION");
        assertThat(c.openTasks()).singleElement().satisfies(t -> {
            assertThat(t.taskId()).isEqualTo(started.draftTaskId());
            assertThat(t.name()).isEqualTo("编制申报书");
            assertThat(t.due()).isNotNull();
            assertThat(t.due().atZone(PilotBatchService.ZONE).toLocalDate()).isEqualTo(batch.getDeadline());
        });
        var opened = work.open(started.draftTaskId(), user("xinle_drafter"));
        assertThat(opened.data()).containsEntry("applicantName", "新乐市").doesNotContainKey("returnReason");
    }

    @Test
    void recommendedApplicationGoesToExpertReview() {
        long caseId = xinleSubmitted();
        assertThat(task(caseId).name()).isEqualTo("县政府审核签发");
        decide(caseId, "xinle_leader", "APPROVE", null);
        assertThat(task(caseId).name()).isEqualTo("市级初审筛选");
        decide(caseId, "sjz_reviewer", "RECOMMEND", "材料齐全，同意推荐");
        assertThat(task(caseId).name()).isEqualTo("省级形式审查");
        decide(caseId, "hebei_officer", "PASS", null);

        CaseDetails c = cases.details(caseId, user("hebei_officer"));
        // the batch's panel of five is drawn at once: one scoring task per expert
        assertThat(c.openTasks()).hasSize(5).allSatisfy(t -> assertThat(t.name()).isEqualTo("专家评审打分"));
        assertThat(c.decisions()).extracting(CaseDetails.Decision::decision)
                .containsExactly("SUBMIT", "APPROVE", "RECOMMEND", "PASS");
        assertThat(applications.find(caseId, user("xinle_drafter")).orElseThrow().getStatus())
                .isEqualTo(PilotApplication.Status.UNDER_REVIEW);
        assertThat(applications.revisions(caseId, user("sjz_reviewer"))).singleElement().satisfies(r -> {
            assertThat(r.revision()).isEqualTo(1);
            assertThat(r.submittedBy()).isEqualTo("xinle_drafter");
            assertThat(r.changes()).isEmpty();
        });
    }

    @Test
    void leaderReturnShowsTheReasonOnTheReopenedDraftAndKeepsTheData() {
        long caseId = xinleSubmitted();
        decide(caseId, "xinle_leader", "RETURN", "第三章任务不够具体，请补充时间节点");

        assertThat(cases.get(caseId, user("xinle_drafter")).getStatus()).isEqualTo(CaseStatus.RETURNED);
        var draft = task(caseId);
        assertThat(draft.name()).isEqualTo("编制申报书");
        Map<String, Object> data = work.open(draft.taskId(), user("xinle_drafter")).data();
        assertThat(data).containsEntry("returnReason", "第三章任务不够具体，请补充时间节点")
                .containsEntry("applicantName", "新乐市")
                .containsEntry("contactName", "张伟");
        assertThat(PilotDrafts.at(data, "plan").get("chapter3").toString()).startsWith("第三章");
        assertThat(PilotDrafts.at(data, "overall").get("tertiaryShare")).isEqualTo(39.2);

        // resubmitting clears the reason: the next draft opening (after another return) shows the new reason only
        Map<String, Object> again = PilotDrafts.copy(data);
        complete(caseId, again, "xinle_drafter");
        assertThat(cases.get(caseId, user("xinle_drafter")).getStatus()).isEqualTo(CaseStatus.IN_PROGRESS);
        var revisions = applications.revisions(caseId, user("xinle_drafter"));
        assertThat(revisions).hasSize(2);
        assertThat(revisions.get(1).changes()).isEmpty(); // returnReason is not part of the application
    }

    @Test
    void cityReturnAndResubmitCreatesRevisionTwoWithADiff() {
        long caseId = xinleSubmitted();
        decide(caseId, "xinle_leader", "APPROVE", null);
        decide(caseId, "sjz_reviewer", "RETURN", "地区GDP与统计公报不符，请核实");

        var draft = task(caseId);
        Map<String, Object> data = work.open(draft.taskId(), user("xinle_drafter")).data();
        assertThat(data).containsEntry("returnReason", "地区GDP与统计公报不符，请核实");
        PilotDrafts.at(data, "overall").put("gdp", 3_620_000);
        PilotDrafts.at(data, "plan").put("chapter1", PilotDrafts.at(data, "plan").get("chapter1") + "（已按统计公报核实）");
        Map<String, Object> enterprise = PilotDrafts.item(PilotDrafts.item(data, "leadingIndustries", 0), "enterprises", 1);
        enterprise.put("sales", 155_000.5);
        data.put("applicantName", "伪造的申报单位"); // never taken from the client
        complete(caseId, data, "xinle_drafter");

        var revisions = applications.revisions(caseId, user("sjz_reviewer"));
        assertThat(revisions).extracting(PilotApplicationService.Revision::revision).containsExactly(1, 2);
        var changes = revisions.get(1).changes();
        assertThat(changes).extracting(cn.countyflow.forms.FormDiff.Change::path)
                .containsExactlyInAnyOrder("plan.chapter1", "overall.gdp", "leadingIndustries[0].enterprises[1].sales");
        assertThat(changes).filteredOn(ch -> ch.path().equals("overall.gdp")).singleElement().satisfies(ch -> {
            assertThat(ch.label()).isEqualTo("总体情况 · 地区GDP");
            assertThat(ch.section()).isEqualTo("总体情况");
            assertThat(((Number) ch.oldValue()).longValue()).isEqualTo(3_500_000);
            assertThat(((Number) ch.newValue()).longValue()).isEqualTo(3_620_000);
        });
        assertThat(changes).filteredOn(ch -> ch.path().startsWith("leadingIndustries")).singleElement()
                .satisfies(ch -> {
                    // the form's short labels, rows counted from 1, the section the change is grouped under
                    assertThat(ch.label()).isEqualTo("主导产业 第1项 · 企业 第2项 · 销售收入");
                    assertThat(ch.section()).isEqualTo("主导产业");
                });
        assertThat(changes).filteredOn(ch -> ch.path().equals("plan.chapter1")).singleElement()
                .satisfies(ch -> assertThat(ch.label()).isEqualTo("实施方案 · 基础条件"));
        // the stored revision has the county's name, not the client's
        assertThat(applications.latestData(caseId)).containsEntry("applicantName", "新乐市").doesNotContainKey("returnReason");
        assertThat(task(caseId).name()).isEqualTo("县政府审核签发");
    }

    @Test
    void notRecommendedEndsTheCaseWithTheReason() {
        long caseId = xinleSubmitted();
        decide(caseId, "xinle_leader", "APPROVE", null);
        decide(caseId, "sjz_reviewer", "REJECT", "主导产业不突出，不符合创建标准");

        CaseDetails c = cases.details(caseId, user("xinle_drafter"));
        assertThat(c.status()).isEqualTo("REJECTED");
        assertThat(c.openTasks()).isEmpty();
        List<CaseDecision> trail = cases.decisions(caseId);
        assertThat(trail.get(trail.size() - 1)).satisfies(d -> {
            assertThat(d.getDecision()).isEqualTo("REJECT");
            assertThat(d.getComment()).isEqualTo("主导产业不突出，不符合创建标准");
            assertThat(d.getUsername()).isEqualTo("sjz_reviewer");
        });
        assertThat(applications.find(caseId, user("xinle_drafter")).orElseThrow().getStatus())
                .isEqualTo(PilotApplication.Status.NOT_RECOMMENDED);
    }

    @Test
    void provinceDirectCountySkipsTheCity() {
        PilotBatch batch = openBatch();
        long caseId = applications.start(batch.getId(), user("xinji_drafter")).caseId();
        assertThat(cases.get(caseId, user("xinji_drafter")).getCityCode()).isNull();
        complete(caseId, validDraft("xinji_drafter"), "xinji_drafter");
        assertThat(applications.latestData(caseId)).containsEntry("applicantName", "辛集市");
        decide(caseId, "xinji_leader", "APPROVE", null);
        assertThat(task(caseId).name()).isEqualTo("省级形式审查");
        assertThat(cases.decisions(caseId)).extracting(CaseDecision::getTaskKey)
                .containsExactly("Task_Draft", "Task_LeaderSignOff");
        assertThatThrownBy(() -> cases.get(caseId, user("sjz_reviewer"))).isInstanceOf(NotPermittedException.class);
    }

    @Test
    void provinceCheckReturnGoesBackToTheDrafter() {
        long caseId = xinleSubmitted();
        decide(caseId, "xinle_leader", "APPROVE", null);
        decide(caseId, "sjz_reviewer", "RECOMMEND", null);
        decide(caseId, "hebei_officer", "RETURN", "缺少加盖公章的申报书扫描件");

        var draft = task(caseId);
        assertThat(draft.name()).isEqualTo("编制申报书");
        assertThat(work.open(draft.taskId(), user("xinle_drafter")).data())
                .containsEntry("returnReason", "缺少加盖公章的申报书扫描件");
        assertThat(cases.get(caseId, user("xinle_drafter")).getStatus()).isEqualTo(CaseStatus.RETURNED);
        assertThat(applications.find(caseId, user("xinle_drafter")).orElseThrow().getStatus())
                .isEqualTo(PilotApplication.Status.RETURNED);
    }

    @Test
    void theTargetPeriodFollowsTheBatchYear() {
        PilotBatch batch = openBatch();
        long caseId = applications.start(batch.getId(), user("xinle_drafter")).caseId();
        String draft = task(caseId).taskId();
        String expected = (batch.getYear() + 1) + "—" + (batch.getYear() + 3) + "年";
        org.assertj.core.api.Assertions.assertThat(work.open(draft, user("xinle_drafter")).data())
                .containsEntry("targetPeriod", expected).containsEntry("applicantName", "新乐市");
        java.util.Map<String, Object> data = validDraft();
        data.put("targetPeriod", "1999—2001年"); // a client cannot choose its own period
        complete(caseId, data, "xinle_drafter");
        org.assertj.core.api.Assertions.assertThat(applications.latestData(caseId)).containsEntry("targetPeriod", expected);
    }
}
