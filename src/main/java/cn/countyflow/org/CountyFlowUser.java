package cn.countyflow.org;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as every service sees it: who, in which organisation, with which roles.
 * Services take it as a parameter so that the UI and the API pass the same thing.
 */
public record CountyFlowUser(String username, String displayName, String passwordHash, boolean enabled,
                             String orgCode, String orgName, OrgLevel orgLevel, String provinceCode,
                             Set<Role> roles) implements UserDetails {
    @Serial
    private static final long serialVersionUID = 1L;

    public static final String CAMUNDA_ADMIN_GROUP = "camunda-admin";

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** A provincial officer or approver (省工信厅 staff). */
    public boolean isProvinceStaff() {
        return has(Role.PROVINCE_OFFICER) || has(Role.PROVINCE_APPROVER);
    }

    /** A provincial officer or approver of that province. */
    public boolean actsForProvince(String provinceCode) {
        return isProvinceStaff() && orgCode.equals(provinceCode);
    }

    /** Camunda group ids this user belongs to: one per role in the user's organisation, plus camunda-admin for admins. */
    public List<String> groups() {
        var groups = new java.util.ArrayList<String>();
        roles.stream().sorted().forEach(r -> groups.add(r.groupOf(orgCode)));
        if (has(Role.ADMIN)) groups.add(CAMUNDA_ADMIN_GROUP);
        return groups;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override public String getPassword() { return passwordHash; }
    @Override public String getUsername() { return username; }
    @Override public boolean isEnabled() { return enabled; }

    /** A copy without the password hash, for the security context. */
    public CountyFlowUser withoutPassword() {
        return new CountyFlowUser(username, displayName, "", enabled, orgCode, orgName, orgLevel, provinceCode, roles);
    }
}
