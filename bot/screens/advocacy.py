"""Advocacy tips: the role choice, the placing question, tip pages and the weekly tip."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date, get_day_names
from babel.support import NullTranslations
from telegram import InlineKeyboardMarkup

from bot.callback_data import MenuTap, TipDone, TipRoles, TipsTap, WeeklyDays, WeeklyOff, WeeklyOn
from bot.screens.widgets import Screen, button, escape, menu_button
from dialogs import advocacy, ssrm


def roles(tr: NullTranslations) -> Screen:
    _ = tr.gettext
    text = "\n\n".join(
        (
            "<b>" + _("Advocacy tips") + "</b>",
            _(
                "Short, concrete tips for sharing your organisation’s posts well, from the models "
                "behind this advisor. What is your role?"
            ),
        )
    )
    rows = [[button(_(name), TipsTap(role))] for role, name in advocacy.ROLES.items()]
    rows.append([menu_button(tr)])
    return Screen(text, InlineKeyboardMarkup(rows))


def placement(tr: NullTranslations, role: str) -> Screen:
    _ = tr.gettext
    text = "\n\n".join(
        (
            "<b>" + _("Advocacy tips") + "</b> · " + escape(_(advocacy.ROLES[role])),
            escape(_(advocacy.PLACEMENT_QUESTION)),
            _("One question, so that the tips fit your organisation (or take the quick phase check first)."),
        )
    )
    rows = [[button(_(label), TipsTap(role, phase, 0))] for label, phase in advocacy.PLACEMENTS]
    rows.append([button(_("⚡ Quick phase check"), MenuTap("quick"))])
    rows.append([button(_("« Back"), TipRoles()), menu_button(tr)])
    return Screen(text, InlineKeyboardMarkup(rows))


def tip_text(tr: NullTranslations, tip: advocacy.Tip) -> str:
    _ = tr.gettext
    return escape(_(tip.text)) + "\n\n<i>" + escape(_(advocacy.SOURCES[tip.source])) + "</i>"


def done_button(tr: NullTranslations, tip: advocacy.Tip):
    """Under every tip: the user says they acted on it."""
    return button(tr.gettext("✓ Done"), TipDone(tip.key))


def done_toast(tr: NullTranslations, count: int) -> str:
    """The toast after "✓ Done": how many tips the user acted on so far."""
    return tr.ngettext("Noted: {count} tip acted on", "Noted: {count} tips acted on", count).format(count=count)


def tip_page(tr: NullTranslations, role: str, phase: int, page: int, subscribed: bool) -> Screen:
    """One tip of the role's list for the phase, with Back / Next and the weekly tip."""
    _ = tr.gettext
    tips = advocacy.tips_for(role, phase)
    page = min(max(page, 0), len(tips) - 1)
    shown = ssrm.PHASES[advocacy.tip_phase(phase) - 1]
    heading = "<b>{title}</b> · {role}".format(title=_("Advocacy tips"), role=escape(_(advocacy.ROLES[role])))
    counter = _("Tip {number} of {total}").format(number=page + 1, total=len(tips))
    if phase < shown.number:
        current = ssrm.PHASES[phase - 1]
        fits = _("Your phase: {number} · {name}. Tips for the next step: phase {next} · {next_name}.").format(
            number=current.number, name=current.name, next=shown.number, next_name=shown.name
        )
    else:
        fits = _("For phase {number} · {name}").format(number=shown.number, name=shown.name)
    lines = [heading, f"{counter} · <i>{escape(fits)}</i>"]
    if role == advocacy.PARTNER and phase < advocacy.PARTNERS_FROM:
        lines.append("<i>" + escape(_("In the SSRM, local partners take part from phase 4 · Collaborate on.")) + "</i>")
    text = "\n".join(lines) + "\n\n" + tip_text(tr, tips[page])
    paging = []
    if page > 0:
        paging.append(button(_("« Previous"), TipsTap(role, phase, page - 1)))
    if page < len(tips) - 1:
        paging.append(button(_("Next »"), TipsTap(role, phase, page + 1)))
    if subscribed:
        weekly = [
            button(_("🗓 Other day or role"), WeeklyDays("days", role, phase)),
            button(_("🔕 Stop"), WeeklyOff()),
        ]
    else:
        weekly = [button(_("🔔 A tip every week"), WeeklyDays("days", role, phase))]
    rows = [[done_button(tr, tips[page])], paging, weekly, [button(_("Other role"), TipRoles()), menu_button(tr)]]
    return Screen(text, InlineKeyboardMarkup([row for row in rows if row]))


def day_names(language: str) -> list[str]:
    """Monday first, in the user's language (Babel's CLDR data)."""
    names = get_day_names("wide", locale=language)
    return [names[index] for index in range(7)]


def pick_day(tr: NullTranslations, language: str, role: str, phase: int) -> Screen:
    _ = tr.gettext
    text = _(
        "On which day would you like your tip? It comes around 9:00, one tip a week, and none comes again within "
        "three months."
    )
    names = day_names(language)
    buttons = [
        button(name.capitalize(), WeeklyOn("on", role, phase, index)) for index, name in enumerate(names)
    ]
    rows = [buttons[0:3], buttons[3:5], buttons[5:7], [button(_("« Back"), TipsTap(role, phase, 0))]]
    return Screen(text, InlineKeyboardMarkup(rows))


def subscribed(
    tr: NullTranslations, language: str, role: str, phase: int, weekday: int, first: datetime, zone: ZoneInfo
) -> Screen:
    _ = tr.gettext
    city = zone.key.rsplit("/", 1)[-1].replace("_", " ")
    text = _(
        "Done: every {day} around 9:00 ({city} time) you get a tip as {role}. The first one comes on {date}. "
        "Stop it any time with /stop or the button below."
    ).format(
        day=day_names(language)[weekday],
        city=city,
        role=_(advocacy.ROLES_IN_A_SENTENCE[role]),
        date=format_date(first.astimezone(zone).date(), format="long", locale=language),
    )
    rows = [
        [button(_("🔕 Stop the weekly tip"), WeeklyOff())],
        [button(_("More tips"), TipsTap(role, phase, 0)), menu_button(tr)],
    ]
    return Screen(text, InlineKeyboardMarkup(rows))


def stopped(tr: NullTranslations, was_subscribed: bool, had_reminder: bool = False) -> Screen:
    _ = tr.gettext
    text = (
        _("The weekly tip is stopped. You can start it again from the advocacy tips.")
        if was_subscribed
        else _("You have no weekly tip to stop.")
    )
    if had_reminder:
        text += "\n" + _("The reminder to check in on your plan is off too.")
    return Screen(text, InlineKeyboardMarkup([[button(_("💬 Advocacy tips"), TipRoles())], [menu_button(tr)]]))


def weekly_tip(tr: NullTranslations, tip: advocacy.Tip, role: str, phase: int) -> Screen:
    """The message the weekly job sends."""
    _ = tr.gettext
    text = "<b>" + _("💡 Your tip of the week") + "</b>\n\n" + tip_text(tr, tip)
    rows = [
        [done_button(tr, tip)],
        [button(_("More tips"), TipsTap(role, phase, 0, new_message=True))],
        [button(_("🔕 Stop the weekly tip"), WeeklyOff())],
    ]
    return Screen(text, InlineKeyboardMarkup(rows))
