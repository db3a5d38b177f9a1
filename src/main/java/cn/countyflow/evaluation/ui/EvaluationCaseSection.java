package cn.countyflow.evaluation.ui;

import java.util.List;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.countyflow.evaluation.EvaluationService;
import cn.countyflow.inbox.CaseSection;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.workflow.CaseDetails;

/** On the case page of any subject case that has evaluations: each of them (scope checked by EvaluationService). */
@Component
@Order(30)
class EvaluationCaseSection implements CaseSection {
    private final EvaluationService evaluations;

    private final cn.countyflow.org.UserNames names;

    EvaluationCaseSection(EvaluationService evaluations, cn.countyflow.org.UserNames names) {
        this.evaluations = evaluations;
        this.names = names;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(CaseDetails c, CountyFlowUser user) {
        List<EvaluationService.Evaluation> list = evaluations.evaluationsOf(c.id(), user);
        if (list.isEmpty()) return Optional.empty();
        return Optional.of(new EvaluationPanel("evaluation-section", list, names));
    }
}
