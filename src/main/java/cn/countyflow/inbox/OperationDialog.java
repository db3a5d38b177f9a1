package cn.countyflow.inbox;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;

import cn.countyflow.ui.UserMessages;
import cn.countyflow.workflow.FieldErrorsException;
import cn.countyflow.workflow.TaskOperations;

/**
 * The dialog of a task operation (转办, 委派, 加签, 抄送, 撤回, 催办, 退回 …): whom (one or several users, a step, a
 * choice), why, and a confirm button. The service checks everything; its field errors are shown at the fields
 * ({@code to}, {@code step}, {@code position}, {@code reason}), any other refusal as a notification.
 */
class OperationDialog extends Dialog {
    /** What the user entered. */
    record Values(String to, List<String> toMany, String choice, String reason) {
    }

    final ComboBox<TaskOperations.UserChoice> user = new ComboBox<>();
    final MultiSelectComboBox<TaskOperations.UserChoice> users = new MultiSelectComboBox<>();
    final RadioButtonGroup<String> choice = new RadioButtonGroup<>();
    final TextArea reason = new TextArea();
    private final Button confirm;

    /** A person to choose: by name and office, never by account name (issue 11 point 14). */
    static String person(TaskOperations.UserChoice u) {
        return u.orgName() == null || u.orgName().isBlank() ? u.displayName()
                : cn.countyflow.workflow.Texts.get("text.paren", u.displayName(), u.orgName());
    }

    OperationDialog(String title, String reasonLabel, Consumer<Values> action, Runnable done) {
        setHeaderTitle(title);
        setId("op-dialog");
        user.setId("op-user");
        user.setItemLabelGenerator(OperationDialog::person);
        user.setWidthFull();
        user.setVisible(false);
        users.setId("op-users");
        users.setItemLabelGenerator(OperationDialog::person);
        users.setWidthFull();
        users.setVisible(false);
        choice.setId("op-choice");
        choice.setVisible(false);
        reason.setId("op-reason");
        reason.setLabel(reasonLabel);
        reason.setWidthFull();
        reason.setMaxLength(500);
        confirm = new Button(getTranslation("ops.confirm"), e -> {
            user.setInvalid(false);
            users.setInvalid(false);
            choice.setInvalid(false);
            reason.setInvalid(false);
            try {
                action.accept(new Values(user.getValue() == null ? null : user.getValue().username(),
                        users.getValue().stream().map(TaskOperations.UserChoice::username).sorted().toList(),
                        choice.getValue(), reason.getValue()));
                close();
                Notification.show(getTranslation("ops.done")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                done.run();
            } catch (FieldErrorsException fe) {
                showErrors(fe.getErrors());
            } catch (RuntimeException re) {
                Notification.show(UserMessages.of(re)).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        confirm.setId("op-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("ops.cancel"), e -> close());
        cancel.setId("op-cancel");
        add(new VerticalLayout(user, users, choice, reason));
        getFooter().add(cancel, confirm);
        setWidth("560px");
    }

    OperationDialog withUser(String label, List<TaskOperations.UserChoice> items) {
        user.setLabel(label);
        user.setItems(items);
        user.setVisible(true);
        return this;
    }

    OperationDialog withUsers(String label, List<TaskOperations.UserChoice> items) {
        users.setLabel(label);
        users.setItems(items);
        users.setVisible(true);
        return this;
    }

    OperationDialog withChoice(String label, Map<String, String> options, String initial) {
        choice.setLabel(label);
        choice.setItems(options.keySet());
        choice.setItemLabelGenerator(options::get);
        choice.setValue(initial);
        choice.setVisible(true);
        return this;
    }

    private void showErrors(Map<String, String> errors) {
        errors.forEach((field, message) -> {
            switch (field) {
                case "to" -> {
                    user.setErrorMessage(message);
                    user.setInvalid(true);
                    users.setErrorMessage(message);
                    users.setInvalid(true);
                }
                case "step", "position" -> {
                    choice.setErrorMessage(message);
                    choice.setInvalid(true);
                }
                default -> {
                    reason.setErrorMessage(message);
                    reason.setInvalid(true);
                }
            }
        });
        if (errors.keySet().stream().noneMatch(k -> List.of("to", "step", "position", "reason").contains(k))) {
            Notification.show(String.join(getTranslation("text.semicolon"), errors.values())).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

}
