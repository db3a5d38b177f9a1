package cn.countyflow.pilot.designation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.pilot.PilotApplication;
import cn.countyflow.pilot.PilotBatch;
import cn.countyflow.workflow.CaseStatus;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.NotPermittedException;

/**
 * The list's whole life on the application's engine with the real delegates: proposal, approval or return through
 * TaskWork, publicity, objections, and confirmation when the timer fires (the clock is moved, the job executed).
 */
class DesignationFlowTest extends DesignationTestSupport {
    @org.springframework.beans.factory.annotation.Autowired cn.countyflow.notification.NotificationService notifications;

    /** A Friday. */
    static final LocalDate FRIDAY = LocalDate.of(2026, 11, 20);

    @Test
    void approvalOpensPublicityForFiveWorkingDaysAndTellsTheOthersAtOnce() {
        PilotBatch batch = openBatch(2);
        List<Long> ids = scoredBatch(batch, "91.00", "88.50", "80.00");
        BatchList list = ranking.propose(batch.getId(), defaultProposal(batch.getId()), user("hebei_officer"));
        assertThat(list.getStatus()).isEqualTo(BatchList.Status.PROPOSED);
        assertThat(task(list.getCaseId()).name()).isEqualTo("审定拟入选名单");

        setToday(FRIDAY);
        decide(list.getCaseId(), "hebei_approver", Map.of("decision", "APPROVE", "comment", "同意公示"));
        list = designation.list(list.getId());
        assertThat(list.getStatus()).isEqualTo(BatchList.Status.IN_PUBLICITY);
        assertThat(list.getApprovedBy()).isEqualTo("hebei_approver");
        assertThat(list.getPublicityStart()).isEqualTo(FRIDAY);
        assertThat(list.getPublicityEnd()).isEqualTo(LocalDate.of(2026, 11, 27)); // the following Friday
        assertThat(appStatus(ids.get(0))).isEqualTo(PilotApplication.Status.IN_PUBLICITY);
        assertThat(appStatus(ids.get(1))).isEqualTo(PilotApplication.Status.IN_PUBLICITY);
        // the approved list closes the batch: no county can start an application during publicity
        assertThat(batches.get(batch.getId()).getStatus()).isEqualTo(PilotBatch.Status.CLOSED);
        assertThat(batches.changes(batch.getId(), user("hebei_officer"))).singleElement()
                .satisfies(c -> assertThat(c.getAction()).isEqualTo(cn.countyflow.pilot.PilotBatchChange.Action.CLOSE_BY_LIST));
        // the county sees its application in publicity, not at the last step that had a task (专家评审打分)
        assertThat(cases.details(ids.get(0), user("xinle_drafter")).currentStage()).isEqualTo("公示中");
        // the third was not proposed: told now
        assertThat(appStatus(ids.get(2))).isEqualTo(PilotApplication.Status.NOT_SELECTED);
        assertThat(selectedSignal(ids.get(2))).isFalse();
        assertThat(selectedSignal(ids.get(0))).isNull();
        assertThat(designation.resultOf(ids.get(0), user("xinle_drafter"))).get()
                .satisfies(r -> {
                    assertThat(r.result()).isEqualTo(DesignationService.Result.IN_PUBLICITY);
                    assertThat(r.rank()).isEqualTo(1);
                });
        assertThat(designation.publicity(user("expert_sjz"))).anySatisfy(p -> {
            assertThat(p.batchId()).isEqualTo(batch.getId());
            assertThat(p.entries()).hasSize(2);
        });
        // another province's people do not see Hebei's list
        CountyFlowUser wuhan = users.find("jiangan_drafter_t").orElseGet(() -> users.create("jiangan_drafter_t",
                "江岸区经办人 测试", "demo123", "420102", java.util.Set.of(cn.countyflow.org.Role.COUNTY_DRAFTER)));
        assertThat(designation.publicity(wuhan)).noneMatch(p -> p.batchId() == batch.getId());

        endPublicity(list);
        assertThat(designation.list(list.getId()).getStatus()).isEqualTo(BatchList.Status.CONFIRMED);
        assertThat(appStatus(ids.get(0))).isEqualTo(PilotApplication.Status.SELECTED);
        assertThat(appStatus(ids.get(1))).isEqualTo(PilotApplication.Status.SELECTED);
        assertThat(selectedSignal(ids.get(0))).isTrue();
        assertThat(selectedSignal(ids.get(1))).isTrue();
        assertThat(designation.resultOf(ids.get(1), user("zhengding_drafter"))).get()
                .satisfies(r -> assertThat(r.result()).isEqualTo(DesignationService.Result.SELECTED));
        assertThat(cases.details(list.getCaseId(), user("admin")).currentStage()).isEqualTo("名单确定");
    }

