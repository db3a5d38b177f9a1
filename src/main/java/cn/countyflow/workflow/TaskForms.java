package cn.countyflow.workflow;

import java.util.Map;

/** What task work needs from the form files in {@code forms/}: the schema, its validation and cleaning. */
public interface TaskForms {
    /** The form's JSON (Camunda Forms schema) as the key names it, for API clients. */
    String schemaJson(String formKey);

    /**
     * The key of a task's form bound by {@code camunda:formRef} with {@code formRefBinding="deployment"}: the form with
     * that id as deployed together with the task's process, so the case keeps the version it started with.
     */
    String deployedFormKey(String deploymentId, String formId);

    /** The shipped file below {@code forms/} the key's form comes from (e.g. {@code pilot/draft.form}), for choosing by file. */
    String fileOf(String formKey);

    /** Field path → message; empty when valid. */
    Map<String, String> validate(String formKey, Map<String, Object> data);

    /** The data restricted to the fields the form declares and shows. */
    Map<String, Object> clean(String formKey, Map<String, Object> data);

    /**
     * As {@link #clean(String, Map)}, with readonly and disabled fields holding the server's values ({@code server}:
     * the data the server opens the form with), never the client's.
     */
    Map<String, Object> clean(String formKey, Map<String, Object> data, Map<String, Object> server);

    /** A draft's checks: size, types and bounds, not completeness. Field path → message; empty when fine. */
    Map<String, String> checkDraft(String formKey, Map<String, Object> data);

    /**
     * Checks that every file the data cites may be used on this case by this user, and makes them the case's.
     * Field path → message for the refused ones; empty when all are fine.
     */
    Map<String, String> bindAttachments(String formKey, Map<String, Object> data, long caseId, String username);
}
