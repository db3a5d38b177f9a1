package cn.countyflow.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.UI;

import cn.countyflow.workflow.NotFoundException;
import cn.countyflow.workflow.Texts;

/**
 * What a notification may say about a failed action: the application's own refusals and checks speak Chinese and
 * are shown as they are; anything else (an engine or database message) is logged and replaced by a plain apology.
 */
public final class UserMessages {
    private static final Logger log = LoggerFactory.getLogger(UserMessages.class);

    private UserMessages() {
    }

    public static String of(RuntimeException e) {
        if (e instanceof AccessDeniedException || e instanceof NotFoundException || e instanceof cn.countyflow.org.InvalidInputException
                || e instanceof cn.countyflow.forms.UploadRejectedException
                || e instanceof cn.countyflow.forms.FileStoreException
                || e instanceof cn.countyflow.workflow.TaskStateException) {
            return e.getMessage();
        }
        log.error("Action failed in the UI", e);
        UI ui = UI.getCurrent();
        return ui == null ? Texts.get("error.generic") : ui.getTranslation("error.generic");
    }
}
