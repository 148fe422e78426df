"""Stored results: /results (history with what changed) and a result's detail screens."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from telegram import Update
from telegram.ext import ContextTypes

from bot import assessment_screens, callbacks, history_screens, screens
from bot.handlers.replies import show
from bot.handlers.visit import Visit, load_visit

HISTORY_LENGTH = 10


async def show_results(update: Update, context: ContextTypes.DEFAULT_TYPE, visit: Visit) -> None:
    """The user's past results with dates, and what changed since the previous one."""
    results = await visit.storage.results(visit.user_id)
    zone = ZoneInfo(context.bot_data["settings"].timezone)
    await show(update, history_screens.history(visit.tr, visit.language, zone, results[:HISTORY_LENGTH], results))


async def results_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/results: the history, in a new message."""
    visit = await load_visit(update, context)
    await show_results(update, context, visit)


async def result_tap(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A part of a stored full-assessment result: the summary or one model in detail."""
    query = update.callback_query
    visit = await load_visit(update, context)
    tap = callbacks.parse_result_tap(query.data)
    stored = await visit.storage.result_of_session(visit.user_id, tap.session) if tap else None
    if stored is None or stored.flow != "full":
        await query.answer(screens.stale_button(visit.tr))
        await show(update, screens.menu(visit.tr, visit.first_name))
        return
    await query.answer()
    await show(update, assessment_screens.stored_part(visit.tr, stored, tap.part))
