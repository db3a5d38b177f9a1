package cn.countyflow.forms;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** Every form file of the application (classpath*:forms/**\/*.form) parses and renders. Passes with zero files. */
class AllFormsTest {

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void everyFormFileParsesAndRenders() {
        FormRegistry registry = new FormRegistry();
        FormFeel feel = new FormFeel();
        FormServices services = new FormServices(feel, new UploadPolicy(org.springframework.util.unit.DataSize.ofMegabytes(20)),
                mock(AttachmentService.class), () -> "tester");
        FormValidator validator = new FormValidator(feel);
        for (String key : registry.allFormKeys()) {
            FormDefinition form = registry.get(key);
            for (boolean readOnly : new boolean[] {false, true}) {
                RenderedForm rendered = new RenderedForm(form, Map.of(), readOnly, services);
                UI.getCurrent().add(rendered);
                Map<String, Object> data = rendered.getData();
                assertThat(validator.clean(form, data)).as(key).isNotNull();
                validator.validate(form, data);
                UI.getCurrent().remove(rendered);
            }
        }
    }
}
