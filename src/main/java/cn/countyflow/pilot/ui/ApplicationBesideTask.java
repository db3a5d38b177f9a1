package cn.countyflow.pilot.ui;

import java.util.Optional;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;

import cn.countyflow.forms.FormRendering;
import cn.countyflow.inbox.TaskSection;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.pilot.PilotApplicationService;
import cn.countyflow.workflow.TaskDetails;

/**
 * Beside the form of every step that judges an application (the leader's sign-off, city screening, the provincial
 * check, an expert's score sheet): the application (申报书, latest revision) read-only. Nothing about other experts.
 * TaskView has checked through TaskWork that the user may act on the task.
 */
@Component
@Order(10)
class ApplicationBesideTask implements TaskSection {
    static final Set<String> JUDGING_STEPS = Set.of("Task_LeaderSignOff", "Task_CityScreening", "Task_ProvinceCheck",
            "Task_ExpertScoring");

    private final PilotApplicationService applications;
    private final FormRendering forms;

    ApplicationBesideTask(PilotApplicationService applications, FormRendering forms) {
        this.applications = applications;
        this.forms = forms;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(TaskDetails details, CountyFlowUser user) {
        if (!JUDGING_STEPS.contains(details.task().taskKey()) || details.task().caseId() == null
                || !PilotApplicationService.CASE_TYPE.equals(details.task().caseType())) {
            return Optional.empty();
        }
        var form = forms.render("pilot/draft.form", applications.latestData(details.task().caseId()), true,
                user::username);
        Div box = new Div();
        box.add(new H3(box.getTranslation("pilot.application.readonly")), form);
        box.setId("review-application");
        box.setWidthFull();
        return Optional.of(box);
    }
}
