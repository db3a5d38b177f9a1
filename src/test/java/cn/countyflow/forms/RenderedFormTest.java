package cn.countyflow.forms;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class RenderedFormTest {

    private final FormDefinition form = TestForms.load("application.form");
    private final FormFeel feel = new FormFeel();
    private final AttachmentService attachments = mock(AttachmentService.class);
    private final FormServices services = new FormServices(feel, new UploadPolicy(DataSize.ofMegabytes(20)),
            attachments, () -> "county1");

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
        UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE); // as LocaleSetup sets it for every UI
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    private RenderedForm render(Map<String, Object> data, boolean readOnly) {
        RenderedForm rendered = new RenderedForm(form, data, readOnly, services);
        UI.getCurrent().add(rendered);
        return rendered;
    }

    private static <T extends Component> T field(Class<T> type, String id) {
        return _get(type, spec -> spec.withId(id));
    }

    @Test
    @SuppressWarnings("unchecked")
    void valuesSetInFieldsComeBackFromGetData() {
        RenderedForm rendered = render(Map.of("batchName", "2019年批次"), false);

        _setValue(field(TextField.class, "field-contactName"), "张三");
        _setValue(field(BigDecimalField.class, "field-overall-gdp"), new BigDecimal("1234.56"));
        _setValue(field(DatePicker.class, "field-applyDate"), LocalDate.of(2018, 9, 7));
        ComboBox<FormComponent.Option> level = field(ComboBox.class, "field-level");
        _setValue(level, level.getListDataView().getItems().filter(o -> "provincial".equals(o.value())).findFirst().orElseThrow());
        _click(field(Button.class, "add-leadingIndustries"));
        _setValue(field(TextField.class, "field-leadingIndustries-0-name"), "装备制造");

        Map<String, Object> data = rendered.getData();
        assertThat(data).containsEntry("contactName", "张三")
                .containsEntry("applyDate", "2018-09-07")
                .containsEntry("level", "provincial")
                .containsEntry("batchName", "2019年批次");
        assertThat((Map<String, Object>) data.get("overall")).containsEntry("gdp", new BigDecimal("1234.56"));
        List<Map<String, Object>> rows = (List<Map<String, Object>>) data.get("leadingIndustries");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("name", "装备制造").containsEntry("enterprises", List.of());
        assertThat(new FormValidator(feel).validate(form, data)).isEmpty();
    }

    @Test
    void initialDataIsShownAndLabelsAndRequiredComeFromTheFile() {
        render(Map.of("contactName", "李四", "leadingIndustries",
                List.of(Map.of("name", "食品"), Map.of("name", "纺织", "enterprises", List.of(Map.of("sales", 12))))), false);
        TextField contact = field(TextField.class, "field-contactName");
        assertThat(contact.getValue()).isEqualTo("李四");
        assertThat(contact.getLabel()).isEqualTo("联系人");
        assertThat(contact.isRequiredIndicatorVisible()).isTrue();
        assertThat(field(TextField.class, "field-leadingIndustries-1-name").getValue()).isEqualTo("纺织");
        assertThat(field(BigDecimalField.class, "field-leadingIndustries-1-enterprises-0-sales").getValue())
                .isEqualByComparingTo("12");
        assertThat(field(DatePicker.class, "field-applyDate").getLabel()).isEqualTo("填报日期");
    }

    @Test
    void showErrorsMarksTheRightFieldsAndSummarisesUnknownPaths() {
        RenderedForm rendered = render(Map.of(), false);
        _click(field(Button.class, "add-leadingIndustries"));
        _setValue(field(Checkbox.class, "field-leadingIndustries-0-isCluster"), true); // a started row is checked
        Map<String, String> errors = new FormValidator(feel).validate(form, rendered.getData());
        assertThat(errors).containsKeys("contactName", "overall.gdp", "leadingIndustries[0].name");

        rendered.showErrors(Map.of("contactName", "请填写此项", "leadingIndustries[0].name", "请填写此项",
                "nowhere", "别处的错误"));

        TextField contact = field(TextField.class, "field-contactName");
        assertThat(contact.isInvalid()).isTrue();
        assertThat(contact.getErrorMessage()).isEqualTo("请填写此项");
        assertThat(field(TextField.class, "field-leadingIndustries-0-name").isInvalid()).isTrue();
        assertThat(field(BigDecimalField.class, "field-overall-gdp").isInvalid()).isFalse();
        Component summary = _get(Component.class, spec -> spec.withId("form-error-summary"));
        // an error for a field not on screen is listed by its message alone (no internal path shown to the user)
        assertThat(summary.getElement().getTextRecursively()).contains("别处的错误").doesNotContain("nowhere");

        rendered.clearErrors();
        assertThat(contact.isInvalid()).isFalse();
        assertThat(summary.isVisible()).isFalse();
    }

    @Test
    void hiddenFieldDisappearsWhenItsConditionBecomesTrue() {
        render(Map.of("hasParks", true), false);
        TextField park = field(TextField.class, "field-parkName");
        assertThat(park.isVisible()).isTrue();

        _setValue(field(Checkbox.class, "field-hasParks"), false);
        assertThat(park.isVisible()).isFalse();
        assertThat(_find(TextField.class, spec -> spec.withId("field-parkName"))).isEmpty();

        _setValue(field(Checkbox.class, "field-hasParks"), true);
        assertThat(park.isVisible()).isTrue();
    }

    /**
     * What a form sends the browser when it opens (and keeps in the session) is what differs from the components'
     * defaults: no "visible: true" for every shown component, no empty helper text for every field without a
     * description; a hidden field is still sent as hidden (issue 12: a task open sends ≤ 150 KB).
     */
    @Test
    void openingSendsNoVisibleOrHelperTextThatChangesNothing() {
        UI.getCurrent().getInternals().getStateTree().collectChanges(change -> { });
        render(Map.of("hasParks", false), false);
        List<com.vaadin.flow.internal.change.MapPutChange> puts = new java.util.ArrayList<>();
        UI.getCurrent().getInternals().getStateTree().collectChanges(change -> {
            if (change instanceof com.vaadin.flow.internal.change.MapPutChange put) puts.add(put);
        });
        assertThat(puts).filteredOn(p -> "visible".equals(p.getKey())).extracting(p -> p.getValue())
                .isNotEmpty().containsOnly(false);
        assertThat(puts).filteredOn(p -> "helperText".equals(p.getKey())).extracting(p -> p.getValue())
                .doesNotContainNull();
        assertThat(_find(TextField.class, spec -> spec.withId("field-parkName"))).isEmpty();
        assertThat(field(TextField.class, "field-contactName").isVisible()).isTrue();
    }

    @Test
    void conditionInsideDynamicListRowUsesTheRowsValues() {
        render(Map.of("leadingIndustries", List.of(Map.of("name", "甲"), Map.of("name", "乙"))), false);
        assertThat(_find(TextField.class, spec -> spec.withId("field-leadingIndustries-1-clusterName"))).isEmpty();

        _setValue(field(Checkbox.class, "field-leadingIndustries-1-isCluster"), true);

        assertThat(field(TextField.class, "field-leadingIndustries-1-clusterName").isVisible()).isTrue();
        assertThat(_find(TextField.class, spec -> spec.withId("field-leadingIndustries-0-clusterName"))).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void dynamicListAddsAndRemovesRows() {
        RenderedForm rendered = render(Map.of("leadingIndustries", List.of(Map.of("name", "甲"))), false);

        _click(field(Button.class, "add-leadingIndustries"));
        _setValue(field(TextField.class, "field-leadingIndustries-1-name"), "乙");
        _click(field(Button.class, "add-leadingIndustries"));
        _setValue(field(TextField.class, "field-leadingIndustries-2-name"), "丙");
        _click(field(Button.class, "add-leadingIndustries-1-enterprises"));
        _setValue(field(BigDecimalField.class, "field-leadingIndustries-1-enterprises-0-sales"), BigDecimal.TEN);
        assertThat(field(Button.class, "add-leadingIndustries").getText()).isEqualTo("添加 主导产业");

        _click(field(Button.class, "remove-leadingIndustries-0"));

        List<Map<String, Object>> rows = (List<Map<String, Object>>) rendered.getData().get("leadingIndustries");
        assertThat(rows).extracting(r -> r.get("name")).containsExactly("乙", "丙");
        assertThat((List<Map<String, Object>>) rows.get(0).get("enterprises"))
                .extracting(r -> r.get("sales")).containsExactly(BigDecimal.TEN);
        assertThat(field(TextField.class, "field-leadingIndustries-0-name").getValue()).isEqualTo("乙");
        assertThat(field(Button.class, "remove-leadingIndustries-1").getText()).isEqualTo("删除");
        assertThat(_find(TextField.class, spec -> spec.withId("field-leadingIndustries-2-name"))).isEmpty();
    }

    @Test
    void readOnlyFormDisablesEverything() {
        render(Map.of("contactName", "张三", "scan", Map.of("id", 5, "name", "申报书.pdf", "size", 2048,
                "contentType", "application/pdf")), true);

        for (HasValue<?, ?> f : _find(Component.class).stream()
                .filter(c -> c instanceof HasValue<?, ?> && c.getId().orElse("").startsWith("field-"))
                .map(c -> (HasValue<?, ?>) c).toList()) {
            assertThat(f.isReadOnly()).as(((Component) f).getId().orElseThrow()).isTrue();
        }
        assertThat(_find(Button.class)).isEmpty();
        assertThat(_find(Upload.class)).isEmpty();
        assertThat(_get(Component.class, spec -> spec.withId("field-scan")).getElement().getTextRecursively())
                .contains("申报书.pdf");
    }

    @Test
    @SuppressWarnings("unchecked")
    void uploadStoresThroughTheServiceAndShowsRefusals() {
        RenderedForm rendered = render(Map.of(), false);
        assertThat(_find(Upload.class)).hasSize(1);
        AttachmentRef stored = new AttachmentRef(42, "申报书.pdf", 30, "application/pdf");
        when(attachments.store(eq("申报书.pdf"), any(), eq("county1"))).thenReturn(stored);
        when(attachments.store(eq("virus.pdf"), any(), any())).thenThrow(new UploadRejectedException("文件内容与扩展名不符"));

        // the user reads which file was refused and why; it leaves the upload's list instead of showing there as done
        Upload upload = _get(Upload.class);
        assertThat(rendered.simulateUpload("scan", "virus.pdf", UploadSamples.exe()))
                .isEqualTo("「virus.pdf」未被接受，已从列表移除：文件内容与扩展名不符");
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
        assertThat(UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations())
                .anyMatch(js -> js.getOwner() == upload.getElement().getNode()
                        && js.getInvocation().getExpression().contains("this.files = []"));
        assertThat(rendered.getData().get("scan")).isNull();

        assertThat(rendered.simulateUpload("scan", "申报书.pdf", UploadSamples.pdf())).isEqualTo("已上传：申报书.pdf");
        assertThat((Map<String, Object>) rendered.getData().get("scan")).containsEntry("id", 42L).containsEntry("name", "申报书.pdf");
        assertThat(_get(Component.class, spec -> spec.withId("field-scan")).getElement().getTextRecursively())
                .contains("申报书.pdf");
        verify(attachments, never()).store(eq("other"), any(), any());
    }

    /** Issue 13, point 4: when the file store fails the user reads why, and the file uploaded before stays. */
    @Test
    @SuppressWarnings("unchecked")
    void aFailingFileStoreShowsTheErrorAndKeepsThePreviousFile() {
        RenderedForm rendered = render(Map.of(), false);
        when(attachments.store(eq("申报书.pdf"), any(), eq("county1"))).thenReturn(new AttachmentRef(42, "申报书.pdf", 30, "application/pdf"));
        String failed = cn.countyflow.workflow.Texts.get("upload.store.failed");
        when(attachments.store(eq("新申报书.pdf"), any(), any())).thenThrow(new FileStoreException(failed, new java.io.IOException("disk full")));
        rendered.simulateUpload("scan", "申报书.pdf", UploadSamples.pdf());

        assertThat(rendered.simulateUpload("scan", "新申报书.pdf", UploadSamples.pdf()))
                .isEqualTo("「新申报书.pdf」未被接受，已从列表移除：附件保存失败：文件存储暂时不可用，请稍后重试。本次上传未保存任何内容");
        assertThat((Map<String, Object>) rendered.getData().get("scan")).containsEntry("id", 42L).containsEntry("name", "申报书.pdf");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everySupportedTypeRendersAndRoundTrips() {
        FormDefinition all = TestForms.load("all-types.form");
        Map<String, Object> data = Map.of("choices", List.of(Map.of("label", "甲", "value", "a")),
                "s1", "a", "l1", List.of("a"), "n1", 3, "d1", "2020-01-02", "inGroup", "x");
        RenderedForm rendered = new RenderedForm(all, data, false, services);
        UI.getCurrent().add(rendered);

        Map<String, Object> out = rendered.getData();
        assertThat(out).containsEntry("s1", "a").containsEntry("l1", List.of("a")).containsEntry("d1", "2020-01-02")
                .containsEntry("inGroup", "x").containsEntry("f1", List.of());
        // a list the user fills opens without starter rows (issue 11), whatever defaultRepetitions says
        assertThat((List<Object>) out.get("rows")).isEmpty();
        // valuesKey options live in the task's variables, not in the submission: validate against both
        Map<String, Object> withOptions = new java.util.HashMap<>(out);
        withOptions.put("choices", data.get("choices"));
        assertThat(new FormValidator(feel).validate(all, withOptions)).isEmpty();
        assertThat(_get(Component.class, spec -> spec.withId("field-c11"))).isNotNull();
    }

    // ---- issue 11: empty starter rows, the error summary, dates typed the Chinese way ----

    @Test
    void listsTheUserFillsStartWithoutRowsAndAClearAddButton() {
        RenderedForm rendered = render(Map.of(), false);
        assertThat(_find(TextField.class, spec -> spec.withId("field-leadingIndustries-0-name"))).isEmpty();
        Button add = field(Button.class, "add-leadingIndustries");
        assertThat(add.getText()).isEqualTo("添加 主导产业");

        // nothing typed yet: the validator has nothing to flag in the list
        assertThat(new FormValidator(feel).validate(form, rendered.getData())).doesNotContainKey("leadingIndustries[0].name");
    }

    @Test
    @SuppressWarnings("unchecked")
    void wholeEmptyRowsAreDroppedNotFlagged() {
        RenderedForm rendered = render(Map.of(), false);
        _click(field(Button.class, "add-leadingIndustries"));
        _click(field(Button.class, "add-leadingIndustries"));
        _click(field(Button.class, "add-leadingIndustries"));
        _setValue(field(TextField.class, "field-leadingIndustries-1-name"), "装备制造");
        _click(field(Button.class, "add-leadingIndustries-1-enterprises"));

        // the validator (as /api sees it) skips the untouched rows, and the form drops them before submitting
        Map<String, String> errors = new FormValidator(feel).validate(form, rendered.getData());
        assertThat(errors.keySet()).noneMatch(k -> k.startsWith("leadingIndustries[0]") || k.startsWith("leadingIndustries[2]"));
        Map<String, Object> clean = new FormValidator(feel).clean(form, rendered.getData());
        assertThat((List<Object>) clean.get("leadingIndustries")).hasSize(1);

        rendered.dropBlankRows();
        List<Map<String, Object>> rows = (List<Map<String, Object>>) rendered.getData().get("leadingIndustries");
        assertThat(rows).extracting(r -> r.get("name")).containsExactly("装备制造");
        assertThat(rows.get(0).get("enterprises")).isEqualTo(List.of());
        assertThat(field(TextField.class, "field-leadingIndustries-0-name").getValue()).isEqualTo("装备制造");
        assertThat(_find(TextField.class, spec -> spec.withId("field-leadingIndustries-1-name"))).isEmpty();
    }

    @Test
    void summaryListsEveryErrorAsALinkToItsFieldAndStaysUntilFixed() {
        RenderedForm rendered = render(Map.of("leadingIndustries", List.of(Map.of("name", "甲"), Map.of("isCluster", true))), false);
        rendered.showErrors(new java.util.LinkedHashMap<>(Map.of(
                "contactName", "请填写此项",
                "leadingIndustries[1].name", "请填写此项",
                "overall.gdp", "一、二、三产业比重之和应为100%（现为90%）")));

        Component summary = _get(Component.class, spec -> spec.withId("form-error-summary"));
        assertThat(summary.isVisible()).isTrue();
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("form-error-count")).getText())
                .startsWith("有 3 处需要修改");
        Button toIndustry = field(Button.class, "error-link-leadingIndustries-1-name");
        assertThat(toIndustry.getText()).isEqualTo("主导产业 第2项 · 名称：请填写此项");
        assertThat(toIndustry.getElement().getAttribute("data-field")).isEqualTo("field-leadingIndustries-1-name");
        assertThat(field(Button.class, "error-link-overall-gdp").getText()).contains("地区GDP").contains("现为90%");
        // the links are in the form's order, not the order the server sent them
        assertThat(_find(Button.class, spec -> spec.withId("error-link-contactName"))).hasSize(1);

        // following a link scrolls to the field and focuses it
        _click(toIndustry);
        assertThat(rendered.scrolledTo()).isEqualTo("field-leadingIndustries-1-name");

        // a wrong fix keeps the entry (checked again by the form's rules); a right one removes it
        _setValue(field(TextField.class, "field-contactName"), "张三");
        assertThat(_find(Button.class, spec -> spec.withId("error-link-contactName"))).isEmpty();
        assertThat(summary.isVisible()).isTrue();
        _setValue(field(TextField.class, "field-leadingIndustries-1-name"), "纺织");
        _setValue(field(BigDecimalField.class, "field-overall-gdp"), new BigDecimal("100"));
        assertThat(summary.isVisible()).isFalse();
    }

    @Test
    void aFieldStillBreakingItsRuleStaysInTheSummary() {
        render(Map.of(), false);
        RenderedForm rendered = _get(RenderedForm.class);
        rendered.showErrors(Map.of("overall.gdp", "请填写此项"));
        _setValue(field(BigDecimalField.class, "field-overall-gdp"), new BigDecimal("-5"));
        assertThat(field(Button.class, "error-link-overall-gdp").getText()).contains("不能小于 0");
        assertThat(field(BigDecimalField.class, "field-overall-gdp").getErrorMessage()).isEqualTo("不能小于 0");
    }

    @Test
    void datesTypedTheChineseWayAreRead() {
        assertThat(ChineseDates.parse("2026-12-02")).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(ChineseDates.parse("2026/12/2")).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(ChineseDates.parse("2026年12月2日")).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(ChineseDates.parse(" 2026.1.5 ")).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(ChineseDates.parse("2026年2月30日")).isNull();
        assertThat(ChineseDates.parse("十二月二日")).isNull();

        RenderedForm rendered = render(Map.of(), false);
        DatePicker date = field(DatePicker.class, "field-applyDate");
        assertThat(date.getI18n().getToday()).isEqualTo("今天");
        assertThat(date.getI18n().getCancel()).isEqualTo("取消");
        assertThat(date.getI18n().getMonthNames()).startsWith("一月");
        // what the browser's picker cannot read reaches the server's parser, as a user typing 2026年12月2日 would
        typeUnparsable(date, "2026年12月2日");
        assertThat(date.getValue()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(rendered.getData()).containsEntry("applyDate", "2026-12-02");
        typeUnparsable(date, "明天");
        assertThat(date.getValue()).isNull(); // not read as a date: the earlier value is not kept silently
        assertThat(rendered.getData().get("applyDate")).isNull();

        // /api clients may send the same forms; the validator accepts them and the clean data holds ISO dates
        Map<String, Object> typed = new java.util.HashMap<>(Map.of("applyDate", "2026/12/2"));
        assertThat(new FormValidator(feel).validate(form, typed)).doesNotContainKey("applyDate");
        assertThat(new FormValidator(feel).clean(form, typed)).containsEntry("applyDate", "2026-12-02");
    }

    @Test
    void theScoreSheetShowsARunningTotalWhileTheExpertTypes() {
        FormDefinition sheet = new FormRegistry().get("review/score-sheet.form");
        RenderedForm rendered = new RenderedForm(sheet, Map.of(), false, services);
        UI.getCurrent().add(rendered);
        assertThat(rendered.templateText("#Field_rvTotal")).contains("当前合计：— 分");

        _setValue(field(BigDecimalField.class, "field-scores-innovation"), new BigDecimal("7.5"));
        assertThat(rendered.templateText("#Field_rvTotal")).contains("当前合计：7.5 分");
        _setValue(field(BigDecimalField.class, "field-scores-industryFocus"), new BigDecimal("11"));
        _setValue(field(BigDecimalField.class, "field-scores-government"), new BigDecimal("9"));
        assertThat(rendered.templateText("#Field_rvTotal")).contains("当前合计：27.5 分");
        _setValue(field(BigDecimalField.class, "field-scores-innovation"), null);
        assertThat(rendered.templateText("#Field_rvTotal")).contains("当前合计：20 分");
    }

    private static void typeUnparsable(DatePicker picker, String text) {
        picker.getElement().setProperty("_inputElementValue", text);
        com.github.mvysny.kaributesting.v10.ElementUtilsKt._fireDomEvent(picker.getElement(), new com.vaadin.flow.dom.DomEvent(picker.getElement(), "unparsable-change", elemental.json.Json.createObject()));
    }

}
