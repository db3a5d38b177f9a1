package cn.countyflow.workflow;

/** The task or case does not exist (any more). Mapped to 404. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
