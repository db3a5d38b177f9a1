package cn.countyflow.pilot;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** One submission of the 申报书: revision number, the submitted form data (JSON), who and when. Never changed. */
@Entity
@Table(name = "pilot_application_revision")
public class PilotApplicationRevision {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "application_id")
    private Long applicationId;
    @Column(name = "revision_no")
    private int revisionNo;
    @Lob
    @Column(name = "data", length = 16 * 1024 * 1024) // LONGTEXT on MySQL, CLOB on H2
    private String data;
    @Column(name = "submitted_by")
    private String submittedBy;
    @Column(name = "submitted_name")
    private String submittedName;
    @Column(name = "submitted_at")
    private Instant submittedAt;

    protected PilotApplicationRevision() {
    }

    PilotApplicationRevision(Long applicationId, int revisionNo, String data, String submittedBy, String submittedName,
                             Instant now) {
        this.applicationId = applicationId;
        this.revisionNo = revisionNo;
        this.data = data;
        this.submittedBy = submittedBy;
        this.submittedName = submittedName;
        this.submittedAt = now;

    }

    public Long getId() { return id; }
    public Long getApplicationId() { return applicationId; }
    public int getRevisionNo() { return revisionNo; }
    public String getData() { return data; }
    public String getSubmittedBy() { return submittedBy; }
    public String getSubmittedName() { return submittedName; }
    public Instant getSubmittedAt() { return submittedAt; }
}
