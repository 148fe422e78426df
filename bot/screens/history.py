"""/results: the user's past results with their dates, and what changed since the one before."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time
from babel.support import NullTranslations
from telegram import InlineKeyboardMarkup

from bot.callback_data import MenuTap, ResultTap
from bot.screens.ssrm_block import phase_title
from bot.screens.widgets import Screen, button, escape, menu_button
from dialogs import sm247, ssrm
from dialogs.moves import ALL_MOVES
from dialogs.results import StoredResult


def _date(created_at: str, language: str, zone: ZoneInfo) -> str:
    """Date and time in the user's language (two results of one day stay apart)."""
    moment = datetime.fromisoformat(created_at.replace("Z", "+00:00")).astimezone(zone)
    day = format_date(moment.date(), format="medium", locale=language)
    return f"{day} {format_time(moment, format='short', locale=language)}"


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
    if all("cycle_in_place" in scores for scores in (now, before)):  # two full assessments
        old, new = len(before["cycle_in_place"]), len(now["cycle_in_place"])
        if old != new:
            parts.append(_("Cycle steps in place {old} → {new}").format(old=old, new=new))
        old, new = _structural(before), _structural(now)
        if old != new:
            parts.append(_("24/7 cells established {old} → {new}").format(old=old, new=new))
    return _("Since {date}: {changes}").format(
        date=_date(previous.created_at, language, zone), changes=", ".join(parts)
    )


def _structural(scores: dict) -> int:
    return sum(1 for level in scores["cells"].values() if level == sm247.ESTABLISHED)


def history(
    tr: NullTranslations,
    language: str,
    zone: ZoneInfo,
    shown: list[StoredResult],
    everything: list[StoredResult],
    titles: dict[str, str],
    detailed: frozenset[str],
    moves_done: list[tuple[str, str]] = (),
) -> Screen:
    """``shown``: the newest results to list (newest first); ``everything``: all, for comparing;
    ``titles``: each flow's name (marked for translation); ``detailed``: the flows whose
    results open in detail; ``moves_done``: the plan moves ticked off, with when."""
    _ = tr.gettext
    if not shown:
        text = _("You have no results yet. Take the quick phase check or the full assessment to get one.")
        keyboard = InlineKeyboardMarkup(
            [
                [button(_("📋 Full assessment"), MenuTap("full"))],
                [button(_("⚡ Quick phase check"), MenuTap("quick"))],
                [menu_button(tr)],
            ]
        )
        return Screen(text, keyboard)
    lines = ["<b>" + _("Your results") + "</b>"]
    placed = [result for result in everything if result.phase is not None]
    for result in shown:
        lines += ["", f"<b>{_date(result.created_at, language, zone)}</b> · {escape(_(titles[result.flow]))}"]
        if result.phase is not None:
            lines.append(escape(phase_title(tr, result.phase)))
            earlier = placed[placed.index(result) + 1 :]
            if earlier:
                lines.append(escape(changes(tr, language, zone, result, earlier[0])))
                between = [key for key, at in moves_done if earlier[0].created_at <= at < result.created_at]
                if between:
                    names = "; ".join(_(ALL_MOVES[key].title) for key in between if key in ALL_MOVES)
                    lines.append(escape(_("Moves done in between: {moves}").format(moves=names)))
    rows = []
    latest = next((result for result in everything if result.flow in detailed), None)
    if latest is not None:
        rows.append([button(_("Open my latest full result"), ResultTap(latest.session_id, "sum"))])
    rows.append([menu_button(tr)])
    return Screen("\n".join(lines), InlineKeyboardMarkup(rows))
