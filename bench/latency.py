"""Latency under a round trip: many users tapping at once, through the Application's own update
processor, against an in-process Bot API that answers after a round trip (RTT).

The per-tap CPU comparison in ``bench/__main__.py`` answers instantly, which hides what a user
waits for: every Bot API call costs a round trip to Telegram, and while one update waits for its
answers the others wait for it, unless the Application processes updates concurrently. These
helpers measure that wait, and were kept apart from the CPU comparison so that neither changes
the other.

Updates go in the way production hands them over: ``update_processor.process_update(update,
application.process_update(update))``, which is what the Application's update fetcher does with
each update it takes from ``update_queue``. Awaiting that call is awaiting the end of the
update's processing (answerCallbackQuery, editMessageText, handler group 1), so a tap's latency
needs no guess at which Bot API call comes last. Whatever the Application is built with
(sequential, ``concurrent_updates``, a custom processor) is what the bench measures.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import os
import statistics
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from telegram import Update
from telegram.ext import Application, ApplicationBuilder, BaseRateLimiter
from telegram.request import RequestData

from bot.app import build_application
from bot.config import Settings
from bot.simulator import ChatSimulator, LocalBotApi, running

DEFAULT_RTT_MS = 100.0
ANSWERS = (1, 2, 3, 4, 5)  # the option tapped on each of the quick check's five questions
RATE_LIMITER_SETTLE = 1.0  # seconds


def rtt_from_env() -> float:
    """The round trip in seconds, from ``BENCH_RTT`` in milliseconds (default 100 ms: Telegram
    from a server in Europe; milliseconds because that is how a round trip is usually quoted)."""
    value = os.environ.get("BENCH_RTT", "").strip()
    try:
        milliseconds = float(value) if value else DEFAULT_RTT_MS
    except ValueError:
        milliseconds = math.nan
    if not milliseconds > 0:
        raise SystemExit(f"BENCH_RTT is the round trip in milliseconds, above 0 (not {value!r})")
    return milliseconds / 1000


async def deliver(application: Application, update: Update) -> None:
    """Hand ``update`` to the Application as its update fetcher does, and return when its
    processing has finished (the processor decides whether it waits for other updates)."""
    await application.update_processor.process_update(update, application.process_update(update))


class ProcessorChat(ChatSimulator):
    """A chat whose updates go through the Application's update processor (``ChatSimulator``
    calls ``process_update`` directly, which would run any number of users side by side no
    matter how the Application is built), timing each one from handing it over to the end of
    its processing."""

    def __init__(self, application: Application, api: LocalBotApi, user_id: int) -> None:
        super().__init__(application, api, user_id=user_id)
        self.timing = False
        self.latencies: list[float] = []  # seconds, one per update delivered while timing

    async def _deliver(self, payload: dict) -> None:
        update = Update.de_json({"update_id": next(self._update_ids), **payload}, self.application.bot)
        start = time.perf_counter()
        await deliver(self.application, update)
        if self.timing:
            self.latencies.append(time.perf_counter() - start)


class FloodingBotApi(LocalBotApi):
    """The in-process Bot API, able to refuse one chat's next call of a method with a 429
    (Telegram's flood control), which ``LocalBotApi.fail`` cannot aim at one chat."""

    def __init__(self, rtt: float) -> None:
        super().__init__(record_calls=False, rtt=rtt)
        self._floods: dict[tuple[str, int], int] = {}

    def flood(self, chat_id: int, bot_method: str, retry_after: int) -> None:
        """Answer the next ``bot_method`` call for ``chat_id`` with 429, retry after ``retry_after`` s."""
        self._floods[(bot_method, chat_id)] = retry_after

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None, *args, **kwargs):
        bot_method = url.rsplit("/", 1)[-1]
        chat_id = request_data.parameters.get("chat_id") if request_data else None
        with contextlib.suppress(TypeError, ValueError):
            retry_after = self._floods.pop((bot_method, int(chat_id)), None)
            if retry_after is not None:
                # claimed by this very request: LocalBotApi takes it before its round trip
                self.fail(bot_method, 429, f"Too Many Requests: retry after {retry_after}", retry_after)
        return await super().do_request(url, method, request_data, *args, **kwargs)


