-- Ranking, proposed list (拟入选名单), its approval, publicity (公示) and objections (异议)

-- The list a province officer proposes for a batch; one per batch, revised in place after a return
CREATE TABLE batch_list (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    batch_id          BIGINT       NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    proposed_by       VARCHAR(64)  NOT NULL,
    proposed_at       ${ts}        NOT NULL,
    approved_by       VARCHAR(64),
    approved_at       ${ts},
    publicity_start   DATE,
    publicity_end     DATE,
    case_id           BIGINT,
    CONSTRAINT uq_batch_list_batch UNIQUE (batch_id),
    CONSTRAINT fk_batch_list_batch FOREIGN KEY (batch_id) REFERENCES pilot_batch (id),
    CONSTRAINT fk_batch_list_case FOREIGN KEY (case_id) REFERENCES case_file (id)
);
CREATE INDEX ix_batch_list_status ON batch_list (status);

-- Every scored application of the batch, with its rank and score at proposal time and whether it is on the list
CREATE TABLE batch_list_entry (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    list_id             BIGINT        NOT NULL,
    application_case_id BIGINT        NOT NULL,
    county_code         VARCHAR(6)    NOT NULL,
    ranking             INT           NOT NULL,
    score               DECIMAL(6, 2) NOT NULL,
    included            BOOLEAN       NOT NULL,
    deviation_reason    VARCHAR(1000),
    outcome             VARCHAR(16)   NOT NULL,
    outcome_note        VARCHAR(2000),
    CONSTRAINT uq_batch_list_entry UNIQUE (list_id, application_case_id),
    CONSTRAINT fk_batch_list_entry_list FOREIGN KEY (list_id) REFERENCES batch_list (id),
    CONSTRAINT fk_batch_list_entry_case FOREIGN KEY (application_case_id) REFERENCES case_file (id)
);
CREATE INDEX ix_batch_list_entry_case ON batch_list_entry (application_case_id);

-- An objection against an entry during publicity; its answer by the province officer
CREATE TABLE pilot_objection (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    entry_id      BIGINT        NOT NULL,
    objection_text VARCHAR(2000) NOT NULL,
    filed_by      VARCHAR(64)   NOT NULL,
    filed_name    VARCHAR(100),
    filed_org     VARCHAR(6),
    filed_at      ${ts}         NOT NULL,
    case_id       BIGINT,
    outcome       VARCHAR(16),
    answer        VARCHAR(2000),
    answered_by   VARCHAR(64),
    answered_at   ${ts},
    CONSTRAINT fk_pilot_objection_entry FOREIGN KEY (entry_id) REFERENCES batch_list_entry (id),
    CONSTRAINT fk_pilot_objection_case FOREIGN KEY (case_id) REFERENCES case_file (id)
);
CREATE INDEX ix_pilot_objection_entry ON pilot_objection (entry_id);
