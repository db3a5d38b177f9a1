package cn.countyflow.pilot;

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

/** A yearly batch of pilot-county applications opened by a province (申报批次). */
@Entity
@Table(name = "pilot_batch")
public class PilotBatch {
    public enum Status { OPEN, CLOSED }

    /** How often the batch's pilot counties report during their three years (定期报告频次). */
    public enum ReportFrequency { HALF_YEARLY, QUARTERLY, YEARLY }

    public static final int DEFAULT_DUE_DAYS = 15;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @Column(name = "application_year")
    private int year;
    @Column(name = "province_code")
    private String provinceCode;
    private LocalDate deadline;
    @Column(name = "expected_pilots")
    private int expectedPilots;
    @Column(name = "panel_size")
    private int panelSize;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "report_frequency")
    private ReportFrequency reportFrequency = ReportFrequency.HALF_YEARLY;
    @Column(name = "report_due_days")
    private int reportDueDays = DEFAULT_DUE_DAYS;
    /** Null: the default, 18 months after designation. */
    @Column(name = "midterm_date")
    private LocalDate midtermDate;

    protected PilotBatch() {
    }

    PilotBatch(String name, int year, String provinceCode, LocalDate deadline, int expectedPilots, int panelSize,
               String createdBy, Instant now) {
        this.name = name;
        this.year = year;
        this.provinceCode = provinceCode;
        this.deadline = deadline;
        this.expectedPilots = expectedPilots;
        this.panelSize = panelSize;
        this.status = Status.OPEN;
        this.createdBy = createdBy;
        this.createdAt = now;

    }

    /** The batch as a cohort of cases ({@code PILOT_BATCH:<id>}): how monitoring and the indicators group its cases. */
    public String cohort() {
        return cohortOf(id);
    }

    public static String cohortOf(long batchId) {
        return "PILOT_BATCH:" + batchId;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public int getYear() { return year; }
    public String getProvinceCode() { return provinceCode; }
    public LocalDate getDeadline() { return deadline; }
    public int getExpectedPilots() { return expectedPilots; }
    public int getPanelSize() { return panelSize; }
    public Status getStatus() { return status; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public ReportFrequency getReportFrequency() { return reportFrequency; }
    public int getReportDueDays() { return reportDueDays; }
    public LocalDate getMidtermDate() { return midtermDate; }

    /** Open and the deadline (a whole day, Asia/Shanghai) not yet passed. */
    public boolean acceptsApplications(LocalDate today) {
        return status == Status.OPEN && !deadline.isBefore(today);
    }

    void schedule(ReportFrequency frequency, int dueDays, LocalDate midterm) {
        this.reportFrequency = frequency;
        this.reportDueDays = dueDays;
        this.midtermDate = midterm;
    }

    void close() {
        this.status = Status.CLOSED;
    }

    void change(String name, LocalDate deadline, int expectedPilots) {
        this.name = name;
        this.deadline = deadline;
        this.expectedPilots = expectedPilots;
    }
}
