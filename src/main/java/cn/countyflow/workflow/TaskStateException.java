package cn.countyflow.workflow;

/**
 * The case has moved on, so the operation no longer applies (a withdrawal after the next step was acted on, a second
 * urge the same working day). Nothing was changed. Mapped to 409 by the API, shown as it is by the UI.
 */
public class TaskStateException extends RuntimeException {
    public TaskStateException(String message) {
        super(message);
    }
}
