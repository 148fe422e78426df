"""The database schema, one migration per version (``PRAGMA user_version`` says which ran).

Append new migrations; never edit one that has shipped.
"""

from __future__ import annotations

NOW = "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"

MIGRATIONS: tuple[str, ...] = (
    # 1: users, sessions, answers, results
    f"""
    CREATE TABLE users (
        id          INTEGER PRIMARY KEY,          -- the Telegram user id
        language    TEXT,                         -- the user's choice; NULL: follow Telegram's app
        created_at  TEXT NOT NULL DEFAULT {NOW}
    );

    CREATE TABLE sessions (
        id          INTEGER PRIMARY KEY,
        user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        flow        TEXT NOT NULL,
        state       TEXT NOT NULL,
        status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'abandoned')),
        started_at  TEXT NOT NULL DEFAULT {NOW},
        finished_at TEXT
    );
    -- At most one open session per user and flow: it is the one /start offers to continue.
    CREATE UNIQUE INDEX sessions_open ON sessions(user_id, flow) WHERE status = 'open';

    CREATE TABLE answers (
        session_id  INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        question    TEXT NOT NULL,
        option      INTEGER NOT NULL,
        answered_at TEXT NOT NULL DEFAULT {NOW},
        PRIMARY KEY (session_id, question)
    ) WITHOUT ROWID;

    CREATE TABLE results (
        id              INTEGER PRIMARY KEY,
        session_id      INTEGER NOT NULL UNIQUE REFERENCES sessions(id) ON DELETE CASCADE,
        user_id         INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        flow            TEXT NOT NULL,
        scoring_version INTEGER NOT NULL,
        scores          TEXT NOT NULL,            -- JSON, read with the scoring_version it names
        created_at      TEXT NOT NULL DEFAULT {NOW}
    );
    CREATE INDEX results_by_user ON results(user_id, created_at);

    -- A tap is one statement: inserting into this view upserts the answer and moves the
    -- session in one atomic step, so a tap costs one round trip to the database thread.
    -- The move is a compare-and-set: if the session is no longer open in the state the
    -- tap was made in (another process, a redelivered update), nothing is written.
    CREATE VIEW taps (session_id, question, option, from_state, to_state) AS
        SELECT NULL, NULL, NULL, NULL, NULL;

    CREATE TRIGGER tap INSTEAD OF INSERT ON taps
    BEGIN
        SELECT RAISE(ABORT, 'stale session')
        WHERE NOT EXISTS (
            SELECT 1 FROM sessions
            WHERE id = NEW.session_id AND state = NEW.from_state AND status = 'open'
        );
        INSERT INTO answers (session_id, question, option)
        VALUES (NEW.session_id, NEW.question, NEW.option)
        ON CONFLICT (session_id, question)
        DO UPDATE SET option = excluded.option, answered_at = excluded.answered_at;
        UPDATE sessions SET state = NEW.to_state WHERE id = NEW.session_id;
    END;
    """,
)
