package cn.countyflow.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import org.springframework.data.jpa.repository.JpaRepository;

/** One evaluation (MIDTERM or FINAL) of a subject case: where it stands and what was concluded. */
@Entity
@Table(name = "evaluation")
class EvaluationRow {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "subject_case_id")
    Long subjectCaseId;
    String kind;
    String cohort;
    @Column(name = "process_instance_id")
    String processInstanceId;
    String status;
    @Column(name = "return_reason")
    String returnReason;
    @Column(name = "expert_scoring")
    Boolean expertScoring;
    @Column(name = "expert_score")
    BigDecimal expertScore;
    @Column(name = "expert_count")
    Integer expertCount;
    @Column(name = "spread_flagged")
    Boolean spreadFlagged;
    String conclusion;
    @Lob
    @Column(name = "conclusion_comment", length = 16 * 1024 * 1024)
    String conclusionComment;
    @Column(name = "concluded_by")
    String concludedBy;
    @Column(name = "rectify_deadline")
    Instant rectifyDeadline;
    @Column(name = "extended_deadline")
    Instant extendedDeadline;
    @Lob
    @Column(name = "termination_reason", length = 16 * 1024 * 1024)
    String terminationReason;
    boolean benchmark;
    @Lob
    @Column(name = "benchmark_summary", length = 16 * 1024 * 1024)
    String benchmarkSummary;
    String outcome;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "updated_at")
    Instant updatedAt;
    @Column(name = "concluded_at")
    Instant concludedAt;

    protected EvaluationRow() {
    }

    EvaluationRow(long subjectCaseId, String kind, String cohort, Instant now) {
        this.subjectCaseId = subjectCaseId;
        this.kind = kind;
        this.cohort = cohort;
        this.status = EvaluationService.Status.SELF_EVALUATION.name();
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The deadline now in force: the extended one once the province extended it. */
    Instant currentDeadline() {
        return extendedDeadline != null ? extendedDeadline : rectifyDeadline;
    }
}

/** A required correction of a 限期整改 and the county's answer. */
@Entity
@Table(name = "evaluation_correction")
class CorrectionRow {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "evaluation_id")
    Long evaluationId;
    int seq;
    String requirement;
    String answer;
    @Column(name = "answered_by")
    String answeredBy;
    @Column(name = "answered_at")
    Instant answeredAt;
    @Column(name = "created_at")
    Instant createdAt;

    protected CorrectionRow() {
    }

    CorrectionRow(long evaluationId, int seq, String requirement, Instant now) {
        this.evaluationId = evaluationId;
        this.seq = seq;
        this.requirement = requirement;
        this.createdAt = now;
    }
}

/** One submission (self-evaluation or rectification report): who, when, and the narrative as JSON. Never changed. */
@Entity
@Table(name = "evaluation_revision")
class RevisionRow {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "evaluation_id")
    Long evaluationId;
    @Column(name = "revision_no")
    int revisionNo;
    String submission;
    @Lob
    @Column(name = "data", length = 16 * 1024 * 1024) // LONGTEXT on MySQL, CLOB on H2
    String data;
    @Column(name = "submitted_by")
    String submittedBy;
    @Column(name = "submitted_name")
    String submittedName;
    @Column(name = "submitted_at")
    Instant submittedAt;

    protected RevisionRow() {
    }
}

interface EvaluationRowRepository extends JpaRepository<EvaluationRow, Long> {
    Optional<EvaluationRow> findBySubjectCaseIdAndKind(Long subjectCaseId, String kind);

    List<EvaluationRow> findBySubjectCaseIdOrderByIdAsc(Long subjectCaseId);
}

interface CorrectionRowRepository extends JpaRepository<CorrectionRow, Long> {
    List<CorrectionRow> findByEvaluationIdOrderBySeqAsc(Long evaluationId);

    void deleteByEvaluationId(Long evaluationId);
}

interface RevisionRowRepository extends JpaRepository<RevisionRow, Long> {
    List<RevisionRow> findByEvaluationIdOrderByRevisionNoAsc(Long evaluationId);
}
