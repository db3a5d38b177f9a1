package cn.countyflow.org;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users and their organisations; also Spring Security's source of users. */
@Service
@Transactional(readOnly = true)
public class UserAccountService implements UserDetailsService {
    private final AppUserRepository users;
    private final OrganisationService organisations;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final PasswordHistoryRepository history;
    private final Clock clock;
    private final cn.countyflow.audit.AuditService audit;
    private final AccountReads accounts;

    UserAccountService(AppUserRepository users, OrganisationService organisations, PasswordEncoder passwordEncoder,
                       ApplicationEventPublisher events, PasswordHistoryRepository history, Clock clock,
                       cn.countyflow.audit.AuditService audit, AccountReads accounts) {
        this.audit = audit;
        this.accounts = accounts;
        this.users = users;
        this.organisations = organisations;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.history = history;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS, readOnly = true)
    public CountyFlowUser loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    /** The user as this request read the account ({@link AccountReads}: once per request, not once per check). */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS, readOnly = true)
    public Optional<CountyFlowUser> find(String username) {
        return accounts.read(username).map(this::toUser);
    }

    public List<CountyFlowUser> all() {
        return users.findAll().stream().map(this::toUser).toList();
    }

    public long count() {
        return users.count();
    }

    /** Creates a user; Camunda's identity follows through {@link UserChanged}. */
    @Transactional
    public CountyFlowUser create(String username, String displayName, String rawPassword, String orgCode, Set<Role> roles) {
        organisations.get(orgCode);
        if (users.findByUsername(username).isPresent()) {
            throw new IllegalArgumentException(OrgTexts.get("admin.user.username.taken", username));
        }
        AppUser fresh = new AppUser(username, displayName, passwordEncoder.encode(rawPassword), orgCode, roles);
        fresh.setPasswordChangedAt(clock.instant());
        AppUser saved = users.save(fresh);
        CountyFlowUser user = toUser(saved);
        events.publishEvent(new UserChanged(user));
        return user;
    }

    /**
     * Sets a user's password: THE place of the password rules (at least {@value #PASSWORD_MIN} characters of at
     * least three kinds — lower-case, upper-case, digits, other signs —, not containing the user name; and when users
     * choose their own, none of their last {@value #PASSWORD_HISTORY} passwords). A password that breaks a rule is
     * refused with the reason at the field {@code password}; nothing changes. The password's age starts again (expiry)
     * and a pending "must change" is cleared.
     */
    @Transactional
    public void setPassword(String username, String rawPassword) {
        setPassword(username, rawPassword, false);
    }

    private void setPassword(String username, String rawPassword, boolean ownChoice) {
        AppUser u = users.findByUsername(username).orElseThrow(() ->
                new InvalidInputException(java.util.Map.of("username", OrgTexts.get("admin.user.unknown", username))));
        passwordProblem(username, rawPassword).or(() -> ownChoice ? reused(u, rawPassword) : Optional.empty())
                .ifPresent(problem -> {
            throw new InvalidInputException(java.util.Map.of("password", problem));
        });
        history.save(new PasswordHistory(u.getId(), u.getPasswordHash(), clock.instant()));
        u.setPasswordHash(passwordEncoder.encode(rawPassword));
        u.setPasswordChangedAt(clock.instant());
        u.setMustChangePassword(false);
        users.save(u);
    }

    /**
     * A user changes their own password: the current one must be right ({@code currentPassword} otherwise), then the
     * rules of {@link #setPassword} apply.
     */
    @Transactional
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        AppUser u = users.findByUsername(username).orElseThrow(() ->
                new InvalidInputException(java.util.Map.of("username", OrgTexts.get("admin.user.unknown", username))));
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, u.getPasswordHash())) {
            audit.recordIndependently(username, u.getOrgCode(), "PASSWORD_CHANGE", "user:" + username,
                    cn.countyflow.audit.AuditEvent.Outcome.FAILURE, "currentPassword");
            throw new InvalidInputException(java.util.Map.of("currentPassword", OrgTexts.get("password.currentWrong")));
        }
        setPassword(username, newPassword, true);
        audit.record(username, u.getOrgCode(), "PASSWORD_CHANGE", "user:" + username,
                cn.countyflow.audit.AuditEvent.Outcome.SUCCESS, null);
    }

    /** Marks a user's password as one to be changed at the next sign-in (an initial or reset password). */
    @Transactional
    public void requirePasswordChange(String username) {
        users.findByUsername(username).ifPresent(u -> {
            u.setMustChangePassword(true);
            users.save(u);
        });
    }

    public static final int PASSWORD_HISTORY = 3;

    /** The current password and the ones before it, up to the last {@value #PASSWORD_HISTORY}. */
    private Optional<String> reused(AppUser u, String raw) {
        var last = new java.util.ArrayList<String>();
        last.add(u.getPasswordHash());
        history.findTop10ByUserIdOrderByIdDesc(u.getId()).stream().limit(PASSWORD_HISTORY - 1L)
                .forEach(h -> last.add(h.getPasswordHash()));
        return last.stream().anyMatch(hash -> passwordEncoder.matches(raw, hash))
                ? Optional.of(OrgTexts.get("password.reused", PASSWORD_HISTORY)) : Optional.empty();
    }

    public static final int PASSWORD_MIN = 8;

    /** What is wrong with a password for this user, if anything (the rules of {@link #setPassword}). */
    public static Optional<String> passwordProblem(String username, String raw) {
        if (raw == null || raw.length() < PASSWORD_MIN) {
            return Optional.of(OrgTexts.get("password.tooShort", PASSWORD_MIN));
        }
        if (raw.length() > 128) return Optional.of(OrgTexts.get("password.tooLong", 128));
        int kinds = 0;
        if (raw.chars().anyMatch(Character::isLowerCase)) kinds++;
        if (raw.chars().anyMatch(Character::isUpperCase)) kinds++;
        if (raw.chars().anyMatch(Character::isDigit)) kinds++;
        if (raw.chars().anyMatch(c -> !Character.isLetterOrDigit(c))) kinds++;
        if (kinds < 3) return Optional.of(OrgTexts.get("password.kinds"));
        if (username != null && !username.isBlank()
                && raw.toLowerCase(java.util.Locale.ROOT).contains(username.trim().toLowerCase(java.util.Locale.ROOT))) {
            return Optional.of(OrgTexts.get("password.containsUsername"));
        }
        return Optional.empty();
    }

    /** After an administrator changed a user: Camunda's identity follows through {@link UserChanged}. */
    CountyFlowUser changed(AppUser saved) {
        CountyFlowUser user = toUser(saved);
        events.publishEvent(new UserChanged(user));
        return user;
    }

    CountyFlowUser toUser(AppUser u) {
        Organisation org = organisations.get(u.getOrgCode());
        return new CountyFlowUser(u.getUsername(), u.getDisplayName(), u.getPasswordHash(), u.isEnabled(),
                org.getCode(), org.getName(), org.getLevel(), org.getProvinceCode(), Set.copyOf(u.getRoles()));
    }

    /** Published after a user is created or changed, so that Camunda's identity can follow. */
    public record UserChanged(CountyFlowUser user) {
    }
}
