-- Working-day calendar (工作日): per year, the State Council's holidays (放假) and make-up working days (调休上班).
-- A year without a row in work_calendar_year falls back to Monday to Friday. Kept by admins at /admin/calendar.
CREATE TABLE work_calendar_year (
    cal_year    INT          NOT NULL PRIMARY KEY,
    source      VARCHAR(200) NOT NULL,
    updated_by  VARCHAR(64)  NOT NULL,
    updated_at  ${ts}        NOT NULL
);

CREATE TABLE work_calendar_day (
    cal_day     DATE         NOT NULL PRIMARY KEY,
    cal_year    INT          NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    name        VARCHAR(50)  NOT NULL,
    updated_by  VARCHAR(64)  NOT NULL,
    updated_at  ${ts}        NOT NULL,
    CONSTRAINT fk_work_calendar_day_year FOREIGN KEY (cal_year) REFERENCES work_calendar_year (cal_year),
    CONSTRAINT ck_work_calendar_day_kind CHECK (kind IN ('HOLIDAY', 'WORKDAY'))
);
CREATE INDEX ix_work_calendar_day_year ON work_calendar_day (cal_year);

-- 国办发明电〔2024〕12号 国务院办公厅关于2025年部分节假日安排的通知
INSERT INTO work_calendar_year (cal_year, source, updated_by, updated_at) VALUES (2025, '国办发明电〔2024〕12号 国务院办公厅关于2025年部分节假日安排的通知', 'system', TIMESTAMP '2024-11-15 00:00:00');
INSERT INTO work_calendar_day (cal_day, cal_year, kind, name, updated_by, updated_at) VALUES
    (DATE '2025-01-01', 2025, 'HOLIDAY', '元旦', 'system', TIMESTAMP '2024-11-15 00:00:00'),
    (DATE '2025-01-26', 2025, 'WORKDAY', '春节调休上班', 'system', TIMESTAMP '2024-11-15 00:00:00'),
    (DATE '2025-01-28', 2025, 'HOLIDAY', '春节', 'system', TIMESTAMP '2024-11-15 00:00:00'),
    (DATE '2025-01-29', 2025, 'HOLIDAY', '春节', 'system', TIMESTAMP '2024-11-15 00:00:00'),
    (DATE '2025-01-30', 2025, 'HOLIDAY', '春节', 'system', TIMESTAMP '2024-11-15 00:00:00'),
    (DATE '2025-01-31', 2025, 'HOLIDAY', '春节', 'system', TIMESTAMP '2024-11-15 00:00:00'),
    (DATE '2025-02-01', 2025, 'HOLIDAY', '春节', 'system', TIMESTAMP '2024-11-15 00:00:00'),
    (DATE '2025-02-02', 2025, 'HOLIDAY', '春节', 'system', TIMESTAMP '2024-11-15 00:00:00'),
    (DATE '2025-02-03', 2025, 'HOLIDAY', '春节', 'system', TIMESTAMP '2024-11-15 00:00:00'),
    (DATE '2025-02-04', 2025, 'HOLIDAY', '春节', 'system', TIMESTAMP '2024-11-15 00:00:00'),
    (DATE '2025-02-08', 2025, 'WORKDAY', '春节调休上班', 'system', TIMESTAMP '2024-11-15 00:00:00'),
    (DATE '2025-04-04', 2025, 'HOLIDAY', '清明节', 'system', TIMESTAMP '2024-11-15 00:00:00'),
    (DATE '2025-04-05', 2025, 'HOLIDAY', '清明节', 'system', TIMESTAMP '2024-11-15 00:00:00'),
    (DATE '2025-04-06', 2025, 'HOLIDAY', '清明节', 'system', TIMESTAMP '2024-11-15 00:00:00'),
    (DATE '2025-04-27', 2025, 'WORKDAY', '劳动节调休上班', 'system', TIMESTAMP '2024-11-15 00:00:00'),
    (DATE '2025-05-01', 2025, 'HOLIDAY', '劳动节', 'system', TIMESTAMP '2024-11-15 00:00:00'),
    (DATE '2025-05-02', 2025, 'HOLIDAY', '劳动节', 'system', TIMESTAMP '2024-11-15 00:00:00'),
    (DATE '2025-05-03', 2025, 'HOLIDAY', '劳动节', 'system', TIMESTAMP '2024-11-15 00:00:00'),
    (DATE '2025-05-04', 2025, 'HOLIDAY', '劳动节', 'system', TIMESTAMP '2024-11-15 00:00:00'),
    (DATE '2025-05-05', 2025, 'HOLIDAY', '劳动节', 'system', TIMESTAMP '2024-11-15 00:00:00'),
    (DATE '2025-05-31', 2025, 'HOLIDAY', '端午节', 'system', TIMESTAMP '2024-11-15 00:00:00'),
    (DATE '2025-06-01', 2025, 'HOLIDAY', '端午节', 'system', TIMESTAMP '2024-11-15 00:00:00'),
    (DATE '2025-06-02', 2025, 'HOLIDAY', '端午节', 'system', TIMESTAMP '2024-11-15 00:00:00'),
    (DATE '2025-09-28', 2025, 'WORKDAY', '国庆节、中秋节调休上班', 'system', TIMESTAMP '2024-11-15 00:00:00'),
    (DATE '2025-10-01', 2025, 'HOLIDAY', '国庆节、中秋节', 'system', TIMESTAMP '2024-11-15 00:00:00'),
    (DATE '2025-10-02', 2025, 'HOLIDAY', '国庆节、中秋节', 'system', TIMESTAMP '2024-11-15 00:00:00'),
    (DATE '2025-10-03', 2025, 'HOLIDAY', '国庆节、中秋节', 'system', TIMESTAMP '2024-11-15 00:00:00'),
    (DATE '2025-10-04', 2025, 'HOLIDAY', '国庆节、中秋节', 'system', TIMESTAMP '2024-11-15 00:00:00'),
    (DATE '2025-10-05', 2025, 'HOLIDAY', '国庆节、中秋节', 'system', TIMESTAMP '2024-11-15 00:00:00'),
    (DATE '2025-10-06', 2025, 'HOLIDAY', '国庆节、中秋节', 'system', TIMESTAMP '2024-11-15 00:00:00'),
    (DATE '2025-10-07', 2025, 'HOLIDAY', '国庆节、中秋节', 'system', TIMESTAMP '2024-11-15 00:00:00'),
    (DATE '2025-10-08', 2025, 'HOLIDAY', '国庆节、中秋节', 'system', TIMESTAMP '2024-11-15 00:00:00'),
    (DATE '2025-10-11', 2025, 'WORKDAY', '国庆节、中秋节调休上班', 'system', TIMESTAMP '2024-11-15 00:00:00');

