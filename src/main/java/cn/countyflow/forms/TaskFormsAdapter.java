package cn.countyflow.forms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.countyflow.workflow.TaskForms;
import cn.countyflow.workflow.Texts;

/** Task work's view of the form files: schema, validation, cleaning and the attachments a submission cites. */
@Component
class TaskFormsAdapter implements TaskForms {
    private final FormRegistry registry;
    private final FormValidator validator;
    private final AttachmentService attachments;
    private final ObjectMapper json = new ObjectMapper();

    TaskFormsAdapter(FormRegistry registry, FormValidator validator, AttachmentService attachments) {
        this.registry = registry;
        this.validator = validator;
        this.attachments = attachments;
    }

    /** The schema as deployed, with its texts in the reader's language (clients such as form-js render it themselves). */
    @Override
    public String schemaJson(String formKey) {
        String schema = registry.schemaJson(formKey);
        FormDefinition form = registry.get(formKey);
        FormTexts texts = FormTexts.of(form);
        if (!Texts.ENGLISH.equals(texts.locale())) return schema;
        try {
            return json.writeValueAsString(texts.translate(form, json.readTree(schema)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("form schema unreadable: " + formKey, e);
        }
    }

    @Override
    public String deployedFormKey(String deploymentId, String formId) {
        return FormRegistry.deployedKey(deploymentId, formId);
    }

    @Override
    public String fileOf(String formKey) {
        return registry.fileOf(formKey);
    }

    @Override
    public Map<String, String> validate(String formKey, Map<String, Object> data) {
        return validator.validate(registry.get(formKey), data);
    }

    @Override
    public Map<String, Object> clean(String formKey, Map<String, Object> data) {
        return validator.clean(registry.get(formKey), data);
    }

    @Override
    public Map<String, Object> clean(String formKey, Map<String, Object> data, Map<String, Object> server) {
        return validator.clean(registry.get(formKey), data, server);
    }

    @Override
    public Map<String, String> checkDraft(String formKey, Map<String, Object> data) {
        return validator.checkDraft(registry.get(formKey), data);
    }

    /**
     * Every cited file must be one the user uploaded and no case owns yet, or one this case already owns;
     * accepted files become the case's. A submission citing someone else's file is refused on that field.
     */
    @Override
    @Transactional
    public Map<String, String> bindAttachments(String formKey, Map<String, Object> data, long caseId, String username) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, List<AttachmentRef>> cited = validator.attachments(registry.get(formKey), data);
        cited.forEach((address, refs) -> {
            for (AttachmentRef ref : refs) {
                var found = attachments.find(ref.id());
                boolean mine = found.isPresent() && (Long.valueOf(caseId).equals(found.get().getCaseId())
                        || (found.get().getCaseId() == null && username.equals(found.get().getUploadedBy())));
                if (!mine) {
                    errors.put(address, Texts.get("forms.error.attachmentNotOfCase"));
                    return;
                }
            }
        });
        if (errors.isEmpty()) {
            cited.values().stream().flatMap(List::stream)
                    .forEach(ref -> attachments.find(ref.id()).ifPresent(a -> attachments.assignToCase(a.getId(), caseId)));
        }
        return errors;
    }
}
