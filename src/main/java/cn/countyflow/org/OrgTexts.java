package cn.countyflow.org;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** Messages of org's services from the bundle, in Chinese as the API speaks. */
final class OrgTexts {
    private OrgTexts() {
    }

    static String zh(String key, Object... args) {
        String text = ResourceBundle.getBundle("messages", Locale.SIMPLIFIED_CHINESE).getString(key);
        return args.length == 0 ? text : new MessageFormat(text, Locale.SIMPLIFIED_CHINESE).format(args);
    }
}
