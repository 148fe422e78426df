"""/start, /help, /language, the menu's buttons, and anything typed where a tap is expected."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot import callbacks, screens
from bot.handlers.quick_check import current_screen, open_quick_check, retake
from bot.handlers.replies import send, show
from bot.handlers.visit import load_visit
from bot.i18n import LANGUAGE_NAMES, LANGUAGES, translations
from dialogs.quick_check import FLOW


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/start: the menu, or Continue/Start over when a check is open. ``/start quick`` opens it."""
    visit = await load_visit(update, context, FLOW)
    if context.args and context.args[0] == "quick":
        await open_quick_check(update, visit)
    elif visit.record.session is not None and visit.record.session.answers:
        await open_quick_check(update, visit)  # offers Continue / Start over
    else:
        await send(update, screens.menu(visit.tr, visit.first_name))


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/help: what the advisor does and its commands."""
    visit = await load_visit(update, context, FLOW)
    await send(update, screens.help_text(visit.tr))


async def language_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/language and /settings: choose English or Dutch."""
    visit = await load_visit(update, context, FLOW)
    await send(update, screens.language_choice(visit.tr, visit.language))


async def menu_tap(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A menu button: open the menu, the quick check, a retake or the language choice."""
    query = update.callback_query
    action = callbacks.parse_menu(query.data)
    if action == "retake":
        await retake(update, context)
        return
    visit = await load_visit(update, context, FLOW)
    if action == "quick":
        await open_quick_check(update, visit)
    elif action == "language":
        await show(update, screens.language_choice(visit.tr, visit.language))
    else:
        await show(update, screens.menu(visit.tr, visit.first_name))
    await query.answer()


async def language_tap(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A language button: store the choice, confirm it in that language, show the menu."""
    query = update.callback_query
    visit = await load_visit(update, context, FLOW)
    code = callbacks.parse_language(query.data)
    if code not in LANGUAGES:
        await unknown_tap(update, context)
        return
    await visit.storage.set_language(visit.user_id, code)
    tr = translations(code)
    await query.answer(tr.gettext("Language: {language}").format(language=LANGUAGE_NAMES[code]))
    await show(update, screens.menu(tr, visit.first_name))


async def unknown_tap(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Callback data we do not know (an old release's, or forged): toast and the current screen."""
    visit = await load_visit(update, context, FLOW)
    await update.callback_query.answer(screens.stale_button(visit.tr))
    await show(update, await current_screen(visit))


async def typed_input(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Text, a sticker, a photo... where a tap is expected: a reminder and the question again."""
    visit = await load_visit(update, context, FLOW)
    if visit.record.session is not None:
        await update.effective_message.reply_text(screens.reminder(visit.tr))
    await send(update, await current_screen(visit))
