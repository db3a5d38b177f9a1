-- Monitoring (issue 9). A case's cohort (the batch or round it belongs to, e.g. PILOT_BATCH:12), and two facts about
-- its process instances that lists filter on: suspended, and how many incidents are open. Kept in step by the engine's
-- history events (monitoring/EngineHistoryListener); the engine stays the truth.
ALTER TABLE case_file ADD COLUMN cohort VARCHAR(64);
ALTER TABLE case_file ADD COLUMN suspended BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE case_file ADD COLUMN open_incidents INT DEFAULT 0 NOT NULL;
CREATE INDEX ix_case_cohort ON case_file (cohort, created_at);
CREATE INDEX ix_case_type ON case_file (case_type, created_at);

-- the pilot programme's cases so far: their batch
UPDATE case_file SET cohort = (SELECT CONCAT('PILOT_BATCH:', a.batch_id) FROM pilot_application a WHERE a.case_id = case_file.id)
 WHERE cohort IS NULL AND id IN (SELECT case_id FROM pilot_application);
UPDATE case_file SET cohort = (SELECT CONCAT('PILOT_BATCH:', p.batch_id) FROM pilot_project p WHERE p.case_id = case_file.id)
 WHERE cohort IS NULL AND id IN (SELECT case_id FROM pilot_project);
UPDATE case_file SET cohort = (SELECT CONCAT('PILOT_BATCH:', l.batch_id) FROM batch_list l WHERE l.case_id = case_file.id)
 WHERE cohort IS NULL AND id IN (SELECT case_id FROM batch_list WHERE case_id IS NOT NULL);
UPDATE case_file SET cohort = (SELECT CONCAT('PILOT_BATCH:', l.batch_id) FROM pilot_objection o
        JOIN batch_list_entry e ON e.id = o.entry_id JOIN batch_list l ON l.id = e.list_id WHERE o.case_id = case_file.id)
 WHERE cohort IS NULL AND id IN (SELECT case_id FROM pilot_objection WHERE case_id IS NOT NULL);

-- Every process instance of a case, the case's own and those it called (reports, evaluations, expert reviews)
CREATE TABLE monitor_process (
    process_instance_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    root_instance_id      VARCHAR(64),
    case_id               BIGINT,
    process_key           VARCHAR(255) NOT NULL,
    process_definition_id VARCHAR(64),
    state                 VARCHAR(32)  NOT NULL,
    started_at            ${ts}        NOT NULL,
    ended_at              ${ts}
);
CREATE INDEX ix_monitor_process_case ON monitor_process (case_id, started_at);
CREATE INDEX ix_monitor_process_key ON monitor_process (process_key, case_id);

-- The open tasks (a row from creation to completion): overdue filters and counts by city and office
CREATE TABLE monitor_task (
    task_id             VARCHAR(64)  NOT NULL PRIMARY KEY,
    process_instance_id VARCHAR(64),
    case_id             BIGINT,
    task_key            VARCHAR(255),
    name                VARCHAR(255),
    assignee            VARCHAR(64),
    office_code         VARCHAR(6),
    created_at          ${ts}        NOT NULL,
    due_at              ${ts}
);
CREATE INDEX ix_monitor_task_case ON monitor_task (case_id, due_at);
CREATE INDEX ix_monitor_task_due ON monitor_task (due_at);

-- Every activity with its duration once it ended (a row from its start; removed if it is cancelled): count, mean,
-- median and 90th percentile per process and activity over the finished ones
CREATE TABLE monitor_activity (
    activity_instance_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    process_instance_id  VARCHAR(64),
    case_id              BIGINT,
    province_code        VARCHAR(6),
    city_code            VARCHAR(6),
    process_key          VARCHAR(255) NOT NULL,
    activity_id          VARCHAR(255) NOT NULL,
    activity_name        VARCHAR(255),
    activity_type        VARCHAR(64),
    started_at           ${ts}        NOT NULL,
    duration_ms          BIGINT,
    ended_at             ${ts}
);
CREATE INDEX ix_monitor_activity_all ON monitor_activity (process_key, activity_id, duration_ms);
CREATE INDEX ix_monitor_activity_province ON monitor_activity (province_code, process_key, activity_id, duration_ms);
CREATE INDEX ix_monitor_activity_city ON monitor_activity (city_code, process_key, activity_id, duration_ms);
