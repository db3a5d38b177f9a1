package cn.countyflow.pilot;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One change to a batch with its reason (修改, 延期, 关闭, or closed when its list was approved). Never updated. */
@Entity
@Table(name = "pilot_batch_change")
public class PilotBatchChange {
    public enum Action { EDIT, CLOSE, CLOSE_BY_LIST }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "batch_id")
    private Long batchId;
    @Enumerated(EnumType.STRING)
    private Action action;
    private String reason;
    private String detail;
    @Column(name = "changed_by")
    private String changedBy;
    @Column(name = "changed_at")
    private Instant changedAt;

    protected PilotBatchChange() {
    }

    PilotBatchChange(long batchId, Action action, String reason, String detail, String changedBy, Instant changedAt) {
        this.batchId = batchId;
        this.action = action;
        this.reason = reason;
        this.detail = detail;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public Long getId() { return id; }
    public Long getBatchId() { return batchId; }
    public Action getAction() { return action; }
    public String getReason() { return reason; }
    public String getDetail() { return detail; }
    public String getChangedBy() { return changedBy; }
    public Instant getChangedAt() { return changedAt; }
}
