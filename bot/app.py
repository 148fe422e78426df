"""Building the Application: the same handlers for Telegram, a test Bot API and the console."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime

from telegram.ext import Application, ApplicationBuilder
from telegram.request import BaseRequest, HTTPXRequest

from bot import handlers, reminders, weekly_tips
from bot.commands import register_commands
from bot.config import Settings
from bot.context import CONTEXT_TYPES, Advisor
from bot.ordering import PerUserUpdateProcessor
from bot.retrying import RetryingRequest
from bot.storage import open_storage

# python-telegram-bot needs a token-shaped string; the local Bot API of the console ignores it.
CONSOLE_TOKEN = "0:console"
# Updates handled at the same time (different users; one user's wait their turn). An update in
# hand mostly waits for Telegram (~100 ms a call) or SQLite, so a room full of people tapping
# keeps a few dozen in hand; 256 leaves room for a burst (getUpdates returns up to 100 at once,
# more after a restart) while still bounding the memory and the database queue of a flood.
MAX_CONCURRENT_UPDATES = 256
# Each update in hand may be waiting for Telegram on a connection of its own (HTTP/1.1), and the
# weekly tip job sends alongside: with fewer connections an update would queue for one and,
# after python-telegram-bot's pool timeout (1 s), fail without having been sent.
CONNECTION_POOL_SIZE = MAX_CONCURRENT_UPDATES + 16


async def start_advisor(application: Application) -> None:
    """Open the database and register commands; runs before the first update is handled."""
    advisor: Advisor = application.bot_data
    advisor.storage = await open_storage(advisor.settings.database)
    await register_commands(application.bot)
    weekly_tips.schedule(application)
    reminders.schedule(application)
    # Everything built so far (modules, catalogs, state machines) lives as long as the process:
    # moved out of the collector's generations, it is no longer rescanned by every full
    # collection (measured with `make bench`: about 0.1 ms less per tap).
    gc.freeze()


async def stop_advisor(application: Application) -> None:
    advisor: Advisor = application.bot_data
    if advisor.storage is not None:
        await advisor.storage.close()
        advisor.storage = None


@asynccontextmanager
async def running(application: Application) -> AsyncIterator[Application]:
    """Initialise the Application and run its start-up hook, as run_polling would (the console,
    the tests, the bench and webhook mode run it themselves)."""
    await application.initialize()
    try:
        if application.post_init:
            await application.post_init(application)
        yield application
    finally:
        if application.post_shutdown:
            await application.post_shutdown(application)
        await application.shutdown()


def build_application(
    settings: Settings,
    request: BaseRequest | None = None,
    clock: Callable[[], datetime] | None = None,
    *,
    webhook: bool = False,
) -> Application:
    """The advisor's Application; ``request`` replaces the HTTP client (console, tests, bench),
    ``clock`` the current time in UTC (tests); ``webhook``: updates come from our own web app
    (``bot.webhook``), so there is no poller.

    Bot API calls go through ``RetryingRequest`` (wrapped around ``request`` unless it is one
    already); getUpdates does not: the poller retries it by itself."""
    builder = (
        ApplicationBuilder()
        .token(settings.token or CONSOLE_TOKEN)
        .context_types(CONTEXT_TYPES)
        .base_url(settings.base_url)
        .concurrent_updates(PerUserUpdateProcessor(MAX_CONCURRENT_UPDATES))
        .post_init(start_advisor)
        .post_shutdown(stop_advisor)
    )
    if request is None:
        request = HTTPXRequest(connection_pool_size=CONNECTION_POOL_SIZE)  # getUpdates: PTB's own
    else:
        builder = builder.get_updates_request(request.inner if isinstance(request, RetryingRequest) else request)
    if not isinstance(request, RetryingRequest):
        request = RetryingRequest(request)
    if webhook:
        builder = builder.updater(None)
    application = builder.request(request).build()
    application.bot_data.settings = settings
    application.bot_data.shared = settings.shared_database
    if clock is not None:
        application.bot_data.clock = clock
    handlers.register(application)
    return application