    @Test
    void approverReturnsWithAReasonAndTheOfficerRevises() {
        PilotBatch batch = openBatch(1);
        List<Long> ids = scoredBatch(batch, "90.00", "85.00");
        BatchList list = ranking.propose(batch.getId(), defaultProposal(batch.getId()), user("hebei_officer"));
        assertThatThrownBy(() -> decide(list.getCaseId(), "hebei_approver", Map.of("decision", "RETURN")))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors()).containsKey("comment"));
        // the officer cannot approve
        assertThatThrownBy(() -> decide(list.getCaseId(), "hebei_officer", Map.of("decision", "APPROVE")))
                .isInstanceOf(NotPermittedException.class);
        decide(list.getCaseId(), "hebei_approver", Map.of("decision", "RETURN", "comment", "请将第二名一并列入"));
        assertThat(designation.list(list.getId()).getStatus()).isEqualTo(BatchList.Status.RETURNED);
        assertThat(task(list.getCaseId()).name()).isEqualTo("修改拟入选名单");
        assertThat(cases.details(list.getCaseId(), user("admin")).status()).isEqualTo(CaseStatus.RETURNED.name());

        // revise in the ranking: take the second as well (below N = 1: needs a reason)
        RankingService.Proposal revised = new RankingService.Proposal(List.of(
                new RankingService.Choice(ids.get(0), true, null),
                new RankingService.Choice(ids.get(1), true, "")));
        assertThatThrownBy(() -> ranking.propose(batch.getId(), revised, user("hebei_officer")))
                .isInstanceOfSatisfying(FieldErrorsException.class,
                        e -> assertThat(e.getErrors()).containsOnlyKeys("entries[1].reason"));
        ranking.propose(batch.getId(), new RankingService.Proposal(List.of(
                new RankingService.Choice(ids.get(0), true, null),
                new RankingService.Choice(ids.get(1), true, "审定意见要求一并列入"))), user("hebei_officer"));
        decide(list.getCaseId(), "hebei_officer", Map.of("comment", "已按审定意见修改"));
        assertThat(designation.list(list.getId()).getStatus()).isEqualTo(BatchList.Status.PROPOSED);

        setToday(FRIDAY);
        decide(list.getCaseId(), "hebei_approver", Map.of("decision", "APPROVE"));
        assertThat(designation.entries(list.getId())).allSatisfy(e -> assertThat(e.isIncluded()).isTrue());
        assertThat(appStatus(ids.get(1))).isEqualTo(PilotApplication.Status.IN_PUBLICITY);
        assertThat(designation.entries(list.getId()).get(1).getDeviationReason()).isEqualTo("审定意见要求一并列入");
    }

    @Test
    void anOpenObjectionAtTheEndBlocksOneEntryWhileTheOthersAreConfirmed() {
        PilotBatch batch = openBatch(3);
        List<Long> ids = scoredBatch(batch, "92.00", "89.00", "87.00");
        BatchList proposed = ranking.propose(batch.getId(), defaultProposal(batch.getId()), user("hebei_officer"));
        long entryOf2 = designation.entries(proposed.getId()).get(1).getId();
        long entryOf3 = designation.entries(proposed.getId()).get(2).getId();
        // not in publicity yet
        assertThatThrownBy(() -> objections.file(entryOf2, "该县申报数据与统计年鉴不符，请核实。", user("jinzhou_drafter")))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors()).containsKey("entry"));

        setToday(FRIDAY);
        decide(proposed.getCaseId(), "hebei_approver", Map.of("decision", "APPROVE"));
        BatchList list = designation.list(proposed.getId());

        // too short
        assertThatThrownBy(() -> objections.file(entryOf2, "不同意", user("jinzhou_drafter")))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors()).containsKey("text"));
        // a user of another province
        assertThatThrownBy(() -> objections.file(entryOf2, "该县申报数据与统计年鉴不符，请核实。", hubeiUser()))
                .isInstanceOf(NotPermittedException.class);
        Objection open = objections.file(entryOf2, "该县申报数据与统计年鉴不符，请核实。", user("jinzhou_drafter"));
        assertThat(open.getFiledBy()).isEqualTo("jinzhou_drafter");
        assertThat(cases.details(open.getCaseId(), user("admin")).countyCode())
                .isEqualTo(applications.byCase(ids.get(1)).orElseThrow().getCountyCode());
        assertThat(task(open.getCaseId()).name()).isEqualTo("答复异议");
        // the objector is shown to the province only
        assertThat(entryView(batch, user("hebei_officer"), entryOf2).objections()).singleElement()
                .satisfies(o -> assertThat(o.filedBy()).isEqualTo("jinzhou_drafter"));
        assertThat(entryView(batch, user("xinle_drafter"), entryOf2).objections()).isEmpty();
        assertThat(entryView(batch, user("xinle_drafter"), entryOf2).openObjections()).isEqualTo(1);

        // an objection against the third, upheld
        Objection upheld = objections.file(entryOf3, "该县主导产业产值重复统计，请复核。", user("xinle_drafter"));
        assertThatThrownBy(() -> decide(upheld.getCaseId(), "hebei_officer", Map.of("outcome", "UPHELD")))
                .isInstanceOf(FieldErrorsException.class);
        decide(upheld.getCaseId(), "hebei_officer", Map.of("outcome", "UPHELD", "answer", "经复核属实，撤销入选"));
        assertThat(designation.entries(list.getId()).get(2).getOutcome()).isEqualTo(BatchListEntry.Outcome.WITHDRAWN);
        // the objector is told the answer (站内信)
        assertThat(notifications.list(user("xinle_drafter"), 0, 200)).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo("OBJECTION_ANSWERED");
            assertThat(n.text()).contains("异议成立").contains("经复核属实，撤销入选");
        });

        endPublicity(list);
        List<BatchListEntry> entries = designation.entries(list.getId());
        assertThat(entries.get(0).getOutcome()).isEqualTo(BatchListEntry.Outcome.CONFIRMED);
        assertThat(entries.get(1).getOutcome()).isEqualTo(BatchListEntry.Outcome.NOT_SELECTED);
        assertThat(entries.get(1).getOutcomeNote()).isEqualTo("公示期满时异议尚未答复");
        assertThat(entries.get(2).getOutcome()).isEqualTo(BatchListEntry.Outcome.WITHDRAWN);
        assertThat(appStatus(ids.get(0))).isEqualTo(PilotApplication.Status.SELECTED);
        assertThat(appStatus(ids.get(1))).isEqualTo(PilotApplication.Status.NOT_SELECTED);
        assertThat(appStatus(ids.get(2))).isEqualTo(PilotApplication.Status.NOT_SELECTED);
        assertThat(selectedSignal(ids.get(0))).isTrue();
        assertThat(selectedSignal(ids.get(1))).isFalse();
        assertThat(selectedSignal(ids.get(2))).isFalse();
        // each county is told its result (站内信): 入选, 未入选
        String selectedTitle = cases.details(ids.get(0), user("admin")).title();
        String notSelectedTitle = cases.details(ids.get(1), user("admin")).title();
        assertThat(notifications.list(user("xinle_leader"), 0, 200)).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo("RESULT");
            assertThat(n.text()).isEqualTo("「" + selectedTitle + "」入选，确定为试点示范县");
        });
        assertThat(notifications.list(user("zhengding_drafter"), 0, 200)).anySatisfy(n ->
                assertThat(n.text()).isEqualTo("「" + notSelectedTitle + "」未入选"));
        assertThat(designation.resultOf(ids.get(1), user("zhengding_drafter"))).get().satisfies(r -> {
            assertThat(r.result()).isEqualTo(DesignationService.Result.NOT_SELECTED);
            assertThat(r.note()).isEqualTo("公示期满时异议尚未答复");
        });
        // a county cannot see another county's result
        assertThatThrownBy(() -> designation.resultOf(ids.get(1), user("xinle_drafter")))
                .isInstanceOf(NotPermittedException.class);
        // after the period: no more objections
        assertThatThrownBy(() -> objections.file(entries.get(0).getId(), "公示期满后提出的异议应不予受理。", user("jinzhou_drafter")))
                .isInstanceOf(FieldErrorsException.class);
    }

    private DesignationService.PublicityEntry entryView(PilotBatch batch, cn.countyflow.org.CountyFlowUser u, long entryId) {
        return designation.publicity(u).stream().filter(p -> p.batchId() == batch.getId()).findFirst().orElseThrow()
                .entries().stream().filter(e -> e.entryId() == entryId).findFirst().orElseThrow();
    }

    private cn.countyflow.org.CountyFlowUser hubeiUser() {
        return users.find("hubei_officer_d").orElseGet(() -> users.create("hubei_officer_d", "湖北省工信厅 测试", "demo123",
                "420000", java.util.Set.of(cn.countyflow.org.Role.PROVINCE_OFFICER))).withoutPassword();
    }
}
