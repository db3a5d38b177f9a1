package cn.countyflow.evaluation.ui;

import java.util.List;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import cn.countyflow.evaluation.EvaluationService;
import cn.countyflow.inbox.TaskSection;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.workflow.TaskDetails;

/**
 * Beside every evaluation task that judges the county's submission (city review, the province's steps, the experts'
 * mid-term score sheet in expertReview): the self-evaluation read-only, with the ratios computed again, and the
 * corrections with their answers. Beside the county's self-evaluation: the ratios of the values as opened (a saved
 * draft included), computed again by IndicatorService. The rectification form shows its corrections already.
 * TaskView has checked through TaskWork that the user may act on the task.
 */
@Component
@Order(30)
class EvaluationBesideTask implements TaskSection {
    static final String FORMS = "evaluation/";
    static final String SELF_EVALUATION_FORM = "evaluation/self-evaluation.form";
    static final List<String> COUNTY_FORMS = List.of(SELF_EVALUATION_FORM, "evaluation/rectification.form");

    private final EvaluationService evaluations;

    private final cn.countyflow.org.UserNames names;

    EvaluationBesideTask(EvaluationService evaluations, cn.countyflow.org.UserNames names) {
        this.evaluations = evaluations;
        this.names = names;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(TaskDetails details, CountyFlowUser user) {
        String formKey = details.formFile();
        Long caseId = details.task().caseId();
        if (formKey == null || caseId == null || !formKey.startsWith(FORMS)) return Optional.empty();
        if (SELF_EVALUATION_FORM.equals(formKey)) {
            // the ratios of the values as opened (draft or prefill), computed again on the server
            VerticalLayout box = new VerticalLayout();
            box.setId("evaluation-entered-ratios");
            box.setPadding(false);
            box.add(new H4(box.getTranslation("evaluation.entered.title")),
                    new Paragraph(box.getTranslation("evaluation.entered.hint")),
                    EvaluationPanel.progressGrid(box, "evaluation-entered-progress",
                            evaluations.progressOfEntered(caseId, details.data().get("indicators"))));
            return Optional.of(box);
        }
        if (COUNTY_FORMS.contains(formKey)) return Optional.empty();
        List<EvaluationService.Evaluation> list = evaluations.besideTask(caseId);
        if (list.isEmpty()) return Optional.empty();
        return Optional.of(new EvaluationPanel("evaluation-beside-task", list, names));
    }
}
