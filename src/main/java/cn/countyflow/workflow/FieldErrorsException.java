package cn.countyflow.workflow;

import java.util.Map;

/** Input that fails validation: field path → Chinese message. Nothing was changed. Mapped to 400. */
public class FieldErrorsException extends cn.countyflow.org.InvalidInputException {
    public FieldErrorsException(Map<String, String> errors) {
        super(errors);
    }

    public static FieldErrorsException of(String field, String message) {
        return new FieldErrorsException(Map.of(field, message));
    }
}
