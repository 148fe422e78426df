"""The plan: /plan (and the menu's entry), ticking moves off, and the reminder to check in."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from telegram import Update

from bot.callback_data import PlanTap, RemindTap, decode
from bot.context import AdvisorContext
from bot.flows import runner
from bot.flows.registry import BY_NAME
from bot.replies import answer_and_show
from bot.screens import plan as screens
from dialogs.plan import reminder_due


async def show_plan(update: Update, context: AdvisorContext, plan_id: int | None = None, toast: str | None = None):
    """The user's latest plan (or the one whose button was tapped) with its ticks."""
    visit = await context.visit()
    kept = await context.storage.plan(visit.user_id, plan_id)
    reminder = await context.storage.reminder(visit.user_id)
    zone = ZoneInfo(context.advisor.settings.timezone)
    title = BY_NAME[kept.flow].title if kept else ""
    screen = screens.plan_screen(visit.tr, visit.language, zone, kept, title, reminder.next_due if reminder else None)
    await answer_and_show(update, screen, toast=toast)


async def plan_command(update: Update, context: AdvisorContext) -> None:
    """/plan: the plan in a new message."""
    await show_plan(update, context)


async def plan_tap(update: Update, context: AdvisorContext) -> None:
    """A move ticked off (or back on)."""
    tap = decode(update.callback_query.data)
    if not isinstance(tap, PlanTap):
        await runner.reject_stale(update, context)
        return
    visit = await context.visit()
    if not await context.storage.tick_move(visit.user_id, tap.plan, tap.rank, bool(tap.done)):
        await runner.reject_stale(update, context)
        return
    await show_plan(update, context, tap.plan)


async def remind_tap(update: Update, context: AdvisorContext) -> None:
    """Choose when to be reminded to check in, set it, or switch it off."""
    tap = decode(update.callback_query.data)
    if not isinstance(tap, RemindTap):
        await runner.reject_stale(update, context)
        return
    visit = await context.visit()
    if tap.what == "ask":
        await answer_and_show(update, screens.remind_choice(visit.tr))
        return
    if tap.what == "off":
        await context.storage.stop_reminder(visit.user_id, "user")
        await show_plan(update, context, toast=visit.tr.gettext("Reminder off."))
        return
    if await context.storage.plan(visit.user_id) is None:  # nothing to check in on yet
        await show_plan(update, context)
        return
    weeks = int(tap.what)
    due = reminder_due(context.advisor.clock(), weeks, ZoneInfo(context.advisor.settings.timezone))
    await context.storage.set_reminder(visit.user_id, weeks, due.isoformat(), visit.language)
    toast = visit.tr.ngettext("I’ll remind you in {count} week.", "I’ll remind you in {count} weeks.", weeks)
    await show_plan(update, context, toast=toast.format(count=weeks))