@contextlib.contextmanager
def rate_limited(limiter: BaseRateLimiter) -> Iterator[None]:
    """Applications built meanwhile get ``limiter``: ``build_application`` stays the one recipe
    (its update processor and all), with python-telegram-bot's rate limiter added to it."""
    build = ApplicationBuilder.build

    def build_with_limiter(builder: ApplicationBuilder) -> Application:
        return build(builder.rate_limiter(limiter))

    ApplicationBuilder.build = build_with_limiter
    try:
        yield
    finally:
        ApplicationBuilder.build = build


def percentile(values: list[float], percent: int) -> float:
    """The ``percent``-th percentile, interpolated between the measured values."""
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[percent - 1]


@dataclass
class Crowd:
    """What one crowd of users measured."""

    latencies: list[float] = field(default_factory=list)  # seconds per timed tap, all users
    seconds: float = 0.0  # wall time from the first tap to the last one finished
    planned: int = 0  # taps the users set out to make

    @property
    def taps(self) -> int:
        return len(self.latencies)

    @property
    def throughput(self) -> float:
        return self.taps / self.seconds

    def in_rtt(self, percent: int, rtt: float) -> float:
        return percentile(self.latencies, percent) / rtt


@contextlib.asynccontextmanager
async def advisor(folder: Path, name: str, api: LocalBotApi) -> AsyncIterator[Application]:
    """A running advisor on a fresh database."""
    application = build_application(Settings(None, "http://bench/bot", folder / f"{name}.sqlite3"), request=api)
    async with running(application):
        yield application


async def crowd(
    application: Application,
    api: LocalBotApi,
    users: int,
    *,
    first_user: int = 1,
    budget: float = math.inf,
    before: Callable[[list[ProcessorChat]], None] | None = None,
    flooded: frozenset[int] = frozenset(),
) -> tuple[Crowd, list[ProcessorChat]]:
    """``users`` users (ids from ``first_user``) open the quick check, then all at the same
    moment tap through its five questions, each tapping the next answer as soon as the previous
    tap's screen is there. Opening is untimed and runs without ``api``'s round trip.

    ``budget``: seconds after which no user starts another tap (a tap started is timed to its
    end), so that a bot that handles one update at a time does not keep the bench for minutes.
    ``before``: called with the chats once they are open, just before the taps (to arm a 429).
    ``flooded``: ids of users whose screen may fall behind (an edit refused with 429, not
    retried): such a user stops at a button their screen lacks, instead of failing the bench."""
    rtt, api.rtt = api.rtt, 0.0
    try:
        chats = [ProcessorChat(application, api, first_user + index) for index in range(users)]
        for chat in chats:
            await chat.send("/start quick")
    finally:
        api.rtt = rtt
    if application.bot.rate_limiter is not None:
        # Opening sent a message per user: let a rate limiter's bucket (AIORateLimiter: 30 per
        # second) empty, as it would have for users who opened the check a moment ago.
        await asyncio.sleep(RATE_LIMITER_SETTLE)
    if before is not None:
        before(chats)
    start = time.perf_counter()
    deadline = start + budget

    async def tap_through(chat: ProcessorChat) -> float:
        chat.timing = True
        for option in ANSWERS:
            if time.perf_counter() >= deadline:
                break
            try:
                await chat.tap(option)
            except LookupError:
                if chat.user["id"] not in flooded:
                    raise
                break
        return time.perf_counter()

    ends = await asyncio.gather(*(tap_through(chat) for chat in chats))
    result = Crowd(planned=users * len(ANSWERS), seconds=max(ends) - start)
    for chat in chats:
        result.latencies.extend(chat.latencies)
    return result, chats
