-- Expert review keeps its own aggregate (汇总得分) per reviewed subject case, with no programme columns: the
-- programme (e.g. pilot ranking) knows which cases belong to a batch and asks review for their scores.
-- The rows of application_score (written by the pilot-bound review before V55) move here; batch_id and county_code
-- stay in the pilot's own pilot_application table, where they always were.
CREATE TABLE review_aggregate (
    subject_id     BIGINT        NOT NULL PRIMARY KEY,
    score          DECIMAL(6, 2) NOT NULL,
    expert_count   INT           NOT NULL,
    trimmed        BOOLEAN       NOT NULL,
    spread         DECIMAL(6, 2) NOT NULL,
    spread_flagged BOOLEAN       NOT NULL,
    computed_at    ${ts}         NOT NULL,
    CONSTRAINT fk_review_aggregate_case FOREIGN KEY (subject_id) REFERENCES case_file (id)
);

INSERT INTO review_aggregate (subject_id, score, expert_count, trimmed, spread, spread_flagged, computed_at)
SELECT case_id, score, expert_count, trimmed, spread, spread_flagged, computed_at FROM application_score;

DROP TABLE application_score;
