package cn.countyflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import cn.countyflow.org.Role;
import cn.countyflow.ui.MessagesI18NProvider;

/** Every text the UI shows exists in Chinese and in English. */
class MessagesTest {

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void chineseAndEnglishBundlesHaveTheSameKeys() throws Exception {
        Properties zh = load("messages_zh_CN.properties");
        Properties en = load("messages_en.properties");
        Properties base = load("messages.properties");
        assertThat(en.keySet()).containsExactlyInAnyOrderElementsOf(zh.keySet());
        assertThat(base.keySet()).containsExactlyInAnyOrderElementsOf(zh.keySet());
    }

    @Test
    void chineseIsTheDefaultAndEnglishTheSecondLocale() {
        MessagesI18NProvider i18n = new MessagesI18NProvider();
        assertThat(i18n.getTranslation("nav.inbox", null)).isEqualTo("我的待办");
        assertThat(i18n.getTranslation("nav.inbox", java.util.Locale.FRENCH)).isEqualTo("我的待办");
        assertThat(i18n.getTranslation("nav.inbox", java.util.Locale.ENGLISH)).isEqualTo("My tasks");
        assertThat(i18n.getTranslation("task.invalid", java.util.Locale.SIMPLIFIED_CHINESE, 3)).isEqualTo("有 3 处需要修改，请查看标红的字段");
        for (Role role : Role.values()) {
            assertThat(i18n.getTranslation("role." + role.name(), java.util.Locale.SIMPLIFIED_CHINESE)).doesNotStartWith("!");
        }
    }
}
