-- Monitoring of a compiled round (每月调度、季度预警、半年通报、年终考核, seed 000): one monitoring case per city (or
-- province-direct county) that reported plans, whose reports run through the periodicReport capability (tables
-- report*), and the counties' own progress entries the city's report rolls up.

CREATE TABLE plan_monitoring (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    round_id       BIGINT       NOT NULL,
    province_code  VARCHAR(6)   NOT NULL,
    area_code      VARCHAR(6)   NOT NULL,
    case_id        BIGINT       NOT NULL,
    first_period   VARCHAR(16)  NOT NULL,
    started_at     ${ts}        NOT NULL,
    CONSTRAINT uq_plan_monitoring_area UNIQUE (round_id, area_code),
    CONSTRAINT uq_plan_monitoring_case UNIQUE (case_id),
    CONSTRAINT fk_plan_monitoring_round FOREIGN KEY (round_id) REFERENCES plan_round (id),
    CONSTRAINT fk_plan_monitoring_case FOREIGN KEY (case_id) REFERENCES case_file (id)
);
CREATE INDEX ix_plan_monitoring_province ON plan_monitoring (province_code, round_id);

-- A county's figures for one of its reported plans and one reporting period (typed, one row per indicator; the
-- newest entry replaces the older one).
CREATE TABLE plan_progress (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_id         BIGINT         NOT NULL,
    round_id        BIGINT         NOT NULL,
    area_code       VARCHAR(6)     NOT NULL,
    county_code     VARCHAR(6)     NOT NULL,
    industry        VARCHAR(100)   NOT NULL,
    period_key      VARCHAR(16)    NOT NULL,
    indicator_code  VARCHAR(40)    NOT NULL,
    reached_value   DECIMAL(18, 4) NOT NULL,
    entered_by      VARCHAR(64)    NOT NULL,
    entered_at      ${ts}          NOT NULL,
    CONSTRAINT uq_plan_progress UNIQUE (plan_id, period_key, indicator_code),
    CONSTRAINT fk_plan_progress_plan FOREIGN KEY (plan_id) REFERENCES industry_plan (id),
    CONSTRAINT fk_plan_progress_indicator FOREIGN KEY (indicator_code) REFERENCES indicator (code)
);
CREATE INDEX ix_plan_progress_area ON plan_progress (round_id, area_code, period_key);
