"""Putting a screen in front of the user: edit the tapped message in place, else send one."""

from __future__ import annotations

import asyncio
import logging

from telegram import Update
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot.card import card_key, render_card
from bot.i18n import translations
from bot.screens import Screen

log = logging.getLogger(__name__)


async def send(update: Update, screen: Screen) -> None:
    await update.effective_chat.send_message(
        screen.text, parse_mode=ParseMode.HTML, reply_markup=screen.keyboard, disable_web_page_preview=True
    )


async def show(update: Update, screen: Screen, *, new_message: bool = False) -> None:
    """Edit the message whose button was tapped; send a new one for commands and text, or when
    the tapped message should stay as it is (``new_message``: a result the user may want to keep)."""
    query = update.callback_query
    if query is None or query.message is None or new_message:
        await send(update, screen)
        return
    try:
        await query.edit_message_text(
            screen.text, parse_mode=ParseMode.HTML, reply_markup=screen.keyboard, disable_web_page_preview=True
        )
    except BadRequest as error:
        reason = error.message.lower()
        if "message is not modified" in reason:
            return  # a double tap: the screen already shows what it should
        if "message to edit not found" in reason or "message can't be edited" in reason:
            log.info("could not edit message %s, sending a new one: %s", query.message.message_id, error.message)
            await send(update, screen)
            return
        raise


async def send_card(update: Update, language: str, scores: dict) -> None:
    """The result card as a photo, rendered in a worker thread (cached by profile)."""
    tr = translations(language)
    png = await asyncio.to_thread(render_card, language, card_key(scores))
    await update.effective_chat.send_photo(png, caption=tr.gettext("Your result card"))
