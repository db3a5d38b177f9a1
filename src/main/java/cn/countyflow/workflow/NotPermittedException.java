package cn.countyflow.workflow;

import org.springframework.security.access.AccessDeniedException;

/** A refusal: the user may not see or act on this. Mapped to 403 by the API and to the refusal page by the UI. */
public class NotPermittedException extends AccessDeniedException {
    public NotPermittedException(String message) {
        super(message);
    }
}
