package cn.countyflow.workflow;

import java.util.Map;
import java.util.TreeMap;

/** Input that fails validation: field path → Chinese message. Nothing was changed. Mapped to 400. */
public class FieldErrorsException extends RuntimeException {
    private final Map<String, String> errors;

    public FieldErrorsException(Map<String, String> errors) {
        super("表单有 " + errors.size() + " 处需要修改");
        this.errors = new TreeMap<>(errors);
    }

    public static FieldErrorsException of(String field, String message) {
        return new FieldErrorsException(Map.of(field, message));
    }

    public Map<String, String> getErrors() {
        return errors;
    }
}
