"""The menu, help, language choice, the group chat's pointer, and the short replies."""

from __future__ import annotations

from babel.support import NullTranslations
from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.callback_data import LanguageTap, MenuTap, PrivacyTap, TipRoles
from bot.i18n import LANGUAGE_NAMES, LANGUAGES
from bot.screens.widgets import Screen, button, escape, menu_button
from dialogs import full_assessment
from dialogs.i18n import N_

FULL_QUESTIONS = len(full_assessment.QUESTIONS)


def menu(tr: NullTranslations, first_name: str | None) -> Screen:
    _ = tr.gettext
    greeting = _("Hi {name}!").format(name=escape(first_name)) if first_name else _("Hi!")
    text = "\n\n".join(
        (
            f"<b>{greeting}</b> " + _("I’m your social media strategy advisor."),
            _(
                "I place your organisation on published models — the Social Strategy Readiness "
                "Model (SSRM), the Social Media 24/7 model, the Social Media Cycle and the Social "
                "Media Glue Model — and tell you what to do next."
            ),
            _("📋 Full assessment: {count} questions, 3 to 5 minutes.").format(count=FULL_QUESTIONS)
            + "\n"
            + _("⚡ Quick phase check: five questions, done within a minute.")
            + "\n"
            + _("💬 Advocacy tips: for employees, managers and local partners who share your posts."),
        )
    )
    keyboard = InlineKeyboardMarkup(
        [
            [button(_("📋 Full assessment"), MenuTap("full"))],
            [button(_("⚡ Quick phase check"), MenuTap("quick"))],
            [button(_("📌 My plan"), MenuTap("plan")), button(_("🗂 My results"), MenuTap("results"))],
            [button(_("🧭 Write your strategy"), MenuTap("strategy")), button(_("👥 Team check"), MenuTap("team"))],
            [button(_("💬 Advocacy tips"), TipRoles()), button(_("⚙️ Settings"), MenuTap("settings"))],
        ]
    )
    return Screen(text, keyboard)


SOURCES = (
    N_("Social Strategy Readiness Model (SSRM), by SRO, its publisher"),
    N_("Social Media 24/7 model, by Ingmar de Lange, Judith Hordijk and Wilco Kaasenbrood"),
    N_("Social Media Cycle, by MarketingMonday"),
    N_("Social Media Glue Model, by a Dutch social media consultant (the source does not name them)"),
    N_("Strategy Hexagon (Social Media Strategy Framework), by Axel Schultze"),
)


def help_text(tr: NullTranslations) -> Screen:
    _ = tr.gettext
    commands = (
        _("/start – the menu, or continue where you left off"),
        _("/help – this explanation"),
        _("/language – choose English or Dutch"),
        _("/settings – language, weekly tip and reminder"),
        _("/plan – your plan: do this first, and your next three moves"),
        _("/strategy – write your strategy with the Strategy Hexagon"),
        _("/team – a team check for your team or workshop"),
        _("/results – your past results and what changed"),
        _("/tips – advocacy tips for employees, managers and local partners"),
        _("/stop – stop the weekly tip and the reminder"),
        _("/privacy – what I keep about you; /mydata and /deletedata"),
    )
    full = _(
        "📋 The full assessment ({count} questions): your phase on the Social Strategy Readiness Model "
        "(SSRM) with its bottleneck, your profile on the Social Media 24/7 model, the next step of the "
        "Social Media Cycle and advice from the Social Media Glue Model, with a result card."
    ).format(count=FULL_QUESTIONS)
    quick = _("⚡ The quick phase check (five questions): your SSRM phase, profile and bottleneck.")
    text = "\n\n".join(
        (
            "<b>" + _("What I do") + "</b>",
            _(
                "I’m a social media strategy advisor. You answer by tapping buttons, and I place your "
                "organisation on published models and tell you what to do next."
            ),
            full + "\n" + quick,
            "<b>" + _("Commands") + "</b>\n" + "\n".join(commands),
            "<b>" + _("Sources") + "</b>\n" + "\n".join(escape(_(source)) for source in SOURCES),
            escape(_("Where the advisor adds a rule or advice of its own, it is marked †.")),
        )
    )
    return Screen(text, InlineKeyboardMarkup([[button(_("🔒 Privacy and your data"), PrivacyTap("privacy"))],
                                              [menu_button(tr)]]))


def language_choice(tr: NullTranslations, current: str) -> Screen:
    _ = tr.gettext
    rows = [
        [button(("✓ " if code == current else "") + LANGUAGE_NAMES[code], LanguageTap(code))]
        for code in LANGUAGES
    ]
    rows.append([menu_button(tr)])
    return Screen(_("Choose your language."), InlineKeyboardMarkup(rows))


def group_redirect(tr: NullTranslations, bot_username: str) -> Screen:
    _ = tr.gettext
    url = f"https://t.me/{bot_username}?start=quick"
    return Screen(
        _("I work in a private chat, so that your answers stay yours. Tap below to open it."),
        InlineKeyboardMarkup([[InlineKeyboardButton(_("Open the private chat"), url=url)]]),
    )


def reminder(tr: NullTranslations) -> str:
    return tr.gettext("Please tap one of the buttons below the question, or type the number of your answer.")


def unknown_command(tr: NullTranslations, in_a_flow: bool = False) -> str:
    if in_a_flow:
        return tr.gettext(
            "Sorry, I don’t know that command; /help lists what I understand. Here is your question again."
        )
    return tr.gettext("Sorry, I don’t know that command. Here is the menu; /help lists what I understand.")


def use_the_buttons(tr: NullTranslations) -> str:
    return tr.gettext("I work with buttons: choose one below, or send /help.")


def stale_button(tr: NullTranslations) -> str:
    return tr.gettext("This button is no longer active.")


def something_went_wrong(tr: NullTranslations) -> str:
    return tr.gettext("Sorry, something went wrong on my side. Your answers are saved: send /start to go on.")


def private_chat_only(tr: NullTranslations) -> str:
    return tr.gettext("This button works only in the private chat with me.")
