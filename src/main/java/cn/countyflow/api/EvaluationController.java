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
@Tag(name = "api.evaluation.tag.name", description = "api.evaluation.tag.description")
class EvaluationController {
    private final EvaluationService evaluations;

    EvaluationController(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @GetMapping("/{caseId}/evaluations")
    @Operation(summary = "api.evaluation.evaluations")
    List<EvaluationService.Evaluation> evaluations(@PathVariable long caseId) {
        return evaluations.evaluationsOf(caseId, CurrentUser.get());
    }
}
