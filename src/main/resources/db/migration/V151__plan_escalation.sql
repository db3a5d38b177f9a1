-- The five-step method (五步工作法, seed 000) for a city lagging in a round's plans: 警示 → 约谈 → 通报 → 报告 → 问责,
-- recorded by the province in that order, each with its date, reason, officer and document.
CREATE TABLE plan_escalation_step (
    id                      BIGINT AUTO_INCREMENT PRIMARY KEY,
    round_id                BIGINT        NOT NULL,
    province_code           VARCHAR(6)    NOT NULL,
    city_code               VARCHAR(6)    NOT NULL,
    step                    VARCHAR(16)   NOT NULL,
    step_order              INT           NOT NULL,
    occurred_on             DATE          NOT NULL,
    reason                  VARCHAR(2000) NOT NULL,
    officer                 VARCHAR(64)   NOT NULL,
    officer_name            VARCHAR(100),
    document_attachment_id  BIGINT        NOT NULL,
    document_name           VARCHAR(255),
    recorded_at             ${ts}         NOT NULL,
    CONSTRAINT uq_plan_escalation_step UNIQUE (round_id, city_code, step),
    CONSTRAINT fk_plan_escalation_round FOREIGN KEY (round_id) REFERENCES plan_round (id)
);
CREATE INDEX ix_plan_escalation_city ON plan_escalation_step (city_code, round_id);
