package cn.countyflow.workflow;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The texts of the message bundles ({@code messages_zh_CN}, {@code messages_en}) for services: a check's message,
 * a refusal, a label. The language is the request's: the UI sets it from the user's choice, the API from
 * {@code Accept-Language}; Chinese whenever nothing says English. The UI's I18NProvider reads through here too, so
 * a text is looked up one way everywhere.
 */
public final class Texts {
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private Texts() {
    }

    /** The text of {@code key} in the current request's language, with {@code params} filled in. */
    public static String get(String key, Object... params) {
        return translate(key, current(), params);
    }

    /** English when the current request asked for it, else Chinese. */
    public static Locale current() {
        LocaleContext context = LocaleContextHolder.getLocaleContext();
        Locale locale = context == null ? null : context.getLocale();
        return effective(locale);
    }

    public static Locale effective(Locale locale) {
        return locale != null && ENGLISH.getLanguage().equals(locale.getLanguage()) ? ENGLISH : CHINESE;
    }

    /**
     * A step's name (a task's name, a case's stage) as the engine and the case store it, in Chinese from the diagram,
     * in the current language: the bundles' {@code stage.<process id>.<element id>} whose Chinese is that name. A name
     * no bundle knows is shown as stored.
     */
    public static String step(String storedName) {
        return step(storedName, current());
    }

    public static String step(String storedName, Locale locale) {
        if (storedName == null || effective(locale) == CHINESE) return storedName;
        String key = StepNames.KEYS.get(storedName);
        return key == null ? storedName : translate(key, locale);
    }

    /** Chinese step name → its {@code stage.*} key, read once from the Chinese bundle. */
    private static final class StepNames {
        static final java.util.Map<String, String> KEYS = load();

        private static java.util.Map<String, String> load() {
            ResourceBundle zh = ResourceBundle.getBundle("messages", CHINESE,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            java.util.Map<String, String> keys = new java.util.HashMap<>();
            for (String key : new java.util.TreeSet<>(zh.keySet())) {
                if (key.startsWith("stage.")) keys.putIfAbsent(zh.getString(key), key);
            }
            return java.util.Map.copyOf(keys);
        }
    }

    /** The text of {@code key} in {@code locale} (Chinese unless English); {@code !key} when the bundles lack it. */
    public static String translate(String key, Locale locale, Object... params) {
        Locale effective = effective(locale);
        try {
            String text = ResourceBundle.getBundle("messages", effective, ResourceBundle.Control
                    .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
            return params.length == 0 ? text : new MessageFormat(text, effective).format(params);
        } catch (MissingResourceException e) {
            return "!" + key;
        }
    }
}
