package cn.countyflow.org;

import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

@Entity
@Table(name = "app_user")
public class AppUser {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String username;
    @Column(name = "display_name")
    private String displayName;
    @Column(name = "password_hash")
    private String passwordHash;
    @Column(name = "org_code")
    private String orgCode;
    private boolean enabled = true;
    @Column(name = "failed_sign_ins")
    private int failedSignIns;
    @Column(name = "locked_until")
    private java.time.Instant lockedUntil;
    @Column(name = "password_changed_at")
    private java.time.Instant passwordChangedAt;
    @Column(name = "must_change_password")
    private boolean mustChangePassword;
    @Column(name = "totp_secret")
    private String totpSecret;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    protected AppUser() {
    }

    public AppUser(String username, String displayName, String passwordHash, String orgCode, Set<Role> roles) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.orgCode = orgCode;
        this.roles = EnumSet.copyOf(roles);
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getDisplayName() { return displayName; }
    public String getPasswordHash() { return passwordHash; }
    public String getOrgCode() { return orgCode; }
    public boolean isEnabled() { return enabled; }
    public Set<Role> getRoles() { return roles; }

    void setDisplayName(String displayName) { this.displayName = displayName; }
    void setOrgCode(String orgCode) { this.orgCode = orgCode; }
    void setRoles(Set<Role> roles) { this.roles = EnumSet.copyOf(roles); }
    void setEnabled(boolean enabled) { this.enabled = enabled; }
    void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }

    public int getFailedSignIns() { return failedSignIns; }
    public java.time.Instant getLockedUntil() { return lockedUntil; }
    public java.time.Instant getPasswordChangedAt() { return passwordChangedAt; }
    public boolean isMustChangePassword() { return mustChangePassword; }
    String getTotpSecret() { return totpSecret; }
    void setFailedSignIns(int failedSignIns) { this.failedSignIns = failedSignIns; }
    void setLockedUntil(java.time.Instant lockedUntil) { this.lockedUntil = lockedUntil; }
    void setPasswordChangedAt(java.time.Instant passwordChangedAt) { this.passwordChangedAt = passwordChangedAt; }
    void setMustChangePassword(boolean mustChangePassword) { this.mustChangePassword = mustChangePassword; }
    void setTotpSecret(String totpSecret) { this.totpSecret = totpSecret; }

    /** A changed account is read afresh by the rest of the request ({@link AccountReads}). */
    @jakarta.persistence.PostUpdate
    @jakarta.persistence.PostPersist
    @jakarta.persistence.PostRemove
    void changed() {
        AccountReads.forget(username);
    }
}
