package cn.countyflow.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.countyflow.SpringTest;
import cn.countyflow.calendar.EngineClock;
import cn.countyflow.workflow.FieldErrorsException;

/**
 * The rectification deadline on the real engine: the timer (clock moved, job executed — never slept on) gives the
 * officer a task; one extension to a later date, a second miss offers only termination, whose reason is required.
 */
@SpringTest
class EvaluationDeadlineTest extends EvaluationTestSupport {
    @Autowired ManagementService management;

    @AfterEach
    void resetClock() {
        EngineClock.reset();
    }

    private void missDeadline(ProcessInstance pi, LocalDate deadline) {
        EngineClock.moveTo(Date.from(deadline.plusDays(1).atStartOfDay(EvaluationService.ZONE).toInstant()));
        var job = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(job.getDuedate()).isEqualTo(Date.from(deadline.atTime(23, 59, 59).atZone(EvaluationService.ZONE).toInstant()));
        management.executeJob(job.getId());
    }

    @Test
    void aMissedDeadlineIsExtendedOnceThenOnlyTerminationRemains() {
        long caseId = subjectCase("130184");
        ProcessInstance pi = startEvaluation(caseId, "MIDTERM");
        var county = user("xinle_drafter");
        var officer = user("hebei_officer");
        work.complete(taskId(pi, "Task_SelfEvaluation"), selfEvaluation(pi, county), county);
        work.complete(taskId(pi, "Task_CityReview"), Map.of("decision", "PASS"), user("sjz_reviewer"));
        work.complete(taskId(pi, "Task_ProvinceArrange"), Map.of("expertScoring", "NO"), officer);
        LocalDate today = LocalDate.now(EvaluationService.ZONE);
        LocalDate deadline = today.plusDays(30);
        work.complete(taskId(pi, "Task_MidtermConclusion"), Map.of("conclusion", "RECTIFY", "comment", "研发投入不足",
                "corrections", List.of(Map.of("text", "补齐研发投入统计台账")), "rectifyDeadline", deadline.toString()), officer);
        assertThat(task(pi).getDueDate()).isEqualTo(Date.from(deadline.atTime(23, 59, 59).atZone(EvaluationService.ZONE).toInstant()));

        missDeadline(pi, deadline);
        String missed = taskId(pi, "Task_DeadlineMissed");
        assertThat(work.open(missed, officer).data()).containsEntry("deadlineText", deadline.toString())
                .doesNotContainKey("extensionNote");
        assertThat(evaluations.evaluationsOf(caseId, officer).get(0).status()).isEqualTo("DEADLINE_MISSED");
        assertThatThrownBy(() -> work.complete(missed, Map.of("decision", "EXTEND", "newDeadline", deadline.toString()), officer))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors()).containsKey("newDeadline"));
        LocalDate extended = deadline.plusDays(30);
        work.complete(missed, Map.of("decision", "EXTEND", "newDeadline", extended.toString()), officer);
        assertThat(evaluations.evaluationsOf(caseId, officer).get(0).extendedDeadline()).isNotNull();

        // the county's report opens again with the new deadline; the province misses it a second time
        assertThat(work.open(taskId(pi, "Task_Rectification"), county).data()).containsEntry("deadlineText", extended.toString());
        missDeadline(pi, extended);
        String second = taskId(pi, "Task_DeadlineMissed");
        assertThat(work.open(second, officer).data()).containsKey("extensionNote");
        assertThatThrownBy(() -> work.complete(second, Map.of("decision", "EXTEND",
                "newDeadline", extended.plusDays(60).toString()), officer))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors()).containsKey("decision"));
        assertThatThrownBy(() -> work.complete(second, Map.of("decision", "TERMINATE"), officer))
                .isInstanceOfSatisfying(FieldErrorsException.class, e -> assertThat(e.getErrors()).containsKey("comment"));
        work.complete(second, Map.of("decision", "TERMINATE", "comment", "延期后仍未提交整改报告"), officer);

        assertThat(output(pi, "evalOutcome")).isEqualTo("TERMINATED");
        assertThat(output(pi, "evalNoticeText")).isEqualTo("延期后仍未提交整改报告");
        var e = evaluations.evaluationsOf(caseId, county).get(0);
        assertThat(e.status()).isEqualTo("TERMINATED");
        assertThat(e.terminationReason()).isEqualTo("延期后仍未提交整改报告");
    }

    @Test
    void aReportFiledBeforeTheDeadlineGoesToReEvaluationAndPasses() {
        long caseId = subjectCase("130123"); // 正定县
        ProcessInstance pi = startEvaluation(caseId, "MIDTERM");
        var county = user("zhengding_drafter");
        var officer = user("hebei_officer");
        work.complete(taskId(pi, "Task_SelfEvaluation"), selfEvaluation(pi, county), county);
        work.complete(taskId(pi, "Task_CityReview"), Map.of("decision", "PASS"), user("sjz_reviewer"));
        work.complete(taskId(pi, "Task_ProvinceArrange"), Map.of("expertScoring", "NO"), officer);
        work.complete(taskId(pi, "Task_MidtermConclusion"), Map.of("conclusion", "RECTIFY", "comment", "人才指标偏低",
                "corrections", List.of(Map.of("text", "制定人才引进专项计划")),
                "rectifyDeadline", LocalDate.now(EvaluationService.ZONE).plusDays(20).toString()), officer);
        String report = taskId(pi, "Task_Rectification");
        Map<String, Object> data = new LinkedHashMap<>(work.open(report, county).data());
        data.put("corrections", List.of(Map.of("seq", 1, "answer", "已印发专项计划并引进 120 人")));
        data.put("summary", "整改完成");
        EngineClock.advance(Duration.ofDays(5));
        work.complete(report, data, county);
        work.complete(taskId(pi, "Task_ReEvaluation"), Map.of("decision", "PASS", "comment", "整改到位"), officer);
        assertThat(output(pi, "evalOutcome")).isEqualTo("PASSED");
        var e = evaluations.evaluationsOf(caseId, officer).get(0);
        assertThat(e.status()).isEqualTo("PASSED");
        assertThat(e.corrections()).singleElement().satisfies(c -> {
            assertThat(c.answer()).isEqualTo("已印发专项计划并引进 120 人");
            assertThat(c.answeredBy()).isEqualTo("zhengding_drafter");
        });
    }
}
