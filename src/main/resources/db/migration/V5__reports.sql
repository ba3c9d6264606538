-- Field reports. number is what people quote (LAP-2026-000123); update_id is the Telegram update that
-- created the report, unique so that a replayed update can never store it twice.
CREATE TABLE report (
    id            bigint PRIMARY KEY,
    number        text NOT NULL UNIQUE,
    reporter_id   bigint NOT NULL,
    reporter_name text NOT NULL,
    chat_id       bigint NOT NULL,
    category      text NOT NULL,
    severity      text NOT NULL CHECK (severity IN ('normal', 'waspada', 'siaga', 'awas')),
    area          text,
    description   text NOT NULL,
    nihil         boolean NOT NULL DEFAULT false,
    photo_file_id text,
    latitude      double precision,
    longitude     double precision,
    status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    closed_by     bigint,
    closed_note   text,
    closed_at     timestamptz,
    update_id     bigint UNIQUE,
    created_at    timestamptz NOT NULL
);
CREATE SEQUENCE report_id_seq OWNED BY report.id;
CREATE INDEX report_by_reporter ON report (reporter_id, created_at DESC);
CREATE INDEX report_by_time ON report (created_at);

-- Corrections keep the original: each is a new text for the report, shown to admins with the original.
CREATE TABLE report_correction (
    id           bigserial PRIMARY KEY,
    report_id    bigint NOT NULL REFERENCES report (id),
    text         text NOT NULL,
    corrected_at timestamptz NOT NULL
);

-- People who registered with /daftar; approved ones may report like a roster pelapor.
CREATE TABLE reporter (
    user_id      bigint PRIMARY KEY,
    name         text NOT NULL,
    jabatan      text NOT NULL,
    wilayah      text NOT NULL,
    status       text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    requested_at timestamptz NOT NULL,
    decided_by   bigint,
    decided_at   timestamptz
);

-- A guided /lapor in progress, one per person; it survives restarts and expires after 30 minutes.
CREATE TABLE report_draft (
    user_id       bigint PRIMARY KEY,
    chat_id       bigint NOT NULL,
    topic_id      integer,
    step          text NOT NULL CHECK (step IN ('category', 'severity', 'description', 'extras')),
    category      text,
    severity      text,
    description   text,
    photo_file_id text,
    latitude      double precision,
    longitude     double precision,
    updated_at    timestamptz NOT NULL
);
