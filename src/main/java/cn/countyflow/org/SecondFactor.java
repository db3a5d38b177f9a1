package cn.countyflow.org;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;

/**
 * The second factor of administrators (TOTP, {@link Totp}), on when {@code countyflow.security.admin-totp=true}
 * (an option of the prod profile, off by default). An admin then proves a code once per session in the UI
 * (page /verify, which enrols the authenticator app at the first time) and with every /api and /engine-rest request
 * (header {@value #HEADER}). Failures are audited.
 */
@Service
public class SecondFactor {
    public static final String HEADER = "X-CountyFlow-TOTP";
    /** The HTTP session attribute that holds the user name whose code was verified in this session. */
    public static final String SESSION_ATTRIBUTE = "countyflow.totp.verified";

    private final AppUserRepository users;
    private final AccountReads accounts;
    private final AuditService audit;
    private final Clock clock;
    private volatile boolean enabled;

    SecondFactor(AppUserRepository users, AccountReads accounts, AuditService audit, Clock clock,
                 @Value("${countyflow.security.admin-totp:false}") boolean enabled) {
        this.users = users;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.enabled = enabled;
    }

    /** Whether this user must prove a second factor. */
    public boolean required(CountyFlowUser user) {
        return enabled && user.has(Role.ADMIN);
    }

    /** Whether the user already has an authenticator app enrolled. */
    public boolean enrolled(String username) {
        return accounts.read(username).map(u -> u.getTotpSecret() != null).orElse(false);
    }

    /** Checks a code against the user's enrolled secret; a wrong code is audited. */
    @Transactional(readOnly = true)
    public boolean verify(CountyFlowUser user, String code) {
        String secret = users.findByUsername(user.username()).map(AppUser::getTotpSecret).orElse(null);
        boolean ok = secret != null && Totp.verify(secret, code, clock.instant());
        if (!ok) {
            audit.recordIndependently(user.username(), user.orgCode(), "TOTP_VERIFY", "user:" + user.username(),
                    AuditEvent.Outcome.FAILURE, secret == null ? "not enrolled" : null);
        }
        return ok;
    }

    /**
     * Enrols an authenticator app: the secret shown to the user is stored once the code it computes is right
     * (returns false, nothing stored, otherwise).
     */
    @Transactional
    public boolean enrol(CountyFlowUser user, String secret, String code) {
        if (enrolled(user.username())) return false;
        if (!Totp.verify(secret, code, clock.instant())) {
            audit.recordIndependently(user.username(), user.orgCode(), "TOTP_ENROL", "user:" + user.username(),
                    AuditEvent.Outcome.FAILURE, null);
            return false;
        }
        AppUser u = users.findByUsername(user.username()).orElseThrow();
        u.setTotpSecret(secret);
        users.save(u);
        audit.record(user.username(), user.orgCode(), "TOTP_ENROL", "user:" + user.username(), AuditEvent.Outcome.SUCCESS, null);
        return true;
    }

    /** Turns the requirement on or off at runtime (tests turn it on in the shared context and off again). */
    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
