package cn.countyflow.pilot.years;

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

/**
 * A designated county's pilot project (试点示范县创建): its own case ({@link #getCaseId()}, type PILOT_PROJECT, process
 * pilotProject), the application it came from, its batch and three target years, and where it stands.
 */
@Entity
@Table(name = "pilot_project")
public class PilotProject {
    /** 创建中, 整改中, 已取消, 已完成, 示范标杆; labels {@code pilot.years.status.<NAME>}. */
    public enum Status {
        ACTIVE, RECTIFYING, CANCELLED, COMPLETED, BENCHMARK;

        public boolean ended() {
            return this == CANCELLED || this == COMPLETED || this == BENCHMARK;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id")
    private Long caseId;
    @Column(name = "application_case_id")
    private Long applicationCaseId;
    @Column(name = "batch_id")
    private Long batchId;
    @Column(name = "county_code")
    private String countyCode;
    @Column(name = "province_code")
    private String provinceCode;
    @Column(name = "first_year")
    private int firstYear;
    @Column(name = "last_year")
    private int lastYear;
    @Column(name = "designated_on")
    private LocalDate designatedOn;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "midterm_outcome")
    private String midtermOutcome;
    @Column(name = "final_outcome")
    private String finalOutcome;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected PilotProject() {
    }

    PilotProject(Long caseId, Long applicationCaseId, Long batchId, String countyCode, String provinceCode,
                 int firstYear, int lastYear, LocalDate designatedOn, Instant now) {
        this.caseId = caseId;
        this.applicationCaseId = applicationCaseId;
        this.batchId = batchId;
        this.countyCode = countyCode;
        this.provinceCode = provinceCode;
        this.firstYear = firstYear;
        this.lastYear = lastYear;
        this.designatedOn = designatedOn;
        this.status = Status.ACTIVE;
        this.createdAt = now;
        this.updatedAt = createdAt;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public Long getApplicationCaseId() { return applicationCaseId; }
    public Long getBatchId() { return batchId; }
    public String getCountyCode() { return countyCode; }
    public String getProvinceCode() { return provinceCode; }
    public int getFirstYear() { return firstYear; }
    public int getLastYear() { return lastYear; }
    public LocalDate getDesignatedOn() { return designatedOn; }
    public Status getStatus() { return status; }
    public String getMidtermOutcome() { return midtermOutcome; }
    public String getFinalOutcome() { return finalOutcome; }

    void setStatus(Status status, Instant now) {
        this.status = status;
        this.updatedAt = now;
    }

    void setMidtermOutcome(String outcome, Instant now) {
        this.midtermOutcome = outcome;
        this.updatedAt = now;
    }

    void setFinalOutcome(String outcome, Instant now) {
        this.finalOutcome = outcome;
        this.updatedAt = now;
    }
}
