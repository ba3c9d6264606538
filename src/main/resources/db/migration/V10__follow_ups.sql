-- Tindak lanjut: arahan given at a forum, with an owner and a deadline, followed until done.
-- number is what people quote (TL-2026-0012); update_id makes a replayed /arahan store nothing twice.
CREATE TABLE follow_up (
    id               bigserial PRIMARY KEY,
    number           text NOT NULL UNIQUE,
    occurrence_id    bigint REFERENCES schedule_occurrence (id),
    schedule_id      text,
    chat_id          bigint NOT NULL,
    owner_user_id    bigint,
    owner_unit       text,
    owner_name       text NOT NULL,
    description      text NOT NULL,
    due_on           date NOT NULL,
    status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
    recorded_by      bigint NOT NULL,
    recorded_by_name text NOT NULL,
    recorded_at      timestamptz NOT NULL,
    done_at          timestamptz,
    -- which of the owner's reminders went out for the current owner and deadline: h3, h1, overdue
    reminded         text[] NOT NULL DEFAULT '{}',
    update_id        bigint UNIQUE,
    CHECK (owner_user_id IS NOT NULL OR owner_unit IS NOT NULL)
);
CREATE INDEX follow_up_open ON follow_up (due_on) WHERE status = 'open';
CREATE INDEX follow_up_by_schedule ON follow_up (schedule_id, occurrence_id);

-- Yearly numbering without gaps between instances: one row per year, incremented under its row lock.
CREATE TABLE follow_up_counter (
    year integer PRIMARY KEY,
    last integer NOT NULL
);

-- Progress notes, the closing note (with its photo), reopenings and reassignments: the item's history.
CREATE TABLE follow_up_note (
    id            bigserial PRIMARY KEY,
    follow_up_id  bigint NOT NULL REFERENCES follow_up (id),
    kind          text NOT NULL CHECK (kind IN ('progres', 'selesai', 'dibuka', 'dialihkan')),
    text          text NOT NULL,
    photo_file_id text,
    by_user       bigint NOT NULL,
    by_name       text NOT NULL,
    noted_at      timestamptz NOT NULL,
    update_id     bigint UNIQUE
);
CREATE INDEX follow_up_note_by_item ON follow_up_note (follow_up_id, noted_at);

-- People who have opened a private chat with the bot: only they can be written to privately.
CREATE TABLE private_chat (
    user_id    bigint PRIMARY KEY,
    first_seen timestamptz NOT NULL
);

-- The weekly list of overdue items, once per group and week whichever instance gets there first.
CREATE TABLE follow_up_weekly_list (
    week     text NOT NULL,
    group_id text NOT NULL,
    PRIMARY KEY (week, group_id)
);
