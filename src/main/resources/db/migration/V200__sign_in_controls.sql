-- Sign-in controls (等保 2.0 level 3): failed sign-ins in a row and the lock they cause, when the password was last
-- set (expiry), a password that must be changed at the next sign-in (initial admin, reset by an admin), an admin's
-- TOTP secret (second factor), and the hashes of the previous passwords (no reuse of the last three).
ALTER TABLE app_user ADD COLUMN failed_sign_ins INT NOT NULL DEFAULT 0;
ALTER TABLE app_user ADD COLUMN locked_until ${ts};
ALTER TABLE app_user ADD COLUMN password_changed_at ${ts};
ALTER TABLE app_user ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE app_user ADD COLUMN totp_secret VARCHAR(64);
UPDATE app_user SET password_changed_at = CURRENT_TIMESTAMP;

CREATE TABLE password_history (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id       BIGINT       NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    replaced_at   ${ts}        NOT NULL,
    CONSTRAINT fk_password_history_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);
CREATE INDEX ix_password_history_user ON password_history (user_id, id);
