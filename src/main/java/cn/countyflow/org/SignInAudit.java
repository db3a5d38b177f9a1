package cn.countyflow.org;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;

/**
 * Sign-ins go to the audit log: every failure; a success at most once per user per window
 * ({@code countyflow.security.sign-in-audit-window}, 30 minutes by default). HTTP Basic callers of /api and
 * /engine-rest sign in on every request, which would otherwise write a row per request.
 */
@Component
class SignInAudit {
    private final AuditService audit;
    private final UserAccountService users;
    private final Clock clock;
    private final Duration window;
    private final Map<String, Instant> lastRecorded = new ConcurrentHashMap<>();

    SignInAudit(AuditService audit, UserAccountService users, Clock clock,
                @Value("${countyflow.security.sign-in-audit-window:PT30M}") Duration window) {
        this.audit = audit;
        this.users = users;
        this.clock = clock;
        this.window = window;
    }

    @EventListener
    public void onSuccess(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        Instant now = clock.instant();
        boolean[] due = {false};
        lastRecorded.compute(username, (k, last) -> {
            due[0] = last == null || !now.isBefore(last.plus(window)) || now.isBefore(last);
            return due[0] ? now : last;
        });
        if (!due[0]) return;
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
