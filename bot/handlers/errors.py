"""The one place errors end up: logged once with context, the user told in their language."""

from __future__ import annotations

import contextlib
import logging

from telegram import Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut

from bot.context import AdvisorContext
from bot.i18n import language_for, translations
from bot.screens import menu as screens

log = logging.getLogger(__name__)


def _where(update: object) -> str:
    if isinstance(update, Update):
        user = update.effective_user
        kind = "callback" if update.callback_query else "message" if update.effective_message else "update"
        return f"update {update.update_id} ({kind}) from user {user.id if user else '-'}"
    return "no update"


async def on_error(update: object, context: AdvisorContext) -> None:
    """Log Telegram's refusals briefly and our own bugs with a traceback; tell the user once."""
    error = context.error
    where = _where(update)
    if isinstance(error, Forbidden):
        log.info("%s: the user blocked the bot or left the chat (%s)", where, error.message)
        return
    if isinstance(error, BadRequest) and "query is too old" in error.message.lower():
        log.info("%s: the tap was answered too late (%s)", where, error.message)
        return
    # BadRequest is a NetworkError in python-telegram-bot: a refused request is our bug, not the network's.
    if isinstance(error, (RetryAfter, TimedOut, NetworkError)) and not isinstance(error, BadRequest):
        log.warning("%s: Telegram did not take the request (%s)", where, error)
        return
    log.error("%s: unhandled error", where, exc_info=error)
    if isinstance(update, Update) and update.effective_chat and update.effective_chat.type == "private":
        await _apologise(update, context)


async def _apologise(update: Update, context: AdvisorContext) -> None:
    user = update.effective_user
    try:
        tr = translations(await context.stored_language())
    except Exception:  # the apology must not fail because the database did
        log.warning("could not read the language of user %s for the apology", user.id)
        tr = translations(language_for(None, user.language_code))
    if update.callback_query:
        # stops the spinner, unless the handler had answered the tap already
        with contextlib.suppress(TelegramError):
            await update.callback_query.answer()
    try:
        await update.effective_chat.send_message(screens.something_went_wrong(tr))
    except Exception as error:  # nothing more we can do; it is logged
        log.warning("could not send the apology to user %s: %s", user.id, error)
