-- The pilot programme's three years after designation (issue 7, engineer C): the batch's reporting and evaluation
-- schedule, the pilot project of each designated county, what happened to it, and the notices the province publishes.

-- The batch's schedule: how often the pilot counties report, how many days after a period's end a report is due, and
-- the mid-term evaluation date (NULL = the default, 18 months after designation)
ALTER TABLE pilot_batch ADD COLUMN report_frequency VARCHAR(16) DEFAULT 'HALF_YEARLY' NOT NULL;
ALTER TABLE pilot_batch ADD COLUMN report_due_days INT DEFAULT 15 NOT NULL;
ALTER TABLE pilot_batch ADD COLUMN midterm_date DATE;

-- A designated county's pilot project (试点示范县创建): its own case and process, linked to the application and batch
CREATE TABLE pilot_project (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id              BIGINT       NOT NULL,
    application_case_id  BIGINT       NOT NULL,
    batch_id             BIGINT       NOT NULL,
    county_code          VARCHAR(6)   NOT NULL,
    province_code        VARCHAR(6)   NOT NULL,
    first_year           INT          NOT NULL,
    last_year            INT          NOT NULL,
    designated_on        DATE         NOT NULL,
    status               VARCHAR(16)  NOT NULL,
    midterm_outcome      VARCHAR(16),
    final_outcome        VARCHAR(16),
    created_at           ${ts}        NOT NULL,
    updated_at           ${ts}        NOT NULL,
    CONSTRAINT uq_pilot_project_case UNIQUE (case_id),
    CONSTRAINT uq_pilot_project_application UNIQUE (application_case_id),
    CONSTRAINT fk_pilot_project_case FOREIGN KEY (case_id) REFERENCES case_file (id),
    CONSTRAINT fk_pilot_project_application FOREIGN KEY (application_case_id) REFERENCES case_file (id),
    CONSTRAINT fk_pilot_project_batch FOREIGN KEY (batch_id) REFERENCES pilot_batch (id)
);
CREATE INDEX ix_pilot_project_batch ON pilot_project (batch_id, status);

-- What happened to a project that no task records (designation, mid-term opened, outcome): for its history
CREATE TABLE pilot_project_event (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    project_id   BIGINT        NOT NULL,
    kind         VARCHAR(32)   NOT NULL,
    note         VARCHAR(2000),
    actor        VARCHAR(64)   NOT NULL,
    occurred_at  ${ts}         NOT NULL,
    CONSTRAINT fk_pilot_project_event_project FOREIGN KEY (project_id) REFERENCES pilot_project (id)
);
CREATE INDEX ix_pilot_project_event_project ON pilot_project_event (project_id, occurred_at);

-- Notices the province publishes: a cancellation (通报取消试点示范) or a benchmark (示范标杆) with its experience
CREATE TABLE pilot_notice (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind              VARCHAR(16)   NOT NULL,
    project_case_id   BIGINT        NOT NULL,
    county_code       VARCHAR(6)    NOT NULL,
    batch_id          BIGINT        NOT NULL,
    province_code     VARCHAR(6)    NOT NULL,
    title             VARCHAR(300)  NOT NULL,
    body              ${clob}       NOT NULL,
    published_by      VARCHAR(64)   NOT NULL,
    published_at      ${ts}         NOT NULL,
    CONSTRAINT fk_pilot_notice_case FOREIGN KEY (project_case_id) REFERENCES case_file (id),
    CONSTRAINT fk_pilot_notice_batch FOREIGN KEY (batch_id) REFERENCES pilot_batch (id)
);
CREATE INDEX ix_pilot_notice_province ON pilot_notice (province_code, published_at);
