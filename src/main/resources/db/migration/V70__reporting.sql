-- Periodic reports (定期报告, process periodicReport): a capability's tables, keyed by the subject case id and the
-- period key; they name no programme. Scope columns (province, city, county) are copied from the subject's case_file
-- so that late lists filter and count without a join.

CREATE TABLE report (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    subject_case_id      BIGINT        NOT NULL,
    period_key           VARCHAR(16)   NOT NULL,
    period_label         VARCHAR(40)   NOT NULL,
    report_year          INT           NOT NULL,
    period_end           ${ts},
    cohort               VARCHAR(40),
    province_code        VARCHAR(6)    NOT NULL,
    city_code            VARCHAR(6),
    county_code          VARCHAR(6)    NOT NULL,
    process_instance_id  VARCHAR(64),
    status               VARCHAR(16)   NOT NULL,
    is_late              BOOLEAN       NOT NULL,
    due_at               ${ts}         NOT NULL,
    late_marked_at       ${ts},
    first_submitted_at   ${ts},
    submitted_at         ${ts},
    accepted_at          ${ts},
    accepted_by          VARCHAR(64),
    return_reason        VARCHAR(2000),
    created_at           ${ts}         NOT NULL,
    updated_at           ${ts}         NOT NULL,
    CONSTRAINT uq_report_subject_period UNIQUE (subject_case_id, period_key),
    CONSTRAINT fk_report_case FOREIGN KEY (subject_case_id) REFERENCES case_file (id)
);
-- late lists and counts: the province's and a city's late reports, by county
CREATE INDEX ix_report_late_province ON report (province_code, is_late, county_code);
CREATE INDEX ix_report_late_city ON report (city_code, is_late, county_code);

-- Every submission of a report: who, when, the narrative (JSON of the narrative fields) and the reviewer's answer.
CREATE TABLE report_revision (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    report_id          BIGINT        NOT NULL,
    revision           INT           NOT NULL,
    submitted_by       VARCHAR(64)   NOT NULL,
    submitted_by_name  VARCHAR(100),
    submitted_at       ${ts}         NOT NULL,
    after_due          BOOLEAN       NOT NULL,
    narrative          ${clob}       NOT NULL,
    review_decision    VARCHAR(16),
    review_comment     VARCHAR(2000),
    reviewed_by        VARCHAR(64),
    reviewed_at        ${ts},
    CONSTRAINT uq_report_revision UNIQUE (report_id, revision),
    CONSTRAINT fk_report_revision_report FOREIGN KEY (report_id) REFERENCES report (id)
);

-- The indicator values of each revision, typed (the accepted revision's values also go to indicator_actual).
CREATE TABLE report_revision_value (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    revision_id      BIGINT         NOT NULL,
    indicator_code   VARCHAR(40)    NOT NULL,
    value_year       INT            NOT NULL,
    reached_value    DECIMAL(18, 4) NOT NULL,
    CONSTRAINT fk_report_value_revision FOREIGN KEY (revision_id) REFERENCES report_revision (id),
    CONSTRAINT fk_report_value_indicator FOREIGN KEY (indicator_code) REFERENCES indicator (code)
);
CREATE INDEX ix_report_value_revision ON report_revision_value (revision_id);
