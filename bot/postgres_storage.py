"""The same storage as ``bot.storage.Storage``, in PostgreSQL via an asyncpg pool: the same
methods, arguments and return values (the dataclasses are ``bot.storage``'s), for running the
advisor as several workers on one database.

Every write is still one statement (the schema's PL/pgSQL triggers do the rest, as SQLite's do:
see ``postgres_migrations.py``), so it is atomic by itself and needs no lock in the process:
where SQLite runs one write at a time, PostgreSQL runs several workers' writes at once, and the
compare-and-set statements (a tap's move, a tip's or reminder's claim) settle which one wins.
Values come back as SQLite gives them: dates as the same UTC ISO 8601 text ("…Z"), the flags
SQLite keeps as 0/1 as the same integers, JSON parsed the same way.
"""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from collections.abc import Sequence
from contextlib import asynccontextmanager

import asyncpg

from bot.postgres_migrations import NOW, migrate
from bot.storage import (
    _USER_TABLES,
    Moved,
    Reminder,
    Session,
    StaleSessionError,
    Subscription,
    Team,
    UnknownUserError,
    UserRecord,
    _kept_plan,
    _stored_result,
    _subscription,
    _team,
)
from dialogs.hexagon import ORGANISATION, Draft
from dialogs.plan import KeptPlan
from dialogs.results import StoredResult

log = logging.getLogger(__name__)

# Connections per worker. A statement holds its connection for one round trip (a fraction of a
# millisecond on the same network), so ten serve thousands of taps a second, while updates in
# hand wait for Telegram without one; several workers of ten each stay well below PostgreSQL's
# default max_connections (100). One is opened at start, the others when they are needed.
POOL_SIZE = 10
# A user's turn is leased for this long (seconds) and renewed while its update is in hand: a
# user whose worker died mid-update waits at most this long.
TURN_LEASE = 30
TURN_POLL = (0.005, 0.05)  # seconds between tries for a turn that is taken: first, at most
TAKE_TURN = f"""
    INSERT INTO user_turns (user_id, holder, lease_ends)
    VALUES ($1, $2, to_char((statement_timestamp() + make_interval(secs => $3)) AT TIME ZONE 'UTC',
                            'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
    ON CONFLICT (user_id) DO UPDATE SET holder = excluded.holder, lease_ends = excluded.lease_ends
    WHERE user_turns.lease_ends < {NOW}
    RETURNING true
"""

# A session's answers as {question: option}, in the order SQLite returns them (by question).
_ANSWERS = (
    "(SELECT json_object_agg(a.question, a.option ORDER BY a.question) FROM answers a WHERE a.session_id = {session})"
)

_LOAD_USER = f"""
SELECT u.language, s.id, s.flow, s.state, {_ANSWERS.format(session="s.id")}, s.team_id
FROM users u
LEFT JOIN sessions s ON s.user_id = u.id AND s.status = 'open'
WHERE u.id = $1
ORDER BY s.moved
"""

# Inserted only for a known user: a start refused by the foreign key would still take a number
# from the sequence, and the ids would no longer be SQLite's.
_START_SESSION = """
INSERT INTO sessions (user_id, flow, state, team_id)
SELECT $1::bigint, $2::text, $3::text, $4::bigint WHERE EXISTS (SELECT 1 FROM users WHERE id = $1)
RETURNING id, (SELECT language FROM users WHERE users.id = sessions.user_id)
"""

_MOVE = f"""
UPDATE sessions SET state = $1, last_question = $2, last_option = $3,
    moved = (SELECT max(moved) FROM sessions WHERE user_id = $4) + 1
WHERE id = $5 AND user_id = $4 AND flow = $6 AND state = $7 AND status = 'open'
RETURNING (SELECT language FROM users WHERE users.id = sessions.user_id), {_ANSWERS.format(session="sessions.id")}
"""

# The phase of a result, as json_extract(scores, '$.phase') gives it in SQLite (NULL if none).
_PHASE = "(({scores} ->> 'phase')::integer)"

_SUBSCRIPTIONS = f"""
SELECT s.user_id, s.role,
       coalesce((SELECT {_PHASE.format(scores="r.scores")} FROM results r
                 WHERE r.user_id = s.user_id AND r.scores ->> 'phase' IS NOT NULL
                 ORDER BY r.created_at DESC, r.id DESC LIMIT 1), s.phase),
       s.weekday, s.next_due, s.last_tip, coalesce(u.language, s.language), s.failures, s.recent_tips
FROM subscriptions s JOIN users u ON u.id = s.user_id
"""

