package cn.countyflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The review's DMN files parse, carry diagram information for Modeler, and say what the score sheet needs. */
class DecisionFilesTest {
    final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    DmnDecision decision(String file, String key) throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("processes/" + file)) {
            return dmn.parseDecision(key, in);
        }
    }

    @Test
    void everyDmnFileHasDiagramInformationAndAHistoryTimeToLive() throws Exception {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:processes/**/*.dmn");
        assertThat(files).isNotEmpty();
        for (Resource r : files) {
            String xml = r.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            try (InputStream in = r.getInputStream()) {
                DmnModelInstance model = Dmn.readModelFromStream(in);
                Dmn.validateModel(model);
                for (Decision d : model.getModelElementsByType(Decision.class)) {
                    assertThat(d.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive of %s", d.getId()).isNotBlank();
                    assertThat(xml).as("DMNDI shape of %s in %s", d.getId(), r.getFilename())
                            .contains("<dmndi:DMNShape").contains("dmnElementRef=\"" + d.getId() + "\"");
                }
            }
        }
    }

    @Test
    void theScoreItemsAddUpToOneHundred() throws Exception {
        List<Map<String, Object>> items = dmn.evaluateDecisionTable(decision("score-items.dmn", "scoreItems"),
                Map.of()).getResultList();
        assertThat(items).hasSize(12);
        double total = items.stream().mapToDouble(i -> ((Number) i.get("maxScore")).doubleValue()
                * ((Number) i.get("weight")).doubleValue()).sum();
        assertThat(total).isEqualTo(100.0);
    }

    /**
     * An expert's errors quote the item (“创新驱动”); an English reader reads it from {@code review.item.<key>}, whose
     * Chinese is the decision's own label (issue 11 point 16). An item the bundles do not know keeps the decision's label.
     */
    @Test
    void everyScoreItemHasItsNameInBothLanguages() throws Exception {
        java.util.Properties zh = new java.util.Properties();
        java.util.Properties en = new java.util.Properties();
        try (var z = getClass().getClassLoader().getResourceAsStream("messages_zh_CN.properties");
             var e = getClass().getClassLoader().getResourceAsStream("messages_en.properties")) {
            zh.load(new java.io.InputStreamReader(z, java.nio.charset.StandardCharsets.UTF_8));
            en.load(new java.io.InputStreamReader(e, java.nio.charset.StandardCharsets.UTF_8));
        }
        int items = 0;
        for (String[] file : new String[][] {{"score-items.dmn", "scoreItems"}, {"midterm-score-items.dmn", "midtermScoreItems"}}) {
            for (Map<String, Object> item : dmn.evaluateDecisionTable(decision(file[0], file[1]), Map.of()).getResultList()) {
                String key = "review.item." + item.get("itemKey");
                assertThat(zh.getProperty(key)).as(key).isEqualTo(item.get("itemLabel"));
                assertThat(en.getProperty(key)).as(key).isNotBlank().doesNotContainPattern("[\\x{4e00}-\\x{9fff}]");
                items++;
            }
        }
        assertThat(items).isEqualTo(19);

        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.ENGLISH);
        try {
            var innovation = new ScoreRules.Item("innovation", "创新驱动", java.math.BigDecimal.TEN, java.math.BigDecimal.ONE);
            assertThat(ReviewService.itemLabel(innovation)).isEqualTo("Innovation-driven development");
            var added = new ScoreRules.Item("digitalisation", "数字化转型", java.math.BigDecimal.TEN, java.math.BigDecimal.ONE);
            assertThat(ReviewService.itemLabel(added)).isEqualTo("数字化转型");
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
        assertThat(ReviewService.itemLabel(new ScoreRules.Item("innovation", "创新驱动", java.math.BigDecimal.TEN,
                java.math.BigDecimal.ONE))).isEqualTo("创新驱动");
    }

    @Test
    void fiveOrMoreExpertsAreTrimmedAndTheThresholdIsTwenty() throws Exception {
        DmnDecision d = decision("score-aggregation.dmn", "scoreAggregation");
        var five = dmn.evaluateDecisionTable(d, Map.of("expertCount", 5)).getSingleResult();
        var three = dmn.evaluateDecisionTable(d, Map.of("expertCount", 3)).getSingleResult();
        assertThat(five.get("trimHighLow")).isEqualTo(true);
        assertThat(three.get("trimHighLow")).isEqualTo(false);
        assertThat(((Number) five.get("spreadThreshold")).doubleValue()).isEqualTo(20.0);
    }
}
