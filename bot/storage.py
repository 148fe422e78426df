"""The one place that knows SQL: users, sessions, answers and results in SQLite via aiosqlite
(``Storage``), or the same in PostgreSQL via asyncpg (``bot.postgres_storage``): ``open_storage``
opens the one the settings name.

Every aiosqlite call is a hop to its database thread (measured here: about 0.2 ms inside a
handler, as much as the rest of a tap), so a tap is one statement: it moves the session
(compare-and-set on its state), files the answer (a trigger, see ``migrations.py``) and
returns what the next screen needs. Screens reached without a tap (commands, the menu) load
the user with one query.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections.abc import Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import aiosqlite

from bot.migrations import MIGRATIONS, NOW
from dialogs.hexagon import ORGANISATION, Draft
from dialogs.plan import KeptMove, KeptPlan
from dialogs.results import StoredResult

if TYPE_CHECKING:
    from bot.postgres_storage import PostgresStorage

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres(target: str | Path) -> bool:
    """Whether ``ADVISOR_DB`` names a PostgreSQL database (a URL) rather than a SQLite file."""
    return str(target).startswith(POSTGRES_SCHEMES)


async def open_storage(target: str | Path) -> Storage | PostgresStorage:
    """The storage ``target`` names: a ``postgresql://`` (or ``postgres://``) URL opens
    PostgreSQL, anything else is the path of a SQLite file. Both have the same methods."""
    if is_postgres(target):
        from bot.postgres_storage import PostgresStorage  # it imports this module's dataclasses

        return await PostgresStorage.open(str(target))
    return await Storage.open(target)


class UnknownUserError(Exception):
    """A write for a user who never started the bot."""


class StaleSessionError(Exception):
    """The session moved on (or closed) since it was loaded: the tap must not be written."""


@dataclass
class Session:
    id: int
    flow: str
    state: str
    answers: dict[str, int] = field(default_factory=dict)
    team_id: int | None = None  # a team's check


@dataclass
class UserRecord:
    id: int
    language: str | None
    sessions: dict[str, Session] = field(default_factory=dict)  # the open session of each flow

    def session(self, flow: str) -> Session | None:
        return self.sessions.get(flow)

    @property
    def latest_session(self) -> Session | None:
        """The open session the user moved in last (the one /start offers to continue); the
        sessions are loaded in that order."""
        return next(reversed(self.sessions.values()), None)


@dataclass(frozen=True)
class Moved:
    """What a move returns: enough to render the next screen without another query."""

    language: str | None
    answers: dict[str, int]


@dataclass(frozen=True)
class Subscription:
    user_id: int
    role: str
    phase: int
    weekday: int
    next_due: str  # UTC ISO 8601
    last_tip: str | None
    language: str | None  # the user's choice, else the language they subscribed in
    failures: int
    recent_tips: tuple[str, ...] = ()  # the tips sent, oldest first (the last is last_tip)


_LOAD_USER = """
SELECT u.language, s.id, s.flow, s.state,
       (SELECT group_concat(a.question || '=' || a.option) FROM answers a WHERE a.session_id = s.id), s.team_id
FROM users u
LEFT JOIN sessions s ON s.user_id = u.id AND s.status = 'open'
WHERE u.id = ?
ORDER BY s.moved
"""


_MOVE = """
UPDATE sessions SET state = ?, last_question = ?, last_option = ?,
    moved = (SELECT max(moved) FROM sessions WHERE user_id = ?) + 1
WHERE id = ? AND user_id = ? AND flow = ? AND state = ? AND status = 'open'
RETURNING (SELECT language FROM users WHERE users.id = sessions.user_id),
          (SELECT group_concat(a.question || '=' || a.option) FROM answers a WHERE a.session_id = sessions.id)
"""


# The phase is the latest placing result's when there is one (a retake moves the tips along);
# results of flows that do not place the organisation on the SSRM have no phase.
_SUBSCRIPTIONS = """
SELECT s.user_id, s.role,
       coalesce((SELECT json_extract(r.scores, '$.phase') FROM results r
                 WHERE r.user_id = s.user_id AND json_extract(r.scores, '$.phase') IS NOT NULL
                 ORDER BY r.created_at DESC, r.id DESC LIMIT 1), s.phase),
       s.weekday, s.next_due, s.last_tip, coalesce(u.language, s.language), s.failures, s.recent_tips
