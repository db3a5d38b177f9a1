package cn.countyflow.pilot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.NotPermittedException;

/** Who may do what, and the business validations: refusals and field errors change nothing. */
@cn.countyflow.SpringTest
class PilotRulesTest extends PilotTestSupport {

    // ---------------------------------------------------------------- batches

    @Test
    void onlyTheProvincesOfficerOpensABatchAndTheFormIsChecked() {
        assertThatThrownBy(() -> openBatch(user("xinle_drafter"))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> openBatch(user("sjz_reviewer"))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> batches.open(new PilotBatchService.BatchForm("x", 2026, "420000",
                LocalDate.now().plusDays(3), 1, 5), user("hebei_officer"))).isInstanceOf(NotPermittedException.class);

        assertThatThrownBy(() -> batches.open(new PilotBatchService.BatchForm(" ", null, null,
                LocalDate.now(PilotBatchService.ZONE).minusDays(1), 0, 2), user("hebei_officer")))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors())
                        .containsOnlyKeys("name", "deadline", "expectedPilots", "panelSize")
                        .containsEntry("name", "请填写批次名称")
                        .containsEntry("deadline", "申报截止日期不能早于今天")
                        .containsEntry("panelSize", "评审专家人数应在3至15人之间"));
        assertThatThrownBy(() -> batches.open(new PilotBatchService.BatchForm("2019年试点", 2018, null,
                LocalDate.now().plusDays(3), 1, 16), user("hebei_officer")))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors()).containsOnlyKeys("panelSize"));
    }

    @Test
    void countiesSeeTheirProvincesOpenBatchesOnly() {
        PilotBatch hebei = openBatch();
        PilotBatch hubei = openBatch(hubeiOfficer());
        assertThat(batches.openBatchesFor(user("xinle_drafter"))).extracting(PilotBatch::getId)
                .contains(hebei.getId()).doesNotContain(hubei.getId());
        batches.close(hebei.getId(), "申报工作提前结束", user("hebei_officer"));
        assertThat(batches.openBatchesFor(user("xinle_drafter"))).extracting(PilotBatch::getId).doesNotContain(hebei.getId());
        assertThatThrownBy(() -> applications.start(hebei.getId(), user("xinle_drafter")))
                .isInstanceOfSatisfying(FieldErrorsException.class,
                        e -> assertThat(e.getErrors().get("batch")).contains("已截止或已关闭"));
    }

    @Test
    void theProvinceChangesExtendsAndClosesAnOpenBatchOnlyWithAReasonAndEachChangeIsKept() {
        PilotBatch b = openBatch();
        LocalDate later = b.getDeadline().plusDays(10);
        // no reason, or one made of spaces and invisible characters, is no reason; nothing changes
        for (String none : new String[] {null, "  ", "\u200b\u3000\u00a0\u200b"}) {
            assertThatThrownBy(() -> batches.change(b.getId(), new PilotBatchService.ChangeForm(null, later, null, none),
                    user("hebei_officer"))).isInstanceOfSatisfying(FieldErrorsException.class,
                    e -> assertThat(e.getErrors()).containsEntry("reason", "请填写变更原因"));
        }
        assertThat(batches.get(b.getId()).getDeadline()).isEqualTo(b.getDeadline());
        // a county, a city, another province cannot
        for (String who : new String[] {"xinle_drafter", "sjz_reviewer", "hebei_approver"}) {
            assertThatThrownBy(() -> batches.change(b.getId(), new PilotBatchService.ChangeForm(null, later, null, "延期"),
                    user(who))).as(who).isInstanceOf(NotPermittedException.class);
        }
        assertThatThrownBy(() -> batches.close(b.getId(), "提前结束", hubeiOfficer())).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> batches.changes(b.getId(), user("xinle_drafter"))).isInstanceOf(NotPermittedException.class);

        // the extension and a new expected number, with the reason, kept as a change row
        batches.change(b.getId(), new PilotBatchService.ChangeForm(null, later, 12, "部分县申报材料需补充，延期十天"),
                user("hebei_officer"));
        PilotBatch changed = batches.get(b.getId());
        assertThat(changed.getDeadline()).isEqualTo(later);
        assertThat(changed.getExpectedPilots()).isEqualTo(12);
        assertThat(batches.changes(b.getId(), user("hebei_approver"))).singleElement().satisfies(c -> {
            assertThat(c.getAction()).isEqualTo(PilotBatchChange.Action.EDIT);
            assertThat(c.getReason()).isEqualTo("部分县申报材料需补充，延期十天");
            assertThat(c.getDetail()).contains(b.getDeadline() + " → " + later, "10 → 12");
            assertThat(c.getChangedBy()).isEqualTo("hebei_officer");
        });
        // closing: counties no longer see or start it; a closed batch does not change any more (409)
        batches.close(b.getId(), "申报数量已满足需要", user("hebei_officer"));
        assertThat(batches.openBatchesFor(user("xinle_drafter"))).extracting(PilotBatch::getId).doesNotContain(b.getId());
        assertThatThrownBy(() -> applications.start(b.getId(), user("xinle_drafter"))).isInstanceOf(FieldErrorsException.class);
        assertThatThrownBy(() -> batches.change(b.getId(), new PilotBatchService.ChangeForm(null, later.plusDays(1), null,
                "再次延期"), user("hebei_officer"))).isInstanceOf(cn.countyflow.workflow.TaskStateException.class)
                .hasMessageContaining("已关闭");
        assertThat(batches.changes(b.getId(), user("hebei_officer"))).extracting(PilotBatchChange::getAction)
                .containsExactly(PilotBatchChange.Action.CLOSE, PilotBatchChange.Action.EDIT);
    }

    // ---------------------------------------------------------------- starting

    @Test
    void onlyACountyDrafterOfTheProvinceStartsAndOnlyOnce() {
        PilotBatch hubei = openBatch(hubeiOfficer());
        assertThatThrownBy(() -> applications.start(hubei.getId(), user("xinle_drafter")))
                .isInstanceOf(NotPermittedException.class).hasMessageContaining("不属于您所在的省份");
        PilotBatch batch = openBatch();
        assertThatThrownBy(() -> applications.start(batch.getId(), user("xinle_leader")))
                .isInstanceOf(NotPermittedException.class).hasMessageContaining("县级经办人");
        assertThatThrownBy(() -> applications.start(batch.getId(), user("hebei_officer")))
                .isInstanceOf(NotPermittedException.class);

        long first = applications.start(batch.getId(), user("xinle_drafter")).caseId();
        assertThatThrownBy(() -> applications.start(batch.getId(), user("xinle_drafter")))
                .isInstanceOfSatisfying(FieldErrorsException.class,
                        e -> assertThat(e.getErrors().get("batch")).contains("新乐市在本批次已有一份正在办理的申报"));
        // another county of the same city may apply to the same batch
        assertThat(applications.start(batch.getId(), user("xinji_drafter")).caseId()).isNotEqualTo(first);
    }

    @Test
    void aNotRecommendedCountyMayApplyAgainInTheSameBatch() {
        long caseId = xinleSubmitted();
        long batchId = applications.find(caseId, user("xinle_drafter")).orElseThrow().getBatchId();
        decide(caseId, "xinle_leader", "APPROVE", null);
        decide(caseId, "sjz_reviewer", "REJECT", "不符合条件");
        assertThat(applications.start(batchId, user("xinle_drafter")).caseId()).isNotEqualTo(caseId);
    }

    // ---------------------------------------------------------------- tasks and cases

    @Test
    void othersCannotOpenTheDraftOrSeeTheCase() {
        long caseId = applications.start(openBatch().getId(), user("xinle_drafter")).caseId();
        String draft = task(caseId).taskId();
        assertThatThrownBy(() -> work.open(draft, user("xinji_drafter"))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> work.open(draft, user("xinle_leader"))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> work.complete(draft, validDraft(), user("xinle_leader")))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> cases.get(caseId, user("baoding_reviewer"))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> applications.revisions(caseId, user("baoding_reviewer")))
                .isInstanceOf(NotPermittedException.class);
        assertThat(applications.revisions(caseId, user("sjz_reviewer"))).isEmpty();
        assertThat(task(caseId).taskId()).isEqualTo(draft);
    }

    // ---------------------------------------------------------------- business rules of the draft

    @Test
    void sectorSharesMustAddUpTo100AndNothingIsStored() {
        expectDraftErrors(d -> PilotDrafts.at(d, "overall").put("tertiaryShare", 38.2),
                "overall.tertiaryShare", "一、二、三产业比重之和应为100%（现为99%）");
    }

    @Test
    void sharesWithinToleranceAreAccepted() {
        long caseId = applications.start(openBatch().getId(), user("xinle_drafter")).caseId();
        Map<String, Object> d = validDraft();
        PilotDrafts.at(d, "overall").put("tertiaryShare", 39.21); // shares add up to 100.01: within ±0.01
        complete(caseId, d, "xinle_drafter");
        assertThat(applications.revisions(caseId, user("xinle_drafter"))).hasSize(1);
    }

    @Test
    void exportsAndImportsMustFitTheTradeTotal() {
        expectDraftErrors(d -> PilotDrafts.at(d, "overall").put("imports", 16_001), "overall.tradeTotal", null);
    }

    @Test
    void outputSharesOfLeadingIndustries() {
        expectDraftErrors(d -> PilotDrafts.item(d, "leadingIndustries", 0).put("outputShare", 101),
                "leadingIndustries[0].outputShare", "不能大于 100"); // the form's own range check answers first
        expectDraftErrors(d -> PilotDrafts.item(d, "leadingIndustries", 1).put("outputShare", 55),
                "leadingIndustries[2].outputShare", "各主导产业工业总产值占比之和不能超过100%（现为105%）");
    }

    @Test
    void noNegativeMoney() {
        expectDraftErrors(d -> PilotDrafts.item(PilotDrafts.item(d, "leadingIndustries", 2), "enterprises", 0)
                .put("sales", -1), "leadingIndustries[2].enterprises[0].sales", "不能小于 0");
        expectDraftErrors(d -> PilotDrafts.at(d, "innovation").put("rdInvestment", -0.5), "innovation.rdInvestment", null);
    }

    @Test
    void fillDateNotInTheFuture() {
        expectDraftErrors(d -> d.put("fillDate", LocalDate.now(PilotBatchService.ZONE).plusDays(1).toString()),
                "fillDate", "填报日期不能晚于今天");
    }

    @Test
    void aReturnNeedsAReasonAndNothingChanges() {
        long caseId = xinleSubmitted();
        String signOff = task(caseId).taskId();
        int decisions = cases.decisions(caseId).size();
        assertThatThrownBy(() -> decide(caseId, "xinle_leader", "RETURN", "  "))
                .isInstanceOfSatisfying(FieldErrorsException.class,
                        e -> assertThat(e.getErrors()).containsExactly(Map.entry("comment", "退回时必须填写理由")));
        assertThatThrownBy(() -> decide(caseId, "xinle_leader", "MAYBE", null))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors()).containsOnlyKeys("decision"));
        assertThat(task(caseId).taskId()).isEqualTo(signOff);
        assertThat(cases.decisions(caseId)).hasSize(decisions);

        decide(caseId, "xinle_leader", "APPROVE", null);
        assertThatThrownBy(() -> decide(caseId, "sjz_reviewer", "REJECT", null))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors()).containsOnlyKeys("comment"));
        assertThatThrownBy(() -> decide(caseId, "sjz_reviewer", "RETURN", ""))
                .isInstanceOf(FieldErrorsException.class);
        assertThat(task(caseId).name()).isEqualTo("市级初审筛选");
    }

    private void expectDraftErrors(Consumer<Map<String, Object>> breakIt, String field, String message) {
        long caseId = applications.start(openBatch().getId(), user("xinle_drafter")).caseId();
        String draft = task(caseId).taskId();
        Map<String, Object> d = validDraft();
        breakIt.accept(d);
        assertThatThrownBy(() -> work.complete(draft, d, user("xinle_drafter")))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> {
                    assertThat(e.getErrors()).containsKey(field);
                    if (message != null) assertThat(e.getErrors().get(field)).isEqualTo(message);
                });
        assertThat(applications.revisions(caseId, user("xinle_drafter"))).isEmpty();
        assertThat(task(caseId).taskId()).isEqualTo(draft);
        assertThat(cases.decisions(caseId)).isEmpty();
    }
}
