package cn.countyflow.monitoring;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** Messages of monitoring's services (refusals, field errors) from the bundle, in Chinese as the API speaks. */
final class MonitorTexts {
    private MonitorTexts() {
    }

    static String zh(String key, Object... args) {
        String text = ResourceBundle.getBundle("messages", Locale.SIMPLIFIED_CHINESE).getString(key);
        return args.length == 0 ? text : new MessageFormat(text, Locale.SIMPLIFIED_CHINESE).format(args);
    }
}
