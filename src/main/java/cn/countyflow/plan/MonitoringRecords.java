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

/** The rows of monitoring (V152): a monitored area of a round, and the counties' progress entries. */
final class MonitoringRecords {
    private MonitoringRecords() {
    }

    /** A city (or province-direct county) of a compiled round whose reports run in the case {@code caseId}. */
    @Entity(name = "PlanMonitoring")
    @Table(name = "plan_monitoring")
    static class Monitoring {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        @Column(name = "round_id")
        Long roundId;
        @Column(name = "province_code")
        String provinceCode;
        @Column(name = "area_code")
        String areaCode;
        @Column(name = "case_id")
        Long caseId;
        @Column(name = "first_period")
        String firstPeriod;
        @Column(name = "started_at")
        Instant startedAt;

        protected Monitoring() {
        }

        Monitoring(long roundId, String provinceCode, String areaCode, long caseId, String firstPeriod, Instant now) {
            this.roundId = roundId;
            this.provinceCode = provinceCode;
            this.areaCode = areaCode;
            this.caseId = caseId;
            this.firstPeriod = firstPeriod;
            this.startedAt = now;
        }
    }

    /** A county's figure for one plan, period and indicator. */
    @Entity(name = "PlanProgress")
    @Table(name = "plan_progress")
    static class Progress {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        @Column(name = "plan_id")
        Long planId;
        @Column(name = "round_id")
        Long roundId;
        @Column(name = "area_code")
        String areaCode;
        @Column(name = "county_code")
        String countyCode;
        String industry;
        @Column(name = "period_key")
        String periodKey;
        @Column(name = "indicator_code")
        String indicatorCode;
        @Column(name = "reached_value")
        BigDecimal value;
        @Column(name = "entered_by")
        String enteredBy;
        @Column(name = "entered_at")
        Instant enteredAt;

        protected Progress() {
        }
    }
}

interface PlanMonitoringRepository extends JpaRepository<MonitoringRecords.Monitoring, Long> {
    List<MonitoringRecords.Monitoring> findByRoundIdOrderByAreaCodeAsc(long roundId);

    Optional<MonitoringRecords.Monitoring> findByRoundIdAndAreaCode(long roundId, String areaCode);

    Optional<MonitoringRecords.Monitoring> findByCaseId(long caseId);
}

interface PlanProgressRepository extends JpaRepository<MonitoringRecords.Progress, Long> {
    List<MonitoringRecords.Progress> findByRoundIdAndAreaCodeAndPeriodKeyOrderByIndustryAscCountyCodeAsc(long roundId,
            String areaCode, String periodKey);

    List<MonitoringRecords.Progress> findByPlanIdOrderByPeriodKeyAscIndicatorCodeAsc(long planId);

    Optional<MonitoringRecords.Progress> findByPlanIdAndPeriodKeyAndIndicatorCode(long planId, String periodKey,
            String indicatorCode);
}
