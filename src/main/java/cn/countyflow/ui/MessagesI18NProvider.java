package cn.countyflow.ui;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.vaadin.flow.i18n.I18NProvider;

import cn.countyflow.workflow.Texts;

/** Every UI text comes from messages_zh_CN / messages_en; Chinese first, English as the second locale. */
@Component
public class MessagesI18NProvider implements I18NProvider {
    public static final Locale CHINESE = Texts.CHINESE;
    public static final Locale ENGLISH = Texts.ENGLISH;

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(CHINESE, ENGLISH);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return Texts.translate(key, locale, params);
    }
}
