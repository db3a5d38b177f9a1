package cn.countyflow.forms;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormParserTest {

    @Test
    void everySupportedTypeParses() {
        FormDefinition form = TestForms.load("all-types.form");
        Set<String> types = new TreeSet<>();
        collect(form.components(), types);
        assertThat(types).containsExactlyInAnyOrderElementsOf(FormParser.supportedTypes());
        assertThat(form.id()).isEqualTo("all-types");
    }

    @Test
    void applicationFormParsesWithNestedComponents() {
        FormDefinition form = TestForms.load("application.form");
        FormComponent list = form.components().stream().filter(FormComponent::isDynamicList).findFirst().orElseThrow();
        assertThat(list.getPath()).isEqualTo("leadingIndustries");
        assertThat(list.getComponents()).extracting(FormComponent::getType)
                .containsExactly("textfield", "checkbox", "textfield", "dynamiclist");
        FormComponent date = form.components().stream().filter(c -> "datetime".equals(c.getType())).findFirst().orElseThrow();
        assertThat(date.getDisplayLabel()).isEqualTo("填报日期");
    }

    @Test
    void unknownTypeFailsNamingFileAndComponent() {
        assertThatThrownBy(() -> TestForms.load("bad-type.form"))
                .isInstanceOf(FormSchemaException.class)
                .hasMessageContaining("forms-test/bad-type.form")
                .hasMessageContaining("Table_1")
                .hasMessageContaining("'table' is not supported");
    }

    @Test
    void unsupportedSubtypeFailsNamingFileAndComponent() {
        assertThatThrownBy(() -> TestForms.load("bad-time.form"))
                .isInstanceOf(FormSchemaException.class)
                .hasMessageContaining("forms-test/bad-time.form")
                .hasMessageContaining("Field_time")
                .hasMessageContaining("startTime")
                .hasMessageContaining("subtype 'time'");
    }

    @Test
    void invalidFeelFailsAtLoad() {
        assertThatThrownBy(() -> TestForms.load("bad-feel.form"))
                .isInstanceOf(FormSchemaException.class)
                .hasMessageContaining("Field_x")
                .hasMessageContaining("not valid FEEL");
    }

    @Test
    void otherUnsupportedTypesAndValuesFail() {
        for (String component : List.of(
                "{\"type\":\"iframe\",\"id\":\"I\",\"url\":\"https://x\"}",
                "{\"type\":\"html\",\"id\":\"H\",\"content\":\"<b>x</b>\"}",
                "{\"type\":\"textfield\",\"id\":\"T\"}",
                "{\"type\":\"textfield\",\"id\":\"T\",\"key\":\"a\",\"readonly\":\"=true\"}",
                "{\"type\":\"select\",\"id\":\"S\",\"key\":\"s\",\"valuesExpression\":\"=x\"}",
                "{\"type\":\"number\",\"id\":\"N\",\"key\":\"n\",\"validate\":{\"min\":\"=x\"}}")) {
            String json = "{\"type\":\"default\",\"components\":[" + component + "]}";
            assertThatThrownBy(() -> new FormParser().parse("x.form",
                    new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                    .as(component)
                    .isInstanceOf(FormSchemaException.class)
                    .hasMessageStartingWith("x.form: component '");
        }
    }

    @Test
    void registryFindsCachesAndRefuses() {
        FormRegistry registry = new FormRegistry(new PathMatchingResourcePatternResolver(), "forms-test");
        assertThat(registry.allFormKeys()).contains("application.form", "all-types.form");
        FormDefinition first = registry.get("application.form");
        assertThat(registry.get("forms-test/application.form")).isSameAs(first);
        assertThatThrownBy(() -> registry.get("pilot/missing.form"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("forms-test/pilot/missing.form");
        assertThatThrownBy(() -> registry.get("../application.yml")).isInstanceOf(IllegalArgumentException.class);
    }

    private static void collect(List<FormComponent> components, Set<String> types) {
        for (FormComponent c : new ArrayList<>(components)) {
            types.add(c.getType());
            collect(c.getComponents(), types);
        }
    }
}
