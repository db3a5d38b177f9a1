package cn.countyflow.forms;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FormFeelTest {

    private final FormFeel feel = new FormFeel();

    @Test
    void hidesByValue() {
        assertThat(feel.isHidden("=hasParks != true", Map.of("hasParks", true))).isFalse();
        assertThat(feel.isHidden("=hasParks != true", Map.of("hasParks", false))).isTrue();
        assertThat(feel.isHidden("=hasParks != true", Map.of())).isTrue();
        assertThat(feel.isHidden("=level = \"national\"", Map.of("level", "national"))).isTrue();
    }

    @Test
    void failingOrNonBooleanExpressionIsNotHidden() {
        assertThat(feel.isHidden("=a = = b", Map.of())).isFalse();
        assertThat(feel.isHidden("=1 + \"x\"", Map.of())).isFalse();
        assertThat(feel.isHidden("=\"text\"", Map.of())).isFalse();
        assertThat(feel.isHidden(null, Map.of())).isFalse();
    }

    @Test
    void rowFieldsAndTopLevelFieldsAreVisibleInsideDynamicListRows() {
        FormDefinition form = TestForms.load("application.form");
        FormWalker walker = new FormWalker(feel);
        Map<String, Object> data = new HashMap<>();
        // each row holds something (a row with nothing but an unticked box is blank and dropped, issue 11)
        data.put("leadingIndustries", List.of(Map.of("isCluster", true), Map.of("isCluster", false, "name", "装备制造")));
        Map<String, Boolean> hidden = new HashMap<>();
        walker.walk(form, data, (c, address, value, isHidden) -> hidden.put(address, isHidden));
        assertThat(hidden).containsEntry("leadingIndustries[0].clusterName", false)
                .containsEntry("leadingIndustries[1].clusterName", true)
                .containsEntry("parkName", true);

        // a row expression can also use top-level data
        assertThat(feel.isHidden("=hasParks = true and isCluster = true",
                Map.of("hasParks", true, "isCluster", true))).isTrue();
    }

    /** The remembered answers follow the values the condition reads, in any order, and never another condition's. */
    @Test
    void rememberedAnswersFollowTheValuesTheConditionReads() {
        String returned = "=returnReason = null or returnReason = \"\"";
        for (int round = 0; round < 2; round++) {
            assertThat(feel.isHidden(returned, Map.of())).isTrue();
            assertThat(feel.isHidden(returned, Map.of("returnReason", "请补充"))).isFalse();
            assertThat(feel.isHidden(returned, Map.of("returnReason", ""))).isTrue();
            assertThat(feel.isHidden(returned, Map.of("returnReason", "请补充", "other", 1))).isFalse();
        }
        // a word inside a text literal is not a name the condition reads
        assertThat(feel.isHidden("=level = \"national\"", Map.of("level", "national", "national", "x"))).isTrue();
        assertThat(feel.isHidden("=level = \"national\"", Map.of("level", "provincial", "national", "x"))).isFalse();
        // numbers of the same value but another type are asked again, not confused
        assertThat(feel.isHidden("=score > 60", Map.of("score", 61))).isTrue();
        assertThat(feel.isHidden("=score > 60", Map.of("score", 59.5))).isFalse();
    }

    /** A condition that reads a list or a group is evaluated each time: its answer follows the content. */
    @Test
    void conditionsOnListsAndGroupsAreNotRemembered() {
        List<Object> rows = new java.util.ArrayList<>(List.of(Map.of("a", 1), Map.of("a", 2), Map.of("a", 3)));
        Map<String, Object> context = new HashMap<>(Map.of("items", rows));
        assertThat(feel.isHidden("=count(items) > 2", context)).isTrue();
        rows.remove(0);
        rows.remove(0);
        assertThat(feel.isHidden("=count(items) > 2", context)).isFalse();
        Map<String, Object> group = new HashMap<>(Map.of("kind", "A"));
        assertThat(feel.isHidden("=g.kind = \"A\"", Map.of("g", group))).isTrue();
        group.put("kind", "B");
        assertThat(feel.isHidden("=g.kind = \"A\"", Map.of("g", group))).isFalse();
    }
}
