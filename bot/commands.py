"""The bot's commands, description and short description, registered once per language."""

from __future__ import annotations

import logging

from telegram import Bot, BotCommand
from telegram.error import TelegramError

from bot.i18n import DEFAULT_LANGUAGE, LANGUAGES, translations

log = logging.getLogger(__name__)


def command_list(language: str) -> list[BotCommand]:
    _ = translations(language).gettext
    return [
        BotCommand("start", _("Menu, or continue where you left off")),
        BotCommand("help", _("What this advisor does")),
        BotCommand("language", _("Choose English or Dutch")),
        BotCommand("settings", _("Your settings")),
        BotCommand("plan", _("Your plan: what to do first")),
        BotCommand("strategy", _("Write your social media strategy")),
        BotCommand("team", _("A team check for your team or workshop")),
        BotCommand("results", _("Your past results")),
        BotCommand("tips", _("Advocacy tips for your role")),
        BotCommand("stop", _("Stop the weekly tip and reminders")),
        BotCommand("privacy", _("What I keep about you, and why")),
        BotCommand("mydata", _("All your data, as a file")),
        BotCommand("deletedata", _("Delete all your data")),
    ]


def description(language: str) -> str:
    return translations(language).gettext(
        "Where does your organisation stand on social media, and what should you do next? "
        "Answer by tapping buttons and get your phase on the Social Strategy Readiness Model "
        "(SSRM), your Social Media 24/7 profile, the next step of the Social Media Cycle and "
        "advice from the Social Media Glue Model."
    )


def short_description(language: str) -> str:
    return translations(language).gettext(
        "Your social media strategy advisor: where you stand and what to do next, by tapping buttons."
    )


async def register_commands(bot: Bot) -> None:
    """English is the default for every client; Dutch clients (language_code nl) get Dutch."""
    for language in LANGUAGES:
        code = None if language == DEFAULT_LANGUAGE else language
        try:
            await bot.set_my_commands(command_list(language), language_code=code)
            await bot.set_my_description(description(language), language_code=code)
            await bot.set_my_short_description(short_description(language), language_code=code)
        except TelegramError as error:
            # The bot works without them; Telegram keeps the previous registration.
            log.warning("could not register the %s commands and description: %s", language, error)
