package cn.countyflow.org;

import java.util.Map;
import java.util.TreeMap;

/**
 * Input that fails validation: field path → Chinese message; nothing was changed. The API answers 400 with the
 * errors, the views show each at its field. The platform's one field-error type: workflow's FieldErrorsException
 * is one too, so that a rule in any module (users and passwords here, forms and tasks there) reaches the user the same way.
 */
public class InvalidInputException extends RuntimeException {
    private final Map<String, String> errors;

    public InvalidInputException(Map<String, String> errors) {
        super(OrgTexts.get("org.error.invalidInput", errors.size()));
        this.errors = new TreeMap<>(errors);
    }

    public Map<String, String> getErrors() {
        return errors;
    }
}
