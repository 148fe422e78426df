"""The quick phase check's screens: a question with the source's five descriptions, Continue /
Start over, and the result."""

from __future__ import annotations

from functools import lru_cache

from babel.support import NullTranslations
from telegram import InlineKeyboardMarkup

from bot.callback_data import MenuTap, QuickTap
from bot.screens.ssrm_block import ssrm_lines
from bot.screens.widgets import Screen, button, escape, navigation_row, option_labels, options_text, progress
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
        ]
    )
    return Screen(text, keyboard)


def result(tr: NullTranslations, session_id: int, result: ssrm.SsrmResult) -> Screen:
    _ = tr.gettext
    keyboard = InlineKeyboardMarkup(
        [
            [button(_("↻ Retake"), MenuTap("retake")), button(_("☰ Menu"), MenuTap("home"))],
            [button(_("📋 Full assessment"), MenuTap("full_new"))],
        ]
    )
    return Screen("\n".join(ssrm_lines(tr, result)), keyboard)
