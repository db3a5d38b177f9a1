package cn.countyflow.pilot.designation;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The proposed list of a batch (拟入选名单): proposed, approved or returned, in publicity, confirmed. */
@Entity
@Table(name = "batch_list")
public class BatchList {
    public enum Status { PROPOSED, RETURNED, APPROVED, IN_PUBLICITY, CONFIRMED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "batch_id")
    private Long batchId;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "proposed_by")
    private String proposedBy;
    @Column(name = "proposed_at")
    private Instant proposedAt;
    @Column(name = "approved_by")
    private String approvedBy;
    @Column(name = "approved_at")
    private Instant approvedAt;
    @Column(name = "publicity_start")
    private LocalDate publicityStart;
    @Column(name = "publicity_end")
    private LocalDate publicityEnd;
    @Column(name = "case_id")
    private Long caseId;

    protected BatchList() {
    }

    BatchList(Long batchId, String proposedBy, Instant proposedAt) {
        this.batchId = batchId;
        this.status = Status.PROPOSED;
        this.proposedBy = proposedBy;
        this.proposedAt = proposedAt;
    }

    public Long getId() { return id; }
    public Long getBatchId() { return batchId; }
    public Status getStatus() { return status; }
    public String getProposedBy() { return proposedBy; }
    public Instant getProposedAt() { return proposedAt; }
    public String getApprovedBy() { return approvedBy; }
    public Instant getApprovedAt() { return approvedAt; }
    public LocalDate getPublicityStart() { return publicityStart; }
    public LocalDate getPublicityEnd() { return publicityEnd; }
    public Long getCaseId() { return caseId; }

    void reproposed(String by, Instant at) {
        this.proposedBy = by;
        this.proposedAt = at;
    }

    void setStatus(Status status) {
        this.status = status;
    }

    void attachCase(long caseId) {
        this.caseId = caseId;
    }

    void approved(String by, Instant at) {
        this.status = Status.APPROVED;
        this.approvedBy = by;
        this.approvedAt = at;
    }

    void publicity(LocalDate start, LocalDate end) {
        this.status = Status.IN_PUBLICITY;
        this.publicityStart = start;
        this.publicityEnd = end;
    }
}