_TEAM_COLUMNS = (
    "id, owner_id, owner_name, name, flow, token, status, group_chat_id, view_chat_id, view_message_id,"
    " view_language, agreed"
)
_TEAM = f"SELECT {_TEAM_COLUMNS} FROM teams"

_PLAN = """
SELECT p.id, r.flow, r.session_id, p.created_at, m.rank, m.move, m.done_at
FROM plans p JOIN results r ON r.id = p.result_id JOIN plan_moves m ON m.plan_id = p.id
WHERE p.user_id = $1 AND p.id = coalesce($2::bigint, (SELECT max(id) FROM plans WHERE user_id = $1))
ORDER BY m.rank
"""

_REMINDERS = """
SELECT r.user_id, r.weeks, r.next_due, coalesce(u.language, r.language)
FROM reminders r JOIN users u ON u.id = r.user_id
"""

# The order of each table's rows in the export: by its primary key.
_EXPORT_ORDER = {
    "users": "id",
    "sessions": "id",
    "results": "id",
    "plans": "id",
    "reminders": "user_id",
    "subscriptions": "user_id",
    "tips_done": "tip",
    "strategy_drafts": "part",
    "teams": "id",
    "team_members": "team_id",
}


def _changed(status: str) -> int:
    """The rows a statement changed, from its status ("UPDATE 1", "INSERT 0 1", "DELETE 0")."""
    return int(status.rsplit(" ", 1)[1])


def _answers(packed: str | None) -> dict[str, int]:
    return json.loads(packed) if packed else {}


