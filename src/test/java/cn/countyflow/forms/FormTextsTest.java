package cn.countyflow.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.countyflow.workflow.Texts;

/**
 * English is whole for the form files too (issue 11 point 16): every text a form shows has its English in
 * messages_en under {@code form.<form id>.<ref>.<attribute>} ({@link FormTexts}), so a new field, option or text block
 * without its English fails the build; the Chinese is the form file's own.
 */
class FormTextsTest {
    private static final Pattern CJK = Pattern.compile("[\\x{4e00}-\\x{9fff}]");
    private static final Pattern EXPRESSION = Pattern.compile("\\{\\{.*?}}");
    private static final Pattern HEADING = Pattern.compile("^#+ ");
    private final ObjectMapper json = new ObjectMapper();

    static Properties english() throws Exception {
        Properties p = new Properties();
        try (InputStream in = FormTextsTest.class.getClassLoader().getResourceAsStream("messages_en.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** The shipped form files (not the test forms), as the parser reads them. */
    static Map<Path, FormDefinition> forms() throws Exception {
        Map<Path, FormDefinition> forms = new LinkedHashMap<>();
        try (var files = Files.walk(Path.of("forms"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    forms.put(file, new FormParser().parse(file.toString(), in));
                }
            }
        }
        return forms;
    }

    @Test
    void everyTextOfEveryFormHasItsEnglish() throws Exception {
        Properties en = english();
        List<String> wrong = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int texts = 0;
        for (var entry : forms().entrySet()) {
            FormDefinition form = entry.getValue();
            if (form.id() == null || !ids.add(form.id())) wrong.add(entry.getKey() + ": the form's id is missing or not unique");
            for (var text : FormTexts.sources(form).entrySet()) {
                texts++;
                String key = text.getKey();
                String chinese = text.getValue();
                String english = en.getProperty(key);
                if (english == null || english.isBlank()) {
                    wrong.add(key + "=  (no English for: " + chinese.replace("\n", "\\n") + ")");
                } else if (CJK.matcher(english).find()) {
                    wrong.add(key + " holds Chinese: " + english);
                } else if (!expressions(english).equals(expressions(chinese))) {
                    wrong.add(key + " must keep the {{ }} expressions " + expressions(chinese) + ": " + english);
                } else if (!heading(english).equals(heading(chinese))) {
                    wrong.add(key + " must open with the same heading mark '" + heading(chinese) + "': " + english);
                }
            }
        }
        assertThat(ids).hasSize(27);
        assertThat(texts).isGreaterThan(450);
        assertThat(wrong).as("form texts without their English in messages_en.properties").isEmpty();
    }

    /** The Markdown heading mark a text opens with ("### "), or "". */
    private static String heading(String text) {
        Matcher m = HEADING.matcher(text);
        return m.lookingAt() ? m.group() : "";
    }

    private static List<String> expressions(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = EXPRESSION.matcher(text);
        while (m.find()) found.add(m.group());
        return found;
    }

    /**
     * The translator knows every place of a file that holds Chinese (a new attribute, e.g. a placeholder, would show
     * Chinese on English pages), and every component without a binding has its own id, which names its texts.
     */
    @Test
    void everyChineseStringOfAFormFileIsATextTheTranslatorReads() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (var entry : forms().entrySet()) {
            Set<String> known = new HashSet<>(FormTexts.sources(entry.getValue()).values());
            JsonNode root = json.readTree(entry.getKey().toFile());
            scan(root, "", false, known, entry.getKey().toString(), wrong);
        }
        assertThat(wrong).isEmpty();
    }

    private static void scan(JsonNode node, String pointer, boolean component, Set<String> known, String file,
                             List<String> wrong) {
        if (node.isTextual() && CJK.matcher(node.asText()).find() && !known.contains(node.asText())) {
            wrong.add(file + pointer + ": " + node.asText());
        }
        if (component && !node.hasNonNull("id")) wrong.add(file + pointer + ": a component without an id");
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> scan(f.getValue(), pointer + "/" + f.getKey(), false, known, file, wrong));
        }
        boolean components = pointer.endsWith("/components");
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            scan(node.get(i), pointer + "/" + i, components, known, file, wrong);
        }
    }

    @Test
    void noEnglishIsLeftForATextTheFormsNoLongerHave() throws Exception {
        Set<String> keys = new HashSet<>();
        for (FormDefinition form : forms().values()) keys.addAll(FormTexts.sources(form).keySet());
        List<Object> stale = english().keySet().stream()
                .filter(k -> k.toString().startsWith(FormTexts.PREFIX) && !keys.contains(k.toString())).toList();
        assertThat(stale).as("form.* keys of messages_en that no form text has").isEmpty();
    }

    private static FormDefinition parse(String file) throws Exception {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return new FormParser().parse(file, in);
        }
    }

    private static FormComponent find(List<FormComponent> components, String ref) {
        for (FormComponent c : components) {
            if (ref.equals(c.getTextRef())) return c;
            FormComponent inner = find(c.getComponents(), ref);
            if (inner != null) return inner;
        }
        return null;
    }

    @Test
    void aTextIsReadInTheReadersLanguageAndTheFileIsTheChinese() throws Exception {
        FormDefinition draft = parse("forms/pilot/draft.form");
        FormTexts en = FormTexts.of(draft, Texts.ENGLISH);
        FormTexts zh = FormTexts.of(draft, Texts.CHINESE);
        FormComponent contact = find(draft.components(), "contactName");
        FormComponent sales = find(draft.components(), "leadingIndustries.enterprises.sales");
        FormComponent fillDate = find(draft.components(), "fillDate");
        FormComponent level = find(draft.components(), "innovation.techCentres.level");
        FormComponent phone = find(draft.components(), "contactPhone");

        assertThat(en.label(contact)).isEqualTo("Contact person");
        assertThat(zh.label(contact)).isEqualTo("联系人").isEqualTo(contact.getLabel());
        assertThat(FormTexts.of(draft, Locale.FRENCH).label(contact)).isEqualTo("联系人");
        assertThat(en.label(sales)).isEqualTo("Sales revenue (10,000 yuan)");
        assertThat(en.displayLabel(fillDate)).isEqualTo("Date of filing");
        assertThat(en.description(phone)).startsWith("An 11-digit mobile number");
        assertThat(level.getValues()).extracting(o -> en.option(level, o)).containsExactly("National", "Provincial");
        assertThat(level.getValues()).extracting(o -> zh.option(level, o)).containsExactly("国家级", "省级");
        // options that come with the data have no English of their own: shown as they came
        assertThat(en.option(level, new FormComponent.Option("石家庄市", "130100"))).isEqualTo("石家庄市");

        FormDefinition sheet = parse("forms/review/score-sheet.form");
        String total = FormTexts.of(sheet, Texts.ENGLISH).text(find(sheet.components(), "Field_rvTotal"));
        assertThat(total).startsWith("**Running total: {{ sum([scores.innovation,").contains("}} points**");
    }

    @Test
    void aFormWithoutAnIdOrAComponentWithoutEnglishShowsTheFilesText() {
        FormDefinition test = TestForms.load("application.form");
        FormComponent first = test.components().stream().filter(c -> c.getLabel() != null).findFirst().orElseThrow();
        assertThat(FormTexts.of(test, Texts.ENGLISH).label(first)).isEqualTo(first.getLabel());
    }

    /** The task API hands the schema to clients that render it themselves: in English when English is asked for. */
    @Test
    void theSchemaOfTheTaskApiCarriesTheEnglish() throws Exception {
        FormDefinition form = parse("forms/pilot/leader-signoff.form");
        JsonNode schema = json.readTree(Path.of("forms/pilot/leader-signoff.form").toFile());

        JsonNode english = FormTexts.of(form, Texts.ENGLISH).translate(form, schema);
        JsonNode decision = english.path("components").get(1);
        assertThat(decision.path("key").asText()).isEqualTo("decision");
        assertThat(decision.path("label").asText()).isEqualTo("Sign-off decision");
        assertThat(decision.path("values").get(0).path("label").asText()).isEqualTo("Approve and send");
        assertThat(decision.path("values").get(0).path("value").asText()).isEqualTo("APPROVE");
        assertThat(english.path("components").get(0).path("text").asText()).startsWith("### County government review and sign-off");
        assertThat(english.toString()).doesNotContainPattern(CJK);

        // Chinese readers get the file as it is; the file's own tree is not touched
        assertThat(FormTexts.of(form, Texts.CHINESE).translate(form, schema)).isEqualTo(schema);
        assertThat(schema.path("components").get(1).path("label").asText()).isEqualTo("签发意见");
    }
}
