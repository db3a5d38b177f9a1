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

    private CountyFlowUser toUser(AppUser u) {
        Organisation org = organisations.get(u.getOrgCode());
        return new CountyFlowUser(u.getUsername(), u.getDisplayName(), u.getPasswordHash(), u.isEnabled(),
                org.getCode(), org.getName(), org.getLevel(), org.getProvinceCode(), Set.copyOf(u.getRoles()));
    }

    /** Published after a user is created or changed, so that Camunda's identity can follow. */
    public record UserChanged(CountyFlowUser user) {
    }
}
