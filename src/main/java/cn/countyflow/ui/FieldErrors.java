package cn.countyflow.ui;

import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import cn.countyflow.org.InvalidInputException;

/**
 * A service's field errors shown where the user typed: each message at its field (by the service's field name), and a
 * message of a field the dialog does not show as an error notification, so none is lost. One way for every dialog.
 */
public final class FieldErrors {
    private FieldErrors() {
    }

    /** Clears the marks of an earlier attempt. */
    public static void clear(Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
    }

    /** Marks each field the service refused with its message; the rest as notifications. */
    public static void show(InvalidInputException refused, Map<String, ? extends HasValidation> fields) {
        refused.getErrors().forEach((field, message) -> {
            HasValidation f = fields.get(field);
            if (f != null) {
                f.setErrorMessage(message);
                f.setInvalid(true);
            } else {
                Notification.show(message).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
    }
}
