"""``make bench``: the advisor's per-tap cost against a bare python-telegram-bot handler.

Both run in this process through the same in-process Bot API (which answers instantly), so
the ratio isolates what the advisor adds per tap: the flow's trigger, the durable write
(an SQLite file in WAL mode) and rendering. The bare handler does the same visible work — it
answers the query and edits the message to a question screen with the same keyboard — but
keeps no state and stores nothing.

The two are measured round by round, interleaved (a round of the advisor, then the same
number of bare taps), so that the machine's drift hits both alike; the ratio printed is the
median of the rounds' ratios.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from contextlib import AsyncExitStack
from pathlib import Path

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import ApplicationBuilder, CallbackQueryHandler, ContextTypes

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
    await chat.tap(5, chat.messages[-2])  # Retake, on the result: not timed
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


async def main() -> None:
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


if __name__ == "__main__":
    asyncio.run(main())
