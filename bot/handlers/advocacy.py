"""Advocacy tips: choosing a role, paging the tips, and the weekly tip's subscription."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from telegram import Update

from bot.callback_data import TipDone, TipRoles, TipsTap, WeeklyDays, WeeklyOff, WeeklyOn, decode
from bot.context import AdvisorContext
from bot.replies import answer_and_show, send
from bot.screens import advocacy as screens
from bot.screens import menu as menu_screens
from dialogs import advocacy


async def _reject(update: Update, context: AdvisorContext) -> None:
    """Data these screens never made (an older release's, or forged): a toast and the role choice."""
    visit = await context.visit()
    await answer_and_show(update, screens.roles(visit.tr), toast=menu_screens.stale_button(visit.tr))


async def tips_tap(update: Update, context: AdvisorContext) -> None:
    """The role choice, a role (placed by the latest result, or asked), or a page of tips."""
    tap = decode(update.callback_query.data)
    visit = await context.visit()
    if isinstance(tap, TipRoles):
        await answer_and_show(update, screens.roles(visit.tr))
        return
    if not isinstance(tap, TipsTap):
        await _reject(update, context)
        return
    subscription = await context.storage.subscription(visit.user_id)
    phase = tap.phase or await context.storage.latest_phase(visit.user_id) or (subscription and subscription.phase)
    if not phase:
        await answer_and_show(update, screens.placement(visit.tr, tap.role))
        return
    screen = screens.tip_page(visit.tr, tap.role, phase, tap.page or 0, subscription is not None)
    await answer_and_show(update, screen, new_message=tap.new_message)


async def weekly_tap(update: Update, context: AdvisorContext) -> None:
    """Pick a day, subscribe, or stop the weekly tip."""
    tap = decode(update.callback_query.data)
    visit = await context.visit()
    if isinstance(tap, WeeklyOff):
        was_subscribed = await context.storage.unsubscribe(visit.user_id, "user")
        await answer_and_show(update, screens.stopped(visit.tr, was_subscribed), new_message=True)
    elif isinstance(tap, WeeklyDays):
        await answer_and_show(update, screens.pick_day(visit.tr, visit.language, tap.role, tap.phase))
    elif isinstance(tap, WeeklyOn):
        zone = ZoneInfo(context.advisor.settings.timezone)
        due = advocacy.next_due(context.advisor.clock(), tap.weekday, zone)
        await context.storage.subscribe(
            visit.user_id, tap.role, tap.phase, tap.weekday, due.isoformat(), visit.language
        )
        screen = screens.subscribed(visit.tr, visit.language, tap.role, tap.phase, tap.weekday, due, zone)
        await answer_and_show(update, screen)
    else:
        await _reject(update, context)


async def done_tap(update: Update, context: AdvisorContext) -> None:
    """"✓ Done" under a tip: noted once per user and tip, and a toast with how many tips the
    user acted on; the tip stays on screen. A key this release does not know (forged, or a tip
    dropped since) gets the stale toast, and nothing is written."""
    tap = decode(update.callback_query.data)
    if not isinstance(tap, TipDone):
        await context.stored_language()  # without registering whoever sent it
        await answer_and_show(update, None, toast=menu_screens.stale_button(context.tr))
        return
    visit = await context.visit()
    count = await context.storage.mark_tip_done(visit.user_id, tap.tip)
    await answer_and_show(update, None, toast=screens.done_toast(visit.tr, count))


async def tips_command(update: Update, context: AdvisorContext) -> None:
    """/tips: the advocacy tips, starting with the role choice."""
    visit = await context.visit()
    await send(update, screens.roles(visit.tr))


async def stop_command(update: Update, context: AdvisorContext) -> None:
    """/stop: stop the weekly tip and the reminder to check in."""
    visit = await context.visit()
    was_subscribed = await context.storage.unsubscribe(visit.user_id, "user")
    had_reminder = await context.storage.stop_reminder(visit.user_id, "user")
    await send(update, screens.stopped(visit.tr, was_subscribed, had_reminder))
