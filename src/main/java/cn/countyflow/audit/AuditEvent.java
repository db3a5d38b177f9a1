package cn.countyflow.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "audit_event")
public class AuditEvent {
    public enum Outcome { SUCCESS, FAILURE, DENIED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Instant at;
    private String username;
    @Column(name = "org_code")
    private String orgCode;
    private String action;
    private String target;
    private String outcome;
    private String detail;

    protected AuditEvent() {
    }

    AuditEvent(Instant at, String username, String orgCode, String action, String target, Outcome outcome, String detail) {
        this.at = at;
        this.username = username;
        this.orgCode = orgCode;
        this.action = action;
        this.target = target;
        this.outcome = outcome.name();
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
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
