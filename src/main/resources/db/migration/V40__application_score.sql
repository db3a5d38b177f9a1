-- Aggregated expert score per application (汇总得分), written when all of its experts have scored
CREATE TABLE application_score (
    case_id        BIGINT        NOT NULL PRIMARY KEY,
    batch_id       BIGINT        NOT NULL,
    county_code    VARCHAR(6)    NOT NULL,
    score          DECIMAL(6, 2) NOT NULL,
    expert_count   INT           NOT NULL,
    trimmed        BOOLEAN       NOT NULL,
    spread         DECIMAL(6, 2) NOT NULL,
    spread_flagged BOOLEAN       NOT NULL,
    computed_at    ${ts}         NOT NULL
);
CREATE INDEX ix_application_score_batch ON application_score (batch_id, score);
