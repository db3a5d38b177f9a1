package cn.countyflow.forms;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.util.unit.DataSize;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Every form file, rendered for a reader who chose English (issue 11 point 16): labels, help, text blocks, groups,
 * lists, options, the outline and the error summary are English, with no Chinese left; templated texts still
 * compute; a Chinese reader still reads the file's Chinese.
 */
class EnglishFormsTest {
    private static final Pattern CJK = Pattern.compile("[\\x{4e00}-\\x{9fff}]");
    private final FormFeel feel = new FormFeel();
    private final FormServices services = new FormServices(feel, new UploadPolicy(DataSize.ofMegabytes(20)),
            mock(AttachmentService.class), () -> "county1");

    /** As LocaleSetup does for a user who chose English: the UI's locale and the services' texts of the request. */
    private static void reader(Locale locale) {
        MockVaadin.setup();
        UI.getCurrent().setLocale(locale);
        LocaleContextHolder.setLocale(locale);
    }

    @AfterEach
    void tearDown() {
        LocaleContextHolder.resetLocaleContext();
        MockVaadin.tearDown();
    }

    private RenderedForm render(FormDefinition form, Map<String, Object> data) {
        RenderedForm rendered = new RenderedForm(form, data, false, services);
        UI.getCurrent().add(rendered);
        return rendered;
    }

    /** Adds a row to every list the user fills, inner lists of new rows too, so that the rows' fields are on screen. */
    private static void addRowsEverywhere() {
        Set<String> clicked = new HashSet<>();
        boolean more = true;
        while (more) {
            more = false;
            for (Button add : _find(Button.class)) {
                String id = add.getId().orElse("");
                if (id.startsWith("add-") && clicked.add(id)) {
                    _click(add);
                    more = true;
                }
            }
        }
    }

    @Test
    void everyFormReadsInEnglishWithoutAChineseWord() throws Exception {
        List<String> chinese = new ArrayList<>();
        int forms = 0;
        for (var entry : FormTextsTest.forms().entrySet()) {
            reader(Locale.ENGLISH);
            FormDefinition form = entry.getValue();
            RenderedForm rendered = render(form, Map.of());
            addRowsEverywhere();
            // submitted empty: the error summary names each field by its English label, with English messages
            rendered.showErrors(new FormValidator(feel).validate(form, rendered.getData()));
            for (String text : ShownTexts.of(rendered)) {
                if (CJK.matcher(text).find()) chinese.add(entry.getKey() + ": " + text);
            }
            forms++;
            MockVaadin.tearDown();
        }
        assertThat(forms).isEqualTo(27);
        assertThat(chinese).as("Chinese on English pages").isEmpty();
    }

    @Test
    void theApplicationInEnglishHasEnglishLabelsOptionsOutlineAndErrors() throws Exception {
        reader(Locale.ENGLISH);
        FormDefinition draft = FormTextsTest.forms().get(Path.of("forms/pilot/draft.form"));
        RenderedForm rendered = render(draft, Map.of());

        TextField contact = _get(TextField.class, s -> s.withId("field-contactName"));
        assertThat(contact.getLabel()).isEqualTo("Contact person");
        assertThat(_get(TextField.class, s -> s.withId("field-contactPhone")).getHelperText())
                .startsWith("An 11-digit mobile number");
        assertThat(_get(BigDecimalField.class, s -> s.withId("field-overall-gdp")).getLabel()).isEqualTo("GDP (10,000 yuan)");
        assertThat(_get(Button.class, s -> s.withId("add-leadingIndustries")).getText())
                .isEqualTo("Add II. Leading industries (including III. by industry)");
        _click(_get(Button.class, s -> s.withId("add-targets")));
        ComboBox<?> indicator = _get(ComboBox.class, s -> s.withId("field-targets-0-indicator"));
        assertThat(ShownTexts.options(indicator)).contains("R&D intensity of above-scale manufacturing",
                "Manufacturing quality competitiveness index");
        // the long form's outline: the same sections as in Chinese, named in English
        assertThat(_get(Button.class, s -> s.withId("outline-overall")).getText()).isEqualTo("I. Overview");

        // the shown texts reach into groups (a Details) and lists
        assertThat(ShownTexts.of(rendered)).contains("I. Overview", "GDP (10,000 yuan)", "Three-year quantified pilot targets");

        _setValue(_get(TextField.class, s -> s.withId("field-targets-0-unit")), "%"); // a started row is checked
        rendered.showErrors(new FormValidator(feel).validate(draft, rendered.getData()));
        assertThat(contact.getErrorMessage()).isEqualTo("This field is required");
        assertThat(_get(Button.class, s -> s.withId("error-link-fillDate")).getText())
                .isEqualTo("Date of filing: This field is required");
        assertThat(_get(Button.class, s -> s.withId("error-link-contactName")).getText())
                .isEqualTo("Contact person: This field is required");
        assertThat(_get(Button.class, s -> s.withId("error-link-targets-0-indicator")).getText())
                .isEqualTo("Three-year quantified pilot targets item 1 · Indicator: This field is required");
    }

