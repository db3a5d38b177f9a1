package cn.countyflow.pilot;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A county's application in a batch. Its case (same id as {@link #getCaseId()}) carries scope, process and decisions. */
@Entity
@Table(name = "pilot_application")
public class PilotApplication {
    public enum Status {
        /** Being drafted (first time, or again after a return). */
        DRAFTING,
        /** Submitted by the drafter and on its way through sign-off, city screening, provincial check. */
        SUBMITTED,
        /** Returned to the county for revision. */
        RETURNED,
        /** Not recommended by the city (不予推荐); ended. */
        NOT_RECOMMENDED,
        /** Passed the provincial check and goes to expert review (转入专家评审). */
        TO_EXPERT_REVIEW,
        /** A panel is drawn and scoring (专家评审打分). */
        UNDER_REVIEW,
        /** All scores are in and aggregated; waiting for the batch list (待省级审定). */
        SCORED,
        /** On the approved list, in publicity (公示中). */
        IN_PUBLICITY,
        /** Designated a pilot county (确定为试点示范县); ended. */
        SELECTED,
        /** Not selected, or not confirmed after publicity; ended. */
        NOT_SELECTED;

        boolean ended() {
            return this == NOT_RECOMMENDED || this == SELECTED || this == NOT_SELECTED;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @org.hibernate.annotations.NaturalId
    @Column(name = "case_id")
    private Long caseId;
    @Column(name = "batch_id")
    private Long batchId;
    @Column(name = "county_code")
    private String countyCode;
    /** The county code while active, null once ended: unique with the batch, so one active application per county. */
    @Column(name = "active_county")
    private String activeCounty;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected PilotApplication() {
    }

    PilotApplication(Long caseId, Long batchId, String countyCode, Instant now) {
        this.caseId = caseId;
        this.batchId = batchId;
        this.countyCode = countyCode;
        this.activeCounty = countyCode;
        this.status = Status.DRAFTING;
        this.createdAt = now;
        this.updatedAt = createdAt;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public Long getBatchId() { return batchId; }
    public String getCountyCode() { return countyCode; }
    public Status getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }

    void setStatus(Status status, Instant now) {
        this.status = status;
        this.activeCounty = status.ended() ? null : countyCode;
        this.updatedAt = now;

    }
}
