"""Group chats: the assessment never runs there; one short answer points to the private chat."""

from __future__ import annotations

import time

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot.context import AdvisorContext
from bot.replies import send
from bot.screens import menu as screens

# Without privacy mode a bot sees every group message; answering each would flood the group.
# Commands always get the answer, anything else at most once per chat in this many seconds.
QUIET_SECONDS = 600


async def group_message(update: Update, context: AdvisorContext) -> None:
    """Any message in a group: the button that opens the private chat."""
    message = update.effective_message
    is_command = bool(message.text and message.text.startswith("/"))
    command = message.text.split()[0] if is_command else ""
    if "@" in command and command.split("@", 1)[1].lower() != (context.bot.username or "").lower():
        return  # a command for another bot in the group
    now = time.time()  # wall-clock: with several workers another process may have answered
    chat_data = context.chat_data
    last = chat_data.group_answered_at
    if not is_command and last is not None and now - last < QUIET_SECONDS:
        return
    chat_data.group_answered_at = now
    await context.stored_language()
    await send(update, screens.group_redirect(context.tr, context.bot.username))


async def refuse_taps_outside_private_chats(update: Update, context: AdvisorContext) -> None:
    """Runs before every other handler: a tap on a button outside the private chat (forged
    data on the group's pointer, say) must not run a flow where every member sees the answers.
    It gets a toast and nothing else. (A group feature that owns its buttons is let through here.)"""
    query = update.callback_query
    if query is None:
        return
    message = query.message
    if message is not None and message.chat.type == "private":
        return
    await context.stored_language()
    await query.answer(screens.private_chat_only(context.tr))
    raise ApplicationHandlerStop
