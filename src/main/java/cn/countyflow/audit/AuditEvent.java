package cn.countyflow.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One line of the audit log. Written once and never changed: the entity is immutable to Hibernate (no UPDATE is ever
 * issued for it) and {@link AuditEventRepository} offers no update or delete; rows are kept at least
 * {@value AuditService#RETENTION_DAYS} days (the application deletes none).
 */
@Entity
@Table(name = "audit_event")
@org.hibernate.annotations.Immutable
public class AuditEvent {
    public enum Outcome { SUCCESS, FAILURE, DENIED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(updatable = false)
    private Instant at;
    @Column(updatable = false)
    private String username;
    @Column(name = "org_code", updatable = false)
    private String orgCode;
    @Column(updatable = false)
    private String action;
    @Column(updatable = false)
    private String target;
    @Column(updatable = false)
    private String outcome;
    @Column(updatable = false)
    private String detail;

    protected AuditEvent() {
    }

    AuditEvent(Instant at, String username, String orgCode, String action, String target, Outcome outcome, String detail) {
        this.at = at;
        // clipped to the columns: a refusal of an oversized value must be recorded, not fail with the request (hardening)
        this.username = clip(username, 64);
        this.orgCode = clip(orgCode, 6);
        this.action = clip(action, 64);
        this.target = clip(target, 200);
        this.outcome = outcome.name();
        this.detail = clip(detail, 1000);
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public Long getId() { return id; }
    public Instant getAt() { return at; }
    public String getUsername() { return username; }
    public String getOrgCode() { return orgCode; }
    public String getAction() { return action; }
    public String getTarget() { return target; }
    public String getOutcome() { return outcome; }
    public String getDetail() { return detail; }
}
