-- Everyday approval work (issue 10): task operations, reminders and escalations. Rows are keyed by the engine's task
-- id and the case id; the engine stays the truth about who holds a task.

-- The step a return went back to (退回到已办环节), beside the decision that returned it
ALTER TABLE case_decision ADD COLUMN target_step VARCHAR(200);

-- 抄送: read access to a case for a user of the same or a supervising office; shows in their 抄送我的 list
CREATE TABLE case_cc (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id     BIGINT       NOT NULL,
    username    VARCHAR(64)  NOT NULL,
    granted_by  VARCHAR(64)  NOT NULL,
    reason      VARCHAR(500) NOT NULL,
    granted_at  ${ts}        NOT NULL,
    CONSTRAINT uq_case_cc UNIQUE (case_id, username),
    CONSTRAINT fk_case_cc_case FOREIGN KEY (case_id) REFERENCES case_file (id)
);
CREATE INDEX ix_case_cc_user ON case_cc (username, granted_at);

-- 催办: a supervising office's reminder to the current holders of a task (at most once a working day per task)
CREATE TABLE task_urge (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    task_id    VARCHAR(64)  NOT NULL,
    case_id    BIGINT,
    urged_by   VARCHAR(64)  NOT NULL,
    org_code   VARCHAR(6)   NOT NULL,
    message    VARCHAR(500) NOT NULL,
    urged_on   DATE         NOT NULL,
    urged_at   ${ts}        NOT NULL
);
CREATE INDEX ix_task_urge_task ON task_urge (task_id, urged_on);

-- 委派 and 加签: a task handed to a colleague (DELEGATE) or a co-signer (COUNTERSIGN) while its owner keeps it
CREATE TABLE task_delegation (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    task_id      VARCHAR(64)  NOT NULL,
    case_id      BIGINT,
    kind         VARCHAR(16)  NOT NULL,
    position     VARCHAR(8),
    owner        VARCHAR(64)  NOT NULL,
    delegate     VARCHAR(64)  NOT NULL,
    reason       VARCHAR(500) NOT NULL,
    requested_at ${ts}        NOT NULL,
    answer       VARCHAR(16),
    comment      VARCHAR(2000),
    answered_at  ${ts},
    CONSTRAINT ck_task_delegation_kind CHECK (kind IN ('DELEGATE', 'COUNTERSIGN'))
);
CREATE INDEX ix_task_delegation_task ON task_delegation (task_id, answered_at);

-- 到期提醒: one reminder per task, some working days before its due date
CREATE TABLE task_reminder (
    task_id     VARCHAR(64) NOT NULL PRIMARY KEY,
    case_id     BIGINT,
    due_at      ${ts}       NOT NULL,
    reminded_at ${ts}       NOT NULL,
    notified    BOOLEAN     NOT NULL
);

-- 逾期督办: a task past its due date, escalated one level up (county → its city, city → the province,
-- province officer → the provincial approver); closed when the task is completed or deleted. The task stays put.
CREATE TABLE task_escalation (
    task_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    case_id      BIGINT,
    task_key     VARCHAR(100),
    task_name    VARCHAR(200) NOT NULL,
    level        VARCHAR(16)  NOT NULL,
    office_code  VARCHAR(6),
    target_group VARCHAR(100),
    target_org   VARCHAR(6),
    due_at       ${ts}        NOT NULL,
    escalated_at ${ts}        NOT NULL,
    closed_at    ${ts}
);
CREATE INDEX ix_task_escalation_target ON task_escalation (target_group, closed_at, due_at);
CREATE INDEX ix_task_escalation_open ON task_escalation (closed_at, office_code);
