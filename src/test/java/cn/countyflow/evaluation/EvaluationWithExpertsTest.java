package cn.countyflow.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.countyflow.review.ScoreRules;

/**
 * A mid-term with an expert scoring on the real engine: the province chooses experts, {@code targetEvaluation} calls the
 * real {@code expertReview} with the mid-term sheet (forms/evaluation/midterm-score-sheet.form and decision
 * {@code midtermScoreItems}), the experts score it, the aggregate comes back and the province concludes with it.
 */
@cn.countyflow.SpringTest
class EvaluationWithExpertsTest extends EvaluationTestSupport {
    @Autowired ScoreRules rules;
    @Autowired org.camunda.bpm.engine.ManagementService management;

    private List<Task> scoringTasks(long caseId) {
        return taskService.createTaskQuery().processDefinitionKey("expertReview")
                .processInstanceBusinessKey(String.valueOf(caseId)).taskDefinitionKey("Task_ExpertScoring").list();
    }

    @Test
    void theMidtermSheetIsScoredByADrawnPanelAndItsAggregateReachesTheConclusion() {
        long caseId = subjectCase("130184");
        ProcessInstance pi = startEvaluation(caseId, "MIDTERM");
        runtime.setVariable(pi.getId(), "evalPanelSize", 3);
        var county = user("xinle_drafter");
        var officer = user("hebei_officer");
        work.complete(taskId(pi, "Task_SelfEvaluation"), selfEvaluation(pi, county), county);
        work.complete(taskId(pi, "Task_CityReview"), Map.of("decision", "PASS"), user("sjz_reviewer"));
        work.complete(taskId(pi, "Task_ProvinceArrange"), Map.of("expertScoring", "YES"), officer);

        List<Task> seats = scoringTasks(caseId);
        assertThat(seats).hasSize(3);
        assertThat(seats).allSatisfy(t -> assertThat(work.open(t.getId(), t.getAssignee() != null
                ? user(t.getAssignee()) : officer).formFile()).isEqualTo("evaluation/midterm-score-sheet.form"));

        // every expert gives each item of the mid-term sheet its maximum but the last, 5 points short
        List<ScoreRules.Item> items = rules.items("midtermScoreItems");
        for (Task seat : seats) {
            Map<String, Object> scores = new LinkedHashMap<>();
            for (int i = 0; i < items.size(); i++) {
                BigDecimal max = items.get(i).max();
                scores.put(items.get(i).key(), i == items.size() - 1 ? max.subtract(BigDecimal.valueOf(5)) : max);
            }
            Map<String, Object> sheet = new LinkedHashMap<>();
            sheet.put("conflictDeclaration", "NONE");
            sheet.put("scores", scores);
            sheet.put("comment", "创建目标推进有力，人才引进仍需加强。");
            work.complete(seat.getId(), sheet, seat.getAssignee() != null ? user(seat.getAssignee()) : officer);
            // the seat's end (the aggregate after the last) is an asynchronous continuation, run as the executor would
            cn.countyflow.AsyncJobs.run(management, seat.getProcessInstanceId());
        }
        assertThat(scoringTasks(caseId)).isEmpty();

        String conclusion = taskId(pi, "Task_MidtermConclusion");
        work.complete(conclusion, Map.of("conclusion", "PASSED", "comment", "专家评审通过"), officer);

        assertThat(output(pi, "evalOutcome")).isEqualTo("PASSED");
        EvaluationService.Evaluation e = evaluations.evaluationsOf(caseId, officer).get(0);
        assertThat(e.expertScoring()).isTrue();
        assertThat(e.expertCount()).isEqualTo(3);
        assertThat(e.expertScore()).isEqualByComparingTo("95.00");
        assertThat(e.outcome()).isEqualTo("PASSED");
    }

}
