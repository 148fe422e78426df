"""The plan: "do this first" and the three moves on a result, the kept plan (/plan) with its
ticks, the reminder to check in again, and the check-in message itself."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date
from babel.support import NullTranslations
from telegram import InlineKeyboardMarkup

from bot.callback_data import MenuTap, PlanTap, RemindTap
from bot.screens.widgets import MARK, Screen, advisor_footer, button, escape, menu_button
from dialogs.moves import ALL_MOVES, Move
from dialogs.plan import REMINDER_WEEKS, KeptPlan


def _marked(move: Move) -> str:
    return MARK if move.advice else ""


def plan_block(tr: NullTranslations, moves: tuple[str, ...]) -> list[str]:
    """What a result leads with: the first move's action for this week, then the three moves
    (callers put a blank line after it)."""
    _ = tr.gettext
    if not moves:
        return []  # a result stored before the advisor made plans
    first = ALL_MOVES[moves[0]]
    lines = ["<b>" + _("Do this first") + "</b>", escape(_(first.action)) + _marked(first), ""]
    lines.append("<b>" + _("Your next three moves") + "</b>")
    for number, key in enumerate(moves, start=1):
        move = ALL_MOVES[key]
        lines.append(f"{number}. <b>{escape(_(move.title))}</b>{_marked(move)} — {escape(_(move.why))}")
    return lines


def _day(moment: str | datetime, language: str, zone: ZoneInfo) -> str:
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment.replace("Z", "+00:00"))
    return format_date(moment.astimezone(zone).date(), format="long", locale=language)


def _move_lines(tr: NullTranslations, kept: KeptPlan) -> list[str]:
    _ = tr.gettext
    lines = []
    for kept_move in kept.moves:
        move = ALL_MOVES[kept_move.key]
        tick = "✅" if kept_move.done_at else "⬜"
        lines += [
            "",
            f"{tick} {kept_move.rank}. <b>{escape(_(move.title))}</b>{_marked(move)}",
            escape(_(move.why)),
            "<i>" + escape(_(move.action)) + "</i>",
        ]
    return lines


def plan_screen(
    tr: NullTranslations, language: str, zone: ZoneInfo, kept: KeptPlan | None, flow_title: str, remind_due: str | None
) -> Screen:
    """The kept plan with a tick per move; all done: a retake."""
    _ = tr.gettext
    if kept is None:
        text = _(
            "You have no plan yet. Take the quick phase check or the full assessment: your plan comes with the result."
        )
        keyboard = InlineKeyboardMarkup(
            [
                [button(_("⚡ Quick phase check"), MenuTap("quick"))],
                [button(_("📋 Full assessment"), MenuTap("full"))],
                [menu_button(tr)],
            ]
        )
        return Screen(text, keyboard)
    lines = [
        "<b>" + _("Your plan") + "</b>",
        escape(
            _("From your {flow} of {date}: {done} of {total} moves done.").format(
                flow=_(flow_title).lower(),
                date=_day(kept.created_at, language, zone),
                done=kept.done,
                total=len(kept.moves),
            )
        ),
        *_move_lines(tr, kept),
    ]
    if kept.all_done:
        lines += ["", "🎉 " + escape(_("All moves done. Retake the check to see where you stand now."))]
    if remind_due is not None:
        due = _day(remind_due, language, zone)
        lines += ["", "⏰ " + escape(_("I’ll remind you to check in on {date}.").format(date=due))]
    lines += ["", advisor_footer(tr)]
    ticks = [
        button(("↺ " if move.done_at else "✓ ") + str(move.rank), PlanTap(kept.id, move.rank, int(not move.done_at)))
        for move in kept.moves
    ]
    retake = "retake_full" if kept.flow == "full" else "retake"
    rows = [ticks]
    if kept.all_done:
        rows.append([button(_("↻ Retake"), MenuTap(retake))])
    if remind_due is None:
        rows.append([button(_("⏰ Remind me to check in"), RemindTap("ask"))])
    else:
        rows.append([button(_("🔕 No reminder"), RemindTap("off"))])
    rows.append([menu_button(tr)])
    return Screen("\n".join(lines), InlineKeyboardMarkup(rows))


def remind_choice(tr: NullTranslations) -> Screen:
    _ = tr.gettext
    text = _("When shall I remind you to check in on your plan and retake the check?")
    choices = [
        button(tr.ngettext("In {count} week", "In {count} weeks", weeks).format(count=weeks), RemindTap(str(weeks)))
        for weeks in REMINDER_WEEKS
    ]
    return Screen(text, InlineKeyboardMarkup([choices, [button(_("« Back"), MenuTap("plan")), menu_button(tr)]]))


def check_in(tr: NullTranslations, kept: KeptPlan, flow_title: str) -> Screen:
    """The reminder itself: the plan's progress and a retake."""
    _ = tr.gettext
    lines = [
        "<b>" + _("Time to check in") + "</b>",
        escape(
            tr.ngettext(
                "You have done {done} of the {total} moves of your plan.",
                "You have done {done} of the {total} moves of your plan.",
                kept.done,
            ).format(done=kept.done, total=len(kept.moves))
        ),
        *_move_lines(tr, kept),
        "",
        escape(_("Retake the {flow} to see where you stand now.").format(flow=_(flow_title).lower())),
    ]
    if any(ALL_MOVES[move.key].advice for move in kept.moves):
        lines += ["", advisor_footer(tr)]
    retake = "retake_full" if kept.flow == "full" else "retake"
    keyboard = InlineKeyboardMarkup(
        [[button(_("↻ Retake"), MenuTap(retake))], [button(_("📌 My plan"), MenuTap("plan")), menu_button(tr)]]
    )
    return Screen("\n".join(lines), keyboard)
