"""The pieces every screen is made of: a screen (Telegram HTML and an inline keyboard),
buttons, the navigation row, question texts with numbered options.

Screens are pure functions of the domain state and a translations object; sending is the
handlers' job. Whole sentences are translated with named placeholders, never glued from fragments.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache, partial
from html import escape as _html_escape

from babel.support import NullTranslations
from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.callback_data import CallbackData, MenuTap

FILLED, EMPTY = "●", "○"
# The advisor's own rules and advice carry one marker, explained once at the foot of a message.
MARK = "†"
# Telegram HTML needs only <, > and & escaped; quotes stay readable in the texts.
escape = partial(_html_escape, quote=False)


@dataclass(frozen=True)
class Screen:
    text: str
    keyboard: InlineKeyboardMarkup | None = None


def button(label: str, data: CallbackData) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=data.encode())


def menu_button(tr: NullTranslations) -> InlineKeyboardButton:
    return button(tr.gettext("☰ Menu"), MenuTap("menu"))


def progress(tr: NullTranslations, number: int, total: int) -> str:
    return tr.gettext("Question {number} of {total}").format(number=number, total=total)


def options_text(tr: NullTranslations, heading: str, question: str, options: tuple) -> str:
    """A question with its options' full wording, numbered like the buttons."""
    lines = [heading, "", question, ""]
    lines += [f"{index} · {escape(tr.gettext(option.wording))}" for index, option in enumerate(options, start=1)]
    lines += ["", tr.gettext("Tap the description that fits your organisation best.")]
    return "\n".join(lines)


@lru_cache(maxsize=256)
def option_labels(tr: NullTranslations, options: tuple, chosen: int | None) -> tuple[str, ...]:
    """Button labels: the option's number and short label, ✓ on the one chosen before."""
    return tuple(
        ("✓ " if index == chosen else "") + f"{index + 1} · {tr.gettext(option.label)}"
        for index, option in enumerate(options)
    )


def navigation_row(tr: NullTranslations, back_data: CallbackData | None) -> list[InlineKeyboardButton]:
    """« Back (when there is an earlier screen) and ☰ Menu."""
    row = [menu_button(tr)]
    if back_data is not None:
        row.insert(0, button(tr.gettext("« Back"), back_data))
    return row


def advisor_footer(tr: NullTranslations) -> str:
    return "<i>" + MARK + " " + escape(tr.gettext("the advisor’s own rule or advice, not the models’")) + "</i>"
