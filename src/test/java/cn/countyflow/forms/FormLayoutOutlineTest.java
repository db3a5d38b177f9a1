package cn.countyflow.forms;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Navigation in a long form (issue 11, point 6): fields stand in the form's own columns (Camunda Forms' 16-column
 * rows), and the 申报书 gets an outline of its chapters and 附表 that says which still have errors or are empty.
 * The real forms of forms/ are rendered.
 */
class FormLayoutOutlineTest {
    private final FormServices services = new FormServices(new FormFeel(), new UploadPolicy(DataSize.ofMegabytes(20)),
            mock(AttachmentService.class), () -> "county1");

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
        UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    private static FormDefinition form(String file) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("forms", file))) {
            return new FormParser().parse(file, in);
        }
    }

    private RenderedForm render(String file, Map<String, Object> data, boolean readOnly) throws IOException {
        RenderedForm rendered = new RenderedForm(form(file), data, readOnly, services);
        UI.getCurrent().add(rendered);
        return rendered;
    }

    private static FormLayout layoutOf(Component field) {
        Component c = field;
        while (!(c instanceof FormLayout)) c = c.getParent().orElseThrow();
        return (FormLayout) c;
    }

    @Test
    void fieldsStandInTheFormsOwnColumns() throws IOException {
        render("pilot/draft.form", Map.of(), false);
        // 联系人 and 联系电话 share a row; 申报单位 (10 of 16) and 填报日期 (6 of 16) share another
        Component applicant = _get(TextField.class, s -> s.withId("field-applicantName"));
        assertThat(layoutOf(applicant).getColspan(applicant)).isEqualTo(10);
        assertThat(RenderedForm.GRID_COLUMNS).isEqualTo(16);
        // three numbers of one row without widths share it equally
        var shares = List.of("overall-primaryShare", "overall-secondaryShare", "overall-tertiaryShare");
        for (String id : shares) {
            Component f = _get(com.vaadin.flow.component.textfield.BigDecimalField.class, s -> s.withId("field-" + id));
            assertThat(layoutOf(f).getColspan(f)).as(id).isEqualTo(5);
        }
        // a row that leaves the width unfilled is closed, so that the next row starts on its own line
        FormLayout overall = layoutOf(_get(com.vaadin.flow.component.textfield.BigDecimalField.class,
                s -> s.withId("field-overall-primaryShare")));
        assertThat(overall.getElement().getChildren().anyMatch(e -> "br".equals(e.getTag()))).isTrue();
    }

    @Test
    void theLongFormHasAnOutlineThatSaysWhatIsLeft() throws IOException {
        RenderedForm rendered = render("pilot/draft.form", Map.of(), false);
        Div outline = _get(Div.class, s -> s.withId("form-outline"));
        assertThat(outline.getElement().getTextRecursively()).contains("实施方案").contains("一、总体情况")
                .contains("附表2").contains("加盖公章的申报书扫描件");
        assertThat(rendered.outlineState("overall")).isEqualTo("未填");

        rendered.showErrors(Map.of("overall.primaryShare", "请填写此项", "overall.secondaryShare", "请填写此项"));
        assertThat(rendered.outlineState("overall")).isEqualTo("2 处待改");

        _get(com.vaadin.flow.component.textfield.BigDecimalField.class, s -> s.withId("field-overall-primaryShare"))
                .setValue(new java.math.BigDecimal("10"));
        assertThat(rendered.outlineState("overall")).as("the corrected field leaves the count").isEqualTo("1 处待改");
        rendered.clearErrors();
        assertThat(rendered.outlineState("overall")).isEqualTo("已填");

        // an entry takes the user to its section
        _get(Button.class, s -> s.withId("outline-overall"));
    }

    @Test
    void shortFormsAndReadOnlyFormsHaveNoOutline() throws IOException {
        render("pilot/leader-signoff.form", Map.of(), false);
        assertThat(_find(Div.class, s -> s.withId("form-outline"))).isEmpty();
        MockVaadin.tearDown();
        MockVaadin.setup();
        render("pilot/draft.form", Map.of(), true);
        assertThat(_find(Div.class, s -> s.withId("form-outline"))).isEmpty();
    }
}
