package cn.countyflow.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** A target a subject case committed to: one indicator, one year. */
@Entity
@Table(name = "indicator_target")
class TargetRow {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "subject_case_id")
    Long subjectCaseId;
    String cohort;
    @Column(name = "province_code")
    String provinceCode;
    @Column(name = "city_code")
    String cityCode;
    @Column(name = "county_code")
    String countyCode;
    @Column(name = "indicator_code")
    String indicatorCode;
    @Column(name = "target_year")
    int year;
    String unit;
    BigDecimal baseline;
    @Column(name = "target_value")
    BigDecimal target;
    @Column(name = "created_at")
    Instant createdAt;

    protected TargetRow() {
    }

    TargetRow(IndicatorService.Subject s, String indicatorCode, int year, String unit, BigDecimal baseline,
              BigDecimal target, Instant now) {
        this.subjectCaseId = s.caseId();
        this.cohort = s.cohort();
        this.provinceCode = s.provinceCode();
        this.cityCode = s.cityCode();
        this.countyCode = s.countyCode();
        this.indicatorCode = indicatorCode;
        this.year = year;
        this.unit = unit;
        this.baseline = baseline;
        this.target = target;
        this.createdAt = now;
    }
}

/** An actual value reported for a subject case, indicator and year; the newest one per triple is current. */
@Entity
@Table(name = "indicator_actual")
class ActualRow {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "subject_case_id")
    Long subjectCaseId;
    String cohort;
    @Column(name = "province_code")
    String provinceCode;
    @Column(name = "city_code")
    String cityCode;
    @Column(name = "county_code")
    String countyCode;
    @Column(name = "indicator_code")
    String indicatorCode;
    @Column(name = "actual_year")
    int year;
    @Column(name = "actual_value")
    BigDecimal value;
    String source;
    @Column(name = "source_ref")
    String sourceRef;
    @Column(name = "is_current")
    boolean current;
    @Column(name = "reported_by")
    String reportedBy;
    @Column(name = "reported_at")
    Instant reportedAt;

    protected ActualRow() {
    }
}

interface IndicatorRepository extends JpaRepository<Indicator, String> {
    List<Indicator> findByIndicatorSetOrderBySortOrderAsc(String indicatorSet);
    List<Indicator> findAllByOrderBySortOrderAsc();
}

interface TargetRowRepository extends JpaRepository<TargetRow, Long> {
    List<TargetRow> findBySubjectCaseIdOrderByIdAsc(Long subjectCaseId);

    @Modifying
    @Query("delete from TargetRow t where t.subjectCaseId = :caseId")
    void deleteBySubject(@Param("caseId") Long caseId);

    @Query("select distinct t.cohort from TargetRow t where t.provinceCode = :province order by t.cohort")
    List<String> cohorts(@Param("province") String provinceCode);

    /**
     * One indicator over a province, optionally one cohort and one year, with each target's current actual:
     * a page of rows ordered by county, cohort, year and subject case (a total order, so pages neither repeat nor skip
     * rows); cost follows the page (index ix_indicator_target_compare).
     */
    @Query(value = """
            select new cn.countyflow.evaluation.IndicatorService$ComparisonRow(t.subjectCaseId, t.cohort, t.cityCode,
                   t.countyCode, t.indicatorCode, t.year, t.unit, t.baseline, t.target, a.value)
            from TargetRow t left join ActualRow a on a.subjectCaseId = t.subjectCaseId
                 and a.indicatorCode = t.indicatorCode and a.year = t.year and a.current = true
            where t.provinceCode = :province and t.indicatorCode = :indicator
              and (:cohort is null or t.cohort = :cohort) and (:year is null or t.year = :year)
              and (:city is null or t.cityCode = :city)
            order by t.countyCode, t.cohort, t.year, t.subjectCaseId""",
            countQuery = """
            select count(t) from TargetRow t
            where t.provinceCode = :province and t.indicatorCode = :indicator
              and (:cohort is null or t.cohort = :cohort) and (:year is null or t.year = :year)
              and (:city is null or t.cityCode = :city)""")
    Page<IndicatorService.ComparisonRow> compare(@Param("province") String province, @Param("indicator") String indicator,
                                                 @Param("cohort") String cohort, @Param("year") Integer year,
                                                 @Param("city") String city, Pageable pageable);
}

interface ActualRowRepository extends JpaRepository<ActualRow, Long> {
    List<ActualRow> findBySubjectCaseIdAndCurrentTrueOrderByIdAsc(Long subjectCaseId);

    List<ActualRow> findBySubjectCaseIdAndSourceRefOrderByIdAsc(Long subjectCaseId, String sourceRef);

    Optional<ActualRow> findFirstBySubjectCaseIdAndIndicatorCodeAndYearAndCurrentTrue(Long subjectCaseId,
                                                                                       String indicatorCode, int year);

    List<ActualRow> findBySubjectCaseIdInAndCurrentTrue(Collection<Long> subjectCaseIds);
}
