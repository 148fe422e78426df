"""Shared fixtures: the real Application on a fresh database, talking to the in-process Bot API.

The database is SQLite's, unless a test is marked ``backends``: then it runs twice, on SQLite
and on PostgreSQL (a server the tests start themselves from the ``pgserver`` wheel, once per
run, with a new database for each test)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
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


class PostgresServer:
    """The test server, and whether the template with the advisor's schema is made yet."""

    TEMPLATE = "advisor_template"

    def __init__(self, server) -> None:
        self.server = server
        self.template_ready = False

    def uri(self, database: str | None = None) -> str:
        return self.server.get_uri(database)

    @asynccontextmanager
    async def new_database(self, *, migrated: bool) -> AsyncIterator[str]:
        """A new database (its URL), dropped afterwards: empty, or a copy of one with the
        advisor's schema, made once per run by the advisor's own migrations (quicker than
        migrating each)."""
        import asyncpg

        from bot.postgres_storage import PostgresStorage

        admin = await asyncpg.connect(self.uri())
        try:
            if migrated and not self.template_ready:
                await admin.execute(f"CREATE DATABASE {self.TEMPLATE}")
                await (await PostgresStorage.open(self.uri(self.TEMPLATE))).close()
                self.template_ready = True
            name = f"advisor_{uuid.uuid4().hex[:16]}"
            await admin.execute(f"CREATE DATABASE {name}" + (f" TEMPLATE {self.TEMPLATE}" if migrated else ""))
            yield self.uri(name)
            await admin.execute(f"DROP DATABASE {name} WITH (FORCE)")
        finally:
            await admin.close()


@pytest.fixture(scope="session")
def postgres_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PostgresServer]:
    """A PostgreSQL server for the whole run, on a Unix socket in a folder of its own."""
    import pgserver

    server = pgserver.get_server(tmp_path_factory.mktemp("postgres"), cleanup_mode="delete")
    # A test server's data need not survive a crash: no waiting for the disk at each commit.
    server.psql("ALTER SYSTEM SET fsync = off; ALTER SYSTEM SET synchronous_commit = off; SELECT pg_reload_conf();")
    yield PostgresServer(server)
    server.cleanup()


@pytest.fixture
async def postgres_database(postgres_server: PostgresServer) -> AsyncIterator[str]:
    """A new database with the advisor's schema on the test server (its URL), dropped after the test."""
    async with postgres_server.new_database(migrated=True) as url:
        yield url


@pytest.fixture
async def empty_postgres_database(postgres_server: PostgresServer) -> AsyncIterator[str]:
    """A new, empty database (no schema yet) on the test server, dropped after the test."""
    async with postgres_server.new_database(migrated=False) as url:
        yield url


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
