package cn.countyflow.forms;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.countyflow.workflow.TaskForms;

/** PROVISIONAL until the forms package lands: reads the form file, no validation yet. */
@Component
class TaskFormsAdapter implements TaskForms {
    @Override
    public String schemaJson(String formKey) {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("forms/" + formKey)) {
            if (in == null) throw new IllegalArgumentException("表单文件不存在：" + formKey);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Map<String, String> validate(String formKey, Map<String, Object> data) {
        return Map.of();
    }

    @Override
    public Map<String, Object> clean(String formKey, Map<String, Object> data) {
        return data;
    }
}
