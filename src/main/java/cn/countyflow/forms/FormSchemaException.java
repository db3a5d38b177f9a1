package cn.countyflow.forms;

/** A form file that cannot be read, or uses a component type or property value the renderer does not support. */
public class FormSchemaException extends RuntimeException {
    public FormSchemaException(String message) {
        super(message);
    }

    public FormSchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
