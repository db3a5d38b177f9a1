-- Every change the province makes to an open batch (修改, 延期, 关闭) and its closing when the list is approved, with
-- the reason: who, when, what (old → new) and why. Rows are only ever added.
CREATE TABLE pilot_batch_change (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    batch_id    BIGINT        NOT NULL,
    action      VARCHAR(16)   NOT NULL,
    reason      VARCHAR(500)  NOT NULL,
    detail      VARCHAR(1000),
    changed_by  VARCHAR(64)   NOT NULL,
    changed_at  ${ts}         NOT NULL,
    CONSTRAINT fk_pilot_batch_change_batch FOREIGN KEY (batch_id) REFERENCES pilot_batch (id)
);
CREATE INDEX ix_pilot_batch_change_batch ON pilot_batch_change (batch_id, changed_at);
