package cn.countyflow.workflow;

import java.util.Map;

/** What task work needs from the form files in {@code forms/}: the schema, its validation and cleaning. */
public interface TaskForms {
    /** The form file's JSON (Camunda Forms schema), for API clients. */
    String schemaJson(String formKey);

    /** Field path → message; empty when valid. */
    Map<String, String> validate(String formKey, Map<String, Object> data);

    /** The data restricted to the fields the form declares and shows. */
    Map<String, Object> clean(String formKey, Map<String, Object> data);
}
