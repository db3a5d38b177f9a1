package cn.countyflow.forms;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class FormValidatorTest {

    private final FormDefinition form = TestForms.load("application.form");
    private final FormValidator validator = new FormValidator(new FormFeel());

    /** A valid submission; each test breaks one thing. */
    private static Map<String, Object> valid() {
        Map<String, Object> data = new HashMap<>();
        data.put("contactName", "张三");
        data.put("applyDate", "2018-09-07");
        data.put("overall", new HashMap<>(Map.of("gdp", new BigDecimal("1234.5"), "rdShare", 2.35)));
        Map<String, Object> industry = new HashMap<>();
        industry.put("name", "装备制造");
        industry.put("enterprises", List.of(new HashMap<>(Map.of("name", "甲公司", "sales", 100))));
        data.put("leadingIndustries", List.of(industry));
        return data;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> industry(Map<String, Object> data, int i) {
        return (Map<String, Object>) ((List<Object>) data.get("leadingIndustries")).get(i);
    }

    @Test
    void validDataHasNoErrors() {
        assertThat(validator.validate(form, valid())).isEmpty();
    }

    @Test
    void required() {
        Map<String, Object> data = valid();
        data.remove("contactName");
        data.put("applyDate", " ");
        industry(data, 0).put("name", "");
        assertThat(validator.validate(form, data)).containsOnly(
                entry("contactName", "请填写此项"),
                entry("applyDate", "请填写此项"),
                entry("leadingIndustries[0].name", "请填写此项"));
    }

    @Test
    void requiredInsideGroup() {
        Map<String, Object> data = valid();
        data.put("overall", new HashMap<>());
        assertThat(validator.validate(form, data)).containsOnly(entry("overall.gdp", "请填写此项"));
    }

    @Test
    void min() {
        Map<String, Object> data = valid();
        ((Map<String, Object>) data.get("overall")).put("gdp", -1);
        assertThat(validator.validate(form, data)).containsOnly(entry("overall.gdp", "不能小于 0"));
    }

    @Test
    void minInNestedDynamicList() {
        Map<String, Object> data = valid();
        industry(data, 0).put("enterprises", List.of(Map.of("sales", 1), Map.of("sales", "-0.5")));
        assertThat(validator.validate(form, data))
                .containsOnly(entry("leadingIndustries[0].enterprises[1].sales", "不能小于 0"));
    }

    @Test
    void max() {
        Map<String, Object> data = valid();
        ((Map<String, Object>) data.get("overall")).put("rdShare", new BigDecimal("100.01"));
        assertThat(validator.validate(form, data)).containsOnly(entry("overall.rdShare", "不能大于 100"));
    }

    @Test
    void minLengthAndMaxLength() {
        Map<String, Object> data = valid();
        data.put("contactName", "张");
        assertThat(validator.validate(form, data)).containsOnly(entry("contactName", "至少 2 个字"));
        data.put("contactName", "张".repeat(11));
        assertThat(validator.validate(form, data)).containsOnly(entry("contactName", "最多 10 个字"));
    }

    /** English is whole (issue 11.16): an English reader gets the same errors in English, counts in the right number. */
    @Test
    void errorsInTheReadersLanguage() {
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.ENGLISH);
        try {
            Map<String, Object> data = valid();
            data.put("contactName", "张");
            data.remove("applyDate");
            ((Map<String, Object>) data.get("overall")).put("gdp", "12.345");
            assertThat(validator.validate(form, data)).containsOnly(entry("contactName", "At least 2 characters"),
                    entry("applyDate", "This field is required"), entry("overall.gdp", "At most 2 decimal places"));
            data = valid();
            data.put("contactName", "张".repeat(11));
            assertThat(validator.validate(form, data)).containsOnly(entry("contactName", "At most 10 characters"));
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void pattern() {
        Map<String, Object> data = valid();
        data.put("creditCode", "91130100abc");
        assertThat(validator.validate(form, data)).containsOnly(entry("creditCode", "格式不正确"));
        data.put("creditCode", "91130100MA0CXXXX1X");
        assertThat(validator.validate(form, data)).isEmpty();
    }

    @Test
    void emailAndPhone() {
        Map<String, Object> data = valid();
        data.put("email", "not-an-email");
        data.put("phone", "12345");
        assertThat(validator.validate(form, data)).containsOnly(
                entry("email", "请输入有效的电子邮箱地址"), entry("phone", "请输入有效的电话号码"));
        data.put("email", "a@b.cn");
        data.put("phone", "0311-87654321");
        assertThat(validator.validate(form, data)).isEmpty();
        data.put("phone", "13812345678");
        assertThat(validator.validate(form, data)).isEmpty();
    }

    @Test
    void numberTypeAndDecimals() {
        Map<String, Object> data = valid();
        ((Map<String, Object>) data.get("overall")).put("gdp", "12.345");
        ((Map<String, Object>) data.get("overall")).put("rdShare", "abc");
        assertThat(validator.validate(form, data)).containsOnly(
                entry("overall.gdp", "最多 2 位小数"), entry("overall.rdShare", "请输入数字"));
        ((Map<String, Object>) data.get("overall")).put("gdp", new BigDecimal("12.3400"));
        ((Map<String, Object>) data.get("overall")).put("rdShare", 0.1);
        assertThat(validator.validate(form, data)).isEmpty();
    }

    @Test
    void optionsAndChecklistSubset() {
        Map<String, Object> data = valid();
        data.put("level", "county");
        data.put("areas", List.of("innovation", "smuggled"));
        assertThat(validator.validate(form, data)).containsOnly(
                entry("level", "请从选项中选择"), entry("areas", "请从选项中选择"));
        data.put("level", "national");
        data.put("areas", List.of("innovation", "quality"));
        assertThat(validator.validate(form, data)).isEmpty();
    }

    @Test
    void dateMustBeADate() {
        Map<String, Object> data = valid();
        // dates typed the Chinese way are dates too (issue 11)
        data.put("applyDate", "2018/09/07");
        assertThat(validator.validate(form, data)).isEmpty();
        data.put("applyDate", "2018年9月7日");
        assertThat(validator.validate(form, data)).isEmpty();
        data.put("applyDate", "07.09.2018");
        assertThat(validator.validate(form, data)).containsOnly(entry("applyDate", "日期格式不正确，应为 yyyy-MM-dd"));
        data.put("applyDate", "2018-02-30");
        assertThat(validator.validate(form, data)).containsOnly(entry("applyDate", "日期格式不正确，应为 yyyy-MM-dd"));
    }

    @Test
    void hiddenFieldsAreNotValidatedAndReadonlyNotRequired() {
        Map<String, Object> data = valid();
        // parkName is required but hidden while hasParks is not true; clusterName likewise per row
        assertThat(validator.validate(form, data)).doesNotContainKeys("parkName", "leadingIndustries[0].clusterName", "batchName");
        data.put("hasParks", true);
        industry(data, 0).put("isCluster", true);
        assertThat(validator.validate(form, data)).containsOnly(
                entry("parkName", "请填写此项"), entry("leadingIndustries[0].clusterName", "请填写此项"));
    }

    @Test
    void filepickerValueMustReferenceAnAttachment() {
        Map<String, Object> data = valid();
        data.put("scan", Map.of("name", "x.pdf"));
        assertThat(validator.validate(form, data)).containsOnly(entry("scan", "附件无效，请重新上传"));
        data.put("scan", Map.of("id", 7, "name", "x.pdf", "size", 10, "contentType", "application/pdf"));
        assertThat(validator.validate(form, data)).isEmpty();
        data.put("scan", new AttachmentRef(7, "x.pdf", 10, "application/pdf"));
        assertThat(validator.validate(form, data)).isEmpty();
    }

    @Test
    void cleanDropsUndeclaredAndHiddenKeys() {
        Map<String, Object> data = valid();
        data.put("smuggled", "x");
        data.put("parkName", "hidden park");
        ((Map<String, Object>) data.get("overall")).put("extra", 1);
        industry(data, 0).put("clusterName", "hidden cluster");
        industry(data, 0).put("rowExtra", true);

        Map<String, Object> clean = validator.clean(form, data);

        assertThat(clean).containsOnlyKeys("contactName", "applyDate", "overall", "leadingIndustries");
        assertThat((Map<String, Object>) clean.get("overall")).containsOnlyKeys("gdp", "rdShare");
        assertThat(industry(clean, 0)).containsOnlyKeys("name", "enterprises");

        data.put("hasParks", true);
        assertThat(validator.clean(form, data)).containsEntry("parkName", "hidden park");
    }
}
