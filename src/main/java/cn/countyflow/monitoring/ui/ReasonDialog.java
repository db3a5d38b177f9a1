package cn.countyflow.monitoring.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;

import cn.countyflow.org.InvalidInputException;

/**
 * Every operation asks first: what will happen, and why (a reason is required). The service checks the reason; its
 * field errors are shown at the field, and the dialog stays open until the operation succeeds.
 */
class ReasonDialog extends Dialog {
    final TextArea reason = new TextArea();
    final Button confirm;

    ReasonDialog(String id, String title, String question, String confirmLabel, Consumer<String> action) {
        setId(id);
        setHeaderTitle(title);
        reason.setId(id + "-reason");
        reason.setLabel(getTranslation("monitor.op.reason"));
        reason.setRequiredIndicatorVisible(true);
        reason.setWidthFull();
        reason.setMaxLength(500);
        add(new Paragraph(question), reason);
        confirm = new Button(confirmLabel, e -> {
            try {
                action.accept(reason.getValue());
                close();
            } catch (InvalidInputException invalid) {
                String message = invalid.getErrors().getOrDefault("reason", String.join(getTranslation("text.semicolon"), invalid.getErrors().values()));
                reason.setErrorMessage(message);
                reason.setInvalid(true);
            }
        });
        confirm.setId(id + "-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("monitor.op.cancelDialog"), e -> close());
        cancel.setId(id + "-cancel");
        getFooter().add(cancel, confirm);
        setWidth("480px");
    }
}
