-- Pilot-county application (工业转型升级试点示范县申报): batches, applications, revisions of the 申报书

-- A yearly batch opened by the province (申报批次)
CREATE TABLE pilot_batch (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    name               VARCHAR(200) NOT NULL,
    application_year   INT          NOT NULL,
    province_code      VARCHAR(6)   NOT NULL,
    deadline           DATE         NOT NULL,
    expected_pilots    INT          NOT NULL,
    panel_size         INT          NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    created_by         VARCHAR(64)  NOT NULL,
    created_at         ${ts}        NOT NULL,
    CONSTRAINT fk_pilot_batch_province FOREIGN KEY (province_code) REFERENCES organisation (code)
);
CREATE INDEX ix_pilot_batch_province ON pilot_batch (province_code, status, deadline);

-- A county's application in a batch; its case (case_file) carries scope and process.
-- active_county is the county code while the application is active and NULL once it has ended,
-- so that the unique key allows at most one active application per county and batch.
CREATE TABLE pilot_application (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id        BIGINT       NOT NULL,
    batch_id       BIGINT       NOT NULL,
    county_code    VARCHAR(6)   NOT NULL,
    active_county  VARCHAR(6),
    status         VARCHAR(32)  NOT NULL,
    created_at     ${ts}        NOT NULL,
    updated_at     ${ts}        NOT NULL,
    CONSTRAINT uq_pilot_application_case UNIQUE (case_id),
    CONSTRAINT uq_pilot_application_active UNIQUE (batch_id, active_county),
    CONSTRAINT fk_pilot_application_case FOREIGN KEY (case_id) REFERENCES case_file (id),
    CONSTRAINT fk_pilot_application_batch FOREIGN KEY (batch_id) REFERENCES pilot_batch (id)
);
CREATE INDEX ix_pilot_application_county ON pilot_application (county_code, batch_id);

-- Every submission of the 申报书 (revision 1, 2, ...): the form data as JSON, who and when
CREATE TABLE pilot_application_revision (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    application_id  BIGINT       NOT NULL,
    revision_no     INT          NOT NULL,
    data            ${clob}      NOT NULL,
    submitted_by    VARCHAR(64)  NOT NULL,
    submitted_name  VARCHAR(100),
    submitted_at    ${ts}        NOT NULL,
    CONSTRAINT uq_pilot_revision UNIQUE (application_id, revision_no),
    CONSTRAINT fk_pilot_revision_application FOREIGN KEY (application_id) REFERENCES pilot_application (id)
);
