package cn.countyflow.org;

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

    UserAccountService(AppUserRepository users, OrganisationService organisations, PasswordEncoder passwordEncoder,
                       ApplicationEventPublisher events) {
        this.users = users;
        this.organisations = organisations;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
    }

    @Override
    public CountyFlowUser loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    public Optional<CountyFlowUser> find(String username) {
        return users.findByUsername(username).map(this::toUser);
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
            throw new IllegalArgumentException("用户名已存在：" + username);
        }
        AppUser saved = users.save(new AppUser(username, displayName, passwordEncoder.encode(rawPassword), orgCode, roles));
        CountyFlowUser user = toUser(saved);
        events.publishEvent(new UserChanged(user));
        return user;
    }

    /**
     * Sets a user's password: THE place of the password rules (at least {@value #PASSWORD_MIN} characters of at
     * least three kinds — lower-case, upper-case, digits, other signs — and not containing the user name). A password
     * that breaks a rule is refused with the reason at the field {@code password}; nothing changes.
     */
    @Transactional
    public void setPassword(String username, String rawPassword) {
        AppUser u = users.findByUsername(username).orElseThrow(() ->
                new InvalidInputException(java.util.Map.of("username", OrgTexts.zh("admin.user.unknown", username))));
        passwordProblem(username, rawPassword).ifPresent(problem -> {
            throw new InvalidInputException(java.util.Map.of("password", problem));
        });
        u.setPasswordHash(passwordEncoder.encode(rawPassword));
        users.save(u);
    }

    public static final int PASSWORD_MIN = 8;

    /** What is wrong with a password for this user, if anything (the rules of {@link #setPassword}). */
    public static Optional<String> passwordProblem(String username, String raw) {
        if (raw == null || raw.length() < PASSWORD_MIN) {
            return Optional.of(OrgTexts.zh("password.tooShort", PASSWORD_MIN));
        }
        if (raw.length() > 128) return Optional.of(OrgTexts.zh("password.tooLong", 128));
        int kinds = 0;
        if (raw.chars().anyMatch(Character::isLowerCase)) kinds++;
        if (raw.chars().anyMatch(Character::isUpperCase)) kinds++;
        if (raw.chars().anyMatch(Character::isDigit)) kinds++;
        if (raw.chars().anyMatch(c -> !Character.isLetterOrDigit(c))) kinds++;
        if (kinds < 3) return Optional.of(OrgTexts.zh("password.kinds"));
        if (username != null && !username.isBlank()
                && raw.toLowerCase(java.util.Locale.ROOT).contains(username.trim().toLowerCase(java.util.Locale.ROOT))) {
            return Optional.of(OrgTexts.zh("password.containsUsername"));
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
