-- Issue 8 point 9: two provinces, two variants of the plans programme side by side. What differs between Hebei (seed
-- 000/001: 省工信厅 leads, a list of 100 provincial key industries) and Hubei (seed 003: 省发改委 leads, at most three
-- rooted leading industries per county, a rolling list of about 40 recognised county clusters assessed every year
-- 2024-2026 and tiered by revenue in the DMN decision clusterTier) is configuration here, read by one service.
CREATE TABLE plan_variant (
    province_code          VARCHAR(6)    NOT NULL PRIMARY KEY,
    lead_office            VARCHAR(100)  NOT NULL,
    officer_label          VARCHAR(100)  NOT NULL,
    approver_label         VARCHAR(100)  NOT NULL,
    draft_form_id          VARCHAR(100)  NOT NULL,
    max_rooted_industries  INT,
    key_list_kind          VARCHAR(24)   NOT NULL,
    key_list_name          VARCHAR(200),
    key_list_size          INT,
    tier_decision          VARCHAR(64),
    assessment_from        INT,
    assessment_to          INT
);
INSERT INTO plan_variant (province_code, lead_office, officer_label, approver_label, draft_form_id,
                          max_rooted_industries, key_list_kind, key_list_name, key_list_size, tier_decision,
                          assessment_from, assessment_to) VALUES
 ('130000', '省工业和信息化厅', '省工信厅经办处室', '省政府（省工信厅报审）', 'Form_PlanDraft',
  NULL, 'KEY_INDUSTRIES', '省级重点支持加快振兴的特色产业', 100, NULL, NULL, NULL),
 ('420000', '省发展和改革委员会', '省发改委经办处室', '省政府（省发改委报审）', 'Form_PlanDraftHubei',
  3, 'CLUSTERS', '省级县域重点产业集群', 40, 'clusterTier', 2024, 2026);

-- The rooted leading industries (根植性主导产业) a county declared in its plans, counted against the variant's limit.
CREATE TABLE plan_rooted_industry (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_id        BIGINT       NOT NULL,
    province_code  VARCHAR(6)   NOT NULL,
    county_code    VARCHAR(6)   NOT NULL,
    industry       VARCHAR(100) NOT NULL,
    declared_at    ${ts}        NOT NULL,
    CONSTRAINT uq_plan_rooted_plan UNIQUE (plan_id),
    CONSTRAINT fk_plan_rooted_plan FOREIGN KEY (plan_id) REFERENCES industry_plan (id)
);
CREATE INDEX ix_plan_rooted_county ON plan_rooted_industry (county_code);

-- The province's list: Hebei's key industries, Hubei's county clusters (candidate, then recognised). An entry is
-- never deleted: a removal keeps it as REMOVED with who, when and why; every change is a row of plan_key_change.
CREATE TABLE plan_key_entry (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    province_code   VARCHAR(6)     NOT NULL,
    city_code       VARCHAR(6),
    county_code     VARCHAR(6)     NOT NULL,
    industry        VARCHAR(100)   NOT NULL,
    cluster_name    VARCHAR(200),
    plan_case_id    BIGINT,
    revenue         DECIMAL(18, 4),
    tier            VARCHAR(16),
    status          VARCHAR(16)    NOT NULL,
    recognised_year INT,
    added_year      INT            NOT NULL,
    added_by        VARCHAR(64)    NOT NULL,
    added_at        ${ts}          NOT NULL,
    removed_year    INT,
    removed_by      VARCHAR(64),
    removed_at      ${ts}
);
CREATE INDEX ix_plan_key_entry_province ON plan_key_entry (province_code, status);
CREATE INDEX ix_plan_key_entry_county ON plan_key_entry (county_code);

CREATE TABLE plan_key_change (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    entry_id       BIGINT        NOT NULL,
    province_code  VARCHAR(6)    NOT NULL,
    action         VARCHAR(16)   NOT NULL,
    change_year    INT           NOT NULL,
    reason         VARCHAR(2000) NOT NULL,
    changed_by     VARCHAR(64)   NOT NULL,
    changed_name   VARCHAR(100),
    changed_at     ${ts}         NOT NULL,
    CONSTRAINT fk_plan_key_change_entry FOREIGN KEY (entry_id) REFERENCES plan_key_entry (id)
);
CREATE INDEX ix_plan_key_change_entry ON plan_key_change (entry_id);

-- The annual assessment (年度评估) of the province's listed entries: revenue actual against the plan's target for the
-- year, growth on the year before, and the rank; one row per entry and year (a re-run replaces the year's rows).
CREATE TABLE plan_assessment (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    province_code   VARCHAR(6)     NOT NULL,
    assess_year     INT            NOT NULL,
    entry_id        BIGINT         NOT NULL,
    revenue_target  DECIMAL(18, 4),
    revenue_actual  DECIMAL(18, 4),
    revenue_before  DECIMAL(18, 4),
    completion      DECIMAL(10, 2),
    growth          DECIMAL(10, 2),
    tier            VARCHAR(16),
    rank_no         INT,
    assessed_by     VARCHAR(64)    NOT NULL,
    assessed_at     ${ts}          NOT NULL,
    CONSTRAINT uq_plan_assessment UNIQUE (entry_id, assess_year),
    CONSTRAINT fk_plan_assessment_entry FOREIGN KEY (entry_id) REFERENCES plan_key_entry (id)
);
CREATE INDEX ix_plan_assessment_year ON plan_assessment (province_code, assess_year);

-- A plan's mid-term evaluation (中期评估), run by process planMidterm calling the capability targetEvaluation.
CREATE TABLE plan_midterm (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_id              BIGINT       NOT NULL,
    case_id              BIGINT       NOT NULL,
    process_instance_id  VARCHAR(64)  NOT NULL,
    status               VARCHAR(16)  NOT NULL,
    started_by           VARCHAR(64)  NOT NULL,
    started_at           ${ts}        NOT NULL,
    concluded_at         ${ts},
    CONSTRAINT fk_plan_midterm_plan FOREIGN KEY (plan_id) REFERENCES industry_plan (id)
);
CREATE INDEX ix_plan_midterm_case ON plan_midterm (case_id);
