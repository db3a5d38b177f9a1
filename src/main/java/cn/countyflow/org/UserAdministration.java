package cn.countyflow.org;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.countyflow.audit.AuditEvent;
import cn.countyflow.audit.AuditService;

/**
 * User administration (用户与单位管理), for admins only: list and find users, create them, change their name, office and
 * roles, disable and enable them, set and reset their passwords. Every check is here (the admin view and /api/admin
 * call these methods); every change is audited; a refusal changes nothing. Passwords go through
 * {@link UserAccountService#setPassword}, the one place of the password rules.
 */
@Service
@Transactional(readOnly = true)
public class UserAdministration {
    static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9_]{2,31}");
    static final int NAME_MAX = 100;

    private final AppUserRepository users;
    private final UserAccountService accounts;
    private final OrganisationService organisations;
    private final AuditService audit;
    private final SecureRandom random = new SecureRandom();

    UserAdministration(AppUserRepository users, UserAccountService accounts, OrganisationService organisations,
                       AuditService audit) {
        this.users = users;
        this.accounts = accounts;
        this.organisations = organisations;
        this.audit = audit;
    }

    /** What an admin enters for a user. */
    public record UserForm(String username, String displayName, String orgCode, Set<Role> roles) {
    }

    public Page<CountyFlowUser> search(CountyFlowUser admin, String text, String orgCode, Pageable pageable) {
        requireAdmin(admin, "USER_LIST");
        return users.findAll(matching(text, orgCode), pageable).map(accounts::toUser);
    }

    public long count(CountyFlowUser admin, String text, String orgCode) {
        requireAdmin(admin, "USER_LIST");
        return users.count(matching(text, orgCode));
    }

    public CountyFlowUser get(CountyFlowUser admin, String username) {
        requireAdmin(admin, "USER_READ");
        return accounts.find(username).orElseThrow(() -> unknown(username));
    }

    @Transactional
    public CountyFlowUser create(CountyFlowUser admin, UserForm form, String rawPassword) {
        requireAdmin(admin, "USER_CREATE");
        Map<String, String> errors = new LinkedHashMap<>();
        String username = form.username() == null ? "" : form.username().trim();
        if (!USERNAME.matcher(username).matches()) errors.put("username", OrgTexts.get("admin.user.username.invalid"));
        else if (users.findByUsername(username).isPresent()) errors.put("username", OrgTexts.get("admin.user.username.taken", username));
        checkForm(form, errors);
        UserAccountService.passwordProblem(username, rawPassword).ifPresent(p -> errors.put("password", p));
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        CountyFlowUser created = accounts.create(username, form.displayName().trim(), rawPassword, form.orgCode(), form.roles());
        audit.record(admin.username(), admin.orgCode(), "USER_CREATE", "user:" + username, AuditEvent.Outcome.SUCCESS,
                describe(created));
        return created;
    }

    /** Changes a user's name, office and roles. */
    @Transactional
    public CountyFlowUser update(CountyFlowUser admin, String username, UserForm form) {
        requireAdmin(admin, "USER_UPDATE");
        AppUser u = users.findByUsername(username).orElseThrow(() -> unknown(username));
        Map<String, String> errors = new LinkedHashMap<>();
        checkForm(form, errors);
        if (admin.username().equals(username) && (form.roles() == null || !form.roles().contains(Role.ADMIN))) {
            errors.put("roles", OrgTexts.get("admin.user.roles.keepOwnAdmin"));
        }
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        String before = describe(accounts.toUser(u));
        u.setDisplayName(form.displayName().trim());
        u.setOrgCode(form.orgCode());
        u.setRoles(form.roles());
        users.save(u);
        CountyFlowUser changed = accounts.changed(u);
        audit.record(admin.username(), admin.orgCode(), "USER_UPDATE", "user:" + username, AuditEvent.Outcome.SUCCESS,
                before + " → " + describe(changed));
        return changed;
    }

    /** Disables (cannot sign in any more) or enables a user. An admin cannot disable themselves. */
    @Transactional
    public CountyFlowUser setEnabled(CountyFlowUser admin, String username, boolean enabled) {
        requireAdmin(admin, enabled ? "USER_ENABLE" : "USER_DISABLE");
        AppUser u = users.findByUsername(username).orElseThrow(() -> unknown(username));
        if (!enabled && admin.username().equals(username)) {
            throw new InvalidInputException(Map.of("enabled", OrgTexts.get("admin.user.disableSelf")));
        }
        u.setEnabled(enabled);
        users.save(u);
        audit.record(admin.username(), admin.orgCode(), enabled ? "USER_ENABLE" : "USER_DISABLE", "user:" + username,
                AuditEvent.Outcome.SUCCESS, null);
        return accounts.changed(u);
    }

    /** Sets a password the admin chose (the password rules apply). */
    @Transactional
    public void setPassword(CountyFlowUser admin, String username, String rawPassword) {
        requireAdmin(admin, "USER_PASSWORD");
        if (users.findByUsername(username).isEmpty()) throw unknown(username);
        accounts.setPassword(username, rawPassword);
        audit.record(admin.username(), admin.orgCode(), "USER_PASSWORD", "user:" + username, AuditEvent.Outcome.SUCCESS,
                null);
    }

    /** Resets a password to a generated one that meets the rules, shown once to the admin to hand over. */
    @Transactional
    public String resetPassword(CountyFlowUser admin, String username) {
        requireAdmin(admin, "USER_PASSWORD_RESET");
        if (users.findByUsername(username).isEmpty()) throw unknown(username);
        String generated = generatePassword();
        accounts.setPassword(username, generated);
        audit.record(admin.username(), admin.orgCode(), "USER_PASSWORD_RESET", "user:" + username,
                AuditEvent.Outcome.SUCCESS, null);
        return generated;
    }

    /** Twelve characters from four kinds (letters of both cases, digits, signs), without look-alikes. */
    String generatePassword() {
        String[] kinds = {"ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnpqrstuvwxyz", "23456789", "!@#$%*+-=?"};
        List<Character> chars = new ArrayList<>();
        for (String kind : kinds) chars.add(kind.charAt(random.nextInt(kind.length())));
        String all = String.join("", kinds);
        while (chars.size() < 12) chars.add(all.charAt(random.nextInt(all.length())));
        java.util.Collections.shuffle(chars, random);
        StringBuilder sb = new StringBuilder();
        chars.forEach(sb::append);
        return sb.toString();
    }

    /** Which roles an office of each level may hold: county roles in counties, the city reviewer in cities … */
    static boolean fits(Role role, OrgLevel level) {
        return switch (role) {
            case COUNTY_DRAFTER, COUNTY_LEADER -> level == OrgLevel.COUNTY;
            case CITY_REVIEWER -> level == OrgLevel.CITY;
            case PROVINCE_OFFICER, PROVINCE_APPROVER -> level == OrgLevel.PROVINCE;
            case EXPERT, ADMIN -> true;
        };
    }

    private void checkForm(UserForm form, Map<String, String> errors) {
        String name = form.displayName() == null ? "" : form.displayName().strip();
        if (name.isEmpty()) errors.put("displayName", OrgTexts.get("admin.user.displayName.required"));
        else if (name.length() > NAME_MAX) errors.put("displayName", OrgTexts.get("admin.user.displayName.tooLong", NAME_MAX));
        Organisation org = form.orgCode() == null ? null : organisations.find(form.orgCode()).orElse(null);
        if (org == null) errors.put("orgCode", OrgTexts.get("admin.user.org.required"));
        if (form.roles() == null || form.roles().isEmpty()) {
            errors.put("roles", OrgTexts.get("admin.user.roles.required"));
        } else if (org != null) {
            form.roles().stream().filter(r -> !fits(r, org.getLevel())).findFirst().ifPresent(r ->
                    errors.put("roles", OrgTexts.get("admin.user.roles.misfit", RoleLabels.of(r, OrgTexts.locale()), org.getName())));
        }
    }

    private static Specification<AppUser> matching(String text, String orgCode) {
        return (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            if (text != null && !text.isBlank()) {
                String like = "%" + text.trim() + "%";
                all.add(cb.or(cb.like(root.get("username"), like), cb.like(root.get("displayName"), like)));
            }
            if (orgCode != null && !orgCode.isBlank()) all.add(cb.equal(root.get("orgCode"), orgCode));
            return cb.and(all.toArray(Predicate[]::new));
        };
    }

    private void requireAdmin(CountyFlowUser user, String action) {
        if (user.has(Role.ADMIN)) return;
        audit.recordIndependently(user.username(), user.orgCode(), action, "org:" + user.orgCode(),
                AuditEvent.Outcome.DENIED, null);
        throw new AccessDeniedException(OrgTexts.get("admin.user.denied"));
    }

    private static RuntimeException unknown(String username) {
        return new InvalidInputException(Map.of("username", OrgTexts.get("admin.user.unknown", username)));
    }

    private String describe(CountyFlowUser u) {
        return u.displayName() + " " + u.orgName() + " " + u.roles().stream().sorted().map(Enum::name).toList()
                + (u.enabled() ? "" : " disabled");
    }

    /** The roles, for forms. */
    public static Set<Role> allRoles() {
        return EnumSet.allOf(Role.class);
    }
}
