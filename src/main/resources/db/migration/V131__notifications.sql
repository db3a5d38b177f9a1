-- 站内信 and e-mail (issue 10). A notification is written in the transaction of the decision or event that causes it;
-- an e-mail to a user with an address, in an office that turned e-mail on, goes into the outbox in the same
-- transaction and is sent after commit, with retries.
CREATE TABLE notification (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    recipient   VARCHAR(64)   NOT NULL,
    kind        VARCHAR(32)   NOT NULL,
    text_key    VARCHAR(100)  NOT NULL,
    params      VARCHAR(4000) NOT NULL,
    link        VARCHAR(200),
    case_id     BIGINT,
    task_id     VARCHAR(64),
    created_at  ${ts}         NOT NULL,
    read_at     ${ts}
);
CREATE INDEX ix_notification_recipient ON notification (recipient, created_at);
CREATE INDEX ix_notification_unread ON notification (recipient, read_at);

CREATE TABLE mail_outbox (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    notification_id BIGINT        NOT NULL,
    recipient       VARCHAR(64)   NOT NULL,
    address         VARCHAR(200)  NOT NULL,
    subject         VARCHAR(300)  NOT NULL,
    body            VARCHAR(4000) NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL,
    created_at      ${ts}         NOT NULL,
    next_attempt_at ${ts}         NOT NULL,
    sent_at         ${ts},
    last_error      VARCHAR(500),
    version         BIGINT        NOT NULL,
    CONSTRAINT fk_mail_outbox_notification FOREIGN KEY (notification_id) REFERENCES notification (id),
    CONSTRAINT ck_mail_outbox_status CHECK (status IN ('PENDING', 'SENT', 'FAILED'))
);
CREATE INDEX ix_mail_outbox_due ON mail_outbox (status, next_attempt_at);

-- A user's e-mail address for notifications (set by the user)
CREATE TABLE user_mail_address (
    username    VARCHAR(64)  NOT NULL PRIMARY KEY,
    address     VARCHAR(200) NOT NULL,
    updated_at  ${ts}        NOT NULL
);

-- Offices that send notifications by e-mail too (turned on by an administrator; off unless a row says on)
CREATE TABLE office_mail_setting (
    org_code    VARCHAR(6)  NOT NULL PRIMARY KEY,
    enabled     BOOLEAN     NOT NULL,
    updated_by  VARCHAR(64) NOT NULL,
    updated_at  ${ts}       NOT NULL
);
