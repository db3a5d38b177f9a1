-- Characteristic-industry revitalization plans (县域特色产业振兴计划, DOMAIN process 2; seeds 000, 004):
-- the province's planning rounds, the counties' plans (one per industry) with their revisions and expert
-- argumentation, the city's judgement on the four points of seed 000, and the province's compilation of a round.
-- Targets are typed indicator rows (indicator_target, capability evaluation), never text.

CREATE TABLE plan_round (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    province_code    VARCHAR(6)   NOT NULL,
    name             VARCHAR(200) NOT NULL,
    period_start     INT          NOT NULL,
    period_end       INT          NOT NULL,
    base_year        INT          NOT NULL,
    county_deadline  DATE         NOT NULL,
    city_deadline    DATE         NOT NULL,
    outline          ${clob}      NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    created_by       VARCHAR(64)  NOT NULL,
    created_at       ${ts}        NOT NULL
);
CREATE INDEX ix_plan_round_province ON plan_round (province_code, status);

-- One plan per characteristic industry of a county in a round; its case carries the process.
CREATE TABLE industry_plan (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id             BIGINT       NOT NULL,
    round_id            BIGINT       NOT NULL,
    county_code         VARCHAR(6)   NOT NULL,
    city_code           VARCHAR(6),
    province_code       VARCHAR(6)   NOT NULL,
    industry            VARCHAR(100),
    status              VARCHAR(24)  NOT NULL,
    first_submitted_at  ${ts},
    city_approved_at    ${ts},
    reported_at         ${ts},
    created_at          ${ts}        NOT NULL,
    CONSTRAINT uq_industry_plan_case UNIQUE (case_id),
    CONSTRAINT fk_industry_plan_case FOREIGN KEY (case_id) REFERENCES case_file (id),
    CONSTRAINT fk_industry_plan_round FOREIGN KEY (round_id) REFERENCES plan_round (id)
);
CREATE INDEX ix_industry_plan_round ON industry_plan (round_id, city_code, county_code);
CREATE INDEX ix_industry_plan_county ON industry_plan (county_code, round_id);

-- Every submission of a plan (revision 1, 2, ...): the form data as JSON, who and when.
CREATE TABLE plan_revision (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_id         BIGINT       NOT NULL,
    revision_no     INT          NOT NULL,
    data            ${clob}      NOT NULL,
    submitted_by    VARCHAR(64)  NOT NULL,
    submitted_name  VARCHAR(100),
    submitted_at    ${ts}        NOT NULL,
    CONSTRAINT uq_plan_revision UNIQUE (plan_id, revision_no),
    CONSTRAINT fk_plan_revision_plan FOREIGN KEY (plan_id) REFERENCES industry_plan (id)
);

-- The expert argumentation (专家论证) a county held, as submitted with each revision.
CREATE TABLE plan_argumentation (
    id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_id                BIGINT        NOT NULL,
    revision_no            INT           NOT NULL,
    held_on                DATE          NOT NULL,
    panel                  VARCHAR(2000) NOT NULL,
    opinions               ${clob}       NOT NULL,
    minutes_attachment_id  BIGINT        NOT NULL,
    minutes_name           VARCHAR(255),
    recorded_by            VARCHAR(64)   NOT NULL,
    recorded_at            ${ts}         NOT NULL,
    CONSTRAINT fk_plan_argumentation_plan FOREIGN KEY (plan_id) REFERENCES industry_plan (id)
);
CREATE INDEX ix_plan_argumentation_plan ON plan_argumentation (plan_id, revision_no);

-- The city's judgement (市政府审定) on the four points of seed 000, one row per point and review.
CREATE TABLE plan_review_point (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_id       BIGINT        NOT NULL,
    review_no     INT           NOT NULL,
    point_code    VARCHAR(24)   NOT NULL,
    passed        BOOLEAN       NOT NULL,
    comment_text  VARCHAR(2000),
    reviewed_by   VARCHAR(64)   NOT NULL,
    reviewed_at   ${ts}         NOT NULL,
    CONSTRAINT uq_plan_review_point UNIQUE (plan_id, review_no, point_code),
    CONSTRAINT fk_plan_review_point_plan FOREIGN KEY (plan_id) REFERENCES industry_plan (id)
);

-- The province's compilation of a round (省工信厅汇总 → 报省政府) and its summary table per city and industry.
CREATE TABLE plan_compilation (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    round_id      BIGINT       NOT NULL,
    case_id       BIGINT,
    status        VARCHAR(16)  NOT NULL,
    compiled_by   VARCHAR(64)  NOT NULL,
    compiled_at   ${ts}        NOT NULL,
    CONSTRAINT fk_plan_compilation_round FOREIGN KEY (round_id) REFERENCES plan_round (id)
);
CREATE INDEX ix_plan_compilation_round ON plan_compilation (round_id);

CREATE TABLE plan_compilation_line (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    compilation_id      BIGINT         NOT NULL,
    area_code           VARCHAR(6)     NOT NULL,
    industry            VARCHAR(100)   NOT NULL,
    plans               INT            NOT NULL,
    base_revenue        DECIMAL(18, 4) NOT NULL,
    target_revenue      DECIMAL(18, 4) NOT NULL,
    base_enterprises    INT            NOT NULL,
    target_enterprises  INT            NOT NULL,
    base_above_scale    INT            NOT NULL,
    target_above_scale  INT            NOT NULL,
    CONSTRAINT fk_plan_compilation_line FOREIGN KEY (compilation_id) REFERENCES plan_compilation (id)
);
CREATE INDEX ix_plan_compilation_line ON plan_compilation_line (compilation_id);

-- The plan's indicators (seed 000 and 004: 营业收入 in 亿元, enterprises, 规上企业), targets per year of the period.
INSERT INTO indicator (code, indicator_set, name, unit, direction, decimals, sort_order) VALUES
 ('PLAN_REVENUE',     'PLAN_INDUSTRY', '特色产业营业收入', '亿元', 'HIGHER_BETTER', 2, 101),
 ('PLAN_ENTERPRISES', 'PLAN_INDUSTRY', '特色产业企业数',   '家',   'HIGHER_BETTER', 0, 102),
 ('PLAN_ABOVE_SCALE', 'PLAN_INDUSTRY', '规模以上企业数',   '家',   'HIGHER_BETTER', 0, 103);
