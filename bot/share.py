"""Sharing a result: the card's identity (the same profile, day and bot give the same card, sent
by the file_id Telegram gave it), the Share button, and the inline answer in any chat the user
picks (python-telegram-bot's inline mode; switched on with @BotFather's /setinline — without it
the button is left out)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date
from babel.support import NullTranslations
from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InlineQueryResultCachedPhoto,
    InputTextMessageContent,
    SwitchInlineQueryChosenChat,
    Update,
)

from bot.card import card_key
from bot.context import AdvisorContext
from bot.i18n import translations
from bot.screens.ssrm_block import phase_title
from bot.screens.widgets import Screen
from dialogs.results import StoredResult

CACHE_SECONDS = 30  # an inline answer is personal and changes with the next result


def card_scores(scores: dict, moment: datetime, zone: str, language: str, bot_username: str | None) -> dict:
    """What the card shows: the result, its day (in the user's language and the advisor's time
    zone) and the bot to take the check with. The same gives the same card, and its file_id."""
    day = format_date(moment.astimezone(ZoneInfo(zone)).date(), format="long", locale=language)
    return scores | {"date": day, "bot": bot_username or ""}


def stored_moment(created_at: str) -> datetime:
    return datetime.fromisoformat(created_at.replace("Z", "+00:00"))


def quick_link(bot_username: str | None) -> str:
    return f"https://t.me/{bot_username}?start=quick"


def with_share_button(screen: Screen, tr: NullTranslations) -> Screen:
    """The result with a Share button that opens Telegram's chat picker."""
    rows = [list(row) for row in screen.keyboard.inline_keyboard]
    chooser = SwitchInlineQueryChosenChat(query="", allow_user_chats=True, allow_group_chats=True)
    rows.insert(-1, [InlineKeyboardButton(tr.gettext("📤 Share"), switch_inline_query_chosen_chat=chooser)])
    return Screen(screen.text, InlineKeyboardMarkup(rows))


async def inline_query(update: Update, context: AdvisorContext) -> None:
    """An inline query (whatever its text): the user's latest result card, else their latest
    result as text, else an invitation to the quick check. Always answered."""
    query = update.inline_query
    language = await context.stored_language()
    tr = translations(language)
    bot = context.bot.username
    link = quick_link(bot)
    take = InlineKeyboardMarkup([[InlineKeyboardButton(tr.gettext("⚡ Take the quick check"), url=link)]])
    record = await context.storage.load_user(query.from_user.id)
    results = await context.storage.results(query.from_user.id) if record else []
    latest: StoredResult | None = next((r for r in results if r.phase is not None), None)
    if latest is None:
        answer = InlineQueryResultArticle(
            id="invite",
            title=tr.gettext("Where does your organisation stand on social media?"),
            description=tr.gettext("Take the quick phase check: five questions, done within a minute."),
            input_message_content=InputTextMessageContent(
                tr.gettext(
                    "Where does your organisation stand on social media? Take the quick phase check: {link}"
                ).format(link=link)
            ),
            reply_markup=take,
        )
    else:
        title = phase_title(tr, latest.phase)
        caption = tr.gettext("Our social media phase: {phase}. Where do you stand? {link}")
        caption = caption.format(phase=title, link=link)
        zone = context.advisor.settings.timezone
        shown = card_scores(latest.scores, stored_moment(latest.created_at), zone, language, bot)
        key = (language, card_key(shown))
        file_id = context.advisor.card_file_ids.get(key)
        if file_id is not None:
            answer = InlineQueryResultCachedPhoto(
                id="card", photo_file_id=file_id, caption=caption, reply_markup=take
            )
        else:  # a quick check has no card; after a restart the card's file_id is not known
            answer = InlineQueryResultArticle(
                id="result", title=title, description=tr.gettext("Share your latest result"),
                input_message_content=InputTextMessageContent(caption), reply_markup=take,
            )
    await query.answer([answer], cache_time=CACHE_SECONDS, is_personal=True)
