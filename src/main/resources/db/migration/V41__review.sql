-- Expert review (组织评审): the province's expert pool, panel draws, seat assignments and score sheets

-- An expert of a province's pool (专家库)
CREATE TABLE review_expert (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    province_code  VARCHAR(6)   NOT NULL,
    name           VARCHAR(100) NOT NULL,
    employer       VARCHAR(200) NOT NULL,
    city_code      VARCHAR(6)   NOT NULL,
    specialties    VARCHAR(500),
    active         BOOLEAN      NOT NULL,
    username       VARCHAR(64),
    created_at     ${ts}        NOT NULL,
    updated_at     ${ts}        NOT NULL,
    CONSTRAINT uq_review_expert_username UNIQUE (username)
);
CREATE INDEX ix_review_expert_province ON review_expert (province_code, active);

-- Organisations (GB/T 2260 codes) an expert declared they must not review (回避单位)
CREATE TABLE review_expert_avoidance (
    expert_id  BIGINT     NOT NULL,
    org_code   VARCHAR(6) NOT NULL,
    CONSTRAINT pk_review_expert_avoidance PRIMARY KEY (expert_id, org_code),
    CONSTRAINT fk_review_avoidance_expert FOREIGN KEY (expert_id) REFERENCES review_expert (id)
);

-- Every draw on a case (initial panel, replacements, failed attempts): seed, who was drawn, every exclusion (JSON)
CREATE TABLE review_panel_draw (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id      BIGINT       NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    seat_no      VARCHAR(16),
    needed       INT          NOT NULL,
    available    INT          NOT NULL,
    seed         BIGINT       NOT NULL,
    success      BOOLEAN      NOT NULL,
    message      VARCHAR(1000),
    drawn        ${clob}      NOT NULL,
    exclusions   ${clob}      NOT NULL,
    drawn_by     VARCHAR(64),
    drawn_at     ${ts}        NOT NULL,
    CONSTRAINT fk_review_draw_case FOREIGN KEY (case_id) REFERENCES case_file (id)
);
CREATE INDEX ix_review_draw_case ON review_panel_draw (case_id, id);

-- Who holds which seat of a case's panel; a seat is re-assigned after a declared conflict or a late expert
CREATE TABLE review_assignment (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id      BIGINT       NOT NULL,
    seat_no      VARCHAR(16)  NOT NULL,
    expert_id    BIGINT       NOT NULL,
    username     VARCHAR(64),
    status       VARCHAR(16)  NOT NULL,
    end_reason   VARCHAR(1000),
    assigned_at  ${ts}        NOT NULL,
    ended_at     ${ts},
    CONSTRAINT fk_review_assignment_case FOREIGN KEY (case_id) REFERENCES case_file (id),
    CONSTRAINT fk_review_assignment_expert FOREIGN KEY (expert_id) REFERENCES review_expert (id)
);
CREATE INDEX ix_review_assignment_case ON review_assignment (case_id, seat_no, status);

-- An expert's submitted score sheet (评分表): items as JSON, the computed total and the comment
CREATE TABLE review_score_sheet (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id        BIGINT        NOT NULL,
    assignment_id  BIGINT        NOT NULL,
    expert_id      BIGINT        NOT NULL,
    scored_by      VARCHAR(64)   NOT NULL,
    scores         ${clob}       NOT NULL,
    total          DECIMAL(6, 2) NOT NULL,
    comment        ${clob}       NOT NULL,
    submitted_at   ${ts}         NOT NULL,
    CONSTRAINT uq_review_sheet_assignment UNIQUE (assignment_id),
    CONSTRAINT fk_review_sheet_case FOREIGN KEY (case_id) REFERENCES case_file (id),
    CONSTRAINT fk_review_sheet_assignment FOREIGN KEY (assignment_id) REFERENCES review_assignment (id)
);
CREATE INDEX ix_review_sheet_case ON review_score_sheet (case_id);
