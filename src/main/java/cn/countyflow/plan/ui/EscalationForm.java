package cn.countyflow.plan.ui;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;

import cn.countyflow.forms.AttachmentRef;
import cn.countyflow.forms.AttachmentService;
import cn.countyflow.forms.UploadRejectedException;
import cn.countyflow.org.CountyFlowUser;
import cn.countyflow.plan.EscalationService;
import cn.countyflow.ui.UserMessages;
import cn.countyflow.workflow.FieldErrorsException;

/** The officer's form for the next step of the five-step method against a city, with the document uploaded. */
class EscalationForm extends FormLayout {
    private AttachmentRef document;

    EscalationForm(long roundId, EscalationService escalations, AttachmentService attachments, CountyFlowUser user,
                   Runnable recorded) {
        setId("escalation-form");
        TextField city = new TextField(getTranslation("plan.escalation.city"));
        city.setId("escalation-city");
        city.setHelperText(getTranslation("plan.escalation.cityHelp"));
        Select<EscalationService.Step> step = new Select<>();
        step.setId("escalation-step");
        step.setLabel(getTranslation("plan.escalation.step"));
        step.setItems(EscalationService.Step.values());
        step.setItemLabelGenerator(EscalationService::label);
        DatePicker date = cn.countyflow.forms.ChineseDates.picker(getTranslation("plan.escalation.date"));
        date.setId("escalation-date");
        TextArea reason = new TextArea(getTranslation("plan.escalation.reason"));
        reason.setId("escalation-reason");
        MemoryBuffer buffer = new MemoryBuffer();
        Upload upload = new Upload(buffer);
        upload.setId("escalation-document");
        Span uploaded = new Span();
        upload.addSucceededListener(e -> {
            try {
                document = attachments.store(e.getFileName(), buffer.getInputStream().readAllBytes(), user.username());
                uploaded.setText(document.name());
            } catch (UploadRejectedException | cn.countyflow.forms.FileStoreException | IOException ex) {
                document = null;
                Notification.show(ex.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        Map<String, HasValidation> fields = Map.of("cityCode", city, "step", step, "occurredOn", date, "reason", reason);
        Button save = new Button(getTranslation("plan.escalation.record"), e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            try {
                escalations.record(roundId, new EscalationService.StepForm(city.getValue(),
                        step.getValue() == null ? null : step.getValue().name(), date.getValue(), reason.getValue(),
                        document == null ? null : document.id()), user);
                Notification.show(getTranslation("plan.escalation.recorded")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                recorded.run();
            } catch (FieldErrorsException ex) {
                cn.countyflow.ui.FieldErrors.show(ex, fields);
            } catch (RuntimeException ex) {
                Notification.show(UserMessages.of(ex)).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        save.setId("escalation-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(city, step, date, reason, upload, uploaded, save);
        setColspan(reason, 2);
    }

    /** The steps recorded, in order per city. */
    static Grid<EscalationService.Recorded> grid(List<EscalationService.Recorded> steps) {
        Grid<EscalationService.Recorded> grid = new Grid<>();
        grid.setId("escalations");
        grid.addColumn(EscalationService.Recorded::cityName).setHeader(grid.getTranslation("plan.col.city")).setAutoWidth(true);
        grid.addColumn(EscalationService.Recorded::stepLabel).setHeader(grid.getTranslation("plan.escalation.step")).setAutoWidth(true);
        grid.addColumn(r -> PlanRoundsView.DATE.format(r.occurredOn())).setHeader(grid.getTranslation("plan.escalation.date")).setAutoWidth(true);
        grid.addColumn(EscalationService.Recorded::reason).setHeader(grid.getTranslation("plan.escalation.reason")).setFlexGrow(1);
        grid.addColumn(EscalationService.Recorded::officerName).setHeader(grid.getTranslation("plan.escalation.officer")).setAutoWidth(true);
        grid.addColumn(EscalationService.Recorded::documentName).setHeader(grid.getTranslation("plan.escalation.document")).setAutoWidth(true);
        grid.setItems(steps);
        grid.setAllRowsVisible(true);
        return grid;
    }
}
