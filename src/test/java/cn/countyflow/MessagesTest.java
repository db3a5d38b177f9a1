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

    /**
     * Except the English of the form files' texts ({@code form.*}): their Chinese is the form file itself, and
     * {@code forms.FormTextsTest} checks them against the files.
     */
    @Test
    void chineseAndEnglishBundlesHaveTheSameKeys() throws Exception {
        Properties zh = load("messages_zh_CN.properties");
        Properties en = load("messages_en.properties");
        Properties base = load("messages.properties");
        java.util.List<Object> english = en.keySet().stream().filter(k -> !k.toString().startsWith("form.")).toList();
        assertThat(english).containsExactlyInAnyOrderElementsOf(zh.keySet());
        assertThat(base.keySet()).containsExactlyInAnyOrderElementsOf(zh.keySet());
        assertThat(zh.keySet()).noneMatch(k -> k.toString().startsWith("form."));
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

    /**
     * The case history shows each decision code through {@code decision.<CODE>}: every code a task handler records
     * (the second argument of {@code new Completion(...)}) and every option of a form's {@code decision} field needs one.
     */
    @Test
    void everyRecordedDecisionHasALabel() throws Exception {
        Properties zh = load("messages_zh_CN.properties");
        java.util.Set<String> codes = new java.util.TreeSet<>();
        java.util.regex.Pattern completion = java.util.regex.Pattern.compile("new (?:TaskHandler\\.)?Completion\\([^;]*?,\\s*\"([A-Z_]+)\"");
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                var m = completion.matcher(java.nio.file.Files.readString(file));
                while (m.find()) codes.add(m.group(1));
            }
        }
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("forms"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
                json.readTree(file.toFile()).findParents("key").stream()
                        .filter(c -> "decision".equals(c.path("key").asText()))
                        .forEach(c -> c.path("values").forEach(v -> codes.add(v.path("value").asText())));
            }
        }
        assertThat(codes).contains("SCORED", "APPROVE", "RETURN");
        assertThat(codes).allSatisfy(code -> assertThat(zh).as("decision." + code).containsKey("decision." + code));
    }
}
