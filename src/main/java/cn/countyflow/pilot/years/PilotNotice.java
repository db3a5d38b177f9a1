package cn.countyflow.pilot.years;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A notice the province publishes about a pilot: its cancellation (通报取消试点示范) or its benchmark (示范标杆). */
@Entity
@Table(name = "pilot_notice")
public class PilotNotice {
    public enum Kind { CANCELLATION, BENCHMARK }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Column(name = "project_case_id")
    private Long projectCaseId;
    @Column(name = "county_code")
    private String countyCode;
    @Column(name = "batch_id")
    private Long batchId;
    @Column(name = "province_code")
    private String provinceCode;
    private String title;
    @jakarta.persistence.Lob
    private String body;
    @Column(name = "published_by")
    private String publishedBy;
    @Column(name = "published_at")
    private Instant publishedAt;

    protected PilotNotice() {
    }

    PilotNotice(Kind kind, Long projectCaseId, String countyCode, Long batchId, String provinceCode, String title,
                String body, String publishedBy, Instant publishedAt) {
        this.kind = kind;
        this.projectCaseId = projectCaseId;
        this.countyCode = countyCode;
        this.batchId = batchId;
        this.provinceCode = provinceCode;
        this.title = title;
        this.body = body;
        this.publishedBy = publishedBy;
        this.publishedAt = publishedAt;
    }

    public Long getId() { return id; }
    public Kind getKind() { return kind; }
    public Long getProjectCaseId() { return projectCaseId; }
    public String getCountyCode() { return countyCode; }
    public Long getBatchId() { return batchId; }
    public String getProvinceCode() { return provinceCode; }
    public String getTitle() { return title; }
    public String getBody() { return body; }
    public String getPublishedBy() { return publishedBy; }
    public Instant getPublishedAt() { return publishedAt; }
}