FROM subscriptions s JOIN users u ON u.id = s.user_id
"""


def _subscription(row) -> Subscription:
    *fields, recent = row
    return Subscription(*fields, tuple(json.loads(recent)))


def _parse_answers(packed: str | None) -> dict[str, int]:
    if not packed:
        return {}
    pairs = (item.split("=", 1) for item in packed.split(","))
    return {question: int(option) for question, option in pairs}


class Storage:
    def __init__(self, connection: aiosqlite.Connection) -> None:
        self._db = connection
        # One connection serves every update; writes are single statements (triggers do the
        # rest), and the lock keeps them in order when several coroutines write at once.
        self._write_lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: Path | str) -> Storage:
        connection = await aiosqlite.connect(str(path), isolation_level=None)
        await connection.executescript(
            """
            PRAGMA journal_mode = WAL;
            -- In WAL mode NORMAL keeps every commit across a crash of the bot; only a power
            -- loss may take the last commits back (FULL would fsync each tap).
            PRAGMA synchronous = NORMAL;
            PRAGMA foreign_keys = ON;
            PRAGMA busy_timeout = 5000;
            -- What a user deletes is overwritten, not left readable in the file's free pages
            -- (a VACUUM would also do it, but rewrites the whole file under a lock).
            PRAGMA secure_delete = ON;
            """
        )
        storage = cls(connection)
        await storage._migrate()
        return storage

    async def close(self) -> None:
        await self._db.close()

    async def _migrate(self) -> None:
        (version,) = (await self._db.execute_fetchall("PRAGMA user_version"))[0]
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            # executescript cannot take the version as a parameter; it is our own integer.
            await self._db.executescript(f"BEGIN; {script}; PRAGMA user_version = {number}; COMMIT;")

    # -- users -------------------------------------------------------------------------------

    async def load_user(self, user_id: int) -> UserRecord | None:
        """The user with their open sessions and their answers; None if unknown."""
        rows = await self._db.execute_fetchall(_LOAD_USER, (user_id,))
        if not rows:
            return None
        record = UserRecord(user_id, rows[0][0])
        for _language, session_id, flow, state, packed, team_id in rows:
            if session_id is not None:
                record.sessions[flow] = Session(session_id, flow, state, _parse_answers(packed), team_id)
        return record

    async def add_user(self, user_id: int) -> None:
        async with self._write_lock:
            await self._db.execute("INSERT OR IGNORE INTO users (id) VALUES (?)", (user_id,))

    async def set_language(self, user_id: int, language: str) -> None:
        async with self._write_lock:
            await self._db.execute(
                "INSERT INTO users (id, language) VALUES (?, ?)"
                " ON CONFLICT (id) DO UPDATE SET language = excluded.language",
                (user_id, language),
            )

    # -- sessions ----------------------------------------------------------------------------

    async def start_session(
        self, user_id: int, flow: str, state: str, team_id: int | None = None
    ) -> tuple[Session, str | None]:
        """A new open session (for a team's check, if ``team_id``), and the user's stored
        language (one round trip). An open session of the same flow is kept, marked abandoned,
        by the ``session_replaces_open`` trigger."""
        async with self._write_lock:
            try:
                rows = await self._db.execute_fetchall(
                    "INSERT INTO sessions (user_id, flow, state, team_id) VALUES (?, ?, ?, ?)"
                    " RETURNING id, (SELECT language FROM users WHERE users.id = sessions.user_id)",
                    (user_id, flow, state, team_id),
                )
            except sqlite3.IntegrityError as error:  # the foreign key to users
                raise UnknownUserError(user_id) from error
        session_id, language = rows[0]
        return Session(session_id, flow, state), language

    async def move(
        self,
        user_id: int,
        session_id: int,
        flow: str,
        from_state: str,
        to_state: str,
        answer: tuple[str, int] | None = None,
    ) -> Moved:
        """Move the user's open session of ``flow`` from ``from_state`` to ``to_state``, filing
        ``answer`` (question, option) with it, atomically. Returns the stored language and the
        session's answers, all in one round trip. StaleSessionError if the session is not the
        user's, not of that flow, not open, or no longer in ``from_state``: then nothing is written."""
        question, option = answer if answer else (None, None)
        async with self._write_lock:
            rows = await self._db.execute_fetchall(
                _MOVE, (to_state, question, option, user_id, session_id, user_id, flow, from_state)
            )
        if not rows:
            raise StaleSessionError(session_id)
        language, packed = rows[0]
        answers = _parse_answers(packed)
        if answer:
            answers[question] = option  # whether or not the subquery saw the trigger's write
        return Moved(language, answers)

    async def save_result(self, session_id: int, user_id: int, flow: str, scores: dict, scoring_version: int) -> None:
        """Store a session's result; the ``result_closes_session`` trigger closes the session.
        Saving the same session's result again changes nothing."""
        async with self._write_lock:
            await self._db.execute(
                "INSERT INTO results (session_id, user_id, flow, scoring_version, scores) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (session_id) DO NOTHING",
                (session_id, user_id, flow, scoring_version, json.dumps(scores, sort_keys=True)),
            )

    # -- the weekly tip ------------------------------------------------------------------------

    async def subscribe(
        self, user_id: int, role: str, phase: int, weekday: int, next_due: str, language: str
    ) -> None:
        """Start (or change) the user's weekly tip; the last tip sent is kept."""
        async with self._write_lock:
            await self._db.execute(
                "INSERT INTO subscriptions (user_id, role, phase, weekday, next_due, language)"
                " VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (user_id) DO UPDATE SET role = excluded.role, phase = excluded.phase,"
                " weekday = excluded.weekday, next_due = excluded.next_due, language = excluded.language,"
                " active = 1, stopped_why = NULL, failures = 0",
                (user_id, role, phase, weekday, next_due, language),
            )

    async def unsubscribe(self, user_id: int, why: str) -> bool:
        """Stop the user's weekly tip; whether there was one to stop."""
        async with self._write_lock:
            cursor = await self._db.execute(
                "UPDATE subscriptions SET active = 0, stopped_why = ? WHERE user_id = ? AND active = 1", (why, user_id)
            )
        return cursor.rowcount == 1

    async def subscription(self, user_id: int) -> Subscription | None:
        rows = await self._db.execute_fetchall(_SUBSCRIPTIONS + " WHERE s.user_id = ? AND s.active = 1", (user_id,))
        return _subscription(rows[0]) if rows else None

    async def due_subscriptions(self, now: str, limit: int) -> list[Subscription]:
        """Active subscriptions whose tip is due at ``now`` (UTC ISO 8601), the longest waiting first."""
        rows = await self._db.execute_fetchall(
            _SUBSCRIPTIONS + " WHERE s.active = 1 AND s.next_due <= ? ORDER BY s.next_due LIMIT ?", (now, limit)
        )
        return [_subscription(row) for row in rows]

    async def claim_tip(self, user_id: int, due: str, sent: Sequence[str], next_due: str) -> bool:
        """Mark the tip as sent and schedule the next one, before it is sent: a tip goes out at
        most once even if the bot stops mid-send. ``sent``: the tips sent with this one, which
        is last. One statement, a compare-and-set on ``due``: False if another run claimed it
        first, and then nothing is written."""
        async with self._write_lock:
            cursor = await self._db.execute(
                "UPDATE subscriptions SET last_tip = ?, recent_tips = ?, next_due = ?"
                " WHERE user_id = ? AND next_due = ? AND active = 1",
                (sent[-1], json.dumps(list(sent)), next_due, user_id, due),
            )
        return cursor.rowcount == 1

    async def clear_failures(self, user_id: int) -> None:
        """A tip went out after earlier refusals: the count starts again."""
        async with self._write_lock:
            await self._db.execute("UPDATE subscriptions SET failures = 0 WHERE user_id = ?", (user_id,))

    async def reschedule(self, user_id: int, next_due: str) -> None:
        """Move a tip that is due without sending it (too late at night to send it now)."""
        async with self._write_lock:
            await self._db.execute("UPDATE subscriptions SET next_due = ? WHERE user_id = ?", (next_due, user_id))

    async def release_tip(
        self, user_id: int, previous: Sequence[str], retry_at: str, *, failed: bool = False
    ) -> None:
        """A claimed tip that Telegram did not take: the tips sent are ``previous`` again (as
        they were before the claim), and it is tried again at ``retry_at``. ``failed``: it was
        refused and counts as a failure; otherwise (postponed, or given up for the week) the
        count starts again."""
        async with self._write_lock:
            await self._db.execute(
                "UPDATE subscriptions SET last_tip = ?, recent_tips = ?, next_due = ?,"
                " failures = CASE WHEN ? THEN failures + 1 ELSE 0 END WHERE user_id = ?",
                (previous[-1] if previous else None, json.dumps(list(previous)), retry_at, failed, user_id),
            )

    # -- tips acted on ---------------------------------------------------------------------------

    async def mark_tip_done(self, user_id: int, tip: str) -> int:
        """Note that the user acted on ``tip`` (once: marking it again changes nothing); returns
        how many tips they acted on."""
        async with self._write_lock:
            await self._db.execute(
                "INSERT INTO tips_done (user_id, tip) VALUES (?, ?) ON CONFLICT (user_id, tip) DO NOTHING",
                (user_id, tip),
            )
        return await self.tips_done(user_id)

    async def tips_done(self, user_id: int) -> int:
        """How many tips the user acted on ("✓ Done")."""
        rows = await self._db.execute_fetchall("SELECT count(*) FROM tips_done WHERE user_id = ?", (user_id,))
        return rows[0][0]

    # -- the plan and its reminder ------------------------------------------------------------

    async def plan(self, user_id: int, plan_id: int | None = None) -> KeptPlan | None:
        """The user's latest plan (or plan ``plan_id``, if it is theirs), with its moves."""
        return _kept_plan(await self._db.execute_fetchall(_PLAN, (user_id, plan_id, user_id)))

    async def tick_move(self, user_id: int, plan_id: int, rank: int, done: bool) -> bool:
        """Mark a move of the user's plan as done (keeping the first time) or not yet; whether
        there was such a move."""
        async with self._write_lock:
            cursor = await self._db.execute(
                f"UPDATE plan_moves SET done_at = CASE WHEN ? THEN coalesce(done_at, {NOW}) END"
                " WHERE plan_id = ? AND rank = ? AND plan_id IN (SELECT id FROM plans WHERE user_id = ?)",
                (done, plan_id, rank, user_id),
            )
        return cursor.rowcount == 1

    async def moves_done(self, user_id: int) -> list[tuple[str, str]]:
        """Every move the user ticked off, with when: (move key, done_at), oldest first."""
        rows = await self._db.execute_fetchall(
            "SELECT m.move, m.done_at FROM plan_moves m JOIN plans p ON p.id = m.plan_id"
            " WHERE p.user_id = ? AND m.done_at IS NOT NULL ORDER BY m.done_at",
            (user_id,),
        )
        return [(move, done_at) for move, done_at in rows]

    async def set_reminder(self, user_id: int, weeks: int, next_due: str, language: str) -> None:
        async with self._write_lock:
            await self._db.execute(
                "INSERT INTO reminders (user_id, weeks, next_due, language) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (user_id) DO UPDATE SET weeks = excluded.weeks, next_due = excluded.next_due,"
                " language = excluded.language, active = 1, stopped_why = NULL",
                (user_id, weeks, next_due, language),
            )

    async def stop_reminder(self, user_id: int, why: str) -> bool:
        """Stop the user's reminder; whether there was one to stop."""
        async with self._write_lock:
            cursor = await self._db.execute(
                "UPDATE reminders SET active = 0, stopped_why = ? WHERE user_id = ? AND active = 1", (why, user_id)
            )
        return cursor.rowcount == 1

    async def reminder(self, user_id: int) -> Reminder | None:
        rows = await self._db.execute_fetchall(_REMINDERS + " WHERE r.user_id = ? AND r.active = 1", (user_id,))
        return Reminder(*rows[0]) if rows else None

    async def due_reminders(self, now: str, limit: int) -> list[Reminder]:
        rows = await self._db.execute_fetchall(
            _REMINDERS + " WHERE r.active = 1 AND r.next_due <= ? ORDER BY r.next_due LIMIT ?", (now, limit)
        )
        return [Reminder(*row) for row in rows]

    async def claim_reminder(self, user_id: int, due: str) -> bool:
        """Mark the reminder as sent before sending it: it goes out at most once."""
        async with self._write_lock:
            cursor = await self._db.execute(
                "UPDATE reminders SET active = 0, stopped_why = 'sent'"
                " WHERE user_id = ? AND next_due = ? AND active = 1",
                (user_id, due),
            )
        return cursor.rowcount == 1

    # -- the strategy --------------------------------------------------------------------------

    async def draft(self, user_id: int) -> Draft:
        """The user's strategy as written so far (empty if they have not started)."""
        rows = await self._db.execute_fetchall(
            "SELECT part, text, updated_at FROM strategy_drafts WHERE user_id = ?", (user_id,)
        )
        draft = Draft()
        for part, text, updated_at in rows:
            if part == ORGANISATION:
                draft.organisation = text
            else:
                draft.parts[part] = text
            draft.updated_at = max(draft.updated_at or updated_at, updated_at)
        return draft

    async def save_part(self, user_id: int, part: str, text: str) -> None:
        """Save a part as the user wrote it (the organisation's name counts as one)."""
        async with self._write_lock:
            await self._db.execute(
                "INSERT INTO strategy_drafts (user_id, part, text) VALUES (?, ?, ?)"
                f" ON CONFLICT (user_id, part) DO UPDATE SET text = excluded.text, updated_at = {NOW}",
                (user_id, part, text),
            )

    # -- teams -------------------------------------------------------------------------------

    async def create_team(
        self, owner_id: int, owner_name: str | None, name: str, flow: str, token: str, group_chat_id: int | None
    ) -> Team:
        async with self._write_lock:
            rows = await self._db.execute_fetchall(
                "INSERT INTO teams (owner_id, owner_name, name, flow, token, group_chat_id) VALUES (?, ?, ?, ?, ?, ?)"
                " RETURNING id",
                (owner_id, owner_name, name, flow, token, group_chat_id),
            )
        return await self.team(rows[0][0])

    async def team(self, team_id: int) -> Team | None:
        rows = await self._db.execute_fetchall(_TEAM + " WHERE id = ?", (team_id,))
        return _team(rows[0]) if rows else None

    async def team_by_token(self, token: str) -> Team | None:
        rows = await self._db.execute_fetchall(_TEAM + " WHERE token = ?", (token,))
        return _team(rows[0]) if rows else None

    async def teams_owned(self, owner_id: int) -> list[Team]:
        rows = await self._db.execute_fetchall(_TEAM + " WHERE owner_id = ? ORDER BY id", (owner_id,))
        return [_team(row) for row in rows]

    async def memberships(self, user_id: int) -> list[Team]:
        """The teams the user is a member of (and has not left)."""
        rows = await self._db.execute_fetchall(
            _TEAM + " WHERE id IN (SELECT team_id FROM team_members WHERE user_id = ? AND left_at IS NULL) ORDER BY id",
            (user_id,),
        )
        return [_team(row) for row in rows]

    async def join_team(self, team_id: int, user_id: int, language: str) -> None:
        """Join (or rejoin) a team; earlier answers in it stay until the check is taken again."""
        async with self._write_lock:
            await self._db.execute(
                "INSERT INTO team_members (team_id, user_id, language) VALUES (?, ?, ?)"
                " ON CONFLICT (team_id, user_id) DO UPDATE SET left_at = NULL, language = excluded.language",
                (team_id, user_id, language),
            )

    async def leave_team(self, team_id: int, user_id: int) -> bool:
        async with self._write_lock:
            cursor = await self._db.execute(
                f"UPDATE team_members SET left_at = {NOW} WHERE team_id = ? AND user_id = ? AND left_at IS NULL",
                (team_id, user_id),
            )
        return cursor.rowcount == 1

    async def team_counts(self, team_id: int) -> tuple[int, int]:
        """Members who joined (and have not left), and members whose answers count."""
        rows = await self._db.execute_fetchall(
            "SELECT count(*) FILTER (WHERE left_at IS NULL), count(result_id) FROM team_members WHERE team_id = ?",
            (team_id,),
        )
        return rows[0]

    async def team_scores(self, team_id: int) -> list[dict]:
        """The scores of each member's latest result in the team (anonymous: no user ids)."""
        rows = await self._db.execute_fetchall(
            "SELECT r.scores FROM team_members m JOIN results r ON r.id = m.result_id WHERE m.team_id = ?"
            " ORDER BY r.id",
            (team_id,),
        )
        return [json.loads(scores) for (scores,) in rows]

    async def unfinished_members(self, team_id: int) -> list[tuple[int, str | None]]:
        """Members who have not finished (and have not left), with their language."""
        rows = await self._db.execute_fetchall(
            "SELECT m.user_id, coalesce(u.language, m.language) FROM team_members m JOIN users u ON u.id = m.user_id"
            " WHERE m.team_id = ? AND m.result_id IS NULL AND m.left_at IS NULL ORDER BY m.joined_at",
            (team_id,),
        )
        return [(user_id, language) for user_id, language in rows]

    async def team_of_session(self, session_id: int) -> Team | None:
        rows = await self._db.execute_fetchall(
            _TEAM + " WHERE id = (SELECT team_id FROM sessions WHERE id = ?)", (session_id,)
        )
        return _team(rows[0]) if rows else None

    async def update_team(self, team_id: int, **changes) -> None:
        """Change some of a team's own columns: status, agreed levels, where its view is shown."""
        allowed = {"status", "agreed", "view_chat_id", "view_message_id", "view_language"}
        if not changes or set(changes) - allowed:
            raise ValueError(f"not a team column to change: {set(changes) - allowed}")
        if "agreed" in changes and changes["agreed"] is not None:
            changes["agreed"] = json.dumps(changes["agreed"], sort_keys=True)
        columns = ", ".join(f"{column} = ?" for column in changes)  # names from the allowed set only
        async with self._write_lock:
            await self._db.execute(f"UPDATE teams SET {columns} WHERE id = ?", (*changes.values(), team_id))

    async def delete_team(self, team_id: int) -> None:
        """The team, its memberships and its link; members' own results stay theirs."""
        async with self._write_lock:
            await self._db.execute("DELETE FROM teams WHERE id = ?", (team_id,))

    async def latest_phases(self) -> list[int]:
        """The SSRM phase of every user's latest result that has one (the benchmark)."""
        rows = await self._db.execute_fetchall(
            "SELECT json_extract(r.scores, '$.phase') FROM results r"
            " WHERE r.id = (SELECT r2.id FROM results r2 WHERE r2.user_id = r.user_id"
            "               AND json_extract(r2.scores, '$.phase') IS NOT NULL"
            "               ORDER BY r2.created_at DESC, r2.id DESC LIMIT 1)"
        )
        return [phase for (phase,) in rows]

    async def link_group(self, token: str, chat_id: int) -> None:
        async with self._write_lock:
            await self._db.execute(
                "INSERT INTO group_links (token, chat_id) VALUES (?, ?) ON CONFLICT (token) DO NOTHING",
                (token, chat_id),
            )

    async def group_of_link(self, token: str, not_before: str) -> int | None:
        """The group a set-up link came from; a link works once, and only for a day."""
        async with self._write_lock:
            rows = await self._db.execute_fetchall(
                "DELETE FROM group_links WHERE token = ? AND created_at >= ? RETURNING chat_id", (token, not_before)
            )
        return rows[0][0] if rows else None

    # -- several workers ---------------------------------------------------------------------------

    async def chat_state(self, chat_id: int) -> dict | None:
        """What the chat has on screen, as the last update left it (None: nothing kept)."""
        rows = await self._db.execute_fetchall("SELECT state FROM chat_states WHERE chat_id = ?", (chat_id,))
        return json.loads(rows[0][0]) if rows else None

    async def save_chat_state(self, chat_id: int, state: dict) -> None:
        async with self._write_lock:
            await self._db.execute(
                "INSERT INTO chat_states (chat_id, state) VALUES (?, ?)"
                f" ON CONFLICT (chat_id) DO UPDATE SET state = excluded.state, updated_at = {NOW}",
                (chat_id, json.dumps(state, sort_keys=True)),
            )

    async def first_delivery(self, update_id: int) -> bool:
        """Note an update as handled; False if it was already (Telegram delivered it twice)."""
        async with self._write_lock:
            cursor = await self._db.execute(
                "INSERT INTO handled_updates (update_id, state) VALUES (?, 'done') ON CONFLICT (update_id) DO NOTHING",
                (update_id,),
            )
        return cursor.rowcount == 1

    async def claim_update(self, update_id: int, lease_until: str, now: str) -> str:
        """Take an update to handle: "new" (this worker handles it), "working" (another worker is
        on it: ask Telegram to deliver it again later) or "done" (delivered twice: nothing to do).
        A claim older than ``lease_until`` (a worker that died) is taken over."""
        async with self._write_lock:
            rows = await self._db.execute_fetchall(
                "INSERT INTO handled_updates (update_id, handled_at) VALUES (?, ?)"
                " ON CONFLICT (update_id) DO UPDATE SET handled_at = excluded.handled_at"
                " WHERE handled_updates.state = 'working' AND handled_updates.handled_at < ?"
                " RETURNING state",
                (update_id, now, lease_until),
            )
            if rows:
                return "new"
            rows = await self._db.execute_fetchall(
                "SELECT state FROM handled_updates WHERE update_id = ?", (update_id,)
            )
        return rows[0][0] if rows else "new"

    async def renew_claim(self, update_id: int, now: str) -> None:
        """The update is still in hand: its claim stays fresh, so that no worker takes it over."""
        async with self._write_lock:
            await self._db.execute(
                "UPDATE handled_updates SET handled_at = ? WHERE update_id = ? AND state = 'working'", (now, update_id)
            )

    async def finish_update(self, update_id: int) -> None:
        async with self._write_lock:
            await self._db.execute(
                f"UPDATE handled_updates SET state = 'done', handled_at = {NOW} WHERE update_id = ?", (update_id,)
            )

    async def ping(self) -> bool:
        """Whether the database answers (the webhook's /healthz)."""
        rows = await self._db.execute_fetchall("SELECT 1")
        return rows == [(1,)]

    @asynccontextmanager
    async def user_lock(self, user_id: int):
        """One user's updates, one at a time across workers. SQLite runs in one process, where
        the update processor already keeps each user's updates in order: nothing to do here."""
        yield

    async def forget_handled_updates(self, before: str) -> None:
        """Telegram redelivers for at most a day: older ids need not be kept."""
        async with self._write_lock:
            await self._db.execute("DELETE FROM handled_updates WHERE handled_at < ?", (before,))

    # -- a user's own data ----------------------------------------------------------------------

    async def export_user(self, user_id: int) -> dict:
        """Every row the advisor keeps about the user, by table, as a person can read it: keys
        in English, dates as stored (UTC, ISO 8601), answers by question key. Teams the user
        owns come without their members; memberships without anyone else's answers."""
        exported: dict = {}
        for table, column in _USER_TABLES:
            rows = await self._rows(f"SELECT * FROM {table} WHERE {column} = ?", (user_id,))  # our own names
            for row in rows:
                for key in ("scores", "recent_tips", "agreed"):
                    if isinstance(row.get(key), str):
                        row[key] = json.loads(row[key])
            exported[table] = rows
        answers = await self._rows(
            "SELECT a.* FROM answers a JOIN sessions s ON s.id = a.session_id WHERE s.user_id = ?", (user_id,)
        )
        moves = await self._rows(
            "SELECT m.* FROM plan_moves m JOIN plans p ON p.id = m.plan_id WHERE p.user_id = ?", (user_id,)
        )
        for session in exported["sessions"]:
            session["answers"] = {a["question"]: a["option"] for a in answers if a["session_id"] == session["id"]}
        for plan in exported["plans"]:
            own = [move for move in moves if move["plan_id"] == plan["id"]]
            plan["moves"] = [{key: value for key, value in move.items() if key != "plan_id"} for move in own]
        exported["users"] = exported["users"][0] if exported["users"] else None
        for owned in exported["teams"]:  # where the bot shows it is no data about the user
            del owned["view_chat_id"], owned["view_message_id"]
        return exported

    async def _rows(self, sql: str, parameters: tuple) -> list[dict]:
        async with self._db.execute(sql, parameters) as cursor:
            names = [column[0] for column in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in await cursor.fetchall()]

    async def delete_user(self, user_id: int) -> list[tuple[int, str | None, str]]:
        """Everything about the user, in one transaction: every table holds it by a foreign key
        to ``users`` that cascades (answers, results, plans, drafts, subscriptions, reminders,
        memberships; a team they own with its members' answers to it). Returns the members of
        their teams to tell (user id, language, team name). The WAL is checkpointed after, so
        that no copy of the deleted rows stays behind in it either."""
        async with self._write_lock:
            await self._db.execute("BEGIN IMMEDIATE")
            try:
                rows = await self._db.execute_fetchall(
                    "SELECT m.user_id, coalesce(u.language, m.language), t.name FROM teams t"
                    " JOIN team_members m ON m.team_id = t.id JOIN users u ON u.id = m.user_id"
                    " WHERE t.owner_id = ? AND m.user_id != ? AND m.left_at IS NULL",
                    (user_id, user_id),
                )
                await self._db.execute("DELETE FROM users WHERE id = ?", (user_id,))
                await self._db.execute("DELETE FROM chat_states WHERE chat_id = ?", (user_id,))  # the private chat
                await self._db.execute("COMMIT")
            except BaseException:
                await self._db.execute("ROLLBACK")
                raise
            await self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return [(member, language, name) for member, language, name in rows]

    async def tables_holding(self, user_id: int) -> list[str]:
        """The tables that still hold ``user_id`` in a column that names users (for checks)."""
        found = []
        for table, column in (*_USER_TABLES, ("teams", "view_chat_id"), ("chat_states", "chat_id")):
            rows = await self._db.execute_fetchall(f"SELECT 1 FROM {table} WHERE {column} = ? LIMIT 1", (user_id,))
            if rows:
                found.append(table)
        return found

    # -- results -----------------------------------------------------------------------------

    async def result_of_session(self, user_id: int, session_id: int) -> StoredResult | None:
        rows = await self._db.execute_fetchall(
            "SELECT id, session_id, flow, scoring_version, scores, created_at FROM results"
            " WHERE user_id = ? AND session_id = ?",
            (user_id, session_id),
        )
        return _stored_result(rows[0]) if rows else None

    async def latest_result(self, user_id: int, flow: str) -> StoredResult | None:
        """The user's latest result of ``flow``, if any."""
        rows = await self._db.execute_fetchall(
            "SELECT id, session_id, flow, scoring_version, scores, created_at FROM results"
            " WHERE user_id = ? AND flow = ? ORDER BY created_at DESC, id DESC LIMIT 1",
            (user_id, flow),
        )
        return _stored_result(rows[0]) if rows else None

    async def latest_phase(self, user_id: int) -> int | None:
        """The SSRM phase of the user's latest result that has one, if any."""
        rows = await self._db.execute_fetchall(
            "SELECT json_extract(scores, '$.phase') FROM results"
            " WHERE user_id = ? AND json_extract(scores, '$.phase') IS NOT NULL ORDER BY created_at DESC, id DESC"
            " LIMIT 1",
            (user_id,),
        )
        return rows[0][0] if rows else None

    async def results(self, user_id: int) -> list[StoredResult]:
        """The user's results, newest first."""
        rows = await self._db.execute_fetchall(
            "SELECT id, session_id, flow, scoring_version, scores, created_at FROM results WHERE user_id = ?"
            " ORDER BY created_at DESC, id DESC",
            (user_id,),
        )
        return [_stored_result(row) for row in rows]


@dataclass(frozen=True)
class Team:
    id: int
    owner_id: int
    owner_name: str | None
    name: str
    flow: str
    token: str
    status: str  # open or closed
    group_chat_id: int | None
    view_chat_id: int | None
    view_message_id: int | None
    view_language: str | None
    agreed: dict | None  # {"levels": {...}, "final": bool}: the levels being agreed, and whether they are

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    @property
    def agreed_levels(self) -> dict[str, int] | None:
        """The levels the team agreed on (None until the owner said "this is our result")."""
        return self.agreed["levels"] if self.agreed and self.agreed.get("final") else None


_TEAM = (
    "SELECT id, owner_id, owner_name, name, flow, token, status, group_chat_id, view_chat_id, view_message_id,"
    " view_language, agreed FROM teams"
)


def _team(row) -> Team:
    *fields, agreed = row
    return Team(*fields, json.loads(agreed) if agreed else None)


@dataclass(frozen=True)
class Reminder:
    user_id: int
    weeks: int
    next_due: str  # UTC ISO 8601
    language: str | None  # the user's choice, else the language it was asked for in


# Where a user's own rows are, by the column that names them (every one cascades from users).
_USER_TABLES = (
    ("users", "id"),
    ("sessions", "user_id"),
    ("results", "user_id"),
    ("plans", "user_id"),
    ("reminders", "user_id"),
    ("subscriptions", "user_id"),
    ("tips_done", "user_id"),
    ("strategy_drafts", "user_id"),
    ("teams", "owner_id"),
    ("team_members", "user_id"),
)

_PLAN = """
SELECT p.id, r.flow, r.session_id, p.created_at, m.rank, m.move, m.done_at
FROM plans p JOIN results r ON r.id = p.result_id JOIN plan_moves m ON m.plan_id = p.id
WHERE p.user_id = ? AND p.id = coalesce(?, (SELECT max(id) FROM plans WHERE user_id = ?))
ORDER BY m.rank
"""

_REMINDERS = """
SELECT r.user_id, r.weeks, r.next_due, coalesce(u.language, r.language)
FROM reminders r JOIN users u ON u.id = r.user_id
"""


def _kept_plan(rows) -> KeptPlan | None:
    if not rows:
        return None
    plan_id, flow, session_id, created_at = rows[0][:4]
    moves = tuple(KeptMove(rank, move, done_at) for *_plan, rank, move, done_at in rows)
    return KeptPlan(plan_id, flow, session_id, created_at, moves)


def _stored_result(row) -> StoredResult:
    result_id, session_id, flow, version, scores, created_at = row
    return StoredResult(result_id, session_id, flow, version, json.loads(scores), created_at)

