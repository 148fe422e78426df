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
        last_question TEXT,                       -- the answer given with the last move, if any
        last_option INTEGER,
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

    -- Starting a session abandons the open one of the same flow (its answers stay), in the
    -- same statement, so that the one-open-session index holds and a start is one round trip.
    CREATE TRIGGER session_replaces_open BEFORE INSERT ON sessions
    WHEN NEW.status = 'open'
    BEGIN
        UPDATE sessions SET status = 'abandoned', finished_at = {NOW}
        WHERE user_id = NEW.user_id AND flow = NEW.flow AND status = 'open';
    END;

    -- A result closes its session.
    CREATE TRIGGER result_closes_session AFTER INSERT ON results
    BEGIN
        UPDATE sessions SET status = 'done', finished_at = {NOW} WHERE id = NEW.session_id AND status = 'open';
    END;

    -- An answer travels with the move it causes: the tap's one statement sets the session's
    -- new state and last answer (a compare-and-set on the old state), and this trigger files
    -- the answer, upserted per session and question, in the same atomic step.
    CREATE TRIGGER answer_with_move AFTER UPDATE OF last_option ON sessions
    WHEN NEW.last_question IS NOT NULL
    BEGIN
        INSERT INTO answers (session_id, question, option)
        VALUES (NEW.id, NEW.last_question, NEW.last_option)
        ON CONFLICT (session_id, question)
        DO UPDATE SET option = excluded.option, answered_at = excluded.answered_at;
    END;
    """,
    # 2: the weekly advocacy tip
    f"""
    CREATE TABLE subscriptions (
        user_id     INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        role        TEXT NOT NULL,
        phase       INTEGER NOT NULL,
        weekday     INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),  -- 0 Monday
        next_due    TEXT NOT NULL,                -- UTC, ISO 8601: when the next tip goes out
        last_tip    TEXT,                         -- so that no tip comes twice in a row
        active      INTEGER NOT NULL DEFAULT 1,
        stopped_why TEXT,                         -- 'user' or 'blocked'
        created_at  TEXT NOT NULL DEFAULT {NOW}
    );
    CREATE INDEX subscriptions_due ON subscriptions(next_due) WHERE active = 1;
    """,
    # 3: the weekly tip in the language of its subscriber; failures counted, so that a tip
    # Telegram keeps refusing moves on to the next week instead of being retried for ever
    """
    ALTER TABLE subscriptions ADD COLUMN language TEXT;
    ALTER TABLE subscriptions ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;
    """,
    # 4: which of a user's sessions moved last, so that /start continues the one the user was
    # in. A counter per user, not a time: two taps can fall in the same millisecond.
    """
    ALTER TABLE sessions ADD COLUMN moved INTEGER NOT NULL DEFAULT 0;
    UPDATE sessions SET moved = id;
    CREATE INDEX sessions_moved ON sessions(user_id, moved);
    CREATE TRIGGER session_moved AFTER INSERT ON sessions
    BEGIN
        UPDATE sessions SET moved = (SELECT max(moved) FROM sessions WHERE user_id = NEW.user_id) + 1
        WHERE id = NEW.id;
    END;
    """,
    # 5: the weekly tips sent, so that none comes again within three months (a JSON array of
    # tip keys, oldest first, claimed and released with the tip in the same statement); and the
    # tips a user acted on ("✓ Done"), each counted once
    f"""
    ALTER TABLE subscriptions ADD COLUMN recent_tips TEXT NOT NULL DEFAULT '[]';
    UPDATE subscriptions SET recent_tips = json_array(last_tip) WHERE last_tip IS NOT NULL;

    CREATE TABLE tips_done (
        user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        tip         TEXT NOT NULL,                -- a key of dialogs.advocacy.TIPS
        done_at     TEXT NOT NULL DEFAULT {NOW},
        PRIMARY KEY (user_id, tip)
    ) WITHOUT ROWID;
    """,
    # 6: the plan, kept with the result it came from (the result's scores carry its moves:
    # this trigger files them in the same statement); moves ticked off; the reminder to check in
    f"""
    CREATE TABLE plans (
        id          INTEGER PRIMARY KEY,
        user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        result_id   INTEGER NOT NULL UNIQUE REFERENCES results(id) ON DELETE CASCADE,
        created_at  TEXT NOT NULL DEFAULT {NOW}
    );
    CREATE INDEX plans_by_user ON plans(user_id, id);

    CREATE TABLE plan_moves (
        plan_id     INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        rank        INTEGER NOT NULL,             -- 1: do this first
        move        TEXT NOT NULL,                -- a key of dialogs.moves
        done_at     TEXT,                         -- when the user ticked it off; NULL: still to do
        PRIMARY KEY (plan_id, rank)
    ) WITHOUT ROWID;

    CREATE TRIGGER result_keeps_plan AFTER INSERT ON results
    WHEN json_type(NEW.scores, '$.plan') = 'array'
    BEGIN
        INSERT INTO plans (user_id, result_id) VALUES (NEW.user_id, NEW.id);
        INSERT INTO plan_moves (plan_id, rank, move)
        SELECT (SELECT id FROM plans WHERE result_id = NEW.id), key + 1, value
        FROM json_each(NEW.scores, '$.plan');
    END;

    CREATE TABLE reminders (
        user_id     INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        weeks       INTEGER NOT NULL,
        next_due    TEXT NOT NULL,                -- UTC, ISO 8601
        language    TEXT,                         -- the language it was asked for in
        active      INTEGER NOT NULL DEFAULT 1,
        stopped_why TEXT,                         -- 'user', 'blocked' or 'sent'
        created_at  TEXT NOT NULL DEFAULT {NOW}
    );
    CREATE INDEX reminders_due ON reminders(next_due) WHERE active = 1;
    """,
    # 7: the strategy as written so far (Strategy Hexagon): one row per part, saved as typed
    f"""
    CREATE TABLE strategy_drafts (
        user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        part        TEXT NOT NULL,                -- a part of dialogs.hexagon, or 'organisation'
        text        TEXT NOT NULL,
        updated_at  TEXT NOT NULL DEFAULT {NOW},
        PRIMARY KEY (user_id, part)
    ) WITHOUT ROWID;
    """,
    # 8: team checks. A member's latest result in a team is filed by the result's own insert
    # (through the session it came from), so a redelivered tap cannot count twice.
    f"""
    CREATE TABLE teams (
        id              INTEGER PRIMARY KEY,
        owner_id        INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        owner_name      TEXT,                     -- shown to members: whose team it is
        name            TEXT NOT NULL,
        flow            TEXT NOT NULL,            -- the check its members take
        token           TEXT NOT NULL UNIQUE,     -- the deep link's payload: opaque, unguessable
        status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        group_chat_id   INTEGER,                  -- the group it was set up from, if any
        view_chat_id    INTEGER,                  -- the owner's team view, edited as members finish
        view_message_id INTEGER,
        view_language   TEXT,                     -- the owner's language when they last opened it
        agreed          TEXT,                     -- JSON: the levels the team agreed on
        created_at      TEXT NOT NULL DEFAULT {NOW}
    );
    CREATE INDEX teams_by_owner ON teams(owner_id);

    CREATE TABLE team_members (
        team_id     INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
        user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        joined_at   TEXT NOT NULL DEFAULT {NOW},
        left_at     TEXT,                         -- left: no reminders; answers stay in the aggregates
        language    TEXT,                         -- the language they joined in (for reminders)
        result_id   INTEGER REFERENCES results(id) ON DELETE SET NULL,
        PRIMARY KEY (team_id, user_id)
    ) WITHOUT ROWID;
    CREATE INDEX team_members_by_user ON team_members(user_id);

    ALTER TABLE sessions ADD COLUMN team_id INTEGER REFERENCES teams(id) ON DELETE SET NULL;

    CREATE TRIGGER result_counts_for_team AFTER INSERT ON results
    BEGIN
        UPDATE team_members SET result_id = NEW.id
        WHERE user_id = NEW.user_id
          AND team_id = (SELECT team_id FROM sessions WHERE id = NEW.session_id)
          AND (SELECT status FROM teams WHERE teams.id = team_members.team_id) = 'open';
    END;

    CREATE TABLE group_links (
        token       TEXT PRIMARY KEY,             -- the deep link from a group to set up its team
        chat_id     INTEGER NOT NULL,
        created_at  TEXT NOT NULL DEFAULT {NOW}
    ) WITHOUT ROWID;
    """,
    # 9: several workers: what a chat has on screen (a question a number answers, a part text
    # fills) kept in the database, so that any worker can take the next update; and the updates
    # already handled, so that one Telegram delivers twice is handled once
    f"""
    CREATE TABLE chat_states (
        chat_id     INTEGER PRIMARY KEY,
        state       TEXT NOT NULL,                -- JSON: ChatData's fields
        updated_at  TEXT NOT NULL DEFAULT {NOW}
    );
    CREATE TABLE handled_updates (
        update_id   INTEGER PRIMARY KEY,
        state       TEXT NOT NULL DEFAULT 'working' CHECK (state IN ('working', 'done')),
        handled_at  TEXT NOT NULL DEFAULT {NOW}   -- when a worker took it (or finished it)
    );
    """,
    # 10: several workers: a user's turn, as a short lease in a row (PostgreSQL's workers take it
    # around each update; one SQLite process keeps each user's order in its update processor and
    # leaves the table empty)
    """
    CREATE TABLE user_turns (
        user_id     INTEGER PRIMARY KEY,
        holder      TEXT NOT NULL,                -- who has the turn: one update on one worker
        lease_ends  TEXT NOT NULL                 -- then a dead worker's turn lapses
    );
    """,
)
