package cn.countyflow.review.ui;

import java.util.Optional;

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
 * Beside the expert's score sheet: the application (申报书, latest revision) read-only. Nothing about other experts.
 * TaskView has checked through TaskWork that the user may act on the task.
 */
@Component
@Order(10)
class ApplicationBesideSheet implements TaskSection {
    private final PilotApplicationService applications;
    private final FormRendering forms;

    ApplicationBesideSheet(PilotApplicationService applications, FormRendering forms) {
        this.applications = applications;
        this.forms = forms;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(TaskDetails details, CountyFlowUser user) {
        if (!"Task_ExpertScoring".equals(details.task().taskKey()) || details.task().caseId() == null
                || !PilotApplicationService.CASE_TYPE.equals(details.task().caseType())) {
            return Optional.empty();
        }
        var form = forms.render("pilot/draft.form", applications.latestData(details.task().caseId()), true,
                user::username);
        Div box = new Div(new H3("申报材料（只读）"), form);
        box.setId("review-application");
        box.setWidthFull();
        return Optional.of(box);
    }
}
