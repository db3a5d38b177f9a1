package cn.countyflow.org;

import java.util.Locale;
import java.util.ResourceBundle;

/** Role names from the message bundle, for places without a UI locale (Camunda group names, exports). */
public final class RoleLabels {
    private RoleLabels() {
    }

    public static String zh(Role role) {
        return of(role, Locale.SIMPLIFIED_CHINESE);
    }

    public static String of(Role role, Locale locale) {
        return ResourceBundle.getBundle("messages", locale).getString("role." + role.name());
    }
}
