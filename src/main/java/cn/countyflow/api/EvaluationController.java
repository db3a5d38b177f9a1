package cn.countyflow.api;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.countyflow.evaluation.EvaluationService;
import cn.countyflow.org.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/cases")
@Tag(name = "考核评估 Evaluations", description = "中期评估、整改和终期绩效评价（按案件可见范围）")
class EvaluationController {
    private final EvaluationService evaluations;

    EvaluationController(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @GetMapping("/{caseId}/evaluations")
    @Operation(summary = "案件的考核评估：指标目标、实际值和完成率，整改要求及答复，结论和每次提交；无权查看 403")
    List<EvaluationService.Evaluation> evaluations(@PathVariable long caseId) {
        return evaluations.evaluationsOf(caseId, CurrentUser.get());
    }
}
