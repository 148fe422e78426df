"""Advocacy tips: choosing a role, paging the tips, and the weekly tip's subscription."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from telegram import Update
from telegram.ext import ContextTypes

from bot import advocacy_screens, callbacks, screens
from bot.handlers.replies import send, show
from bot.handlers.visit import Visit, load_visit
from dialogs import advocacy

ROLES = frozenset(advocacy.ROLES)


def now(context: ContextTypes.DEFAULT_TYPE) -> datetime:
    """The current time; tests put a clock of their own in bot_data."""
    clock = context.bot_data.get("clock")
    return clock() if clock else datetime.now(UTC)


async def _reject(update: Update, visit: Visit) -> None:
    """Data these screens never made (an old release's, or forged): a toast and the role choice."""
    await update.callback_query.answer(screens.stale_button(visit.tr))
    await show(update, advocacy_screens.roles(visit.tr))


async def tips_tap(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The role choice, a role (placed by the latest result, or asked), or a page of tips."""
    query = update.callback_query
    visit = await load_visit(update, context)
    tap = callbacks.parse_tips(query.data, ROLES)
    if tap is None:
        await _reject(update, visit)
        return
    await query.answer()
    if tap.role is None:
        await show(update, advocacy_screens.roles(visit.tr))
        return
    subscription = await visit.storage.subscription(visit.user_id)
    phase = tap.phase or await visit.storage.latest_phase(visit.user_id) or (subscription and subscription.phase)
    if not phase:
        await show(update, advocacy_screens.placement(visit.tr, tap.role))
        return
    subscribed = subscription is not None
    screen = advocacy_screens.tip_page(visit.tr, tap.role, phase, tap.page, subscribed)
    await show(update, screen, new_message=tap.new_message)


async def weekly_tap(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Pick a day, subscribe, or stop the weekly tip."""
    query = update.callback_query
    visit = await load_visit(update, context)
    tap = callbacks.parse_weekly(query.data, ROLES)
    if tap is None:
        await _reject(update, visit)
        return
    if tap.action == "off":
        was_subscribed = await visit.storage.unsubscribe(visit.user_id, "user")
        await query.answer()
        await show(update, advocacy_screens.stopped(visit.tr, was_subscribed), new_message=True)
        return
    if tap.action == "days":
        await query.answer()
        await show(update, advocacy_screens.pick_day(visit.tr, visit.language, tap.role, tap.phase))
        return
    zone = ZoneInfo(context.bot_data["settings"].timezone)
    due = advocacy.next_due(now(context), tap.weekday, zone)
    await visit.storage.subscribe(visit.user_id, tap.role, tap.phase, tap.weekday, due.isoformat(), visit.language)
    await query.answer()
    screen = advocacy_screens.subscribed(visit.tr, visit.language, tap.role, tap.phase, tap.weekday, due, zone)
    await show(update, screen)


async def tips_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/tips: the advocacy tips, starting with the role choice."""
    visit = await load_visit(update, context)
    await send(update, advocacy_screens.roles(visit.tr))


async def stop_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/stop: stop the weekly tip."""
    visit = await load_visit(update, context)
    was_subscribed = await visit.storage.unsubscribe(visit.user_id, "user")
    await send(update, advocacy_screens.stopped(visit.tr, was_subscribed))
