package cn.countyflow.ui;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.springframework.stereotype.Component;

import com.vaadin.flow.i18n.I18NProvider;

/** Every UI text comes from messages_zh_CN / messages_en; Chinese first, English as the second locale. */
@Component
public class MessagesI18NProvider implements I18NProvider {
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(CHINESE, ENGLISH);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale effective = ENGLISH.getLanguage().equals(locale == null ? null : locale.getLanguage()) ? ENGLISH : CHINESE;
        try {
            String text = ResourceBundle.getBundle("messages", effective, ResourceBundle.Control
                    .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
            return params.length == 0 ? text : new MessageFormat(text, effective).format(params);
        } catch (MissingResourceException e) {
            return "!" + key;
        }
    }
}
