"""Shared fixtures: the real Application on a fresh database, talking to the in-process Bot API."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
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


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "advisor.sqlite3"


@pytest.fixture
def settings(database: Path) -> Settings:
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
