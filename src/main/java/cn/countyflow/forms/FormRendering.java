package cn.countyflow.forms;

import java.util.Map;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/** Builds Vaadin forms from form files, with the services the renderer needs (FEEL, uploads, storage). */
@Component
public class FormRendering {
    private final FormRegistry registry;
    private final FormFeel feel;
    private final UploadPolicy uploads;
    private final AttachmentService attachments;

    FormRendering(FormRegistry registry, FormFeel feel, UploadPolicy uploads, AttachmentService attachments) {
        this.registry = registry;
        this.feel = feel;
        this.uploads = uploads;
        this.attachments = attachments;
    }

    public RenderedForm render(String formKey, Map<String, Object> data, boolean readOnly, Supplier<String> username) {
        return new RenderedForm(registry.get(formKey), data, readOnly, new FormServices(feel, uploads, attachments, username));
    }
}
