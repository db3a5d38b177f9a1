-- Organisations: provinces, cities, counties (GB/T 2260), loaded by V2 from org/admin-divisions-hebei-hubei.csv
CREATE TABLE organisation (
    code            VARCHAR(6)   NOT NULL PRIMARY KEY,
    name            VARCHAR(100) NOT NULL,
    level           VARCHAR(16)  NOT NULL,
    parent_code     VARCHAR(6),
    province_code   VARCHAR(6)   NOT NULL,
    province_direct BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX ix_organisation_parent ON organisation (parent_code);

CREATE TABLE app_user (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL,
    display_name  VARCHAR(100) NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    org_code      VARCHAR(6)   NOT NULL,
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    CONSTRAINT uq_app_user_username UNIQUE (username),
    CONSTRAINT fk_app_user_org FOREIGN KEY (org_code) REFERENCES organisation (code)
);

CREATE TABLE app_user_role (
    user_id BIGINT      NOT NULL,
    role    VARCHAR(32) NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT fk_app_user_role_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);

CREATE TABLE audit_event (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    at         ${ts}        NOT NULL,
    username   VARCHAR(64),
    org_code   VARCHAR(6),
    action     VARCHAR(64)  NOT NULL,
    target     VARCHAR(200),
    outcome    VARCHAR(16)  NOT NULL,
    detail     VARCHAR(1000)
);
CREATE INDEX ix_audit_event_at ON audit_event (at);
CREATE INDEX ix_audit_event_user ON audit_event (username, at);

-- A case: one application or plan moving through a process; scope columns drive every visibility check
CREATE TABLE case_file (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_type           VARCHAR(32)  NOT NULL,
    title               VARCHAR(200) NOT NULL,
    county_code         VARCHAR(6)   NOT NULL,
    city_code           VARCHAR(6),
    province_code       VARCHAR(6)   NOT NULL,
    process_instance_id VARCHAR(64),
    status              VARCHAR(32)  NOT NULL,
    current_stage       VARCHAR(100),
    created_by          VARCHAR(64)  NOT NULL,
    created_at          ${ts}        NOT NULL,
    updated_at          ${ts}        NOT NULL
);
CREATE INDEX ix_case_county ON case_file (county_code, created_at);
CREATE INDEX ix_case_city ON case_file (city_code, created_at);
CREATE INDEX ix_case_province ON case_file (province_code, created_at);
CREATE INDEX ix_case_process ON case_file (process_instance_id);

-- Every decision taken on a case: who, when, which role, decision and comment (审批意见)
CREATE TABLE case_decision (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id        BIGINT       NOT NULL,
    task_id        VARCHAR(64),
    task_key       VARCHAR(100),
    task_name      VARCHAR(200),
    username       VARCHAR(64)  NOT NULL,
    user_name      VARCHAR(100),
    org_code       VARCHAR(6),
    role           VARCHAR(32),
    decision       VARCHAR(32),
    comment        VARCHAR(2000),
    decided_at     ${ts}        NOT NULL,
    CONSTRAINT fk_case_decision_case FOREIGN KEY (case_id) REFERENCES case_file (id)
);
CREATE INDEX ix_case_decision_case ON case_decision (case_id, decided_at);

-- Saved, not yet submitted form data of a task (一个任务一份草稿)
CREATE TABLE task_draft (
    task_id   VARCHAR(64) NOT NULL PRIMARY KEY,
    case_id   BIGINT,
    username  VARCHAR(64) NOT NULL,
    data      ${clob}     NOT NULL,
    saved_at  ${ts}       NOT NULL
);
