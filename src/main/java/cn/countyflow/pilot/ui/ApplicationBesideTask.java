package cn.countyflow.pilot.ui;

import java.util.Optional;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.details.Details;
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
 * TaskView has checked through TaskWork that the user may act on the task. The application is rendered when the
 * user opens it (a collapsed {@code Details}), not with every task page.
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
        // loaded when opened: the whole 申报书 rendered read-only is most of what a task page would send, and many
        // decisions are taken without reading it again
        long caseId = details.task().caseId();
        Div box = new Div();
        box.setId("review-application");
        box.setWidthFull();
        Details shown = new Details(new H3(box.getTranslation("pilot.application.readonly")));
        shown.setId("review-application-details");
        shown.setWidthFull();
        shown.addOpenedChangeListener(e -> {
            if (e.isOpened() && shown.getContent().findAny().isEmpty()) {
                var form = forms.render("pilot/draft.form", applications.latestData(caseId), true, user::username);
                form.setId("review-application-form");
                shown.add(form);
            }
        });
        box.add(shown);
        return Optional.of(box);
    }
}
