-- Uploaded files (form filepicker fields). Placeholders: ${blob} = BLOB (H2) / LONGBLOB (MySQL),
-- ${ts} = TIMESTAMP (H2) / DATETIME(6) (MySQL).
CREATE TABLE attachment (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    file_name    VARCHAR(255) NOT NULL,
    content_type VARCHAR(255) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    sha256       VARCHAR(64)  NOT NULL,
    content      ${blob}      NOT NULL,
    uploaded_by  VARCHAR(255) NOT NULL,
    uploaded_at  ${ts}        NOT NULL,
    case_id      BIGINT       NULL
);

CREATE INDEX idx_attachment_case ON attachment (case_id);
