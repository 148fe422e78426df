"""``make bench``: the advisor's per-tap cost against a bare python-telegram-bot handler.

Both run in this process through the same in-process Bot API (which answers instantly), so
the ratio isolates what the advisor adds per tap: loading the session, the flow's trigger,
the durable write (SQLite file, WAL) and rendering. The bare handler does the same visible
work (answers the query, edits the message to the next question with the same keyboard) but
keeps no state and stores nothing.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import ApplicationBuilder, CallbackQueryHandler, ContextTypes

from bot import screens
from bot.app import build_application
from bot.config import Settings
from bot.i18n import translations
from bot.simulator import ChatSimulator, LocalBotApi, running
from dialogs.quick_check import QuickCheck

ROUNDS = 300  # quick checks per measurement; each is 6 taps (5 answers and Retake)
REPEATS = 5


async def advisor_taps(database: Path) -> tuple[float, int]:
    """Seconds for ROUNDS whole quick checks by taps, and the number of taps."""
    api = LocalBotApi()
    application = build_application(Settings(None, "http://bench/bot", database), request=api)
    async with running(application):
        chat = ChatSimulator(application, api)
        await chat.send("/start quick")
        taps = 0
        start = time.perf_counter()
        for _ in range(ROUNDS):
            for option in (1, 2, 3, 4, 5):
                await chat.tap(option)
            await chat.tap("↻ Retake")
            taps += 6
        elapsed = time.perf_counter() - start
        api.messages.clear()
    return elapsed, taps


async def bare_taps() -> tuple[float, int]:
    """The same number of taps on a handler that answers and edits, and nothing more."""
    screen = screens.question(translations("en"), 1, QuickCheck())

    async def answer_and_edit(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.callback_query.answer()
        await update.callback_query.edit_message_text(
            screen.text, parse_mode=ParseMode.HTML, reply_markup=screen.keyboard, disable_web_page_preview=True
        )

    api = LocalBotApi()
    application = ApplicationBuilder().token("0:bench").request(api).get_updates_request(api).build()
    application.add_handler(CallbackQueryHandler(answer_and_edit))
    async with running(application):
        chat = ChatSimulator(application, api)
        await application.bot.send_message(1, screen.text, reply_markup=screen.keyboard)
        taps = 0
        start = time.perf_counter()
        for _ in range(ROUNDS * 6):
            await chat.tap(1)
            taps += 1
        elapsed = time.perf_counter() - start
    return elapsed, taps


async def main() -> None:
    ratios, rates = [], []
    with tempfile.TemporaryDirectory() as folder:
        for repeat in range(REPEATS):  # interleaved, so that drift affects both alike
            advisor_seconds, advisor_count = await advisor_taps(Path(folder) / f"bench-{repeat}.sqlite3")
            bare_seconds, bare_count = await bare_taps()
            per_advisor, per_bare = advisor_seconds / advisor_count, bare_seconds / bare_count
            ratios.append(per_advisor / per_bare)
            rates.append(1 / per_advisor)
            print(f"  run {repeat + 1}: advisor {per_advisor * 1e3:.3f} ms/tap, bare {per_bare * 1e3:.3f} ms/tap")
    print(f"per-tap ratio vs bare handler: {statistics.median(ratios):.2f}")
    print(f"taps/s with durable writes: {statistics.median(rates):.0f}")


if __name__ == "__main__":
    asyncio.run(main())
