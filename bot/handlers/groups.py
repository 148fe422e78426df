"""Group chats: the assessment never runs there; one short answer points to the private chat."""

from __future__ import annotations

import time

from telegram import Update
from telegram.ext import ContextTypes

from bot import screens
from bot.handlers.replies import send
from bot.handlers.visit import storage_of
from bot.i18n import language_for, translations

# Without privacy mode a bot sees every group message; answering each would flood the group.
# Commands always get the answer, anything else at most once per chat in this many seconds.
QUIET_SECONDS = 600
_LAST_ANSWER = "group_last_answer"


async def group_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Any message in a group: the button that opens the private chat."""
    message = update.effective_message
    is_command = bool(message.text and message.text.startswith("/"))
    command = message.text.split()[0] if is_command else ""
    if "@" in command and command.split("@", 1)[1].lower() != (context.bot.username or "").lower():
        return  # a command for another bot in the group
    last_answer: dict[int, float] = context.bot_data.setdefault(_LAST_ANSWER, {})
    now = time.monotonic()
    if not is_command and now - last_answer.get(update.effective_chat.id, -QUIET_SECONDS) < QUIET_SECONDS:
        return
    last_answer[update.effective_chat.id] = now
    user = update.effective_user
    stored = None
    if user is not None:
        record = await storage_of(context).load_user(user.id)
        stored = record.language if record else None
    tr = translations(language_for(stored, user.language_code if user else None))
    await send(update, screens.group_redirect(tr, context.bot.username))
