package cn.countyflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import cn.countyflow.SpringTest;
import cn.countyflow.evaluation.IndicatorService;
import cn.countyflow.org.Role;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.NotPermittedException;

/**
 * periodicReport on the real engine through TaskWork, as the views and /api drive it: the county's form with the
 * year's targets beside the values, return with a reason and revision, acceptance recording actuals (source REPORT),
 * a late report with the saved draft carried into 逾期补报, and every refusal of the reads.
 */
@SpringTest
class ReportFlowTest extends ReportTestSupport {
    static final String SJZ = Role.CITY_REVIEWER.groupOf("130100");
    @Autowired HistoryService history;

    @Test
    @SuppressWarnings("unchecked")
    void onTimeReportReturnedRevisedAndAcceptedRecordsActuals() {
        long caseId = subjectCase("130184", "130100");
        ProcessInstance pi = startReport(caseId, "130184", SJZ, "2020-H1", inDays(20));
        long reportId = reportId(pi);
        Task draft = task(pi);
        assertThat(draft.getTaskDefinitionKey()).isEqualTo("Task_DraftReport");
        assertThat(draft.getDueDate()).isNotNull();

        var drafter = user("xinle_drafter");
        Map<String, Object> opened = work.open(draft.getId(), drafter).data();
        assertThat(opened).containsEntry("periodLabel", "2020年上半年").doesNotContainKey("returnReason");
        List<Map<String, Object>> rows = (List<Map<String, Object>>) opened.get("indicators");
        assertThat(rows).hasSize(6);
        assertThat(rows.get(0)).containsEntry("indicator", "MFG_RD_SHARE").containsEntry("unit", "%");
        assertThat(new BigDecimal(rows.get(0).get("target").toString())).isEqualByComparingTo("10");

        // required narrative fields are checked by the form file
        assertThatThrownBy(() -> work.complete(draft.getId(), Map.of("indicators", rows), drafter))
                .isInstanceOf(FieldErrorsException.class);
        work.complete(draft.getId(), filled(opened, "完成技改项目 12 个。", 5), drafter);

        Task review = task(pi);
        assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewReport");
        assertThat(taskService.getIdentityLinksForTask(review.getId())).anyMatch(l -> SJZ.equals(l.getGroupId()));
        assertThat(review.getDueDate()).isNotNull();
        var reviewer = user("sjz_reviewer");
        assertThat(work.open(review.getId(), reviewer).data()).containsEntry("periodLabel", "2020年上半年");
        assertThatThrownBy(() -> work.complete(review.getId(), Map.of("decision", "RETURN"), reviewer))
                .isInstanceOf(FieldErrorsException.class)
                .satisfies(e -> assertThat(((FieldErrorsException) e).getErrors()).containsKey("comment"));
        work.complete(review.getId(), Map.of("decision", "RETURN", "comment", "请补充能耗数据来源。"), reviewer);
        assertThat(reports.report(reportId, reviewer).report().status()).isEqualTo(ReportService.Status.RETURNED);

        Task revise = task(pi);
        assertThat(revise.getTaskDefinitionKey()).isEqualTo("Task_ReviseReport");
        Map<String, Object> reopened = work.open(revise.getId(), drafter).data();
        assertThat(reopened).containsEntry("returnReason", "请补充能耗数据来源。")
                .containsEntry("workDone", "完成技改项目 12 个。");
        assertThat(new BigDecimal(((List<Map<String, Object>>) reopened.get("indicators")).get(1).get("value").toString()))
                .isEqualByComparingTo("6");
        work.complete(revise.getId(), filled(reopened, "完成技改项目 12 个；能耗数据来自市统计局。", 7), drafter);
        work.complete(task(pi).getId(), Map.of("decision", "ACCEPT"), reviewer);

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName("reportAccepted").singleResult().getValue()).isEqualTo(true);
        ReportService.ReportDetails d = reports.report(reportId, drafter);
        assertThat(d.report().status()).isEqualTo(ReportService.Status.ACCEPTED);
        assertThat(d.report().late()).isFalse();
        assertThat(d.report().acceptedAt()).isNotNull();
        assertThat(d.report().countyCode()).isEqualTo("130184");
        assertThat(d.report().cityCode()).isEqualTo("130100");
        assertThat(d.revisions()).hasSize(2);
        assertThat(d.revisions().get(0).reviewDecision()).isEqualTo("RETURN");
        assertThat(d.revisions().get(0).values()).hasSize(6);
        assertThat(d.revisions().get(0).values().get(0).value()).isEqualByComparingTo("5");
        assertThat(d.revisions().get(1).values().get(0).value()).isEqualByComparingTo("7");
        assertThat(d.revisions().get(1).values().get(0).target()).isEqualByComparingTo("10");
        assertThat(d.revisions().get(1).reviewDecision()).isEqualTo("ACCEPT");

