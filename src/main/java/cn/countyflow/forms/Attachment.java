package cn.countyflow.forms;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/**
 * An uploaded file that passed {@link UploadPolicy}: its metadata in the database (table {@code attachment}), its
 * content in the {@link FileStore} under {@link #getSha256()}. Rows written before the file store (issue 13, point 4)
 * still hold their content in the column {@code content}; {@link AttachmentService#open} reads those from there.
 */
@Entity
@Table(name = "attachment")
public class Attachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;

    /** Only in rows from before the file store; null for every file stored since. */
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content", length = 100 * 1024 * 1024) // LONGBLOB on MySQL, BLOB on H2
    private byte[] content;

    @Column(name = "uploaded_by", nullable = false)
    private String uploadedBy;

    /** The uploader's organisation, when the upload was made by the signed-in user. */
    @Column(name = "org_code", length = 64)
    private String orgCode;

    @Column(name = "uploaded_at", nullable = false)
    private LocalDateTime uploadedAt;

    @Column(name = "case_id")
    private Long caseId;

    protected Attachment() {
    }

    Attachment(String fileName, String contentType, FileStore.Stored stored, String uploadedBy, String orgCode,
               LocalDateTime uploadedAt) {
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = stored.size();
        this.sha256 = stored.sha256();
        this.uploadedBy = uploadedBy;
        this.orgCode = orgCode;
        this.uploadedAt = uploadedAt;
    }

    public AttachmentRef toRef() {
        return new AttachmentRef(id, fileName, sizeBytes, contentType);
    }

    public Long getId() { return id; }
    public String getFileName() { return fileName; }
    public String getContentType() { return contentType; }
    public long getSizeBytes() { return sizeBytes; }
    public String getSha256() { return sha256; }
    /** The content of a row from before the file store, else null: read files through {@link AttachmentService#open}. */
    byte[] legacyContent() { return content; }
    public String getUploadedBy() { return uploadedBy; }
    public String getOrgCode() { return orgCode; }
    public LocalDateTime getUploadedAt() { return uploadedAt; }
    public Long getCaseId() { return caseId; }
    public void setCaseId(Long caseId) { this.caseId = caseId; }
}