    @Test
    void theSameFormInChineseKeepsTheFilesChinese() throws Exception {
        reader(Locale.SIMPLIFIED_CHINESE);
        FormDefinition draft = FormTextsTest.forms().get(Path.of("forms/pilot/draft.form"));
        RenderedForm rendered = render(draft, Map.of());
        assertThat(_get(TextField.class, s -> s.withId("field-contactName")).getLabel()).isEqualTo("联系人");
        assertThat(_get(Button.class, s -> s.withId("outline-overall")).getText()).isEqualTo("一、总体情况");
        _click(_get(Button.class, s -> s.withId("add-targets")));
        assertThat(ShownTexts.options(_get(ComboBox.class, s -> s.withId("field-targets-0-indicator"))))
                .contains("规模以上制造业研发比重");
        rendered.showErrors(new FormValidator(feel).validate(draft, rendered.getData()));
        assertThat(_get(Button.class, s -> s.withId("error-link-contactName")).getText()).isEqualTo("联系人：请填写此项");
        assertThat(_get(Button.class, s -> s.withId("error-link-fillDate")).getText()).isEqualTo("填报日期：请填写此项");
    }

    /** The printed 申报书 follows the reader's language too: title, headings, labels and options; the data as typed. */
    @Test
    void thePrintIsInTheReadersLanguage() throws Exception {
        FormDefinition draft = FormTextsTest.forms().get(Path.of("forms/pilot/draft.form"));
        Map<String, Object> data = Map.of("contactName", "Wang Fang", "overall", Map.of("gdp", 1200),
                "innovation", Map.of("techCentres", List.of(Map.of("enterpriseName", "Xinle Cable", "level", "NATIONAL"))));
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        String english = pdfText(FormPrint.document(draft, "fallback", "footer", data, "a.pdf"));
        assertThat(english.replace("\n", " ")).contains("Application: Hebei Industrial Transformation and Upgrading",
                "Pilot Demonstration County (City, District)", "Contact person: Wang Fang", "I. Overview",
                "GDP (10,000 yuan): 1200", "Technology centre or R&D", "Xinle Cable National", "Baseline value")
                .doesNotContainPattern(CJK);
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(pdfText(FormPrint.document(draft, "fallback", "footer", data, "a.pdf")))
                .contains("河北省工业转型升级试点示范县（市、区）申报书", "联系人：Wang Fang", "国家级");
    }

    private static String pdfText(Pdf pdf) throws Exception {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.content())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
    }

    @Test
    void templatedTextsStillComputeInEnglish() throws Exception {
        reader(Locale.ENGLISH);
        FormDefinition sheet = FormTextsTest.forms().get(Path.of("forms/review/score-sheet.form"));
        RenderedForm rendered = render(sheet, Map.of("enteredFor", "Wang Min"));

        assertThat(rendered.templateText("#Field_ss0proxy"))
                .startsWith("Provincial staff are entering this score sheet on behalf of the expert **Wang Min**;");
        _setValue(_get(BigDecimalField.class, s -> s.withId("field-scores-innovation")), new BigDecimal("7"));
        _setValue(_get(BigDecimalField.class, s -> s.withId("field-scores-quality")), new BigDecimal("6.5"));
        assertThat(rendered.templateText("#Field_rvTotal")).startsWith("**Running total: 13.5 points** (out of 100");
        RadioButtonGroup<?> conflict = _get(RadioButtonGroup.class, s -> s.withId("field-conflictDeclaration"));
        assertThat(conflict.getLabel()).isEqualTo("Conflict of interest declaration");
        assertThat(ShownTexts.options(conflict)).containsExactly("No conflict of interest", "Conflict of interest: I ask to recuse myself");
    }

}
