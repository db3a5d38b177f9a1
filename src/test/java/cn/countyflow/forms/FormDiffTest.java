package cn.countyflow.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Issue 11 point 15: a change is named the way the form names it, rows counted from 1, grouped by section. */
class FormDiffTest {
    static final FormDiff DRAFT = FormDiff.of("forms/pilot/draft.form");

    @Test
    void aNestedListFieldReadsAsTheFormNamesIt() {
        assertThat(DRAFT.label("leadingIndustries[1].enterprises[0].sales")).isEqualTo("主导产业 第2项 · 企业 第1项 · 销售收入");
        assertThat(DRAFT.section("leadingIndustries[1].enterprises[0].sales")).isEqualTo("主导产业");
        // numbering and bracketed notes are dropped from labels without a short label of their own
        assertThat(DRAFT.label("overall.gdp")).isEqualTo("总体情况 · 地区GDP");
        assertThat(DRAFT.label("plan.chapter1")).isEqualTo("实施方案 · 基础条件");
        assertThat(DRAFT.label("policies[2].title")).isEqualTo("配套政策 第3项 · 政策文件名称");
        // a field at the top level belongs to the heading above it
        assertThat(DRAFT.section("targetPeriod")).isEqualTo("三年量化创建目标");
        assertThat(DRAFT.section("sealedScan")).isEqualTo("附件");
        // a path the form does not know is shown as it is
        assertThat(DRAFT.label("unknown.field")).isEqualTo("unknown.field");
    }

    @Test
    void changesAreGroupedBySectionInTheOrderTheyOccur() {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("overall", Map.of("gdp", 100, "area", 5));
        before.put("leadingIndustries", List.of(Map.of("name", "电缆", "enterprises", List.of(Map.of("sales", 10)))));
        before.put("sealedScan", Map.of("id", 1, "name", "a.pdf"));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("overall", Map.of("gdp", 100.0, "area", 6));
        after.put("leadingIndustries", List.of(Map.of("name", "电缆", "enterprises", List.of(Map.of("sales", 12)))));
        after.put("sealedScan", Map.of("id", 2, "name", "b.pdf"));

        List<FormDiff.Change> changes = DRAFT.between(before, after);
        // 100 and 100.0 are the same number; a file is compared whole
        assertThat(changes).extracting(FormDiff.Change::label)
                .containsExactly("总体情况 · 国土面积", "主导产业 第1项 · 企业 第1项 · 销售收入", "加盖公章的申报书扫描件");
        assertThat(FormDiff.bySection(changes)).containsOnlyKeys("总体情况", "主导产业", "附件");
    }

    /** Issue 11 point 16: an English reader reads the changes in English, from the same form. */
    @Test
    void anEnglishReaderReadsTheChangesInEnglish() {
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.ENGLISH);
        try {
            assertThat(DRAFT.label("leadingIndustries[1].enterprises[0].sales"))
                    .isEqualTo("Leading industries item 2 · Enterprises item 1 · Sales revenue");
            assertThat(DRAFT.label("overall.gdp")).isEqualTo("Overview · GDP");
            assertThat(DRAFT.label("plan.chapter1")).isEqualTo("Implementation plan · Foundations");
            assertThat(DRAFT.section("targetPeriod")).isEqualTo("Three-year quantified pilot targets");
            assertThat(DRAFT.section("sealedScan")).isEqualTo("Attachments");
            List<FormDiff.Change> changes = DRAFT.between(Map.of("overall", Map.of("area", 5)), Map.of("overall", Map.of("area", 6)));
            assertThat(changes).extracting(FormDiff.Change::section, FormDiff.Change::label)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Overview", "Overview · Land area"));
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
        // the same diff, read again in Chinese
        assertThat(DRAFT.label("overall.gdp")).isEqualTo("总体情况 · 地区GDP");
    }

    @Test
    void shortenDropsNumberingAndAClosingNote() {
        assertThat(FormDiff.shorten("二、主导产业情况（含三、分产业情况）")).isEqualTo("主导产业情况");
        assertThat(FormDiff.shorten("附表2 申报县（市、区）主要产业配套政策")).isEqualTo("申报县（市、区）主要产业配套政策");
        assertThat(FormDiff.shorten("第一章 基础条件")).isEqualTo("基础条件");
        assertThat(FormDiff.shorten("（万元）")).isEqualTo("（万元）");
        assertThat(FormDiff.shorten("II. Leading industries (including III. by industry)")).isEqualTo("Leading industries");
        assertThat(FormDiff.shorten("Schedule 2: Main supporting industrial policies")).isEqualTo("Main supporting industrial policies");
        assertThat(FormDiff.shorten("Chapter 1: Foundations")).isEqualTo("Foundations");
    }
}
