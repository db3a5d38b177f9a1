package cn.countyflow.plan.ui;

import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;

import cn.countyflow.forms.FormRendering;
import cn.countyflow.inbox.TaskSection;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.plan.CompilationService;
import cn.countyflow.plan.PlanRoundService;
import cn.countyflow.plan.PlanService;
import cn.countyflow.workflow.TaskDetails;

/**
 * Beside a plan's steps: the round's reference outline (参考提纲) beside the drafting form; the plan read-only beside
 * the leader's sign-off and the city's review; the summary table beside the approver's and the officer's
 * compilation steps. TaskView has checked through TaskWork that the user may act on the task.
 */
@Component
@Order(20)
class PlanBesideTask implements TaskSection {
    private final PlanService plans;
    private final PlanRoundService rounds;
    private final CompilationService compilations;
    private final FormRendering forms;

    PlanBesideTask(PlanService plans, PlanRoundService rounds, CompilationService compilations, FormRendering forms) {
        this.plans = plans;
        this.rounds = rounds;
        this.compilations = compilations;
        this.forms = forms;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(TaskDetails details, CountyFlowUser user) {
        Long caseId = details.task().caseId();
        if (caseId == null) return Optional.empty();
        String type = details.task().caseType();
        String key = details.task().taskKey();
        Div box = new Div();
        box.setWidthFull();
        if (PlanService.CASE_TYPE.equals(type) && "Task_Draft".equals(key)) {
            long roundId = plans.detail(caseId, user).plan().roundId();
            box.setId("plan-outline");
            box.add(new H3(box.getTranslation("plan.outline")), PlanRoundsView.outline(rounds.get(roundId, user).getOutline()));
            return Optional.of(box);
        }
        if (PlanService.CASE_TYPE.equals(type)) {
            box.setId("plan-readonly");
            box.add(new H3(box.getTranslation("plan.readonly")),
                    forms.render("plan/draft.form", plans.latestData(caseId), true, user::username));
            return Optional.of(box);
        }
        if (CompilationService.CASE_TYPE.equals(type)) {
            return compilations.byCase(caseId).map(s -> {
                box.setId("plan-summary");
                box.add(new H3(box.getTranslation("plan.compilation.title")), SummaryGrid.of(s));
                return box;
            });
        }
        return Optional.empty();
    }
}
