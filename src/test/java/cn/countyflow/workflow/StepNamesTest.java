package cn.countyflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Task names and stages are named on the diagrams in Chinese (the engine and the case store that name); English
 * readers get them from the bundles' {@code stage.<process id>.<element id>} (issue 11: English is whole).
 */
class StepNamesTest {
    private static final Pattern PROCESS = Pattern.compile("<bpmn:process [^>]*id=\"([^\"]+)\"");
    private static final Pattern STEP = Pattern.compile(
            "<bpmn:(userTask|receiveTask|intermediateCatchEvent|endEvent|callActivity)\\b([^>]*)>");
    private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (var in = StepNamesTest.class.getClassLoader().getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyNamedStepOfEveryDiagramHasItsEnglishName() throws Exception {
        Properties zh = load("messages_zh_CN.properties");
        Properties en = load("messages_en.properties");
        List<String> wrong = new ArrayList<>();
        int steps = 0;
        try (var files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                String xml = Files.readString(file);
                Matcher p = PROCESS.matcher(xml);
                if (!p.find()) continue;
                Matcher m = STEP.matcher(xml);
                while (m.find()) {
                    Matcher name = NAME.matcher(m.group(2));
                    Matcher id = ID.matcher(m.group(2));
                    if (!name.find() || !id.find() || name.group(1).isBlank()) continue;
                    steps++;
                    String key = "stage." + p.group(1) + "." + id.group(1);
                    if (!name.group(1).equals(zh.getProperty(key))) wrong.add(key + " zh: " + zh.getProperty(key) + " ≠ " + name.group(1));
                    String english = en.getProperty(key);
                    if (english == null || english.codePoints().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff)) {
                        wrong.add(key + " en: " + english);
                    }
                }
            }
        }
        assertThat(steps).isGreaterThan(40);
        assertThat(wrong).isEmpty();
    }

    @Test
    void aStoredStepNameIsShownInTheReadersLanguage() {
        assertThat(Texts.step("编制申报书", Texts.ENGLISH)).isEqualTo("Draft the application form");
        assertThat(Texts.step("等待省级审定结果", Texts.ENGLISH)).isEqualTo("Waiting for the provincial decision");
        assertThat(Texts.step("编制申报书", Texts.CHINESE)).isEqualTo("编制申报书");
        assertThat(Texts.step("编制申报书", null)).isEqualTo("编制申报书");
        assertThat(Texts.step("没有这个环节", Texts.ENGLISH)).isEqualTo("没有这个环节");
        assertThat(Texts.step(null, Texts.ENGLISH)).isNull();
    }
}
