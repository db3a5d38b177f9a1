package cn.countyflow.plan;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * A planning round opened by a province (振兴计划编制, seed 000): the period the plans cover, the base year of their
 * figures, the county deadline (县提出计划) and the city deadline (市政府审定后报省), and the reference outline (参考提纲)
 * shown to drafters beside the form.
 */
@Entity
@Table(name = "plan_round")
public class PlanRound {
    public enum Status { OPEN, COMPILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "province_code")
    private String provinceCode;
    private String name;
    @Column(name = "period_start")
    private int periodStart;
    @Column(name = "period_end")
    private int periodEnd;
    @Column(name = "base_year")
    private int baseYear;
    @Column(name = "county_deadline")
    private LocalDate countyDeadline;
    @Column(name = "city_deadline")
    private LocalDate cityDeadline;
    @Lob
    @Column(name = "outline", length = 16 * 1024 * 1024)
    private String outline;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;

    protected PlanRound() {
    }

    PlanRound(String provinceCode, String name, int periodStart, int periodEnd, int baseYear, LocalDate countyDeadline,
              LocalDate cityDeadline, String outline, String createdBy, Instant now) {
        this.provinceCode = provinceCode;
        this.name = name;
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.baseYear = baseYear;
        this.countyDeadline = countyDeadline;
        this.cityDeadline = cityDeadline;
        this.outline = outline;
        this.status = Status.OPEN;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** The round as a cohort of cases ({@code PLAN_ROUND:<id>}): how monitoring and the indicators group its plans. */
    public String cohort() {
        return "PLAN_ROUND:" + id;
    }

    public Long getId() { return id; }
    public String getProvinceCode() { return provinceCode; }
    public String getName() { return name; }
    public int getPeriodStart() { return periodStart; }
    public int getPeriodEnd() { return periodEnd; }
    public int getBaseYear() { return baseYear; }
    public LocalDate getCountyDeadline() { return countyDeadline; }
    public LocalDate getCityDeadline() { return cityDeadline; }
    public String getOutline() { return outline; }
    public Status getStatus() { return status; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }

    /** 2019—2022 */
    public String period() {
        return periodStart + "—" + periodEnd;
    }

    void markCompiled() {
        this.status = Status.COMPILED;
    }
}
