package cn.countyflow.pilot.designation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An objection (异议) against a list entry during publicity, and the province officer's answer. */
@Entity
@Table(name = "pilot_objection")
public class Objection {
    /** DISMISSED 异议不成立; UPHELD 异议成立，撤销该入选. */
    public enum Outcome { DISMISSED, UPHELD }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "entry_id")
    private Long entryId;
    @Column(name = "objection_text")
    private String text;
    @Column(name = "filed_by")
    private String filedBy;
    @Column(name = "filed_name")
    private String filedName;
    @Column(name = "filed_org")
    private String filedOrg;
    @Column(name = "filed_at")
    private Instant filedAt;
    @Column(name = "case_id")
    private Long caseId;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    private String answer;
    @Column(name = "answered_by")
    private String answeredBy;
    @Column(name = "answered_at")
    private Instant answeredAt;

    protected Objection() {
    }

    Objection(Long entryId, String text, String filedBy, String filedName, String filedOrg, Instant filedAt) {
        this.entryId = entryId;
        this.text = text;
        this.filedBy = filedBy;
        this.filedName = filedName;
        this.filedOrg = filedOrg;
        this.filedAt = filedAt;
    }

    public Long getId() { return id; }
    public Long getEntryId() { return entryId; }
    public String getText() { return text; }
    public String getFiledBy() { return filedBy; }
    public String getFiledName() { return filedName; }
    public String getFiledOrg() { return filedOrg; }
    public Instant getFiledAt() { return filedAt; }
    public Long getCaseId() { return caseId; }
    public Outcome getOutcome() { return outcome; }
    public String getAnswer() { return answer; }
    public String getAnsweredBy() { return answeredBy; }
    public Instant getAnsweredAt() { return answeredAt; }

    public boolean isOpen() {
        return outcome == null;
    }

    void attachCase(long caseId) {
        this.caseId = caseId;
    }

    void answer(Outcome outcome, String answer, String by, Instant at) {
        this.outcome = outcome;
        this.answer = answer;
        this.answeredBy = by;
        this.answeredAt = at;
    }
}
