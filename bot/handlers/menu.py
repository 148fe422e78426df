"""/start, /help, /language, the menu's buttons, and anything typed where a tap is expected."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot import callbacks, screens
from bot.handlers.flows import BY_FLOW, FULL, QUICK, open_flow, show_current, start_anew, typed_answer
from bot.handlers.replies import send, show
from bot.handlers.results import show_results
from bot.handlers.visit import load_visit
from bot.i18n import LANGUAGE_NAMES, LANGUAGES, translations

DEEP_LINKS = {"quick": QUICK, "full": FULL}


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/start: the menu, or Continue/Start over when a flow is open. ``/start quick`` and
    ``/start full`` (deep links) open that flow."""
    visit = await load_visit(update, context)
    latest = visit.record.latest_session
    if context.args and context.args[0] in DEEP_LINKS:
        await open_flow(update, context, visit, DEEP_LINKS[context.args[0]])
    elif latest is not None and latest.answers:
        await open_flow(update, context, visit, BY_FLOW[latest.flow])  # offers Continue / Start over
    else:
        await send(update, screens.menu(visit.tr, visit.first_name))


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/help: what the advisor does and its commands."""
    visit = await load_visit(update, context)
    await send(update, screens.help_text(visit.tr))


async def language_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/language and /settings: choose English or Dutch."""
    visit = await load_visit(update, context)
    await send(update, screens.language_choice(visit.tr, visit.language))


async def menu_tap(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A menu button: the menu, a flow, a retake, the results or the language choice."""
    query = update.callback_query
    action = callbacks.parse_menu(query.data)
    if action is None:
        await unknown_tap(update, context)
        return
    if action in ("retake", "retake_full"):
        # From a result: the result stays in the chat, the new check comes in a new message.
        # (When one is already under way, open_flow offers Continue / Start over instead.)
        await start_anew(update, context, QUICK if action == "retake" else FULL, new_message=True)
        return
    visit = await load_visit(update, context)
    await query.answer()
    if action in ("quick", "full"):
        await open_flow(update, context, visit, DEEP_LINKS[action])
    elif action == "full_new":
        await open_flow(update, context, visit, FULL, new_message=True)
    elif action == "home":
        await show(update, screens.menu(visit.tr, visit.first_name), new_message=True)
    elif action == "results":
        await show_results(update, context, visit)
    elif action == "language":
        await show(update, screens.language_choice(visit.tr, visit.language))
    else:
        await show(update, screens.menu(visit.tr, visit.first_name))


async def language_tap(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A language button: store the choice, confirm it in that language, show the menu."""
    query = update.callback_query
    code = callbacks.parse_language(query.data)
    if code not in LANGUAGES:
        await unknown_tap(update, context)
        return
    visit = await load_visit(update, context)
    await visit.storage.set_language(visit.user_id, code)
    tr = translations(code)
    await query.answer(tr.gettext("Language: {language}").format(language=LANGUAGE_NAMES[code]))
    # Back to where the user was (an open question, else the menu), now in the new language.
    visit.language, visit.tr = code, tr
    await show_current(update, context, visit, None)


async def unknown_tap(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Callback data we do not know (an old release's, or forged): toast and the current screen."""
    visit = await load_visit(update, context)
    await update.callback_query.answer(screens.stale_button(visit.tr))
    await show_current(update, context, visit, None)


async def typed_input(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Text, a sticker, a photo... where a tap is expected. A number that matches an option of
    the open question counts as tapping it; anything else gets a short word and the screen again."""
    visit = await load_visit(update, context)
    text = (update.effective_message.text or "").strip()
    if await typed_answer(update, context, visit, text):
        return
    if visit.record.latest_session is not None:
        note = screens.reminder(visit.tr)
    elif text.startswith("/"):
        note = screens.unknown_command(visit.tr)
    else:
        note = screens.use_the_buttons(visit.tr)
    await update.effective_message.reply_text(note)
    await show_current(update, context, visit, None)
