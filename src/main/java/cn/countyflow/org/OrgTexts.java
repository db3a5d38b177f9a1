package cn.countyflow.org;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** Messages of org's services from the bundle, in Chinese as the API speaks, or in the request's language. */
final class OrgTexts {
    private OrgTexts() {
    }

    /** The text in the current request's language: English when it asked for English, else Chinese. */
    static String get(String key, Object... args) {
        Locale locale = locale();
        String text = ResourceBundle.getBundle("messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        return args.length == 0 ? text : new MessageFormat(text, locale).format(args);
    }

    /**
     * The text in the language {@code request} asks for (its Accept-Language), for the security filters, which answer
     * before the request's locale is known to the rest of the application: Chinese when it asks for nothing.
     */
    static String get(jakarta.servlet.http.HttpServletRequest request, String key, Object... args) {
        boolean english = request.getHeader("Accept-Language") != null && "en".equals(request.getLocale().getLanguage());
        Locale locale = english ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        String text = ResourceBundle.getBundle("messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        return args.length == 0 ? text : new MessageFormat(text, locale).format(args);
    }

    /** English when the current request asked for it, else Chinese (as {@code workflow.Texts}, which org sits below). */
    static Locale locale() {
        var context = org.springframework.context.i18n.LocaleContextHolder.getLocaleContext();
        Locale requested = context == null ? null : context.getLocale();
        return requested != null && "en".equals(requested.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    /** The cookie in which the UI keeps the reader's choice of language (ui.LocaleSetup writes it; org sits below ui). */
    static final String LOCALE_COOKIE = "countyflow-locale";

    /**
     * The language of a page the security filters answer themselves (the sign-in's 503): the reader's choice as the UI
     * keeps it, else what the browser asks for (Accept-Language); Chinese when neither says English.
     */
    static Locale pageLocale(jakarta.servlet.http.HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (jakarta.servlet.http.Cookie cookie : request.getCookies()) {
                if (LOCALE_COOKIE.equals(cookie.getName())) {
                    return "en".equals(cookie.getValue()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
                }
            }
        }
        boolean english = request.getHeader("Accept-Language") != null && "en".equals(request.getLocale().getLanguage());
        return english ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    /** The text in {@code locale} (English or Chinese). */
    static String in(Locale locale, String key, Object... args) {
        String text = ResourceBundle.getBundle("messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        return args.length == 0 ? text : new MessageFormat(text, locale).format(args);
    }

    static String zh(String key, Object... args) {
        String text = ResourceBundle.getBundle("messages", Locale.SIMPLIFIED_CHINESE).getString(key);
        return args.length == 0 ? text : new MessageFormat(text, Locale.SIMPLIFIED_CHINESE).format(args);
    }
}
