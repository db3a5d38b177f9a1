package cn.countyflow.ui;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Error pages in the user's language: never a stack trace. */
public final class ErrorViews {
    private ErrorViews() {
    }

    abstract static class ErrorPage extends Div {
        ErrorPage(String id) {
            setId(id);
            getStyle().set("padding", "var(--lumo-space-xl)");
        }

        void show(String title, String message) {
            removeAll();
            add(new H2(title), new Paragraph(message), new Anchor("/", getTranslation("error.home")));
        }
    }

    /** 404: unknown route, or a case or task that does not exist. */
    @AnonymousAllowed
    public static class NotFound extends ErrorPage implements HasErrorParameter<NotFoundException> {
        public NotFound() {
            super("not-found");
        }

        @Override
        public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
            show(getTranslation("error.notFound.title"), getTranslation("error.notFound.message"));
            return HttpServletResponse.SC_NOT_FOUND;
        }
    }

    /** 404 for a task or case id that does not exist. */
    @AnonymousAllowed
    public static class MissingCase extends ErrorPage implements HasErrorParameter<cn.countyflow.workflow.NotFoundException> {
        public MissingCase() {
            super("not-found");
        }

        @Override
        public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<cn.countyflow.workflow.NotFoundException> p) {
            show(getTranslation("error.notFound.title"), p.getException().getMessage());
            return HttpServletResponse.SC_NOT_FOUND;
        }
    }

    /** 403: the user may not see or act on this. */
    @AnonymousAllowed
    public static class Refused extends ErrorPage implements HasErrorParameter<AccessDeniedException> {
        public Refused() {
            super("access-denied");
        }

        @Override
        public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> p) {
            String message = p.getException() instanceof cn.countyflow.workflow.NotPermittedException
                    ? p.getException().getMessage() : getTranslation("error.denied.message");
            show(getTranslation("error.denied.title"), message);
            return HttpServletResponse.SC_FORBIDDEN;
        }
    }

    /** 409: the task was handled by someone else meanwhile (a race lost, a stale link): said plainly, not an error. */
    @AnonymousAllowed
    public static class Conflict extends ErrorPage implements HasErrorParameter<cn.countyflow.workflow.TaskStateException> {
        public Conflict() {
            super("conflict");
        }

        @Override
        public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<cn.countyflow.workflow.TaskStateException> p) {
            show(getTranslation("hardening.conflict.title"), p.getException().getMessage());
            return HttpServletResponse.SC_CONFLICT;
        }
    }

    /** 500: logged with its trace on the server, a plain apology for the user. */
    @AnonymousAllowed
    public static class Internal extends ErrorPage implements HasErrorParameter<Exception> {
        private static final Logger log = LoggerFactory.getLogger(Internal.class);

        public Internal() {
            super("internal-error");
        }

        @Override
        public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> p) {
            if (cn.countyflow.org.DatabaseOutage.isOutage(p.getException())) {
                // the database cannot be reached: say so, as sign-in does (503), nothing is lost
                log.warn("Database unavailable while showing {}: {}", event.getLocation().getPath(), p.getException().toString());
                show(getTranslation("hardening.unavailable.title"), getTranslation("hardening.unavailable"));
                return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
            }
            log.error("Error while showing {}", event.getLocation().getPath(), p.getException());
            show(getTranslation("error.internal.title"), getTranslation("error.internal.message"));
            return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        }
    }
}
