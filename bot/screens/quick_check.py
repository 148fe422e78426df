"""The quick phase check's screens: a question with the source's five descriptions, Continue /
Start over, and the result."""

from __future__ import annotations

from functools import lru_cache

from babel.support import NullTranslations
from telegram import InlineKeyboardMarkup

from bot.callback_data import MenuTap, QuickTap
from bot.screens.plan import plan_block
from bot.screens.ssrm_block import ssrm_lines
from bot.screens.widgets import (
    Screen,
    advisor_footer,
    button,
    escape,
    menu_button,
    navigation_row,
    option_labels,
    options_text,
    progress,
)
from dialogs import quick_check, ssrm


@lru_cache(maxsize=256)
def _question_text(tr: NullTranslations, state: str) -> str:
    """A question's text depends only on language and question: rendered once, then reused
    (it is on the path of every tap)."""
    dimension = ssrm.DIMENSIONS_BY_KEY[state]
    heading = "<b>{title}</b> · {progress}".format(
        title=tr.gettext("Quick phase check"),
        progress=progress(tr, quick_check.QUESTIONS.index(state) + 1, len(quick_check.QUESTIONS)),
    )
    question = f"<b>{escape(tr.gettext(dimension.name))}</b>: {escape(tr.gettext(dimension.question))}"
    return options_text(tr, heading, question, dimension.options)


def screen(tr: NullTranslations, session_id: int, check: quick_check.QuickCheck) -> Screen:
    """The open question."""
    number = check.question_number
    labels = option_labels(tr, ssrm.DIMENSIONS_BY_KEY[check.state].options, check.answers.get(check.state))
    rows = [[button(label, QuickTap(session_id, number, str(index)))] for index, label in enumerate(labels)]
    rows.append(navigation_row(tr, QuickTap(session_id, number, "b") if check.can_go_back() else None))
    return Screen(_question_text(tr, check.state), InlineKeyboardMarkup(rows))


def resume(tr: NullTranslations, session_id: int, check: quick_check.QuickCheck) -> Screen:
    _ = tr.gettext
    number = check.question_number
    answered = len(check.answers)
    text = _("You have a quick phase check in progress: {count} of {total} questions answered.").format(
        count=answered, total=len(quick_check.QUESTIONS)
    )
    keyboard = InlineKeyboardMarkup(
        [
            [
                button(
                    _("▶ Continue (question {number} of {total})").format(
                        number=number, total=len(quick_check.QUESTIONS)
                    ),
                    QuickTap(session_id, number, "c"),
                )
            ],
            [button(_("↺ Start over"), QuickTap(session_id, number, "n"))],
            [menu_button(tr)],
        ]
    )
    return Screen(text, keyboard)


def result(tr: NullTranslations, session_id: int, result: ssrm.SsrmResult, moves: tuple[str, ...] = ()) -> Screen:
    """The plan first, then the SSRM result; the advisor's own rules explained at the foot."""
    _ = tr.gettext
    keyboard = InlineKeyboardMarkup(
        [
            [button(_("📌 My plan"), MenuTap("plan"))],
            [button(_("↻ Retake"), MenuTap("retake")), button(_("☰ Menu"), MenuTap("home"))],
            [button(_("📋 Full assessment"), MenuTap("full_new"))],
        ]
    )
    plan = plan_block(tr, moves)
    lines = [*plan, *([""] if plan else []), *ssrm_lines(tr, result), "", advisor_footer(tr)]
    return Screen("\n".join(lines), keyboard)
