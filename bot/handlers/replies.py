"""Putting a screen in front of the user: edit the tapped message in place, else send one."""

from __future__ import annotations

import asyncio
import logging

from telegram import Update
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.card import card_key, render_card
from bot.i18n import translations
from bot.screens import Screen

log = logging.getLogger(__name__)
CARD_FILE_IDS = "card_file_ids"


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


async def send_card(update: Update, context: ContextTypes.DEFAULT_TYPE, language: str, scores: dict) -> None:
    """The result card as a photo: a card Telegram already has is sent by its file_id; a new
    one is rendered in a worker thread (cached by profile) and uploaded once."""
    tr = translations(language)
    key = (language, card_key(scores))
    file_ids: dict = context.bot_data.setdefault(CARD_FILE_IDS, {})
    caption = tr.gettext("Your result card")
    if key in file_ids:
        await update.effective_chat.send_photo(file_ids[key], caption=caption)
        return
    png = await asyncio.to_thread(render_card, *key)
    message = await update.effective_chat.send_photo(png, caption=caption)
    if message.photo:
        file_ids[key] = message.photo[-1].file_id  # the largest size Telegram made of it
