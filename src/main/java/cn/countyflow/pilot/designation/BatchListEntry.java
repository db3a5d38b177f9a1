package cn.countyflow.pilot.designation;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One scored application of the batch on a list: its rank and score, whether it is proposed, and its outcome. */
@Entity
@Table(name = "batch_list_entry")
public class BatchListEntry {
    public enum Outcome { PENDING, CONFIRMED, WITHDRAWN, NOT_SELECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "list_id")
    private Long listId;
    @Column(name = "application_case_id")
    private Long applicationCaseId;
    @Column(name = "county_code")
    private String countyCode;
    @Column(name = "ranking")
    private int rank;
    private BigDecimal score;
    private boolean included;
    @Column(name = "deviation_reason")
    private String deviationReason;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    @Column(name = "outcome_note")
    private String outcomeNote;

    protected BatchListEntry() {
    }

    BatchListEntry(Long listId, Long applicationCaseId, String countyCode, int rank, BigDecimal score, boolean included,
                   String deviationReason) {
        this.listId = listId;
        this.applicationCaseId = applicationCaseId;
        this.countyCode = countyCode;
        this.rank = rank;
        this.score = score;
        this.included = included;
        this.deviationReason = deviationReason;
        this.outcome = Outcome.PENDING;
    }

    public Long getId() { return id; }
    public Long getListId() { return listId; }
    public Long getApplicationCaseId() { return applicationCaseId; }
    public String getCountyCode() { return countyCode; }
    public int getRank() { return rank; }
    public BigDecimal getScore() { return score; }
    public boolean isIncluded() { return included; }
    public String getDeviationReason() { return deviationReason; }
    public Outcome getOutcome() { return outcome; }
    public String getOutcomeNote() { return outcomeNote; }

    void decide(Outcome outcome, String note) {
        this.outcome = outcome;
        this.outcomeNote = note;
    }
}