class PostgresStorage:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    @classmethod
    async def open(cls, dsn: str) -> PostgresStorage:
        """Connect to the database at ``dsn`` (postgresql://…) and bring its schema up to date."""
        pool = await asyncpg.create_pool(dsn, min_size=1, max_size=POOL_SIZE)
        try:
            async with pool.acquire() as connection:
                await migrate(connection)
        except BaseException:
            await pool.close()
            raise
        return cls(pool)

    async def close(self) -> None:
        await self._pool.close()

    # -- users -------------------------------------------------------------------------------

    async def load_user(self, user_id: int) -> UserRecord | None:
        """The user with their open sessions and their answers; None if unknown."""
        rows = await self._pool.fetch(_LOAD_USER, user_id)
        if not rows:
            return None
        record = UserRecord(user_id, rows[0][0])
        for _language, session_id, flow, state, packed, team_id in rows:
            if session_id is not None:
                record.sessions[flow] = Session(session_id, flow, state, _answers(packed), team_id)
        return record

    async def add_user(self, user_id: int) -> None:
        await self._pool.execute("INSERT INTO users (id) VALUES ($1) ON CONFLICT (id) DO NOTHING", user_id)

    async def set_language(self, user_id: int, language: str) -> None:
        await self._pool.execute(
            "INSERT INTO users (id, language) VALUES ($1, $2)"
            " ON CONFLICT (id) DO UPDATE SET language = excluded.language",
            user_id,
            language,
        )

    # -- sessions ----------------------------------------------------------------------------

    async def start_session(
        self, user_id: int, flow: str, state: str, team_id: int | None = None
    ) -> tuple[Session, str | None]:
        """A new open session (for a team's check, if ``team_id``), and the user's stored
        language (one round trip). An open session of the same flow is kept, marked abandoned,
        by the ``session_replaces_open`` trigger, in the same statement: two starts at once take
        turns on the user's row, and the second abandons the first."""
        try:
            row = await self._pool.fetchrow(_START_SESSION, user_id, flow, state, team_id)
        except asyncpg.ForeignKeyViolationError as error:  # the user was deleted meanwhile, or the team
            raise UnknownUserError(user_id) from error
        if row is None:
            raise UnknownUserError(user_id)
        session_id, language = row
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
        ``answer`` (question, option) with it, atomically: one statement, a compare-and-set on
        the state, whose ``answer_with_move`` trigger files the answer in the same step. Of two
        moves from the same state at once, the second waits for the first's row lock, finds the
        state changed and writes nothing. Returns the stored language and the session's answers,
        all in one round trip. StaleSessionError if the session is not the user's, not of that
        flow, not open, or no longer in ``from_state``: then nothing is written."""
        question, option = answer if answer else (None, None)
        row = await self._pool.fetchrow(_MOVE, to_state, question, option, user_id, session_id, flow, from_state)
        if row is None:
            raise StaleSessionError(session_id)
        language, packed = row
        answers = _answers(packed)
        if answer:
            answers[question] = option  # the subquery sees the session as before the statement
        return Moved(language, answers)

    async def save_result(self, session_id: int, user_id: int, flow: str, scores: dict, scoring_version: int) -> None:
        """Store a session's result; the ``result_closes_session`` trigger closes the session
        (and ``result_keeps_plan``, ``result_counts_for_team`` file the plan and the member's
        team result). Saving the same session's result again changes nothing. The NOT EXISTS
        spares the ids: an insert that ON CONFLICT drops would still take a number from the
        sequence, and ids would then differ from SQLite's for nothing."""
        await self._pool.execute(
            "INSERT INTO results (session_id, user_id, flow, scoring_version, scores)"
            " SELECT $1::bigint, $2::bigint, $3::text, $4::integer, $5::json"
            " WHERE NOT EXISTS (SELECT 1 FROM results WHERE session_id = $1)"
            " ON CONFLICT (session_id) DO NOTHING",
            session_id,
            user_id,
            flow,
            scoring_version,
            json.dumps(scores, sort_keys=True),
        )

    # -- the weekly tip ------------------------------------------------------------------------

    async def subscribe(
        self, user_id: int, role: str, phase: int, weekday: int, next_due: str, language: str
    ) -> None:
        """Start (or change) the user's weekly tip; the last tip sent is kept."""
        await self._pool.execute(
            "INSERT INTO subscriptions (user_id, role, phase, weekday, next_due, language)"
            " VALUES ($1, $2, $3, $4, $5, $6)"
            " ON CONFLICT (user_id) DO UPDATE SET role = excluded.role, phase = excluded.phase,"
            " weekday = excluded.weekday, next_due = excluded.next_due, language = excluded.language,"
            " active = 1, stopped_why = NULL, failures = 0",
            user_id,
            role,
            phase,
            weekday,
            next_due,
            language,
        )

    async def unsubscribe(self, user_id: int, why: str) -> bool:
        """Stop the user's weekly tip; whether there was one to stop."""
        status = await self._pool.execute(
            "UPDATE subscriptions SET active = 0, stopped_why = $1 WHERE user_id = $2 AND active = 1", why, user_id
        )
        return _changed(status) == 1

    async def subscription(self, user_id: int) -> Subscription | None:
        row = await self._pool.fetchrow(_SUBSCRIPTIONS + " WHERE s.user_id = $1 AND s.active = 1", user_id)
        return _subscription(row) if row else None

    async def due_subscriptions(self, now: str, limit: int) -> list[Subscription]:
        """Active subscriptions whose tip is due at ``now`` (UTC ISO 8601), the longest waiting first."""
        rows = await self._pool.fetch(
            _SUBSCRIPTIONS + " WHERE s.active = 1 AND s.next_due <= $1 ORDER BY s.next_due LIMIT $2", now, limit
        )
        return [_subscription(row) for row in rows]

    async def claim_tip(self, user_id: int, due: str, sent: Sequence[str], next_due: str) -> bool:
        """Mark the tip as sent and schedule the next one, before it is sent: a tip goes out at
        most once even if the bot stops mid-send. ``sent``: the tips sent with this one, which
        is last. One statement, a compare-and-set on ``due``: False if another run claimed it
        first, and then nothing is written.

        This is what SELECT … FOR UPDATE SKIP LOCKED would do for several workers here, in one
        statement: when two workers claim the same tip, the second waits for the first's row
        lock (one statement's time, not a transaction's), then finds ``next_due`` changed and
        claims nothing. So each tip is sent once in total, by whichever worker claimed it."""
        status = await self._pool.execute(
            "UPDATE subscriptions SET last_tip = $1, recent_tips = $2, next_due = $3"
            " WHERE user_id = $4 AND next_due = $5 AND active = 1",
            sent[-1],
            json.dumps(list(sent)),
            next_due,
            user_id,
            due,
        )
        return _changed(status) == 1

    async def clear_failures(self, user_id: int) -> None:
        """A tip went out after earlier refusals: the count starts again."""
        await self._pool.execute("UPDATE subscriptions SET failures = 0 WHERE user_id = $1", user_id)

    async def reschedule(self, user_id: int, next_due: str) -> None:
        """Move a tip that is due without sending it (too late at night to send it now)."""
        await self._pool.execute("UPDATE subscriptions SET next_due = $1 WHERE user_id = $2", next_due, user_id)

    async def release_tip(
        self, user_id: int, previous: Sequence[str], retry_at: str, *, failed: bool = False
    ) -> None:
        """A claimed tip that Telegram did not take: the tips sent are ``previous`` again (as
        they were before the claim), and it is tried again at ``retry_at``. ``failed``: it was
        refused and counts as a failure; otherwise (postponed, or given up for the week) the
        count starts again."""
        await self._pool.execute(
            "UPDATE subscriptions SET last_tip = $1, recent_tips = $2, next_due = $3,"
            " failures = CASE WHEN $4 THEN failures + 1 ELSE 0 END WHERE user_id = $5",
            previous[-1] if previous else None,
            json.dumps(list(previous)),
            retry_at,
            bool(failed),
            user_id,
        )

    # -- tips acted on ---------------------------------------------------------------------------

    async def mark_tip_done(self, user_id: int, tip: str) -> int:
        """Note that the user acted on ``tip`` (once: marking it again changes nothing); returns
        how many tips they acted on."""
        await self._pool.execute(
            "INSERT INTO tips_done (user_id, tip) VALUES ($1, $2) ON CONFLICT (user_id, tip) DO NOTHING",
            user_id,
            tip,
        )
        return await self.tips_done(user_id)

    async def tips_done(self, user_id: int) -> int:
        """How many tips the user acted on ("✓ Done")."""
        return await self._pool.fetchval("SELECT count(*) FROM tips_done WHERE user_id = $1", user_id)

    # -- the plan and its reminder ------------------------------------------------------------

    async def plan(self, user_id: int, plan_id: int | None = None) -> KeptPlan | None:
        """The user's latest plan (or plan ``plan_id``, if it is theirs), with its moves."""
        return _kept_plan(await self._pool.fetch(_PLAN, user_id, plan_id))

    async def tick_move(self, user_id: int, plan_id: int, rank: int, done: bool) -> bool:
        """Mark a move of the user's plan as done (keeping the first time) or not yet; whether
        there was such a move."""
        status = await self._pool.execute(
            f"UPDATE plan_moves SET done_at = CASE WHEN $1 THEN coalesce(done_at, {NOW}) END"
            " WHERE plan_id = $2 AND rank = $3 AND plan_id IN (SELECT id FROM plans WHERE user_id = $4)",
            bool(done),
            plan_id,
            rank,
            user_id,
        )
        return _changed(status) == 1

    async def moves_done(self, user_id: int) -> list[tuple[str, str]]:
        """Every move the user ticked off, with when: (move key, done_at), oldest first."""
        rows = await self._pool.fetch(
            "SELECT m.move, m.done_at FROM plan_moves m JOIN plans p ON p.id = m.plan_id"
            " WHERE p.user_id = $1 AND m.done_at IS NOT NULL ORDER BY m.done_at",
            user_id,
        )
        return [(move, done_at) for move, done_at in rows]

    async def set_reminder(self, user_id: int, weeks: int, next_due: str, language: str) -> None:
        await self._pool.execute(
            "INSERT INTO reminders (user_id, weeks, next_due, language) VALUES ($1, $2, $3, $4)"
            " ON CONFLICT (user_id) DO UPDATE SET weeks = excluded.weeks, next_due = excluded.next_due,"
            " language = excluded.language, active = 1, stopped_why = NULL",
            user_id,
            weeks,
            next_due,
            language,
        )

    async def stop_reminder(self, user_id: int, why: str) -> bool:
        """Stop the user's reminder; whether there was one to stop."""
        status = await self._pool.execute(
            "UPDATE reminders SET active = 0, stopped_why = $1 WHERE user_id = $2 AND active = 1", why, user_id
        )
        return _changed(status) == 1

    async def reminder(self, user_id: int) -> Reminder | None:
        row = await self._pool.fetchrow(_REMINDERS + " WHERE r.user_id = $1 AND r.active = 1", user_id)
        return Reminder(*row) if row else None

    async def due_reminders(self, now: str, limit: int) -> list[Reminder]:
        rows = await self._pool.fetch(
            _REMINDERS + " WHERE r.active = 1 AND r.next_due <= $1 ORDER BY r.next_due LIMIT $2", now, limit
        )
        return [Reminder(*row) for row in rows]

    async def claim_reminder(self, user_id: int, due: str) -> bool:
        """Mark the reminder as sent before sending it: it goes out at most once. One statement,
        a compare-and-set: as ``claim_tip``, the equivalent of FOR UPDATE SKIP LOCKED here, so
        that of several workers exactly one sends it."""
        status = await self._pool.execute(
            "UPDATE reminders SET active = 0, stopped_why = 'sent' WHERE user_id = $1 AND next_due = $2 AND active = 1",
            user_id,
            due,
        )
        return _changed(status) == 1

    # -- the strategy --------------------------------------------------------------------------

    async def draft(self, user_id: int) -> Draft:
        """The user's strategy as written so far (empty if they have not started)."""
        rows = await self._pool.fetch(
            "SELECT part, text, updated_at FROM strategy_drafts WHERE user_id = $1 ORDER BY part", user_id
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
        await self._pool.execute(
            "INSERT INTO strategy_drafts (user_id, part, text) VALUES ($1, $2, $3)"
            f" ON CONFLICT (user_id, part) DO UPDATE SET text = excluded.text, updated_at = {NOW}",
            user_id,
            part,
            text,
        )

    # -- teams -------------------------------------------------------------------------------

    async def create_team(
        self, owner_id: int, owner_name: str | None, name: str, flow: str, token: str, group_chat_id: int | None
    ) -> Team:
        row = await self._pool.fetchrow(
            "INSERT INTO teams (owner_id, owner_name, name, flow, token, group_chat_id)"
            f" VALUES ($1, $2, $3, $4, $5, $6) RETURNING {_TEAM_COLUMNS}",
            owner_id,
            owner_name,
            name,
            flow,
            token,
            group_chat_id,
        )
        return _team(row)

    async def team(self, team_id: int) -> Team | None:
        row = await self._pool.fetchrow(_TEAM + " WHERE id = $1", team_id)
        return _team(row) if row else None

    async def team_by_token(self, token: str) -> Team | None:
        row = await self._pool.fetchrow(_TEAM + " WHERE token = $1", token)
        return _team(row) if row else None

    async def teams_owned(self, owner_id: int) -> list[Team]:
        rows = await self._pool.fetch(_TEAM + " WHERE owner_id = $1 ORDER BY id", owner_id)
        return [_team(row) for row in rows]

    async def memberships(self, user_id: int) -> list[Team]:
        """The teams the user is a member of (and has not left)."""
        rows = await self._pool.fetch(
            _TEAM
            + " WHERE id IN (SELECT team_id FROM team_members WHERE user_id = $1 AND left_at IS NULL) ORDER BY id",
            user_id,
        )
        return [_team(row) for row in rows]

    async def join_team(self, team_id: int, user_id: int, language: str) -> None:
        """Join (or rejoin) a team; earlier answers in it stay until the check is taken again."""
        await self._pool.execute(
            "INSERT INTO team_members (team_id, user_id, language) VALUES ($1, $2, $3)"
            " ON CONFLICT (team_id, user_id) DO UPDATE SET left_at = NULL, language = excluded.language",
            team_id,
            user_id,
            language,
        )

    async def leave_team(self, team_id: int, user_id: int) -> bool:
        status = await self._pool.execute(
            f"UPDATE team_members SET left_at = {NOW} WHERE team_id = $1 AND user_id = $2 AND left_at IS NULL",
            team_id,
            user_id,
        )
        return _changed(status) == 1

    async def team_counts(self, team_id: int) -> tuple[int, int]:
        """Members who joined (and have not left), and members whose answers count."""
        row = await self._pool.fetchrow(
            "SELECT count(*) FILTER (WHERE left_at IS NULL), count(result_id) FROM team_members WHERE team_id = $1",
            team_id,
        )
        return tuple(row)

    async def team_scores(self, team_id: int) -> list[dict]:
        """The scores of each member's latest result in the team (anonymous: no user ids)."""
        rows = await self._pool.fetch(
            "SELECT r.scores FROM team_members m JOIN results r ON r.id = m.result_id WHERE m.team_id = $1"
            " ORDER BY r.id",
            team_id,
        )
        return [json.loads(scores) for (scores,) in rows]

    async def unfinished_members(self, team_id: int) -> list[tuple[int, str | None]]:
        """Members who have not finished (and have not left), with their language."""
        rows = await self._pool.fetch(
            "SELECT m.user_id, coalesce(u.language, m.language) FROM team_members m JOIN users u ON u.id = m.user_id"
            " WHERE m.team_id = $1 AND m.result_id IS NULL AND m.left_at IS NULL ORDER BY m.joined_at, m.user_id",
            team_id,
        )
        return [(user_id, language) for user_id, language in rows]

    async def team_of_session(self, session_id: int) -> Team | None:
        row = await self._pool.fetchrow(_TEAM + " WHERE id = (SELECT team_id FROM sessions WHERE id = $1)", session_id)
        return _team(row) if row else None

    async def update_team(self, team_id: int, **changes) -> None:
        """Change some of a team's own columns: status, agreed levels, where its view is shown."""
        allowed = {"status", "agreed", "view_chat_id", "view_message_id", "view_language"}
        if not changes or set(changes) - allowed:
            raise ValueError(f"not a team column to change: {set(changes) - allowed}")
        if "agreed" in changes and changes["agreed"] is not None:
            changes["agreed"] = json.dumps(changes["agreed"], sort_keys=True)
        # names from the allowed set only
        columns = ", ".join(f"{column} = ${number}" for number, column in enumerate(changes, start=1))
        await self._pool.execute(
            f"UPDATE teams SET {columns} WHERE id = ${len(changes) + 1}", *changes.values(), team_id
        )

    async def delete_team(self, team_id: int) -> None:
        """The team, its memberships and its link; members' own results stay theirs."""
        await self._pool.execute("DELETE FROM teams WHERE id = $1", team_id)

    async def latest_phases(self) -> list[int]:
        """The SSRM phase of every user's latest result that has one (the benchmark)."""
        rows = await self._pool.fetch(
            f"SELECT {_PHASE.format(scores='r.scores')} FROM results r"
            " WHERE r.id = (SELECT r2.id FROM results r2 WHERE r2.user_id = r.user_id"
            "               AND r2.scores ->> 'phase' IS NOT NULL"
            "               ORDER BY r2.created_at DESC, r2.id DESC LIMIT 1)"
            " ORDER BY r.id"
        )
        return [phase for (phase,) in rows]

    async def link_group(self, token: str, chat_id: int) -> None:
        await self._pool.execute(
            "INSERT INTO group_links (token, chat_id) VALUES ($1, $2) ON CONFLICT (token) DO NOTHING", token, chat_id
        )

    async def group_of_link(self, token: str, not_before: str) -> int | None:
        """The group a set-up link came from; a link works once, and only for a day."""
        return await self._pool.fetchval(
            "DELETE FROM group_links WHERE token = $1 AND created_at >= $2 RETURNING chat_id", token, not_before
        )

    # -- several workers ---------------------------------------------------------------------------

    async def chat_state(self, chat_id: int) -> dict | None:
        """What the chat has on screen, as the last update left it (None: nothing kept)."""
        state = await self._pool.fetchval("SELECT state FROM chat_states WHERE chat_id = $1", chat_id)
        return json.loads(state) if state is not None else None

    async def save_chat_state(self, chat_id: int, state: dict) -> None:
        await self._pool.execute(
            "INSERT INTO chat_states (chat_id, state) VALUES ($1, $2)"
            f" ON CONFLICT (chat_id) DO UPDATE SET state = excluded.state, updated_at = {NOW}",
            chat_id,
            json.dumps(state, sort_keys=True),
        )

    async def first_delivery(self, update_id: int) -> bool:
        """Note an update as handled; False if it was already (Telegram delivered it twice). One
        statement: of several workers handed the same update, exactly one gets True."""
        status = await self._pool.execute(
            "INSERT INTO handled_updates (update_id, state) VALUES ($1, 'done') ON CONFLICT (update_id) DO NOTHING",
            update_id,
        )
        return _changed(status) == 1

    async def claim_update(self, update_id: int, lease_until: str, now: str) -> str:
        """Take an update to handle: "new", "working" (another worker has it) or "done". One
        statement settles which of several workers handed the same update takes it; a claim
        older than ``lease_until`` (a worker that died) is taken over."""
        claimed = await self._pool.fetchval(
            "INSERT INTO handled_updates (update_id, handled_at) VALUES ($1, $2)"
            " ON CONFLICT (update_id) DO UPDATE SET handled_at = excluded.handled_at"
            " WHERE handled_updates.state = 'working' AND handled_updates.handled_at < $3"
            " RETURNING state",
            update_id, now, lease_until,
        )
        if claimed is not None:
            return "new"
        state = await self._pool.fetchval("SELECT state FROM handled_updates WHERE update_id = $1", update_id)
        return state or "new"

    async def renew_claim(self, update_id: int, now: str) -> None:
        """The update is still in hand: its claim stays fresh, so that no worker takes it over."""
        await self._pool.execute(
            "UPDATE handled_updates SET handled_at = $1 WHERE update_id = $2 AND state = 'working'", now, update_id
        )

    async def finish_update(self, update_id: int) -> None:
        await self._pool.execute(
            f"UPDATE handled_updates SET state = 'done', handled_at = {NOW} WHERE update_id = $1", update_id
        )

    async def ping(self) -> bool:
        """Whether the database answers (the webhook's /healthz)."""
        return await self._pool.fetchval("SELECT 1") == 1

    @asynccontextmanager
    async def user_lock(self, user_id: int):
        """One user's updates, one at a time across workers: the user's turn, a leased row taken
        by one compare-and-set statement and given back after the update. No connection is held
        meanwhile (an advisory lock would hold one per update in hand, and a pool of ten runs dry
        under load); a turn that is taken is tried again shortly, which happens only when two
        workers have the same user's updates at the same moment."""
        holder = uuid.uuid4().hex
        pause, longest = TURN_POLL
        while not await self._pool.fetchval(TAKE_TURN, user_id, holder, TURN_LEASE):
            await asyncio.sleep(pause)
            pause = min(pause * 2, longest)
        keep = asyncio.create_task(self._keep_turn(user_id, holder))
        try:
            yield
        finally:
            keep.cancel()
            await self._pool.execute("DELETE FROM user_turns WHERE user_id = $1 AND holder = $2", user_id, holder)

    async def _keep_turn(self, user_id: int, holder: str) -> None:
        """An update that takes longer than the lease (429s waited out, a team's reminders) keeps
        its turn: the lease is renewed while the update is in hand; only a dead worker's lapses."""
        while True:
            await asyncio.sleep(TURN_LEASE / 3)
            try:
                await self._pool.execute(
                    "UPDATE user_turns SET lease_ends = to_char((statement_timestamp() + make_interval(secs => $3))"
                    """ AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') WHERE user_id = $1 AND holder = $2""",
                    user_id, holder, TURN_LEASE,
                )
            except (OSError, asyncpg.PostgresError):  # away for a moment: the next renewal tries again
                log.warning("could not renew the turn of user %s", user_id, exc_info=True)

    async def forget_handled_updates(self, before: str) -> None:
        """Telegram redelivers for at most a day: older ids need not be kept."""
        await self._pool.execute("DELETE FROM handled_updates WHERE handled_at < $1", before)

    # -- a user's own data ----------------------------------------------------------------------

    async def export_user(self, user_id: int) -> dict:
        """Every row the advisor keeps about the user, by table, as a person can read it: keys
        in English, dates as stored (UTC, ISO 8601), answers by question key. Teams the user
        owns come without their members; memberships without anyone else's answers."""
        exported: dict = {}
        # one snapshot for all the tables, so that the export is consistent with itself
        snapshot = {"readonly": True, "isolation": "repeatable_read"}
        async with self._pool.acquire() as connection, connection.transaction(**snapshot):
            for table, column in _USER_TABLES:
                rows = await connection.fetch(
                    f"SELECT * FROM {table} WHERE {column} = $1 ORDER BY {_EXPORT_ORDER[table]}", user_id
                )  # our own names
                exported[table] = [dict(row) for row in rows]
                for row in exported[table]:
                    for key in ("scores", "recent_tips", "agreed"):
                        if isinstance(row.get(key), str):
                            row[key] = json.loads(row[key])
            answers = await connection.fetch(
                "SELECT a.* FROM answers a JOIN sessions s ON s.id = a.session_id WHERE s.user_id = $1"
                " ORDER BY a.session_id, a.question",
                user_id,
            )
            moves = await connection.fetch(
                "SELECT m.* FROM plan_moves m JOIN plans p ON p.id = m.plan_id WHERE p.user_id = $1"
                " ORDER BY m.plan_id, m.rank",
                user_id,
            )
        for session in exported["sessions"]:
            session["answers"] = {a["question"]: a["option"] for a in answers if a["session_id"] == session["id"]}
        for plan in exported["plans"]:
            own = [dict(move) for move in moves if move["plan_id"] == plan["id"]]
            plan["moves"] = [{key: value for key, value in move.items() if key != "plan_id"} for move in own]
        exported["users"] = exported["users"][0] if exported["users"] else None
        for owned in exported["teams"]:  # where the bot shows it is no data about the user
            del owned["view_chat_id"], owned["view_message_id"]
        return exported

    async def delete_user(self, user_id: int) -> list[tuple[int, str | None, str]]:
        """Everything about the user, in one transaction: every table holds it by a foreign key
        to ``users`` that cascades (answers, results, plans, drafts, subscriptions, reminders,
        memberships; a team they own with its members' answers to it). Returns the members of
        their teams to tell (user id, language, team name).

        PostgreSQL has no secure_delete: the deleted rows are dead tuples, unreadable through
        SQL at once, but their bytes stay in the table files until (auto)vacuum frees the space
        and later writes overwrite it, and in the write-ahead log (and any base backups or WAL
        archive) until those are recycled. What the user is told ("all your data is deleted")
        holds for everything the advisor can read; the files catch up within the server's
        vacuum and WAL retention."""
        async with self._pool.acquire() as connection, connection.transaction():
            rows = await connection.fetch(
                "SELECT m.user_id, coalesce(u.language, m.language), t.name FROM teams t"
                " JOIN team_members m ON m.team_id = t.id JOIN users u ON u.id = m.user_id"
                " WHERE t.owner_id = $1 AND m.user_id != $1 AND m.left_at IS NULL",
                user_id,
            )
            await connection.execute("DELETE FROM users WHERE id = $1", user_id)
            await connection.execute("DELETE FROM chat_states WHERE chat_id = $1", user_id)  # the private chat
        return [(member, language, name) for member, language, name in rows]

    async def tables_holding(self, user_id: int) -> list[str]:
        """The tables that still hold ``user_id`` in a column that names users (for checks)."""
        found = []
        for table, column in (*_USER_TABLES, ("teams", "view_chat_id"), ("chat_states", "chat_id")):
            if await self._pool.fetchval(f"SELECT 1 FROM {table} WHERE {column} = $1 LIMIT 1", user_id):
                found.append(table)
        return found

    # -- results -----------------------------------------------------------------------------

    async def result_of_session(self, user_id: int, session_id: int) -> StoredResult | None:
        row = await self._pool.fetchrow(
            "SELECT id, session_id, flow, scoring_version, scores, created_at FROM results"
            " WHERE user_id = $1 AND session_id = $2",
            user_id,
            session_id,
        )
        return _stored_result(row) if row else None

    async def latest_result(self, user_id: int, flow: str) -> StoredResult | None:
        """The user's latest result of ``flow``, if any."""
        row = await self._pool.fetchrow(
            "SELECT id, session_id, flow, scoring_version, scores, created_at FROM results"
            " WHERE user_id = $1 AND flow = $2 ORDER BY created_at DESC, id DESC LIMIT 1",
            user_id,
            flow,
        )
        return _stored_result(row) if row else None

    async def latest_phase(self, user_id: int) -> int | None:
        """The SSRM phase of the user's latest result that has one, if any."""
        return await self._pool.fetchval(
            f"SELECT {_PHASE.format(scores='scores')} FROM results"
            " WHERE user_id = $1 AND scores ->> 'phase' IS NOT NULL ORDER BY created_at DESC, id DESC LIMIT 1",
            user_id,
        )

    async def results(self, user_id: int) -> list[StoredResult]:
        """The user's results, newest first."""
        rows = await self._pool.fetch(
            "SELECT id, session_id, flow, scoring_version, scores, created_at FROM results WHERE user_id = $1"
            " ORDER BY created_at DESC, id DESC",
            user_id,
        )
        return [_stored_result(row) for row in rows]
