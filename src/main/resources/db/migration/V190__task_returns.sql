-- Returns stand out (issue 11): a task opened by a return (退回) remembers who returned it, when and why, so the inbox
-- marks it 退回 and the reopened form says so at the top. Keyed by the engine's task id.
CREATE TABLE task_return (
    task_id       VARCHAR(64)   NOT NULL PRIMARY KEY,
    case_id       BIGINT,
    returned_by   VARCHAR(64),
    returned_at   ${ts}         NOT NULL,
    reason        VARCHAR(2000)
);
CREATE INDEX ix_task_return_case ON task_return (case_id);
