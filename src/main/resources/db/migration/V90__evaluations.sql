-- Evaluations (issue 7 §4–§6, 考核评估): one row per subject case and kind (MIDTERM, FINAL) with its status and
-- conclusion; the required corrections of a 限期整改 as typed rows with the county's answers; every submission
-- (self-evaluation, rectification report) as a revision. A capability's tables: keyed by the subject case id, naming
-- no programme. Long texts are CLOB (LONGTEXT on MySQL), to stay inside MySQL's 64 KB row limit.
-- Indicator actuals are not here: they are typed rows of indicator_actual (source MIDTERM/FINAL,
-- source_ref = evaluation.id).

CREATE TABLE evaluation (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    subject_case_id      BIGINT        NOT NULL,
    kind                 VARCHAR(16)   NOT NULL,
    cohort               VARCHAR(40)   NOT NULL,
    process_instance_id  VARCHAR(64),
    status               VARCHAR(24)   NOT NULL,
    return_reason        VARCHAR(2000),
    expert_scoring       BOOLEAN,
    expert_score         DECIMAL(6, 2),
    expert_count         INT,
    spread_flagged       BOOLEAN,
    conclusion           VARCHAR(16),
    conclusion_comment   ${clob},
    concluded_by         VARCHAR(64),
    rectify_deadline     ${ts},
    extended_deadline    ${ts},
    termination_reason   ${clob},
    benchmark            BOOLEAN       NOT NULL,
    benchmark_summary    ${clob},
    outcome              VARCHAR(16),
    created_at           ${ts}         NOT NULL,
    updated_at           ${ts}         NOT NULL,
    concluded_at         ${ts},
    CONSTRAINT uq_evaluation_subject_kind UNIQUE (subject_case_id, kind),
    CONSTRAINT fk_evaluation_case FOREIGN KEY (subject_case_id) REFERENCES case_file (id)
);

-- 限期整改: one row per required correction, with the county's answer from its rectification report
CREATE TABLE evaluation_correction (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    evaluation_id   BIGINT        NOT NULL,
    seq             INT           NOT NULL,
    requirement     VARCHAR(2000) NOT NULL,
    answer          VARCHAR(4000),
    answered_by     VARCHAR(64),
    answered_at     ${ts},
    created_at      ${ts}         NOT NULL,
    CONSTRAINT uq_evaluation_correction UNIQUE (evaluation_id, seq),
    CONSTRAINT fk_evaluation_correction FOREIGN KEY (evaluation_id) REFERENCES evaluation (id)
);

-- Every submission: the self-evaluation's narrative per work area, the rectification report's summary and answers
CREATE TABLE evaluation_revision (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    evaluation_id   BIGINT        NOT NULL,
    revision_no     INT           NOT NULL,
    submission      VARCHAR(24)   NOT NULL,
    data            ${clob}       NOT NULL,
    submitted_by    VARCHAR(64)   NOT NULL,
    submitted_name  VARCHAR(100),
    submitted_at    ${ts}         NOT NULL,
    CONSTRAINT uq_evaluation_revision UNIQUE (evaluation_id, revision_no),
    CONSTRAINT fk_evaluation_revision FOREIGN KEY (evaluation_id) REFERENCES evaluation (id)
);
