package cn.countyflow.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
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
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** One report of a subject case for one period: its scope (copied from the case), due date, status and late flag. */
@Entity
@Table(name = "report")
class Report {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "subject_case_id")
    Long subjectCaseId;
    @Column(name = "period_key")
    String periodKey;
    @Column(name = "period_label")
    String periodLabel;
    @Column(name = "report_year")
    int year;
    @Column(name = "period_end")
    Instant periodEnd;
    String cohort;
    @Column(name = "province_code")
    String provinceCode;
    @Column(name = "city_code")
    String cityCode;
    @Column(name = "county_code")
    String countyCode;
    @Column(name = "process_instance_id")
    String processInstanceId;
    @Enumerated(EnumType.STRING)
    ReportService.Status status;
    @Column(name = "is_late")
    boolean late;
    @Column(name = "due_at")
    Instant dueAt;
    @Column(name = "late_marked_at")
    Instant lateMarkedAt;
    @Column(name = "first_submitted_at")
    Instant firstSubmittedAt;
    @Column(name = "submitted_at")
    Instant submittedAt;
    @Column(name = "accepted_at")
    Instant acceptedAt;
    @Column(name = "accepted_by")
    String acceptedBy;
    @Column(name = "return_reason")
    String returnReason;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "updated_at")
    Instant updatedAt;

    protected Report() {
    }

    Report(long subjectCaseId, String periodKey, Instant now) {
        this.subjectCaseId = subjectCaseId;
        this.periodKey = periodKey;
        this.status = ReportService.Status.DRAFTING;
        this.createdAt = now;
        this.updatedAt = now;
    }
}

/** A submission of a report: who, when, the narrative as JSON, and the reviewer's answer to it. */
@Entity
@Table(name = "report_revision")
class ReportRevision {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "report_id")
    Long reportId;
    int revision;
    @Column(name = "submitted_by")
    String submittedBy;
    @Column(name = "submitted_by_name")
    String submittedByName;
    @Column(name = "submitted_at")
    Instant submittedAt;
    @Column(name = "after_due")
    boolean afterDue;
    @Lob
    @Column(length = 16 * 1024 * 1024)
    String narrative;
    @Column(name = "review_decision")
    String reviewDecision;
    @Column(name = "review_comment")
    String reviewComment;
    @Column(name = "reviewed_by")
    String reviewedBy;
    @Column(name = "reviewed_at")
    Instant reviewedAt;

    protected ReportRevision() {
    }
}

/** An indicator value of a revision, typed. */
@Entity
@Table(name = "report_revision_value")
class ReportRevisionValue {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "revision_id")
    Long revisionId;
    @Column(name = "indicator_code")
    String indicatorCode;
    @Column(name = "value_year")
    int year;
    @Column(name = "reached_value")
    BigDecimal value;

    protected ReportRevisionValue() {
    }

    ReportRevisionValue(long revisionId, String indicatorCode, int year, BigDecimal value) {
        this.revisionId = revisionId;
        this.indicatorCode = indicatorCode;
        this.year = year;
        this.value = value;
    }
}

interface ReportRepository extends JpaRepository<Report, Long> {
    Optional<Report> findBySubjectCaseIdAndPeriodKey(Long subjectCaseId, String periodKey);

    List<Report> findBySubjectCaseIdOrderByDueAtAscIdAsc(Long subjectCaseId, Pageable pageable);

    /** Late reports in a province (city null) or of one city's counties, optionally one county; newest due first. */
    @Query("""
            select r from Report r where r.late = true
              and (:province is null or r.provinceCode = :province) and (:city is null or r.cityCode = :city)
              and (:county is null or r.countyCode = :county)""")
    Page<Report> late(@Param("province") String province, @Param("city") String city, @Param("county") String county,
                      Pageable pageable);

    /** Late reports per county (and its city): [cityCode, countyCode, late, still not submitted]. */
    @Query("""
            select r.cityCode, r.countyCode, count(r),
                   sum(case when r.firstSubmittedAt is null then 1 else 0 end)
            from Report r where r.late = true
              and (:province is null or r.provinceCode = :province) and (:city is null or r.cityCode = :city)
            group by r.cityCode, r.countyCode order by r.cityCode, r.countyCode""")
    List<Object[]> lateCounts(@Param("province") String province, @Param("city") String city);
}

interface ReportRevisionRepository extends JpaRepository<ReportRevision, Long> {
    List<ReportRevision> findByReportIdOrderByRevisionAsc(Long reportId);

    List<ReportRevision> findByReportIdInOrderByRevisionAsc(Collection<Long> reportIds);

    Optional<ReportRevision> findFirstByReportIdOrderByRevisionDesc(Long reportId);
}

interface ReportRevisionValueRepository extends JpaRepository<ReportRevisionValue, Long> {
    List<ReportRevisionValue> findByRevisionIdInOrderByIdAsc(Collection<Long> revisionIds);
}
