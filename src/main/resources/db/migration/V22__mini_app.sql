-- The Mini App's form sends photos as bytes (scaled to a JPEG on the phone): there is no Telegram file id to keep,
-- so the photo itself is kept, under the same retention as a chat report's photo.
CREATE TABLE report_photo (
    report_id  bigint NOT NULL REFERENCES report (id) ON DELETE CASCADE,
    seq        smallint NOT NULL,
    media_type text NOT NULL,
    width      integer NOT NULL,
    height     integer NOT NULL,
    content    bytea NOT NULL,
    PRIMARY KEY (report_id, seq)
);

-- When it happened, as the form's reporter gave it; empty for a chat report, which happened when it was sent.
ALTER TABLE report ADD COLUMN occurred_at timestamptz;

-- A closing photo sent from the form's "Tindak lanjut saya" tab: the evidence, as bytes.
CREATE TABLE follow_up_photo (
    note_id    bigint PRIMARY KEY REFERENCES follow_up_note (id) ON DELETE CASCADE,
    media_type text NOT NULL,
    width      integer NOT NULL,
    height     integer NOT NULL,
    content    bytea NOT NULL
);
