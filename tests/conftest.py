"""Shared fixtures: the real Application on a fresh database, talking to the in-process Bot API.

The database is SQLite's, unless a test is marked ``backends``: then it runs twice, on SQLite
and on PostgreSQL (a server the tests start themselves from the ``pgserver`` wheel, once per
run, with a fresh schema for each test)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import pytest

from bot.app import build_application
from bot.config import Settings
from bot.retrying import RetryingRequest
from bot.simulator import ChatSimulator, LocalBotApi, running
from tests.support.waits import Waits


class Advisor:
    """A running advisor and a way to open chats with it."""

    def __init__(self, application, api: LocalBotApi) -> None:
        self.application = application
        self.api = api

    def chat(self, **user) -> ChatSimulator:
        return ChatSimulator(self.application, self.api, **user)

    @property
    def storage(self):
        return self.application.bot_data.storage


BACKENDS = ("sqlite", "postgres")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if metafunc.definition.get_closest_marker("backends") and "backend" in metafunc.fixturenames:
        metafunc.parametrize("backend", BACKENDS)


@pytest.fixture
def backend() -> str:
    """The storage the test runs on: SQLite, unless the test is marked ``backends``."""
    return "sqlite"


@pytest.fixture(scope="session")
def postgres_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    """A PostgreSQL server for the whole run, on a Unix socket in a folder of its own."""
    import pgserver

    server = pgserver.get_server(tmp_path_factory.mktemp("postgres"), cleanup_mode="delete")
    # A test server's data need not survive a crash: no waiting for the disk at each commit.
    server.psql("ALTER SYSTEM SET fsync = off; ALTER SYSTEM SET synchronous_commit = off; SELECT pg_reload_conf();")
    yield server
    server.cleanup()


@pytest.fixture
async def postgres_database(postgres_server) -> AsyncIterator[str]:
    """A fresh, empty schema on the test server, as a database URL that works in it (its
    ``search_path``); dropped after the test. The advisor migrates it when it opens it, as it
    would a new database. (A schema, not a database: a new database is a copy of a template,
    about three times as slow here as running every migration.)"""
    import asyncpg

    schema = f"test_{uuid.uuid4().hex[:16]}"
    admin = await asyncpg.connect(postgres_server.get_uri())
    try:
        await admin.execute(f"CREATE SCHEMA {schema}")
        uri = postgres_server.get_uri()
        yield f"{uri}{'&' if '?' in uri else '?'}search_path={schema}"
        await admin.execute(f"DROP SCHEMA {schema} CASCADE")
    finally:
        await admin.close()


@pytest.fixture
def database(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Path | str:
    """The SQLite file's path, or the PostgreSQL database's URL."""
    if backend == "postgres":
        return request.getfixturevalue("postgres_database")
    return tmp_path / "advisor.sqlite3"


@pytest.fixture
def settings(database: Path | str) -> Settings:
    return Settings(token=None, base_url="http://bot-api.test/bot", database=database)


@pytest.fixture
def waits() -> Waits:
    """The waits between retries of Bot API calls: recorded, not slept."""
    return Waits()


@pytest.fixture
def start_advisor(settings: Settings, waits: Waits) -> Callable:
    """Start an advisor (several may run one after the other on the same database). Its Bot API
    calls are retried as in production, but the waits between tries take no time (``sleep``:
    another fake)."""

    def start(api: LocalBotApi | None = None, sleep: Callable | None = None, clock: Callable | None = None):
        api = api or LocalBotApi()
        request = RetryingRequest(api, sleep=sleep or waits)
        return running(build_application(settings, request=request, clock=clock)), api

    return start


@pytest.fixture
async def advisor(start_advisor) -> AsyncIterator[Advisor]:
    context, api = start_advisor()
    async with context as application:
        yield Advisor(application, api)
