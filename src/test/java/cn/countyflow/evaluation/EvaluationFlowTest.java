package cn.countyflow.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import cn.countyflow.SpringTest;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.NotPermittedException;

/** targetEvaluation on the real engine, every step through TaskWork, for a subject case of its own. */
@SpringTest
class EvaluationFlowTest extends EvaluationTestSupport {

    @Test
    void ratiosAreComputedServerSideAndAClientRatioIsIgnored() {
        long caseId = subjectCase("130184");
        ProcessInstance pi = startEvaluation(caseId, "MIDTERM");
        var county = user("xinle_drafter");
        Map<String, Object> opened = work.open(taskId(pi, "Task_SelfEvaluation"), county).data();
        assertThat(opened.get("evaluationLabel")).isEqualTo("中期评估");
        // mid-term: every committed indicator for the years so far (last year and this year), targets from the core
        List<?> rows = (List<?>) opened.get("indicators");
        assertThat(rows).hasSize(4).allSatisfy(r -> assertThat(((Map<?, ?>) r).get("year")).isIn(YEAR - 1, YEAR));

        Map<String, Object> data = selfEvaluation(pi, county);
        @SuppressWarnings("unchecked") var first = (Map<String, Object>) ((List<?>) data.get("indicators")).get(0);
        first.put("actual", new BigDecimal("2.5"));
        first.put("ratio", 999);      // a ratio sent by the client
        first.put("target", 0.01);    // and a target: both ignored
        work.complete(taskId(pi, "Task_SelfEvaluation"), data, county);

        var evaluation = evaluations.evaluationsOf(caseId, county).get(0);
        assertThat(evaluation.kind()).isEqualTo("MIDTERM");
        assertThat(evaluation.status()).isEqualTo("CITY_REVIEW");
        var rd = evaluation.progress().stream().filter(p -> p.indicatorCode().equals("MFG_RD_SHARE") && p.year() == YEAR - 1)
                .findFirst().orElseThrow();
        assertThat(rd.target()).isEqualByComparingTo("2");
        assertThat(rd.actual()).isEqualByComparingTo("2.5");
        assertThat(rd.ratio()).isEqualByComparingTo("125.00");
        assertThat(evaluation.progress()).hasSize(4).allSatisfy(p -> assertThat(p.ratio()).isEqualByComparingTo("125.00"));
        // typed rows in the indicator core, source MIDTERM, source ref the evaluation id
        assertThat(indicators.actualsOf(caseId, String.valueOf(evaluation.id()))).hasSize(4);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM indicator_actual WHERE subject_case_id = ? AND source = 'MIDTERM'",
                Integer.class, caseId)).isEqualTo(4);
        assertThat(evaluation.narrative()).containsKeys("innovation", "support");
        assertThat(evaluation.revisions()).singleElement().satisfies(r -> {
            assertThat(r.submission()).isEqualTo("SELF_EVALUATION");
            assertThat(r.submittedBy()).isEqualTo("xinle_drafter");
        });
        // the city's task opens beside the ratios computed again (the case section uses the same view)
        assertThat(evaluations.besideTask(caseId).get(0).progress()).extracting(IndicatorService.Progress::ratio)
                .allSatisfy(r -> assertThat(r).isEqualByComparingTo("125.00"));
    }

    @Test
    void aSavedDraftReopensWithTheRatiosOfItsOwnValuesComputedAgain() {
        long caseId = subjectCase("130184");
        ProcessInstance pi = startEvaluation(caseId, "MIDTERM");
        var county = user("xinle_drafter");
        String task = taskId(pi, "Task_SelfEvaluation");
        Map<String, Object> data = selfEvaluation(pi, county);
        @SuppressWarnings("unchecked") var first = (Map<String, Object>) ((List<?>) data.get("indicators")).get(0);
        first.put("actual", new BigDecimal("1.8"));   // target 2
        first.put("ratio", 125);                      // the stale ratio the form held when the draft was saved
        work.saveDraft(task, data, county);
        @SuppressWarnings("unchecked") var reopened = (Map<String, Object>) ((List<?>) work.open(task, county).data()
                .get("indicators")).get(0);
        assertThat(new BigDecimal(reopened.get("actual").toString())).isEqualByComparingTo("1.8");
        assertThat(new BigDecimal(reopened.get("ratio").toString())).isEqualByComparingTo("90.00");
    }

    @Test
    void aCityReturnCarriesItsReasonAndTheReopenedFormKeepsWhatWasEntered() {
        long caseId = subjectCase("130184");
        ProcessInstance pi = startEvaluation(caseId, "MIDTERM");
        var county = user("xinle_drafter");
        var city = user("sjz_reviewer");
        work.complete(taskId(pi, "Task_SelfEvaluation"), selfEvaluation(pi, county), county);

        String cityTask = taskId(pi, "Task_CityReview");
        assertThatThrownBy(() -> work.complete(cityTask, Map.of("decision", "RETURN"), city))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors()).containsKey("comment"));
        work.complete(cityTask, Map.of("decision", "RETURN", "comment", "人才引进数据缺少佐证材料"), city);

        var reopened = work.open(taskId(pi, "Task_SelfEvaluation"), county).data();
        assertThat(reopened.get("returnReason")).isEqualTo("人才引进数据缺少佐证材料");
        assertThat((List<?>) reopened.get("indicators")).allSatisfy(r -> {
            assertThat(((Map<?, ?>) r).get("actual")).isNotNull();
            assertThat(new BigDecimal(((Map<?, ?>) r).get("ratio").toString())).isEqualByComparingTo("125.00");
        });
        assertThat(((Map<?, ?>) reopened.get("narrative")).containsKey("talent")).isTrue();
        assertThat(evaluations.evaluationsOf(caseId, county).get(0).status()).isEqualTo("RETURNED");

        work.complete(taskId(pi, "Task_SelfEvaluation"), selfEvaluation(pi, county), county);
        assertThat(evaluations.evaluationsOf(caseId, county).get(0).returnReason()).isNull();
        work.complete(taskId(pi, "Task_CityReview"), Map.of("decision", "PASS"), city);
        assertThat(taskId(pi, "Task_ProvinceArrange")).isNotNull();
        assertThat(evaluations.evaluationsOf(caseId, county).get(0).revisions()).hasSize(2);
    }

    @Test
    void requiredActualsReasonsAnswersAndDeadlinesAreFieldErrors() {
        long caseId = subjectCase("130184");
        ProcessInstance pi = startEvaluation(caseId, "MIDTERM");
        var county = user("xinle_drafter");
        var officer = user("hebei_officer");
        Map<String, Object> data = selfEvaluation(pi, county);
        @SuppressWarnings("unchecked") var second = (Map<String, Object>) ((List<?>) data.get("indicators")).get(1);
        second.remove("actual");
        String self = taskId(pi, "Task_SelfEvaluation");
        assertThatThrownBy(() -> work.complete(self, data, county)).isInstanceOfSatisfying(FieldErrorsException.class,
                e -> assertThat(e.getErrors()).containsKey("indicators[1].actual"));
        work.complete(self, selfEvaluation(pi, county), county);
        work.complete(taskId(pi, "Task_CityReview"), Map.of("decision", "PASS"), user("sjz_reviewer"));
        work.complete(taskId(pi, "Task_ProvinceArrange"), Map.of("expertScoring", "NO"), officer);

        String conclusion = taskId(pi, "Task_MidtermConclusion");
        Map<String, Object> rectify = new LinkedHashMap<>();
        rectify.put("conclusion", "RECTIFY");
        rectify.put("comment", "研发投入未达预期");
        rectify.put("corrections", List.of(Map.of("text", " ")));
        rectify.put("rectifyDeadline", LocalDate.now(EvaluationService.ZONE).minusDays(1).toString());
        assertThatThrownBy(() -> work.complete(conclusion, rectify, officer)).isInstanceOfSatisfying(FieldErrorsException.class,
                // a wholly blank row is dropped, not flagged (issue 11): no correction is left, and the deadline is
                // reported in the same round
                e -> assertThat(e.getErrors()).containsEntry("corrections", "限期整改时请至少列出一项整改要求")
                        .containsKey("rectifyDeadline"));
        rectify.put("corrections", List.of(Map.of("text", "补齐研发投入统计台账"), Map.of("text", "制定人才引进专项计划")));
        assertThatThrownBy(() -> work.complete(conclusion, rectify, officer)).isInstanceOfSatisfying(FieldErrorsException.class,
                e -> assertThat(e.getErrors()).containsEntry("rectifyDeadline", "整改期限须晚于今天"));
        rectify.put("rectifyDeadline", null);
        assertThatThrownBy(() -> work.complete(conclusion, rectify, officer)).isInstanceOfSatisfying(FieldErrorsException.class,
                e -> assertThat(e.getErrors()).containsKey("rectifyDeadline"));
        rectify.put("rectifyDeadline", LocalDate.now(EvaluationService.ZONE).plusDays(60).toString());
        work.complete(conclusion, rectify, officer);

        String report = taskId(pi, "Task_Rectification");
        Map<String, Object> opened = new LinkedHashMap<>(work.open(report, county).data());
        assertThat((List<?>) opened.get("corrections")).hasSize(2);
        opened.put("summary", "已按要求整改");
        opened.put("corrections", List.of(Map.of("seq", 1, "requirement", "补齐研发投入统计台账", "answer", "已建立台账"),
                Map.of("seq", 2, "requirement", "制定人才引进专项计划")));
        assertThatThrownBy(() -> work.complete(report, opened, county)).isInstanceOfSatisfying(FieldErrorsException.class,
                e -> assertThat(e.getErrors()).containsKey("corrections[1].answer"));
        opened.put("corrections", List.of(Map.of("seq", 1, "answer", "已建立台账")));
        assertThatThrownBy(() -> work.complete(report, opened, county)).isInstanceOfSatisfying(FieldErrorsException.class,
                e -> assertThat(e.getErrors()).containsKey("corrections"));
        opened.put("corrections", List.of(Map.of("seq", 1, "answer", "已建立台账"), Map.of("seq", 2, "answer", "已印发专项计划")));
        work.complete(report, opened, county);

        String reEvaluation = taskId(pi, "Task_ReEvaluation");
        assertThatThrownBy(() -> work.complete(reEvaluation, Map.of("decision", "TERMINATE"), officer))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors()).containsKey("comment"));
        work.complete(reEvaluation, Map.of("decision", "TERMINATE", "comment", "整改后仍未达到创建目标"), officer);

        assertThat(output(pi, "evalOutcome")).isEqualTo("TERMINATED");
        assertThat(output(pi, "evalNoticeText")).isEqualTo("整改后仍未达到创建目标");
        var e = evaluations.evaluationsOf(caseId, officer).get(0);
        assertThat(e.status()).isEqualTo("TERMINATED");
        assertThat(e.conclusion()).isEqualTo("RECTIFY");
        assertThat(e.terminationReason()).isEqualTo("整改后仍未达到创建目标");
        assertThat(e.corrections()).extracting(EvaluationService.Correction::answer).containsExactly("已建立台账", "已印发专项计划");
        assertThat(e.revisions()).extracting(EvaluationService.Revision::submission).containsExactly("SELF_EVALUATION", "RECTIFICATION");
    }

    @Test
    void finalEvaluationOfAProvinceDirectCountyDesignatesABenchmarkWithItsSummary() {
        long caseId = subjectCase("130181"); // 辛集市, province-direct: no city review
        ProcessInstance pi = startEvaluation(caseId, "FINAL");
        var county = user("xinji_drafter");
        var officer = user("hebei_officer");
        Map<String, Object> data = selfEvaluation(pi, county);
        assertThat((List<?>) data.get("indicators")).hasSize(6); // FINAL: every target
        work.complete(taskId(pi, "Task_SelfEvaluation"), data, county);
        work.complete(taskId(pi, "Task_ProvinceArrange"), Map.of("expertScoring", "NO"), officer);
        String conclusion = taskId(pi, "Task_FinalConclusion");
        assertThatThrownBy(() -> work.complete(conclusion, Map.of("conclusion", "PASSED", "comment", "目标全面完成",
                "benchmark", true), officer)).isInstanceOfSatisfying(FieldErrorsException.class,
                e -> assertThat(e.getErrors()).containsKey("benchmarkSummary"));
        work.complete(conclusion, Map.of("conclusion", "PASSED", "comment", "目标全面完成", "benchmark", true,
                "benchmarkSummary", "以数字化改造带动传统产业整体升级"), officer);
        assertThat(output(pi, "evalOutcome")).isEqualTo("PASSED");
        assertThat(output(pi, "evalBenchmark")).isEqualTo(true);
        assertThat(output(pi, "evalNoticeText")).isEqualTo("以数字化改造带动传统产业整体升级");
        var e = evaluations.evaluationsOf(caseId, county).get(0);
        assertThat(e.benchmark()).isTrue();
        assertThat(e.outcome()).isEqualTo("PASSED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM indicator_actual WHERE subject_case_id = ? AND source = 'FINAL'",
                Integer.class, caseId)).isEqualTo(6);
    }

    @Test
    void aCountyReadsOnlyItsOwnEvaluationsAndACityOnlyItsCounties() {
        long xinle = subjectCase("130184");
        ProcessInstance pi = startEvaluation(xinle, "MIDTERM");
        work.complete(taskId(pi, "Task_SelfEvaluation"), selfEvaluation(pi, user("xinle_drafter")), user("xinle_drafter"));
        assertThat(evaluations.evaluationsOf(xinle, user("xinle_drafter"))).hasSize(1);
        assertThat(evaluations.evaluationsOf(xinle, user("sjz_reviewer"))).hasSize(1);
        assertThat(evaluations.evaluationsOf(xinle, user("hebei_officer"))).hasSize(1);
        String denials = "SELECT COUNT(*) FROM audit_event WHERE outcome = 'DENIED' AND action = 'CASE_READ' AND target = ?";
        long denied = jdbc.queryForObject(denials, Long.class, "case:" + xinle);
        assertThatThrownBy(() -> evaluations.evaluationsOf(xinle, user("zhengding_drafter")))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> evaluations.evaluationsOf(xinle, user("baoding_reviewer")))
                .isInstanceOf(NotPermittedException.class);
        assertThat(jdbc.queryForObject(denials, Long.class, "case:" + xinle)).isEqualTo(denied + 2);
    }
}
