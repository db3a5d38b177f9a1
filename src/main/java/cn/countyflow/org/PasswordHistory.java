package cn.countyflow.org;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A password a user had before (its hash only): the last ones may not be chosen again. */
@Entity
@Table(name = "password_history")
class PasswordHistory {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "user_id")
    private Long userId;
    @Column(name = "password_hash")
    private String passwordHash;
    @Column(name = "replaced_at")
    private Instant replacedAt;

    protected PasswordHistory() {
    }

    PasswordHistory(Long userId, String passwordHash, Instant replacedAt) {
        this.userId = userId;
        this.passwordHash = passwordHash;
        this.replacedAt = replacedAt;
    }

    String getPasswordHash() { return passwordHash; }
}
