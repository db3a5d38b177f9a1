package cn.countyflow.org;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;

/**
 * Writes every refusal at Camunda's doors ({@code /engine-rest}, {@code /camunda}) to the audit log — who (or
 * {@value #ANONYMOUS}), which method and path, and whether the caller was not signed in (401) or not allowed (403) —
 * then lets the wrapped handler answer as before.
 */
@Component
class RefusalAudit {
    static final String ACTION = "ACCESS_DENIED";
    static final String ANONYMOUS = "anonymous";
    private final AuditService audit;

    RefusalAudit(AuditService audit) {
        this.audit = audit;
    }

    AuthenticationEntryPoint audited(AuthenticationEntryPoint delegate) {
        return (request, response, e) -> {
            record(request, "401");
            delegate.commence(request, response, e);
        };
    }

    AccessDeniedHandler audited(AccessDeniedHandler delegate) {
        return (request, response, e) -> {
            record(request, "403");
            delegate.handle(request, response, e);
        };
    }

    private void record(HttpServletRequest request, String status) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
        String username = signedIn ? auth.getName() : ANONYMOUS;
        String org = signedIn && auth.getPrincipal() instanceof CountyFlowUser u ? u.orgCode() : null;
        String target = request.getMethod() + " " + request.getRequestURI();
        if (target.length() > 200) target = target.substring(0, 200);
        audit.recordIndependently(username, org, ACTION, target, AuditEvent.Outcome.DENIED, status);
    }
}
