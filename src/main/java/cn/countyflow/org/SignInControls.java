package cn.countyflow.org;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in controls of 等保 2.0 level 3, one place for the UI's sign-in form, /api and /engine-rest:
 * <ul>
 * <li>lockout: {@code countyflow.security.lockout.max-failures} (5) wrong passwords in a row lock the account for
 * {@code countyflow.security.lockout.duration} (15 minutes); while locked even the right password is refused;</li>
 * <li>a password that must be changed before anything else: one set for the first sign-in (the initial admin), or
 * one older than {@code countyflow.security.password-max-age} (off when zero, the default; 90 days in the prod
 * profile).</li>
 * </ul>
 * Counters live in the user's row, so every node of a cluster sees the same lock.
 */
@Service
public class SignInControls {
    private final AppUserRepository users;
    private final AccountReads accounts;
    private final org.springframework.transaction.support.TransactionTemplate separately;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockDuration;
    private volatile Duration passwordMaxAge;

    SignInControls(AppUserRepository users, AccountReads accounts,
                   org.springframework.transaction.PlatformTransactionManager transactions, Clock clock,
                   @Value("${countyflow.security.lockout.max-failures:5}") int maxFailures,
                   @Value("${countyflow.security.lockout.duration:PT15M}") Duration lockDuration,
                   @Value("${countyflow.security.password-max-age:0d}") Duration passwordMaxAge) {
        this.users = users;
        this.accounts = accounts;
        this.separately = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
        this.passwordMaxAge = passwordMaxAge;
    }

    /** Refuses a sign-in of a locked account (called before the password is checked). */
    public void checkNotLocked(String username) {
        accounts.read(username).ifPresent(u -> {
            if (u.getLockedUntil() != null && clock.instant().isBefore(u.getLockedUntil())) {
                throw new LockedException("locked");
            }
        });
    }

    /** Whether the account is locked now. */
    public boolean isLocked(String username) {
        return accounts.read(username)
                .map(u -> u.getLockedUntil() != null && clock.instant().isBefore(u.getLockedUntil())).orElse(false);
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onWrongPassword(AuthenticationFailureBadCredentialsEvent event) {
        users.findByUsername(event.getAuthentication().getName()).ifPresent(u -> {
            Instant now = clock.instant();
            boolean lockOver = u.getLockedUntil() != null && !now.isBefore(u.getLockedUntil());
            int failures = (lockOver ? 0 : u.getFailedSignIns()) + 1;
            if (lockOver) u.setLockedUntil(null);
            u.setFailedSignIns(failures);
            if (failures >= maxFailures) {
                u.setLockedUntil(now.plus(lockDuration));
                u.setFailedSignIns(0);
            }
            users.save(u);
        });
    }

    /**
     * A successful sign-in clears earlier failures: the account as the sign-in read it tells whether there are any, so
     * the usual sign-in (none) writes nothing and opens no transaction of its own.
     */
    @EventListener
    public void onSuccess(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        boolean clear = accounts.read(username).map(u -> u.getFailedSignIns() != 0 || u.getLockedUntil() != null).orElse(false);
        if (!clear) return;
        separately.executeWithoutResult(status -> users.findByUsername(username).ifPresent(u -> {
            if (u.getFailedSignIns() != 0 || u.getLockedUntil() != null) {
                u.setFailedSignIns(0);
                u.setLockedUntil(null);
                users.save(u);
            }
        }));
    }

    /** Whether the user must change their password before doing anything else (first sign-in, or expired). */
    public boolean mustChangePassword(String username) {
        return accounts.read(username).map(u -> u.isMustChangePassword() || expired(u)).orElse(false);
    }

    private boolean expired(AppUser u) {
        if (passwordMaxAge.isZero() || passwordMaxAge.isNegative()) return false;
        Instant changed = u.getPasswordChangedAt();
        return changed == null || !clock.instant().isBefore(changed.plus(passwordMaxAge));
    }

    public Duration passwordMaxAge() {
        return passwordMaxAge;
    }

    /** Changes the expiry at runtime (tests turn it on in the shared context and off again). */
    void setPasswordMaxAge(Duration maxAge) {
        this.passwordMaxAge = maxAge;
    }
}
