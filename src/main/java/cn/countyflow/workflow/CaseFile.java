package cn.countyflow.workflow;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One application or plan on its way through a process. Its scope columns (county, reviewing city, province)
 * decide who may see it; the process instance decides who works next.
 */
@Entity
@Table(name = "case_file")
public class CaseFile {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_type")
    private String caseType;
    private String title;
    @Column(name = "county_code")
    private String countyCode;
    @Column(name = "city_code")
    private String cityCode;
    @Column(name = "province_code")
    private String provinceCode;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    private String status;
    @Column(name = "current_stage")
    private String currentStage;
    @Column(name = "current_stage_key")
    private String currentStageKey;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    /** The batch or round the case belongs to, as its programme names it (e.g. PILOT_BATCH:12); may be null. */
    private String cohort;
    /** Its process instance is suspended (kept in step with the engine's history events). */
    private boolean suspended;
    /** Incidents open in its process instances (the case's own and those it called). */
    @Column(name = "open_incidents")
    private int openIncidents;

    protected CaseFile() {
    }

    public CaseFile(String caseType, String title, String countyCode, String cityCode, String provinceCode, String createdBy,
                    Instant now) {
        this.caseType = caseType;
        this.title = title;
        this.countyCode = countyCode;
        this.cityCode = cityCode;
        this.provinceCode = provinceCode;
        this.createdBy = createdBy;
        this.status = CaseStatus.IN_PROGRESS.name();
        this.createdAt = now;
        this.updatedAt = createdAt;
    }

    public Long getId() { return id; }
    public String getCaseType() { return caseType; }
    public String getTitle() { return title; }
    public String getCountyCode() { return countyCode; }
    public String getCityCode() { return cityCode; }
    public String getProvinceCode() { return provinceCode; }
    public String getProcessInstanceId() { return processInstanceId; }
    public CaseStatus getStatus() { return CaseStatus.valueOf(status); }
    public String getCurrentStage() { return currentStage; }

    /** The step the case is at, as a stable key ({@code <process id>.<element id>} or a programme's own stage key). */
    public String getCurrentStageKey() { return currentStageKey; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getCohort() { return cohort; }
    public boolean isSuspended() { return suspended; }
    public int getOpenIncidents() { return openIncidents; }

    void setCohort(String cohort) {
        this.cohort = cohort;
    }

    void setSuspended(boolean suspended) {
        this.suspended = suspended;
    }

    void changeOpenIncidents(int by) {
        this.openIncidents = Math.max(0, openIncidents + by);
    }

    void attachProcess(String processInstanceId, Instant now) {
        this.processInstanceId = processInstanceId;
        this.updatedAt = now;
    }

    void setStatus(CaseStatus status, Instant now) {
        this.status = status.name();
        this.updatedAt = now;
    }

    void setCurrentStage(String stageKey, String stage, Instant now) {
        this.currentStageKey = stageKey;
        this.currentStage = stage;
        this.updatedAt = now;
    }

    public void setTitle(String title, Instant now) {
        this.title = title;
        this.updatedAt = now;
    }
}
