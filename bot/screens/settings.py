"""/settings: language, the weekly tip and the reminder, each shown and changed from one screen."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time
from babel.support import NullTranslations
from telegram import InlineKeyboardMarkup

from bot.callback_data import MenuTap, PrivacyTap, RemindTap, TipRoles, WeeklyDays, WeeklyOff
from bot.i18n import LANGUAGE_NAMES
from bot.screens.advocacy import day_names
from bot.screens.widgets import Screen, button, escape, menu_button
from dialogs import advocacy

# Dutch writes the time of day as 9.00 (uur); Babel's short Dutch format would give 09:00.
TIME_FORMATS = {"nl": "H.mm"}


def _day(moment: str, language: str, zone: ZoneInfo) -> str:
    local = datetime.fromisoformat(moment.replace("Z", "+00:00")).astimezone(zone)
    return format_date(local.date(), format="long", locale=language)


def settings(
    tr: NullTranslations, language: str, zone: ZoneInfo, subscription, reminder, tips_done: int, has_plan: bool = True
) -> Screen:
    """``subscription``: the weekly tip, if on; ``reminder``: the check-in reminder, if set."""
    _ = tr.gettext
    lines = ["<b>" + _("Settings") + "</b>", ""]
    lines.append("🌐 " + escape(_("Language: {language}").format(language=LANGUAGE_NAMES[language])))
    rows = [[button(_("🌐 Language"), MenuTap("language"))]]
    if subscription is not None:
        local = datetime.fromisoformat(subscription.next_due).astimezone(zone)
        weekly = _("Weekly tip: every {day} around {time}, as {role}.").format(
            day=day_names(language)[subscription.weekday],
            time=format_time(local, format=TIME_FORMATS.get(language, "short"), locale=language),
            role=_(advocacy.ROLES_IN_A_SENTENCE[subscription.role]),
        )
        lines.append("🔔 " + escape(weekly))
        rows.append(
            [
                button(_("🗓 Other day or role"), WeeklyDays("days", subscription.role, subscription.phase)),
                button(_("🔕 Stop"), WeeklyOff()),
            ]
        )
    else:
        lines.append("🔕 " + escape(_("Weekly tip: off.")))
        rows.append([button(_("🔔 A tip every week"), TipRoles())])
    if tips_done:
        acted = tr.ngettext("{count} tip acted on.", "{count} tips acted on.", tips_done).format(count=tips_done)
        lines.append("✅ " + escape(acted))
    if reminder is not None:
        due = _day(reminder.next_due, language, zone)
        lines.append("⏰ " + escape(_("Reminder to check in: {date}.").format(date=due)))
        rows.append([button(_("🔕 No reminder"), RemindTap("off"))])
    else:
        lines.append("⏰ " + escape(_("Reminder to check in: none.")))
        if has_plan:  # a reminder checks in on a plan: there is none before a first result
            rows.append([button(_("⏰ Remind me to check in"), RemindTap("ask"))])
    rows.append([button(_("🔒 Privacy and your data"), PrivacyTap("privacy"))])
    rows.append([menu_button(tr)])
    return Screen("\n".join(lines), InlineKeyboardMarkup(rows))
