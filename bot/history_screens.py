"""/results: the user's past results with their dates, and what changed since the one before."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time
from babel.support import NullTranslations
from telegram import InlineKeyboardMarkup

from bot import callbacks
from bot.screens import Screen, button, escape, menu_button, phase_title
from bot.storage import StoredResult
from dialogs import sm247, ssrm


def _date(created_at: str, language: str, zone: ZoneInfo) -> str:
    """Date and time in the user's language (two results of one day stay apart)."""
    moment = datetime.fromisoformat(created_at.replace("Z", "+00:00")).astimezone(zone)
    day = format_date(moment.date(), format="medium", locale=language)
    return f"{day} {format_time(moment, format='short', locale=language)}"


def _flow_name(tr: NullTranslations, flow: str) -> str:
    return tr.gettext("Full assessment") if flow == "full" else tr.gettext("Quick phase check")


def changes(tr: NullTranslations, language: str, zone: ZoneInfo, current: StoredResult, previous: StoredResult) -> str:
    """What moved between two results: the SSRM phase and each dimension whose level changed."""
    _ = tr.gettext
    now, before = current.scores, previous.scores
    if now["phase"] > before["phase"]:
        parts = [_("up from phase {number}").format(number=before["phase"])]
    elif now["phase"] < before["phase"]:
        parts = [_("down from phase {number}").format(number=before["phase"])]
    else:
        parts = [_("same phase")]
    for key in ssrm.DIMENSION_KEYS:
        old, new = before["levels"][key], now["levels"][key]
        if old != new:
            parts.append(f"{_(ssrm.DIMENSIONS_BY_KEY[key].name)} {old} → {new}")
    if current.flow == previous.flow == "full":
        old, new = len(before["cycle_in_place"]), len(now["cycle_in_place"])
        if old != new:
            parts.append(_("Cycle steps in place {old} → {new}").format(old=old, new=new))
        old, new = _structural(before), _structural(now)
        if old != new:
            parts.append(_("24/7 cells done structurally {old} → {new}").format(old=old, new=new))
    return _("Since {date}: {changes}").format(
        date=_date(previous.created_at, language, zone), changes=", ".join(parts)
    )


def _structural(scores: dict) -> int:
    return sum(1 for level in scores["cells"].values() if level == sm247.STRUCTURALLY)


def history(
    tr: NullTranslations, language: str, zone: ZoneInfo, shown: list[StoredResult], everything: list[StoredResult]
) -> Screen:
    """``shown``: the newest results to list (newest first); ``everything``: all, for comparing."""
    _ = tr.gettext
    if not shown:
        text = _("You have no results yet. Take the quick phase check or the full assessment to get one.")
        keyboard = InlineKeyboardMarkup(
            [
                [button(_("📋 Full assessment"), callbacks.menu("full"))],
                [button(_("⚡ Quick phase check"), callbacks.menu("quick"))],
                [menu_button(tr)],
            ]
        )
        return Screen(text, keyboard)
    lines = ["<b>" + _("Your results") + "</b>"]
    for index, result in enumerate(shown):
        phase = ssrm.PHASES[result.scores["phase"] - 1]
        lines += ["", f"<b>{_date(result.created_at, language, zone)}</b> · {escape(_flow_name(tr, result.flow))}"]
        lines.append(escape(phase_title(tr, phase)))
        if index + 1 < len(everything):
            previous = everything[index + 1]
            lines.append(escape(changes(tr, language, zone, result, previous)))
    rows = []
    latest_full = next((result for result in everything if result.flow == "full"), None)
    if latest_full is not None:
        rows.append([button(_("Open my latest full result"), callbacks.result(latest_full.session_id, "sum"))])
    rows.append([menu_button(tr)])
    return Screen("\n".join(lines), InlineKeyboardMarkup(rows))
