package cn.countyflow.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * The rows of the provinces' variants (V160): the variant itself, the rooted industries counties declared, the
 * key-list / cluster-list entries with their change history, the annual assessments and the plans' mid-terms.
 */
final class VariantRecords {
    private VariantRecords() {
    }

    /** A province's configuration of the plans programme (see {@link PlanVariantService.Variant}). */
    @Entity(name = "PlanVariantRow")
    @Table(name = "plan_variant")
    static class VariantRow {
        @Id
        @Column(name = "province_code")
        String provinceCode;
        @Column(name = "lead_office")
        String leadOffice;
        @Column(name = "officer_label")
        String officerLabel;
        @Column(name = "approver_label")
        String approverLabel;
        @Column(name = "draft_form_id")
        String draftFormId;
        @Column(name = "max_rooted_industries")
        Integer maxRootedIndustries;
        @Column(name = "key_list_kind")
        String keyListKind;
        @Column(name = "key_list_name")
        String keyListName;
        @Column(name = "key_list_size")
        Integer keyListSize;
        @Column(name = "tier_decision")
        String tierDecision;
        @Column(name = "assessment_from")
        Integer assessmentFrom;
        @Column(name = "assessment_to")
        Integer assessmentTo;
    }

    @Entity(name = "PlanRootedIndustry")
    @Table(name = "plan_rooted_industry")
    static class RootedIndustry {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        @Column(name = "plan_id")
        Long planId;
        @Column(name = "province_code")
        String provinceCode;
        @Column(name = "county_code")
        String countyCode;
        String industry;
        @Column(name = "declared_at")
        Instant declaredAt;
    }

    @Entity(name = "PlanKeyEntry")
    @Table(name = "plan_key_entry")
    static class KeyEntry {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        @Column(name = "province_code")
        String provinceCode;
        @Column(name = "city_code")
        String cityCode;
        @Column(name = "county_code")
        String countyCode;
        String industry;
        @Column(name = "cluster_name")
        String clusterName;
        @Column(name = "plan_case_id")
        Long planCaseId;
        BigDecimal revenue;
        String tier;
        String status;
        @Column(name = "recognised_year")
        Integer recognisedYear;
        @Column(name = "added_year")
        int addedYear;
        @Column(name = "added_by")
        String addedBy;
        @Column(name = "added_at")
        Instant addedAt;
        @Column(name = "removed_year")
        Integer removedYear;
        @Column(name = "removed_by")
        String removedBy;
        @Column(name = "removed_at")
        Instant removedAt;
    }

    @Entity(name = "PlanKeyChange")
    @Table(name = "plan_key_change")
    static class KeyChange {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        @Column(name = "entry_id")
        Long entryId;
        @Column(name = "province_code")
        String provinceCode;
        String action;
        @Column(name = "change_year")
        int year;
        String reason;
        @Column(name = "changed_by")
        String changedBy;
        @Column(name = "changed_name")
        String changedName;
        @Column(name = "changed_at")
        Instant changedAt;
    }

    @Entity(name = "PlanAssessment")
    @Table(name = "plan_assessment")
    static class Assessment {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        @Column(name = "province_code")
        String provinceCode;
        @Column(name = "assess_year")
        int year;
        @Column(name = "entry_id")
        Long entryId;
        @Column(name = "revenue_target")
        BigDecimal revenueTarget;
        @Column(name = "revenue_actual")
        BigDecimal revenueActual;
        @Column(name = "revenue_before")
        BigDecimal revenueBefore;
        BigDecimal completion;
        BigDecimal growth;
        String tier;
        @Column(name = "rank_no")
        Integer rank;
        @Column(name = "assessed_by")
        String assessedBy;
        @Column(name = "assessed_at")
        Instant assessedAt;
    }

    @Entity(name = "PlanMidterm")
    @Table(name = "plan_midterm")
    static class Midterm {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        @Column(name = "plan_id")
        Long planId;
        @Column(name = "case_id")
        Long caseId;
        @Column(name = "process_instance_id")
        String processInstanceId;
        String status;
        @Column(name = "started_by")
        String startedBy;
        @Column(name = "started_at")
        Instant startedAt;
        @Column(name = "concluded_at")
        Instant concludedAt;
    }
}

interface PlanVariantRepository extends JpaRepository<VariantRecords.VariantRow, String> {
}

interface RootedIndustryRepository extends JpaRepository<VariantRecords.RootedIndustry, Long> {
    List<VariantRecords.RootedIndustry> findByCountyCodeOrderByIdAsc(String countyCode);

    Optional<VariantRecords.RootedIndustry> findByPlanId(long planId);
}

interface KeyEntryRepository extends JpaRepository<VariantRecords.KeyEntry, Long> {
    List<VariantRecords.KeyEntry> findByProvinceCodeOrderByIdAsc(String provinceCode);

    List<VariantRecords.KeyEntry> findByCityCodeOrderByIdAsc(String cityCode);

    List<VariantRecords.KeyEntry> findByCountyCodeOrderByIdAsc(String countyCode);

    List<VariantRecords.KeyEntry> findByPlanCaseId(long planCaseId);

    long countByProvinceCodeAndStatusIn(String provinceCode, List<String> statuses);
}

interface KeyChangeRepository extends JpaRepository<VariantRecords.KeyChange, Long> {
    List<VariantRecords.KeyChange> findByEntryIdOrderByIdAsc(long entryId);

    List<VariantRecords.KeyChange> findByProvinceCodeOrderByIdAsc(String provinceCode);
}

interface AssessmentRepository extends JpaRepository<VariantRecords.Assessment, Long> {
    List<VariantRecords.Assessment> findByProvinceCodeAndYearOrderByRankAscIdAsc(String provinceCode, int year);

    Optional<VariantRecords.Assessment> findByEntryIdAndYear(long entryId, int year);

    @Modifying
    @Query("delete from PlanAssessment a where a.provinceCode = ?1 and a.year = ?2")
    void deleteYear(String provinceCode, int year);
}

interface MidtermRepository extends JpaRepository<VariantRecords.Midterm, Long> {
    List<VariantRecords.Midterm> findByCaseIdOrderByIdAsc(long caseId);

    Optional<VariantRecords.Midterm> findByProcessInstanceId(String processInstanceId);
}
