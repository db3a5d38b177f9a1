package cn.countyflow.plan;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A county's plan for one characteristic industry in a round (每个特色产业编制一个发展规划); its case runs the process. */
@Entity
@Table(name = "industry_plan")
public class IndustryPlan {
    /** Where the plan stands: drafting, with the city, returned, or reported to the province. */
    public enum Status { DRAFTING, SUBMITTED, RETURNED, REPORTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id")
    private Long caseId;
    @Column(name = "round_id")
    private Long roundId;
    @Column(name = "county_code")
    private String countyCode;
    @Column(name = "city_code")
    private String cityCode;
    @Column(name = "province_code")
    private String provinceCode;
    private String industry;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "first_submitted_at")
    private Instant firstSubmittedAt;
    @Column(name = "city_approved_at")
    private Instant cityApprovedAt;
    @Column(name = "reported_at")
    private Instant reportedAt;
    @Column(name = "created_at")
    private Instant createdAt;

    protected IndustryPlan() {
    }

    IndustryPlan(long caseId, long roundId, String countyCode, String cityCode, String provinceCode, Instant now) {
        this.caseId = caseId;
        this.roundId = roundId;
        this.countyCode = countyCode;
        this.cityCode = cityCode;
        this.provinceCode = provinceCode;
        this.status = Status.DRAFTING;
        this.createdAt = now;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public Long getRoundId() { return roundId; }
    public String getCountyCode() { return countyCode; }
    /** The reviewing city; null for a province-direct county. */
    public String getCityCode() { return cityCode; }
    public String getProvinceCode() { return provinceCode; }
    public String getIndustry() { return industry; }
    public Status getStatus() { return status; }
    public Instant getFirstSubmittedAt() { return firstSubmittedAt; }
    public Instant getCityApprovedAt() { return cityApprovedAt; }
    public Instant getReportedAt() { return reportedAt; }
    public Instant getCreatedAt() { return createdAt; }

    void submitted(String industry, Instant now) {
        this.industry = industry;
        this.status = Status.SUBMITTED;
        if (firstSubmittedAt == null) firstSubmittedAt = now;
    }

    void returned() {
        this.status = Status.RETURNED;
    }

    void reported(boolean byCity, Instant now) {
        this.status = Status.REPORTED;
        if (byCity) cityApprovedAt = now;
        reportedAt = now;
    }
}
