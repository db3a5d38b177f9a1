package cn.countyflow.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** One draw on a case: the initial panel, a replacement for a seat, or an attempt that found too few experts. */
@Entity
@Table(name = "review_panel_draw")
class PanelDraw {
    enum Kind { INITIAL, REPLACEMENT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "case_id")
    Long caseId;
    @Enumerated(EnumType.STRING)
    Kind kind;
    @Column(name = "seat_no")
    String seatNo;
    int needed;
    int available;
    long seed;
    boolean success;
    String message;
    @Lob
    @Column(name = "drawn", length = 16 * 1024 * 1024) // LONGTEXT on MySQL, CLOB on H2
    String drawn;
    @Lob
    @Column(name = "exclusions", length = 16 * 1024 * 1024)
    String exclusions;
    @Column(name = "drawn_by")
    String drawnBy;
    @Column(name = "drawn_at")
    Instant drawnAt;

    protected PanelDraw() {
    }
}

/** Who holds a seat of a case's panel. ACTIVE until the expert scores, declares a conflict or is replaced as late. */
@Entity
@Table(name = "review_assignment")
class Assignment {
    enum Status { ACTIVE, SCORED, CONFLICT, LATE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "case_id")
    Long caseId;
    @Column(name = "seat_no")
    String seatNo;
    @Column(name = "expert_id")
    Long expertId;
    String username;
    @Enumerated(EnumType.STRING)
    Status status;
    @Column(name = "end_reason")
    String endReason;
    @Column(name = "assigned_at")
    Instant assignedAt;
    @Column(name = "ended_at")
    Instant endedAt;

    protected Assignment() {
    }

    Assignment(long caseId, String seatNo, Expert expert, Instant now) {
        this.caseId = caseId;
        this.seatNo = seatNo;
        this.expertId = expert.getId();
        this.username = expert.getUsername();
        this.status = Status.ACTIVE;
        this.assignedAt = now;
    }

    void end(Status status, String reason, Instant now) {
        this.status = status;
        this.endReason = reason;
        this.endedAt = now;
    }
}

/** An expert's submitted score sheet; the item scores as JSON. Never in process variables. */
@Entity
@Table(name = "review_score_sheet")
class ScoreSheet {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "case_id")
    Long caseId;
    @Column(name = "assignment_id")
    Long assignmentId;
    @Column(name = "expert_id")
    Long expertId;
    @Column(name = "scored_by")
    String scoredBy;
    @Lob
    @Column(name = "scores", length = 16 * 1024 * 1024)
    String scores;
    BigDecimal total;
    @Lob
    @Column(name = "comment", length = 16 * 1024 * 1024)
    String comment;
    @Column(name = "submitted_at")
    Instant submittedAt;

    protected ScoreSheet() {
    }

    ScoreSheet(Assignment a, String scoredBy, String scores, BigDecimal total, String comment, Instant now) {

        this.caseId = a.caseId;
        this.assignmentId = a.id;
        this.expertId = a.expertId;
        this.scoredBy = scoredBy;
        this.scores = scores;
        this.total = total;
        this.comment = comment;
        this.submittedAt = now;

    }
}

interface ExpertRepository extends JpaRepository<Expert, Long> {
    List<Expert> findByProvinceCodeOrderByIdAsc(String provinceCode);
    Page<Expert> findByProvinceCode(String provinceCode, Pageable pageable);
    long countByProvinceCode(String provinceCode);
    Optional<Expert> findByUsername(String username);
}

interface PanelDrawRepository extends JpaRepository<PanelDraw, Long> {
    List<PanelDraw> findByCaseIdOrderByIdAsc(Long caseId);
    Optional<PanelDraw> findFirstByCaseIdOrderByIdDesc(Long caseId);
}

interface AssignmentRepository extends JpaRepository<Assignment, Long> {
    List<Assignment> findByCaseIdOrderByIdAsc(Long caseId);
    Optional<Assignment> findFirstByCaseIdAndSeatNoAndStatus(Long caseId, String seatNo, Assignment.Status status);
    List<Assignment> findByCaseIdAndUsernameAndStatus(Long caseId, String username, Assignment.Status status);
}

interface ScoreSheetRepository extends JpaRepository<ScoreSheet, Long> {
    List<ScoreSheet> findByCaseIdOrderByIdAsc(Long caseId);
}
