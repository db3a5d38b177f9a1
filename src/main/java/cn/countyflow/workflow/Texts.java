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
