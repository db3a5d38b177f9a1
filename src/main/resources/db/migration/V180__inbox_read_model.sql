-- The inbox's read model (issue 12): one row per open task, one per candidate group of a task. Kept by
-- workflow/TaskLifecycle in the transaction that opens, assigns, changes or closes the task; rebuilt from the engine
-- by workflow/InboxIndex.rebuild (at start when it disagrees with the engine, and on an admin's request).
-- 我的待办 = tasks assigned to me (ix_inbox_task_assignee) + unclaimed tasks of my groups (ix_inbox_group): two
-- bounded queries, each ordered by an index and limited to the page, instead of the engine's candidate-OR-assignee
-- query with DISTINCT. created_at + task_id make the order stable (MySQL keeps seconds).
CREATE TABLE inbox_task (
    task_id             VARCHAR(64)  NOT NULL PRIMARY KEY,
    process_instance_id VARCHAR(64),
    task_key            VARCHAR(255),
    name                VARCHAR(255),
    assignee            VARCHAR(64),
    case_id             BIGINT,
    county_code         VARCHAR(6),
    created_at          ${ts}        NOT NULL,
    due_at              ${ts}
);
CREATE INDEX ix_inbox_task_assignee ON inbox_task (assignee, created_at, task_id);
CREATE INDEX ix_inbox_task_case ON inbox_task (case_id);

-- claimable: the task has no assignee (a candidate sees it only then, as the engine's taskCandidateGroupIn)
CREATE TABLE inbox_task_group (
    task_id    VARCHAR(64)  NOT NULL,
    group_id   VARCHAR(255) NOT NULL,
    claimable  BOOLEAN      NOT NULL,
    created_at ${ts}        NOT NULL,
    PRIMARY KEY (task_id, group_id)
);
CREATE INDEX ix_inbox_group ON inbox_task_group (group_id, claimable, created_at, task_id);
