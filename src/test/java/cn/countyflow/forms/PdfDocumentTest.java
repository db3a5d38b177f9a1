package cn.countyflow.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The paper-form layout without Spring: headings, fields, tables across pages, text no glyph exists for. */
class PdfDocumentTest {

    @Test
    void longTextsWrapAcrossPagesAndEveryPageNamesTheRevision() throws Exception {
        String longText = "支持技术改造、研发投入后补助、人才引进奖励。".repeat(150);
        PdfDocument pdf = new PdfDocument("测试申报书", "新乐市 · 第3版 · 生成于 2026-12-06 08:00");
        pdf.heading("附表2 主要产业配套政策").heading("附表2 主要产业配套政策");
        pdf.field("申报单位", "新乐市");
        pdf.table(List.of("序号", "政策文件名称", "主要政策点"),
                List.of(List.of("1", "短政策", "要点"), List.of("2", "长政策", longText), List.of("3", "含表情😀的政策", "x")),
                new float[]{0.5f, 1, 2.5f});
        byte[] bytes = pdf.toBytes();
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            assertThat(text).contains("测试申报书", "申报单位：新乐市", "短政策", "长政策", "支持技术改造");
            // a heading given twice in a row (a group and its own text) prints once
            assertThat(text.split("附表2 主要产业配套政策", -1)).hasSize(2);
            // a character the font lacks prints as □, the rest of the document stands
            assertThat(text).contains("含表情□的政策");
            // every page's foot: what it is, when it was generated, page n of N
            assertThat(text).contains("新乐市 · 第3版 · 生成于 2026-12-06 08:00 · 1/" + doc.getNumberOfPages());
        }
    }

    /** An English print (issue 11 point 16) breaks its lines between words, Chinese between any two characters. */
    @Test
    void englishWrapsBetweenWordsAndChineseAnywhere() {
        PdfDocument pdf = new PdfDocument("t", "f");
        List<String> english = pdf.wrap("Baseline value of the manufacturing quality competitiveness index", 10, 90);
        assertThat(english.size()).isGreaterThan(2);
        assertThat(String.join(" ", english)).isEqualTo("Baseline value of the manufacturing quality competitiveness index");
        assertThat(english).allSatisfy(line -> assertThat(line).doesNotStartWith(" ").doesNotEndWith(" "));
        // a word longer than the line is cut where it must be
        assertThat(pdf.wrap("Supercalifragilisticexpialidocious", 10, 40).size()).isGreaterThan(1);
        List<String> chinese = pdf.wrap("支持技术改造、研发投入后补助、人才引进奖励。", 10, 60);
        assertThat(String.join("", chinese)).isEqualTo("支持技术改造、研发投入后补助、人才引进奖励。");
        assertThat(chinese.get(0).length()).isEqualTo(6);
    }
}
