-- Indicators as data (issue 7 §2): the catalogue, the targets a subject case committed to, and the actuals reported
-- against them. Typed rows, one per (case, indicator, year); never JSON. A capability's tables: keyed by the subject
-- case id and a neutral cohort key (e.g. the programme's batch), naming no programme.

CREATE TABLE indicator (
    code           VARCHAR(40)  PRIMARY KEY,
    indicator_set  VARCHAR(40)  NOT NULL,
    name           VARCHAR(100) NOT NULL,
    unit           VARCHAR(20)  NOT NULL,
    direction      VARCHAR(16)  NOT NULL,
    decimals       INT          NOT NULL,
    sort_order     INT          NOT NULL
);

-- The six creation-standard indicators of seed 002 (工业转型升级试点示范县创建标准). 能耗下降幅度 is the size of the fall,
-- so a larger value is better.
INSERT INTO indicator (code, indicator_set, name, unit, direction, decimals, sort_order) VALUES
 ('MFG_RD_SHARE',             'PILOT_CREATION', '规模以上制造业研发比重',           '%', 'HIGHER_BETTER', 2, 1),
 ('MFG_QUALITY_INDEX',        'PILOT_CREATION', '制造业质量竞争力指数',             '分', 'HIGHER_BETTER', 2, 2),
 ('ENERGY_INTENSITY_DECLINE', 'PILOT_CREATION', '规模以上单位工业增加值能耗下降幅度', '%', 'HIGHER_BETTER', 2, 3),
 ('TRADITIONAL_UPGRADE',      'PILOT_CREATION', '传统企业改造升级水平',             '%', 'HIGHER_BETTER', 2, 4),
 ('TALENT',                   'PILOT_CREATION', '制造业人才引进培育情况',           '人', 'HIGHER_BETTER', 0, 5),
 ('KEY_WORK_PROGRESS',        'PILOT_CREATION', '重点工作推进情况',                 '%', 'HIGHER_BETTER', 2, 6);

CREATE TABLE indicator_target (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    subject_case_id  BIGINT         NOT NULL,
    cohort           VARCHAR(40)    NOT NULL,
    province_code    VARCHAR(6)     NOT NULL,
    city_code        VARCHAR(6),
    county_code      VARCHAR(6)     NOT NULL,
    indicator_code   VARCHAR(40)    NOT NULL,
    target_year      INT            NOT NULL,
    unit             VARCHAR(20)    NOT NULL,
    baseline         DECIMAL(18, 4),
    target_value     DECIMAL(18, 4) NOT NULL,
    created_at       ${ts}          NOT NULL,
    CONSTRAINT uq_indicator_target UNIQUE (subject_case_id, indicator_code, target_year),
    CONSTRAINT fk_indicator_target_indicator FOREIGN KEY (indicator_code) REFERENCES indicator (code),
    CONSTRAINT fk_indicator_target_case FOREIGN KEY (subject_case_id) REFERENCES case_file (id)
);
-- the province's comparison: one indicator over a province (and a cohort, a year), paged by county
CREATE INDEX ix_indicator_target_compare ON indicator_target (province_code, indicator_code, cohort, target_year, county_code);

-- Every actual value reported; the latest per (case, indicator, year) is flagged current, so the comparison joins one row.
CREATE TABLE indicator_actual (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    subject_case_id  BIGINT         NOT NULL,
    cohort           VARCHAR(40)    NOT NULL,
    province_code    VARCHAR(6)     NOT NULL,
    city_code        VARCHAR(6),
    county_code      VARCHAR(6)     NOT NULL,
    indicator_code   VARCHAR(40)    NOT NULL,
    actual_year      INT            NOT NULL,
    actual_value     DECIMAL(18, 4) NOT NULL,
    source           VARCHAR(24)    NOT NULL,
    source_ref       VARCHAR(64),
    is_current       BOOLEAN        NOT NULL,
    reported_by      VARCHAR(64),
    reported_at      ${ts}          NOT NULL,
    CONSTRAINT fk_indicator_actual_indicator FOREIGN KEY (indicator_code) REFERENCES indicator (code),
    CONSTRAINT fk_indicator_actual_case FOREIGN KEY (subject_case_id) REFERENCES case_file (id)
);
CREATE INDEX ix_indicator_actual_current ON indicator_actual (subject_case_id, indicator_code, actual_year, is_current);
