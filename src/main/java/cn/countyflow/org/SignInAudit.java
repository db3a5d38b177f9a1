package cn.countyflow.org;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;

/**
 * Every sign-in, successful or not, goes to the audit log. For HTTP Basic callers of /api every request signs in,
 * so each is recorded as an API sign-in; the session UI records one per sign-in.
 */
@Component
class SignInAudit {
    private final AuditService audit;
    private final UserAccountService users;

    SignInAudit(AuditService audit, UserAccountService users) {
        this.audit = audit;
        this.users = users;
    }

    @EventListener
    public void onSuccess(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        String org = event.getAuthentication().getPrincipal() instanceof CountyFlowUser u ? u.orgCode() : null;
        audit.recordIndependently(username, org, "SIGN_IN", username, AuditEvent.Outcome.SUCCESS, null);
    }

    @EventListener
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        String org = users.find(username).map(CountyFlowUser::orgCode).orElse(null);
        audit.recordIndependently(username, org, "SIGN_IN", username, AuditEvent.Outcome.FAILURE,
                event.getException().getClass().getSimpleName());
    }
}
