"""Rows read straight from the database, on either backend, for tests that check what is stored."""

from __future__ import annotations

import itertools
import re

from bot.postgres_storage import PostgresStorage


async def rows(storage, sql: str, *parameters) -> list[tuple]:
    """``sql`` with ``?`` placeholders (numbered ``$1``, ``$2``… for PostgreSQL), as tuples."""
    if isinstance(storage, PostgresStorage):
        numbers = itertools.count(1)
        sql = re.sub(r"\?", lambda _: f"${next(numbers)}", sql)
        return [tuple(row) for row in await storage._pool.fetch(sql, *parameters)]
    return [tuple(row) for row in await storage._db.execute_fetchall(sql, parameters)]


async def execute(storage, sql: str, *parameters) -> None:
    """A write behind the storage's back (a test's set-up)."""
    if isinstance(storage, PostgresStorage):
        numbers = itertools.count(1)
        await storage._pool.execute(re.sub(r"\?", lambda _: f"${next(numbers)}", sql), *parameters)
    else:
        await storage._db.execute(sql, parameters)
