"""``make bench``: the advisor's per-tap cost against a bare python-telegram-bot handler.

Both run in this process through the same in-process Bot API (which answers instantly), so
the ratio isolates what the advisor adds per tap: the flow's trigger, the durable write
(an SQLite file in WAL mode) and rendering. The bare handler does the same visible work — it
answers the query and edits the message to a question screen with the same keyboard — but
keeps no state and stores nothing.

The two are measured round by round, interleaved (a round of the advisor, then the same
number of bare taps), so that the machine's drift hits both alike; the ratio printed is the
median of the rounds' ratios.

Then latency, with a round trip to the Bot API (``BENCH_RTT`` milliseconds, default 100; see
``bench/latency.py``): 1, 20 and 100 users tapping through the quick check at once, and 20
users of whom one gets a 429, with and without python-telegram-bot's AIORateLimiter.

Last, the webhook path as it runs in production (``bench/webhook.py``): worker processes behind
an HTTP webhook, a Bot API stand-in over HTTP, on SQLite and on PostgreSQL with 1, 2 and 4
workers.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import statistics
import tempfile
import time
from contextlib import AsyncExitStack
from pathlib import Path

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import AIORateLimiter, ApplicationBuilder, CallbackQueryHandler, ContextTypes

from bench.latency import Crowd, FloodingBotApi, advisor, crowd, percentile, rate_limited, rtt_from_env
from bench.webhook import print_webhook_lines
from bot import card
from bot.app import build_application
from bot.config import Settings
from bot.i18n import translations
from bot.screens import quick_check as quick_screens
from bot.simulator import ChatSimulator, LocalBotApi, running
from dialogs import full_assessment
from dialogs.quick_check import QuickCheck
from tests.support.profiles import PROFILES

QUICK_ROUNDS = 400  # quick checks: 5 timed answer taps each, then an untimed Retake
FULL_ROUNDS = 80  # full assessments: 20 timed taps each (intro to result and card), untimed Retake
FULL_OPTIONS = (3, 2, 3, 1, 4, 2, 3, 2, 2, 1, 1, 1, 2, 1)  # SSRM, management, the eight cells
CROWDS = {1: 4, 20: 1, 100: 1}  # users tapping at once: rounds (one user alone: 20 taps, not 5)
# After this many round trips a crowd's users start no more taps (see latency.crowd): 10 s at
# 100 ms, ten times what five taps take at the target of at most 2 x RTT each.
CROWD_BUDGET_RTTS = 100
FLOOD_USERS = 20
WEBHOOK_USERS = 100  # the webhook path: a crowd of this many, on each set-up
FLOOD_RETRY_AFTER = 1  # seconds, in the 429 one user's editMessageText gets


class BareBot:
    """A python-telegram-bot Application whose one handler answers the tap and edits the
    message to a question screen, with nothing else."""

    def __init__(self) -> None:
        screen = quick_screens.screen(translations("en"), 1, QuickCheck())

        async def answer_and_edit(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            await update.callback_query.answer()
            await update.callback_query.edit_message_text(
                screen.text, parse_mode=ParseMode.HTML, reply_markup=screen.keyboard, disable_web_page_preview=True
            )

        self.screen = screen
        self.api = LocalBotApi(record_calls=False)
        self.application = ApplicationBuilder().token("0:bench").request(self.api).get_updates_request(self.api).build()
        self.application.add_handler(CallbackQueryHandler(answer_and_edit))
        self.chat = ChatSimulator(self.application, self.api)

    async def taps(self, count: int) -> float:
        start = time.perf_counter()
        for _ in range(count):
            await self.chat.tap(1)
        return time.perf_counter() - start


async def quick_round(chat: ChatSimulator) -> float:
    """Seconds for the five answer taps of one quick check (the last stores the result)."""
    start = time.perf_counter()
    for option in (1, 2, 3, 4, 5):
        await chat.tap(option)
    elapsed = time.perf_counter() - start
    await chat.tap("↻ Retake")  # not timed: it sends a new message, which the bare bot does not
    return elapsed


async def full_round(chat: ChatSimulator) -> float:
    """Seconds for one full assessment: Start, 14 answers, three Cycle ticks, Done and the Glue
    answer, which stores the result and sends the card."""
    start = time.perf_counter()
    await chat.tap(1)
    for option in FULL_OPTIONS:
        await chat.tap(option)
    for step in (1, 2, 3):
        await chat.tap(step)
    await chat.tap(len(chat.screen.buttons) - 2)  # Done
    await chat.tap(3)
    elapsed = time.perf_counter() - start
    await chat.tap("↻ Retake", chat.messages[-2])  # on the result (the card follows it): not timed
    return elapsed


FULL_TAPS = 1 + len(FULL_OPTIONS) + 3 + 1 + 1


async def measure(folder: Path, flow: str, rounds: int, taps_per_round: int, play) -> tuple[float, float]:
    """The median per-round ratio against the bare bot, and the advisor's taps per second."""
    api = LocalBotApi(record_calls=False)
    advisor = build_application(Settings(None, "http://bench/bot", folder / f"{flow}.sqlite3"), request=api)
    bare = BareBot()
    async with AsyncExitStack() as stack:
        await stack.enter_async_context(running(advisor))
        await stack.enter_async_context(running(bare.application))
        chat = ChatSimulator(advisor, api)
        await chat.send(f"/start {flow}")
        await bare.application.bot.send_message(1, bare.screen.text, reply_markup=bare.screen.keyboard)
        ratios, advisor_seconds = [], 0.0
        for _ in range(rounds):
            seconds = await play(chat)
            bare_seconds = await bare.taps(taps_per_round)
            ratios.append(seconds / bare_seconds)
            advisor_seconds += seconds
    return statistics.median(ratios), rounds * taps_per_round / advisor_seconds


