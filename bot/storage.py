"""The one place that knows SQL: users, sessions, answers and results in SQLite via aiosqlite.

Every aiosqlite call is a hop to its database thread, so the tap path is kept to two: one
query loads the user with their open session and its answers, one statement writes the
answer and the session's new state (the ``taps`` view in ``migrations.py``).
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

import aiosqlite

from bot.migrations import MIGRATIONS


class StaleSessionError(Exception):
    """The session moved on (or closed) since it was loaded: the tap must not be written."""


@dataclass
class Session:
    id: int
    flow: str
    state: str
    answers: dict[str, int] = field(default_factory=dict)


@dataclass
class UserRecord:
    id: int
    language: str | None
    session: Session | None  # the open session of the flow asked for, if any


@dataclass(frozen=True)
class StoredResult:
    id: int
    session_id: int
    flow: str
    scoring_version: int
    scores: dict
    created_at: str


_LOAD_USER = """
SELECT u.language, s.id, s.state,
       (SELECT group_concat(a.question || '=' || a.option) FROM answers a WHERE a.session_id = s.id)
FROM users u
LEFT JOIN sessions s ON s.user_id = u.id AND s.flow = ? AND s.status = 'open'
WHERE u.id = ?
"""


def _parse_answers(packed: str | None) -> dict[str, int]:
    if not packed:
        return {}
    pairs = (item.split("=", 1) for item in packed.split(","))
    return {question: int(option) for question, option in pairs}


class Storage:
    def __init__(self, connection: aiosqlite.Connection) -> None:
        self._db = connection
        # One connection serves every update; the lock keeps one coroutine's transaction from
        # taking in another's statements.
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

    @asynccontextmanager
    async def _transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        async with self._write_lock:
            await self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                await self._db.execute("ROLLBACK")
                raise
            await self._db.execute("COMMIT")

    # -- users -------------------------------------------------------------------------------

    async def load_user(self, user_id: int, flow: str) -> UserRecord | None:
        """The user with their open session of ``flow`` and its answers; None if unknown."""
        rows = await self._db.execute_fetchall(_LOAD_USER, (flow, user_id))
        if not rows:
            return None
        language, session_id, state, packed = rows[0]
        session = Session(session_id, flow, state, _parse_answers(packed)) if session_id else None
        return UserRecord(user_id, language, session)

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

    async def start_session(self, user_id: int, flow: str, state: str) -> Session:
        """A new open session; an open one of the same flow is kept, marked abandoned."""
        async with self._transaction() as db:
            await db.execute(
                "UPDATE sessions SET status = 'abandoned', finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
                " WHERE user_id = ? AND flow = ? AND status = 'open'",
                (user_id, flow),
            )
            cursor = await db.execute(
                "INSERT INTO sessions (user_id, flow, state) VALUES (?, ?, ?)", (user_id, flow, state)
            )
        return Session(cursor.lastrowid, flow, state)

    async def record_answer(self, session_id: int, question: str, option: int, from_state: str, to_state: str) -> None:
        """Upsert the answer and move the session, atomically; StaleSessionError if it moved on."""
        async with self._write_lock:
            try:
                await self._db.execute(
                    "INSERT INTO taps (session_id, question, option, from_state, to_state) VALUES (?, ?, ?, ?, ?)",
                    (session_id, question, option, from_state, to_state),
                )
            except sqlite3.IntegrityError as error:
                raise StaleSessionError(session_id) from error

    async def move_session(self, session_id: int, from_state: str, to_state: str) -> None:
        """Move an open session without answering (Back); StaleSessionError if it moved on."""
        async with self._write_lock:
            cursor = await self._db.execute(
                "UPDATE sessions SET state = ? WHERE id = ? AND state = ? AND status = 'open'",
                (to_state, session_id, from_state),
            )
        if cursor.rowcount != 1:
            raise StaleSessionError(session_id)

    async def finish_session(
        self,
        session: Session,
        user_id: int,
        question: str,
        option: int,
        to_state: str,
        scores: dict,
        scoring_version: int,
    ) -> StoredResult:
        """The last answer, the result and the closed session in one transaction."""
        async with self._transaction() as db:
            try:
                await db.execute(
                    "INSERT INTO taps (session_id, question, option, from_state, to_state) VALUES (?, ?, ?, ?, ?)",
                    (session.id, question, option, session.state, to_state),
                )
            except sqlite3.IntegrityError as error:
                raise StaleSessionError(session.id) from error
            await db.execute(
                "UPDATE sessions SET status = 'done', finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
                (session.id,),
            )
            rows = await db.execute_fetchall(
                "INSERT INTO results (session_id, user_id, flow, scoring_version, scores) VALUES (?, ?, ?, ?, ?)"
                " RETURNING id, created_at",
                (session.id, user_id, session.flow, scoring_version, json.dumps(scores, sort_keys=True)),
            )
        result_id, created_at = rows[0]
        return StoredResult(result_id, session.id, session.flow, scoring_version, scores, created_at)

    # -- results -----------------------------------------------------------------------------

    async def results(self, user_id: int, flow: str | None = None) -> list[StoredResult]:
        """The user's results, newest first."""
        query = "SELECT id, session_id, flow, scoring_version, scores, created_at FROM results WHERE user_id = ?"
        params: tuple = (user_id,)
        if flow is not None:
            query += " AND flow = ?"
            params += (flow,)
        rows = await self._db.execute_fetchall(query + " ORDER BY created_at DESC, id DESC", params)
        return [StoredResult(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5]) for r in rows]
