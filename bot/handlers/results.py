"""Stored results: /results (history with what changed) and a result's detail screens."""

from __future__ import annotations

import asyncio
from zoneinfo import ZoneInfo

from telegram import Update
from telegram.constants import ChatAction

from bot import documents
from bot.callback_data import ResultTap, decode
from bot.context import AdvisorContext
from bot.flows import runner
from bot.flows.registry import BY_NAME, FLOWS
from bot.replies import answer_and_show, send_document
from bot.screens import history
from bot.screens import menu as menu_screens

HISTORY_LENGTH = 10


async def show_results(update: Update, context: AdvisorContext) -> None:
    """The user's past results with dates, and what changed since the previous one."""
    visit = await context.visit()
    results = await context.storage.results(visit.user_id)
    zone = ZoneInfo(context.advisor.settings.timezone)
    titles = {entry.name: entry.title for entry in FLOWS}
    detailed = frozenset(entry.name for entry in FLOWS if entry.has_details)
    moves_done = await context.storage.moves_done(visit.user_id)
    screen = history.history(
        visit.tr, visit.language, zone, results[:HISTORY_LENGTH], results, titles, detailed, moves_done
    )
    await answer_and_show(update, screen)


async def results_command(update: Update, context: AdvisorContext) -> None:
    """/results: the history, in a new message."""
    await show_results(update, context)


async def result_tap(update: Update, context: AdvisorContext) -> None:
    """A part of a stored result: the summary or one model in detail."""
    tap = decode(update.callback_query.data)
    if not isinstance(tap, ResultTap):
        await runner.reject_stale(update, context)
        return
    visit = await context.visit()
    stored = await context.storage.result_of_session(visit.user_id, tap.session)
    entry = BY_NAME.get(stored.flow) if stored else None
    if entry is None or not entry.has_details:
        toast = menu_screens.stale_button(visit.tr)
        await answer_and_show(update, menu_screens.menu(visit.tr, visit.first_name), toast=toast)
        return
    if tap.part == "report":
        await _send_report(update, context, visit, stored)
        return
    await answer_and_show(update, entry.screens.details(visit.tr, stored, tap.part))


async def _send_report(update: Update, context: AdvisorContext, visit, stored) -> None:
    """The result for management, as a PDF (made in a worker thread)."""
    zone = context.advisor.settings.timezone
    today = context.advisor.clock().astimezone(ZoneInfo(zone)).date()
    await answer_and_show(update, None)
    await context.bot.send_chat_action(update.effective_chat.id, ChatAction.UPLOAD_DOCUMENT)
    content = await asyncio.to_thread(documents.assessment_report_pdf, visit.language, stored, today, zone=zone)
    name = visit.tr.gettext("social-media-assessment") + ".pdf"
    await send_document(update, content, name, visit.tr.gettext("Your assessment report for management"))