-- 国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）
INSERT INTO work_calendar_year (cal_year, source, updated_by, updated_at) VALUES (2026, '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', 'system', TIMESTAMP '2025-11-15 00:00:00');
INSERT INTO work_calendar_day (cal_day, cal_year, kind, name, updated_by, updated_at) VALUES
    (DATE '2026-01-01', 2026, 'HOLIDAY', '元旦', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-01-02', 2026, 'HOLIDAY', '元旦', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-01-03', 2026, 'HOLIDAY', '元旦', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-01-04', 2026, 'WORKDAY', '元旦调休上班', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-02-14', 2026, 'WORKDAY', '春节调休上班', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-02-15', 2026, 'HOLIDAY', '春节', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-02-16', 2026, 'HOLIDAY', '春节', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-02-17', 2026, 'HOLIDAY', '春节', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-02-18', 2026, 'HOLIDAY', '春节', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-02-19', 2026, 'HOLIDAY', '春节', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-02-20', 2026, 'HOLIDAY', '春节', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-02-21', 2026, 'HOLIDAY', '春节', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-02-22', 2026, 'HOLIDAY', '春节', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-02-23', 2026, 'HOLIDAY', '春节', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-02-28', 2026, 'WORKDAY', '春节调休上班', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-04-04', 2026, 'HOLIDAY', '清明节', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-04-05', 2026, 'HOLIDAY', '清明节', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-04-06', 2026, 'HOLIDAY', '清明节', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-05-01', 2026, 'HOLIDAY', '劳动节', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-05-02', 2026, 'HOLIDAY', '劳动节', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-05-03', 2026, 'HOLIDAY', '劳动节', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-05-04', 2026, 'HOLIDAY', '劳动节', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-05-05', 2026, 'HOLIDAY', '劳动节', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-05-09', 2026, 'WORKDAY', '劳动节调休上班', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-06-19', 2026, 'HOLIDAY', '端午节', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-06-20', 2026, 'HOLIDAY', '端午节', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-06-21', 2026, 'HOLIDAY', '端午节', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-09-20', 2026, 'WORKDAY', '国庆节调休上班', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-09-25', 2026, 'HOLIDAY', '中秋节', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-09-26', 2026, 'HOLIDAY', '中秋节', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-09-27', 2026, 'HOLIDAY', '中秋节', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-10-01', 2026, 'HOLIDAY', '国庆节', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-10-02', 2026, 'HOLIDAY', '国庆节', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-10-03', 2026, 'HOLIDAY', '国庆节', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-10-04', 2026, 'HOLIDAY', '国庆节', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-10-05', 2026, 'HOLIDAY', '国庆节', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-10-06', 2026, 'HOLIDAY', '国庆节', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-10-07', 2026, 'HOLIDAY', '国庆节', 'system', TIMESTAMP '2025-11-15 00:00:00'),
    (DATE '2026-10-10', 2026, 'WORKDAY', '国庆节调休上班', 'system', TIMESTAMP '2025-11-15 00:00:00');
