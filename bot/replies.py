"""Putting a screen in front of the user: edit the tapped message in place, else send one.

A tap is acknowledged (``answerCallbackQuery``) and its screen shown in one go: the two
requests go out together, so the user waits one Bot API round trip, not two. Whatever the
tap changed is committed before this is called.
"""

from __future__ import annotations

import asyncio
import html
import logging
import re

from telegram import InputFile, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, TelegramError

from bot.card import card_key, render_card
from bot.context import AdvisorContext
from bot.screens.widgets import Screen
from bot.share import card_scores

log = logging.getLogger(__name__)
_TAGS = re.compile(r"</?(?:b|i|u|s|code|pre|a)(?:\s[^>]*)?>")


async def send(update: Update, screen: Screen) -> None:
    await update.effective_chat.send_message(
        screen.text, parse_mode=ParseMode.HTML, reply_markup=screen.keyboard, disable_web_page_preview=True
    )


def plain(html_text: str) -> str:
    """What Telegram keeps as a message's text once it has parsed our HTML: tags gone, entities decoded."""
    return html.unescape(_TAGS.sub("", html_text))


def _already_shown(update: Update, screen: Screen) -> bool:
    """The tapped message shows this screen already (a stale or double tap): Telegram would
    refuse the edit ("message is not modified"). Same text and same buttons."""
    message = update.callback_query.message
    return message.reply_markup == screen.keyboard and message.text == plain(screen.text)


async def show(update: Update, screen: Screen, *, new_message: bool = False) -> None:
    """Edit the message whose button was tapped; send a new one for commands and text, or when
    the tapped message should stay as it is (``new_message``: a result the user may want to keep)."""
    query = update.callback_query
    if query is None or query.message is None or new_message:
        await send(update, screen)
        return
    if _already_shown(update, screen):
        return
    try:
        await query.edit_message_text(
            screen.text, parse_mode=ParseMode.HTML, reply_markup=screen.keyboard, disable_web_page_preview=True
        )
    except BadRequest as error:
        reason = error.message.lower()
        if "message is not modified" in reason:
            return  # the text was the same after all: the screen shows what it should
        if "message to edit not found" in reason or "message can't be edited" in reason:
            log.info("could not edit message %s, sending a new one: %s", query.message.message_id, error.message)
            await send(update, screen)
            return
        raise


async def answer_and_show(
    update: Update, screen: Screen | None, *, toast: str | None = None, new_message: bool = False
) -> None:
    """Acknowledge the tap (with a toast, if any) and show ``screen``, both at once. Without a
    tap (a typed answer, a command) the screen is just shown."""
    query = update.callback_query
    if query is None:
        if screen is not None:
            await show(update, screen, new_message=new_message)
        return
    if screen is None:
        await query.answer(toast)
        return
    acknowledged, shown = await asyncio.gather(
        query.answer(toast), show(update, screen, new_message=new_message), return_exceptions=True
    )
    if isinstance(shown, BaseException):
        raise shown
    if isinstance(acknowledged, TelegramError):
        # The screen is there; a tap Telegram no longer lets us answer (too old, or the answer
        # lost on the way) leaves only the spinner, which Telegram ends itself. What follows
        # (a result card) must not be lost for it.
        log.info("tap %s was answered too late or not at all: %s", query.id, acknowledged)
    elif isinstance(acknowledged, BaseException):
        raise acknowledged


async def send_document(update: Update, content: bytes, file_name: str, caption: str) -> None:
    """A file the user takes away (a PDF, a Markdown text), made off the event loop by the caller."""
    await update.effective_chat.send_document(InputFile(content, filename=file_name), caption=caption)


async def send_card(update: Update, context: AdvisorContext, scores: dict) -> None:
    """The result card as a photo: a card Telegram already has is sent by its file_id; a new
    one is rendered in a worker thread (cached by profile) and uploaded once."""
    advisor = context.advisor
    shown = card_scores(scores, advisor.clock(), advisor.settings.timezone, context.language, context.bot.username)
    key = (context.language, card_key(shown))
    file_ids = context.advisor.card_file_ids
    caption = context.tr.gettext("Your result card")
    if key in file_ids:
        await update.effective_chat.send_photo(file_ids[key], caption=caption)
        return
    png = await asyncio.to_thread(render_card, *key)
    message = await update.effective_chat.send_photo(png, caption=caption)
    if message.photo:
        file_ids[key] = message.photo[-1].file_id  # the largest size Telegram made of it