async def card_render_times() -> tuple[float, float]:
    """Milliseconds to render a card the first time, and again (cached), through the same
    worker-thread call the handlers make."""
    result = full_assessment.score(PROFILES[2].answers())
    uncached = []
    for index in range(10):
        scores = result.scores() | {"phase": 1 + index % 5}
        card.render_card.cache_clear()
        start = time.perf_counter()
        await asyncio.to_thread(card.render_card, "nl", card.card_key(scores))
        uncached.append(time.perf_counter() - start)
    key = card.card_key(result.scores())
    await asyncio.to_thread(card.render_card, "nl", key)
    cached = []
    for _ in range(50):
        start = time.perf_counter()
        await asyncio.to_thread(card.render_card, "nl", key)
        cached.append(time.perf_counter() - start)
    return statistics.median(uncached) * 1e3, statistics.median(cached) * 1e3


async def crowd_latency(folder: Path, users: int, rounds: int, rtt: float) -> Crowd:
    """``rounds`` crowds of ``users`` users (new ones each round), tapping through the quick check."""
    api = LocalBotApi(record_calls=False, rtt=rtt)
    total = Crowd()
    async with advisor(folder, f"crowd-{users}", api) as application:
        for round_ in range(rounds):
            first_user = 1 + round_ * users
            result, _ = await crowd(application, api, users, first_user=first_user, budget=CROWD_BUDGET_RTTS * rtt)
            total.latencies += result.latencies
            total.seconds += result.seconds
            total.planned += result.planned
    return total


async def others_p95_after_429(folder: Path, rtt: float, rate_limiter: AIORateLimiter | None) -> float:
    """The p95 tap latency (seconds) of all users but one, when that one's first edit gets a 429."""
    api = FloodingBotApi(rtt)
    target = 1  # the first user; in a private chat the chat id is the user id

    def flood_target(chats) -> None:
        api.flood(target, "editMessageText", FLOOD_RETRY_AFTER)

    limited = rate_limited(rate_limiter) if rate_limiter else contextlib.nullcontext()
    with limited:
        async with advisor(folder, f"flood-{rate_limiter is not None}", api) as application:
            _, chats = await crowd(
                application, api, FLOOD_USERS, budget=CROWD_BUDGET_RTTS * rtt, before=flood_target,
                flooded=frozenset({target}),
            )
    return percentile([seconds for chat in chats if chat.user["id"] != target for seconds in chat.latencies], 95)


async def main() -> None:
    rtt = rtt_from_env()  # read first: a wrong BENCH_RTT stops the bench before it runs
    with tempfile.TemporaryDirectory() as folder:
        ratio, rate = await measure(Path(folder), "quick", QUICK_ROUNDS, 5, quick_round)
        print(f"per-tap ratio vs bare handler: {ratio:.2f}")
        print(f"taps/s with durable writes: {rate:.0f}")
        ratio, rate = await measure(Path(folder), "full", FULL_ROUNDS, FULL_TAPS, full_round)
        print(f"full assessment per-tap ratio vs bare handler: {ratio:.2f}")
        print(f"full assessment taps/s with durable writes: {rate:.0f}")
    uncached, cached = await card_render_times()
    print(f"card render uncached: {uncached:.1f} ms")
    print(f"card render cached: {cached:.2f} ms")

    print(f"round trip to the Bot API (RTT): {rtt * 1e3:.0f} ms")
    with tempfile.TemporaryDirectory() as folder:
        for users, rounds in CROWDS.items():
            result = await crowd_latency(Path(folder), users, rounds, rtt)
            who = f"{users} user" if users == 1 else f"{users} users"
            cut = f" ({result.taps} of {result.planned} taps in the budget of {CROWD_BUDGET_RTTS} x RTT)"
            print(
                f"tap latency at {who}, p50/p95 (x RTT): {result.in_rtt(50, rtt):.1f} / {result.in_rtt(95, rtt):.1f}"
                + (cut if result.taps < result.planned else "")
            )
            print(f"throughput at {who} (taps/s): {result.throughput:.0f}")
        # the 429 is expected: its warning (without a rate limiter) is not the bench's output
        logging.getLogger("bot").setLevel(logging.ERROR)
        own = await others_p95_after_429(Path(folder), rtt, None) / rtt
        limited = await others_p95_after_429(Path(folder), rtt, AIORateLimiter(max_retries=1)) / rtt
        print(f"429 for one user, others' p95 (x RTT): own handling {own:.1f} / AIORateLimiter {limited:.1f}")
    await print_webhook_lines(rtt, WEBHOOK_USERS)


if __name__ == "__main__":
    asyncio.run(main())
