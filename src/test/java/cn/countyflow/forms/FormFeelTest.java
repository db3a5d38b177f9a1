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
}
