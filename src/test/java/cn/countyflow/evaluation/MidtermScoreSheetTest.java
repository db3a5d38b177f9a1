package cn.countyflow.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Contract 1's mid-term sheet: {@code midtermScoreItems} (the six work areas and target completion, total 100) and
 * {@code forms/evaluation/midterm-score-sheet.form} agree item by item, with the review's conflict fields.
 */
class MidtermScoreSheetTest {
    final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    List<Map<String, Object>> items(Object sheet) throws Exception {
        return items(sheet, true);
    }

    List<Map<String, Object>> items(Object sheet, boolean passSheet) throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("processes/midterm-score-items.dmn")) {
            Map<String, Object> vars = new HashMap<>();
            if (passSheet) vars.put("sheet", sheet);
            return dmn.evaluateDecisionTable(dmn.parseDecision("midtermScoreItems", in), vars).getResultList();
        }
    }

    @Test
    void theItemsAddUpToOneHundredWhateverSheetIsAskedFor() throws Exception {
        List<Map<String, Object>> items = items("midterm");
        assertThat(items).extracting(i -> i.get("itemLabel")).containsExactly("创新驱动", "质量为先", "绿色发展", "结构优化",
                "人才为本", "工作保障", "目标任务完成情况");
        assertThat(items.stream().mapToDouble(i -> ((Number) i.get("maxScore")).doubleValue()
                * ((Number) i.get("weight")).doubleValue()).sum()).isEqualTo(100.0);
        assertThat(items(null)).hasSize(7);
        // the caller (expertReview) need not know the input: without a sheet variable the items are the same
        assertThat(items(null, false)).hasSize(7);
    }

    @Test
    void theFormHasOneNumberPerItemUnderScoresAndTheReviewsConflictFields() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode form = json.readTree(getClass().getClassLoader().getResource("forms/evaluation/midterm-score-sheet.form"));
        JsonNode review = json.readTree(getClass().getClassLoader().getResource("forms/review/score-sheet.form"));
        JsonNode scores = null;
        for (JsonNode c : form.path("components")) if ("scores".equals(c.path("path").asText())) scores = c;
        assertThat(scores).isNotNull();
        List<String> keys = new ArrayList<>();
        for (JsonNode c : scores.path("components")) {
            keys.add(c.path("key").asText());
            assertThat(c.path("type").asText()).isEqualTo("number");
        }
        assertThat(keys).containsExactlyElementsOf(items("midterm").stream().map(i -> (String) i.get("itemKey")).toList());
        for (JsonNode c : scores.path("components")) {
            double max = items("midterm").stream().filter(i -> i.get("itemKey").equals(c.path("key").asText()))
                    .mapToDouble(i -> ((Number) i.get("maxScore")).doubleValue()).findFirst().orElseThrow();
            assertThat(c.path("validate").path("max").asDouble()).isEqualTo(max);
        }
        for (String key : List.of("conflictDeclaration", "conflictReason")) {
            JsonNode mine = find(form, key), theirs = find(review, key);
            assertThat(mine.path("values")).isEqualTo(theirs.path("values"));
            assertThat(mine.path("conditional")).isEqualTo(theirs.path("conditional"));
            assertThat(mine.path("validate")).isEqualTo(theirs.path("validate"));
        }
        assertThat(find(form, "comment").path("type").asText()).isEqualTo("textarea");
        assertThat(find(form, "comment").path("validate").path("required").asBoolean()).isTrue();
    }

    static JsonNode find(JsonNode form, String key) {
        for (JsonNode c : form.path("components")) if (key.equals(c.path("key").asText())) return c;
        throw new AssertionError("no field " + key);
    }
}
