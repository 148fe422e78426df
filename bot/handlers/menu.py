"""/start, /help, /language, the menu's buttons, and anything typed where a tap is expected."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from telegram import Update

from bot.callback_data import LanguageTap, MenuTap, decode
from bot.context import AdvisorContext
from bot.flows import runner
from bot.flows.registry import BY_NAME, MENU_ACTIONS
from bot.handlers import strategy, teams
from bot.handlers.plan import show_plan
from bot.handlers.results import show_results
from bot.i18n import LANGUAGE_NAMES
from bot.replies import answer_and_show, send
from bot.screens import menu as screens
from bot.screens import settings as settings_screens
from dialogs import team


async def start(update: Update, context: AdvisorContext) -> None:
    """/start: the menu, or Continue/Start over when a flow is open. ``/start <flow>`` (a deep
    link, t.me/<bot>?start=quick) opens that flow."""
    visit = await context.visit()
    latest = visit.record.latest_session
    if context.args and context.args[0] in BY_NAME:
        await runner.open_flow(update, context, BY_NAME[context.args[0]])
    elif context.args and context.args[0] == "strategy":
        await strategy.show_overview(update, context)
    elif context.args and context.args[0].startswith(team.TOKEN_PREFIX):
        await teams.open_invite(update, context, context.args[0])
    elif context.args and context.args[0].startswith(teams.GROUP_PREFIX):
        await teams.open_group_link(update, context, context.args[0])
    elif latest is not None and latest.answers:
        await runner.open_flow(update, context, BY_NAME[latest.flow])  # offers Continue / Start over
    else:
        await send(update, screens.menu(visit.tr, visit.first_name))


async def help_command(update: Update, context: AdvisorContext) -> None:
    """/help: what the advisor does and its commands."""
    visit = await context.visit()
    await send(update, screens.help_text(visit.tr))


async def language_command(update: Update, context: AdvisorContext) -> None:
    """/language: choose English or Dutch."""
    visit = await context.visit()
    await send(update, screens.language_choice(visit.tr, visit.language))


async def show_settings(update: Update, context: AdvisorContext) -> None:
    """Language, the weekly tip and the reminder: what is on, and a button to change each."""
    visit = await context.visit()
    subscription = await context.storage.subscription(visit.user_id)
    reminder = await context.storage.reminder(visit.user_id)
    tips_done = await context.storage.tips_done(visit.user_id)
    has_plan = await context.storage.plan(visit.user_id) is not None
    zone = ZoneInfo(context.advisor.settings.timezone)
    screen = settings_screens.settings(visit.tr, visit.language, zone, subscription, reminder, tips_done, has_plan)
    await answer_and_show(update, screen)


async def settings_command(update: Update, context: AdvisorContext) -> None:
    """/settings: the settings, in a new message."""
    await show_settings(update, context)


async def menu_tap(update: Update, context: AdvisorContext) -> None:
    """A menu button: the menu, a flow (opened, or retaken from a result), the results or the
    language choice."""
    tap = decode(update.callback_query.data)
    if not isinstance(tap, MenuTap):
        await runner.reject_stale(update, context)
        return
    if tap.action in MENU_ACTIONS:
        entry, how = MENU_ACTIONS[tap.action]
        if how == "retake":
            await runner.retake(update, context, entry)
        else:
            await runner.open_flow(update, context, entry, new_message=how == "open_new")
        return
    visit = await context.visit()
    if tap.action == "results":
        await show_results(update, context)
    elif tap.action == "plan":
        await show_plan(update, context)
    elif tap.action == "settings":
        await show_settings(update, context)
    elif tap.action == "strategy":
        await strategy.show_overview(update, context)
    elif tap.action == "team":
        await teams.show_home(update, context)
    elif tap.action == "language":
        await answer_and_show(update, screens.language_choice(visit.tr, visit.language))
    elif tap.action == "home":  # the menu in a new message, so that a result stays in the chat
        chat = context.chat_data
        if chat is not None and chat.menu_just_sent:  # a double tap: the menu is right below
            await answer_and_show(update, None)
        else:
            await answer_and_show(update, screens.menu(visit.tr, visit.first_name), new_message=True)
        if chat is not None:
            chat.menu_sent = True
    else:
        await answer_and_show(update, screens.menu(visit.tr, visit.first_name))


async def language_tap(update: Update, context: AdvisorContext) -> None:
    """A language button: store the choice, confirm it in that language, and go back to where
    the user was (an open question, else the menu), now in the new language."""
    tap = decode(update.callback_query.data)
    if not isinstance(tap, LanguageTap):
        await runner.reject_stale(update, context)
        return
    await context.storage.set_language(context.user.id, tap.code)
    context.forget_visit()
    visit = await context.visit()
    toast = visit.tr.gettext("Language: {language}").format(language=LANGUAGE_NAMES[tap.code])
    await runner.show_current(update, context, toast=toast)


async def unknown_tap(update: Update, context: AdvisorContext) -> None:
    """Callback data no handler knows (an older release's, or forged): toast and the current screen."""
    await runner.reject_stale(update, context)


async def typed_input(update: Update, context: AdvisorContext) -> None:
    """Text, a sticker, a photo... where a tap is expected. A number that matches an option of
    the open question counts as tapping it; anything else gets a short word and the screen again."""
    visit = await context.visit()
    if await teams.take_name(update, context, visit) or await strategy.take_text(update, context, visit):
        return
    text = (update.effective_message.text or "").strip()
    if await runner.typed_answer(update, context, visit, text):
        return
    if text.startswith("/"):
        note = screens.unknown_command(visit.tr, visit.record.latest_session is not None)
    elif visit.record.latest_session is not None:
        note = screens.reminder(visit.tr)
    else:
        note = screens.use_the_buttons(visit.tr)
    await update.effective_message.reply_text(note)
    await runner.show_current(update, context)
