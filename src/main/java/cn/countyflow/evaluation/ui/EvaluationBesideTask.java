package cn.countyflow.evaluation.ui;

import java.util.List;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.countyflow.evaluation.EvaluationService;
import cn.countyflow.inbox.TaskSection;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.workflow.TaskDetails;

/**
 * Beside every evaluation task that judges the county's submission (city review, the province's steps, the experts'
 * mid-term score sheet in expertReview): the self-evaluation read-only, with the ratios computed again, and the
 * corrections with their answers. The county's own forms (self-evaluation, rectification) show their data already.
 * TaskView has checked through TaskWork that the user may act on the task.
 */
@Component
@Order(30)
class EvaluationBesideTask implements TaskSection {
    static final String FORMS = "evaluation/";
    static final List<String> COUNTY_FORMS = List.of("evaluation/self-evaluation.form", "evaluation/rectification.form");

    private final EvaluationService evaluations;

    EvaluationBesideTask(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(TaskDetails details, CountyFlowUser user) {
        String formKey = details.formKey();
        Long caseId = details.task().caseId();
        if (formKey == null || caseId == null || !formKey.startsWith(FORMS) || COUNTY_FORMS.contains(formKey)) {
            return Optional.empty();
        }
        List<EvaluationService.Evaluation> list = evaluations.besideTask(caseId);
        if (list.isEmpty()) return Optional.empty();
        return Optional.of(new EvaluationPanel("evaluation-beside-task", list));
    }
}