        List<IndicatorService.Actual> actuals = indicators.actualsOf(caseId, String.valueOf(reportId));
        assertThat(actuals).hasSize(6).allMatch(a -> a.year() == 2020);
        assertThat(indicators.progress(caseId)).filteredOn(p -> p.year() == 2020 && p.indicatorCode().equals("MFG_RD_SHARE"))
                .singleElement().satisfies(p -> {
                    assertThat(p.actual()).isEqualByComparingTo("7");
                    assertThat(p.ratio()).isEqualByComparingTo("70.00");
                });
        assertThat(reports.reportsOf(caseId, user("hebei_officer"))).hasSize(1);
    }

    @Test
    void lateReportIsFlaggedAndTheSavedDraftCarriesIntoTheReminderTask() {
        long caseId = subjectCase("130123", "130100");
        ProcessInstance pi = startReport(caseId, "130123", SJZ, "2020-Q1", inDays(-1));
        long reportId = reportId(pi);
        var drafter = user("zhengding_drafter");
        Task draft = task(pi);
        Map<String, Object> opened = work.open(draft.getId(), drafter).data();
        work.saveDraft(draft.getId(), filled(opened, "暂存：已完成一半。", 3), drafter);

        // the due date has passed: the timer marks the report late and opens 逾期补报
        var job = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        management.executeJob(job.getId());
        Task late = task(pi);
        assertThat(late.getTaskDefinitionKey()).isEqualTo("Task_LateReport");
        assertThat(late.getName()).isEqualTo("逾期补报");
        assertThat(late.getDueDate()).isAfter(new java.util.Date());
        var reopened = work.open(late.getId(), drafter);
        assertThat(reopened.draftSavedAt()).isNotNull();
        assertThat(reopened.data()).containsEntry("workDone", "暂存：已完成一半。");
        assertThat((String) reopened.data().get("lateNotice")).contains("已逾期");

        var r = reports.report(reportId, drafter).report();
        assertThat(r.late()).isTrue();
        assertThat(r.lateMarkedAt()).isNotNull();
        assertThat(reports.lateReports(user("sjz_reviewer"), PageRequest.of(0, 200)).getContent())
                .extracting(ReportService.ReportSummary::id).contains(reportId);
        assertThat(reports.lateReports(user("hebei_officer"), "130123", PageRequest.of(0, 200)).getContent())
                .extracting(ReportService.ReportSummary::id).contains(reportId);
        assertThat(reports.lateReports(user("baoding_reviewer"), PageRequest.of(0, 200)).getContent())
                .extracting(ReportService.ReportSummary::id).doesNotContain(reportId);
        assertThat(reports.lateCounts(user("hebei_officer"))).anySatisfy(c -> {
            assertThat(c.countyCode()).isEqualTo("130123");
            assertThat(c.cityName()).isEqualTo("石家庄市");
            assertThat(c.outstanding()).isGreaterThanOrEqualTo(1);
        });
        assertThat(reports.lateCounts(user("baoding_reviewer"))).noneMatch(c -> "130123".equals(c.countyCode()));

        work.complete(late.getId(), reopened.data(), drafter);
        assertThat(reports.report(reportId, drafter).revisions().get(0).afterDue()).isTrue();
        work.complete(task(pi).getId(), Map.of("decision", "ACCEPT", "comment", "同意。"), user("sjz_reviewer"));
        assertThat(reports.report(reportId, drafter).report().status()).isEqualTo(ReportService.Status.ACCEPTED);
        assertThat(reports.lateCounts(user("sjz_reviewer"))).filteredOn(c -> "130123".equals(c.countyCode()))
                .singleElement().satisfies(c -> {
                    assertThat(c.late()).isEqualTo(1);
                    assertThat(c.outstanding()).isZero();
                });
    }

    @Test
    void provinceDirectCountyIsReviewedByTheProvinceOfficer() {
        long caseId = subjectCase("130181", null);
        ProcessInstance pi = startReport(caseId, "130181", Role.PROVINCE_OFFICER.groupOf("130000"), "2020-Y", inDays(5));
        var drafter = user("xinji_drafter");
        Task draft = task(pi);
        work.complete(draft.getId(), filled(work.open(draft.getId(), drafter).data(), "全年工作总结。", 9), drafter);
        assertThatThrownBy(() -> work.open(task(pi).getId(), user("sjz_reviewer"))).isInstanceOf(NotPermittedException.class);
        work.complete(task(pi).getId(), Map.of("decision", "ACCEPT"), user("hebei_officer"));
        assertThat(reports.reportsOf(caseId, drafter)).singleElement()
                .satisfies(d -> assertThat(d.report().status()).isEqualTo(ReportService.Status.ACCEPTED));
    }

    @Test
    void readsAreScopedAndRefusalsAudited() {
        long caseId = subjectCase("130184", "130100");
        ProcessInstance pi = startReport(caseId, "130184", SJZ, "2021-H1", inDays(20));
        long reportId = reportId(pi);
        // a county reads only its own; a city only its counties'
        assertThat(reports.reportsOf(caseId, user("xinle_drafter"))).hasSize(1);
        assertThat(reports.reportsOf(caseId, user("sjz_reviewer"))).hasSize(1);
        assertThatThrownBy(() -> reports.reportsOf(caseId, user("zhengding_drafter"))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> reports.report(reportId, user("zhengding_drafter"))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> reports.reportsOf(caseId, user("baoding_reviewer"))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> reports.report(reportId, user("baoding_reviewer"))).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> reports.report(reportId, user("expert_sjz"))).isInstanceOf(NotPermittedException.class);
        // the late lists: counties and experts are refused
        assertThatThrownBy(() -> reports.lateReports(user("xinle_drafter"), PageRequest.of(0, 10)))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> reports.lateCounts(user("expert_sjz"))).isInstanceOf(NotPermittedException.class);
        Integer denied = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE username = 'expert_sjz' "
                + "AND action = 'REPORT_LATE_LIST' AND outcome = 'DENIED'", Integer.class);
        assertThat(denied).isPositive();
    }
}
