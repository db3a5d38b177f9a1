package cn.countyflow.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** The plan's own rows besides the plan and the round: revisions, argumentation, review points, compilations. */
final class PlanRecords {
    private PlanRecords() {
    }

    @Entity(name = "PlanRevision")
    @Table(name = "plan_revision")
    static class Revision {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        @Column(name = "plan_id")
        Long planId;
        @Column(name = "revision_no")
        int revisionNo;
        @Lob
        @Column(name = "data", length = 16 * 1024 * 1024)
        String data;
        @Column(name = "submitted_by")
        String submittedBy;
        @Column(name = "submitted_name")
        String submittedName;
        @Column(name = "submitted_at")
        Instant submittedAt;

        protected Revision() {
        }

        Revision(long planId, int revisionNo, String data, String submittedBy, String submittedName, Instant at) {
            this.planId = planId;
            this.revisionNo = revisionNo;
            this.data = data;
            this.submittedBy = submittedBy;
            this.submittedName = submittedName;
            this.submittedAt = at;
        }
    }

    @Entity(name = "PlanArgumentation")
    @Table(name = "plan_argumentation")
    static class Argumentation {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        @Column(name = "plan_id")
        Long planId;
        @Column(name = "revision_no")
        int revisionNo;
        @Column(name = "held_on")
        LocalDate heldOn;
        String panel;
        @Lob
        @Column(name = "opinions", length = 16 * 1024 * 1024)
        String opinions;
        @Column(name = "minutes_attachment_id")
        Long minutesAttachmentId;
        @Column(name = "minutes_name")
        String minutesName;
        @Column(name = "recorded_by")
        String recordedBy;
        @Column(name = "recorded_at")
        Instant recordedAt;

        protected Argumentation() {
        }

        Argumentation(long planId, int revisionNo, LocalDate heldOn, String panel, String opinions, long minutesId,
                      String minutesName, String recordedBy, Instant at) {
            this.planId = planId;
            this.revisionNo = revisionNo;
            this.heldOn = heldOn;
            this.panel = panel;
            this.opinions = opinions;
            this.minutesAttachmentId = minutesId;
            this.minutesName = minutesName;
            this.recordedBy = recordedBy;
            this.recordedAt = at;
        }
    }

    @Entity(name = "PlanReviewPoint")
    @Table(name = "plan_review_point")
    static class ReviewPoint {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        @Column(name = "plan_id")
        Long planId;
        @Column(name = "review_no")
        int reviewNo;
        @Column(name = "point_code")
        String pointCode;
        boolean passed;
        @Column(name = "comment_text")
        String comment;
        @Column(name = "reviewed_by")
        String reviewedBy;
        @Column(name = "reviewed_at")
        Instant reviewedAt;

        protected ReviewPoint() {
        }

        ReviewPoint(long planId, int reviewNo, String pointCode, boolean passed, String comment, String reviewedBy,
                    Instant at) {
            this.planId = planId;
            this.reviewNo = reviewNo;
            this.pointCode = pointCode;
            this.passed = passed;
            this.comment = comment;
            this.reviewedBy = reviewedBy;
            this.reviewedAt = at;
        }
    }

    @Entity(name = "PlanCompilation")
    @Table(name = "plan_compilation")
    static class Compilation {
        enum Status { PENDING, RETURNED, APPROVED }

        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        @Column(name = "round_id")
        Long roundId;
        @Column(name = "case_id")
        Long caseId;
        @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
        Status status;
        @Column(name = "compiled_by")
        String compiledBy;
        @Column(name = "compiled_at")
        Instant compiledAt;

        protected Compilation() {
        }

        Compilation(long roundId, String compiledBy, Instant at) {
            this.roundId = roundId;
            this.status = Status.PENDING;
            this.compiledBy = compiledBy;
            this.compiledAt = at;
        }
    }

    @Entity(name = "PlanCompilationLine")
    @Table(name = "plan_compilation_line")
    static class CompilationLine {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        @Column(name = "compilation_id")
        Long compilationId;
        @Column(name = "area_code")
        String areaCode;
        String industry;
        int plans;
        @Column(name = "base_revenue")
        BigDecimal baseRevenue;
        @Column(name = "target_revenue")
        BigDecimal targetRevenue;
        @Column(name = "base_enterprises")
        int baseEnterprises;
        @Column(name = "target_enterprises")
        int targetEnterprises;
        @Column(name = "base_above_scale")
        int baseAboveScale;
        @Column(name = "target_above_scale")
        int targetAboveScale;

        protected CompilationLine() {
        }

        CompilationLine(long compilationId, String areaCode, String industry) {
            this.compilationId = compilationId;
            this.areaCode = areaCode;
            this.industry = industry;
            this.baseRevenue = BigDecimal.ZERO;
            this.targetRevenue = BigDecimal.ZERO;
        }
    }
}
