"""What follows a team member's result, outside the member's own chat: the owner's team view
refreshed in place (once for a room finishing at once), and the owner's reminders to members who
have not finished, paced within Telegram's limits."""

from __future__ import annotations

import asyncio
import logging

from telegram import Update
from telegram.constants import ParseMode
from telegram.error import Forbidden, RetryAfter, TelegramError
from telegram.ext import Application, ContextTypes

from bot.context import Advisor, AdvisorContext
from bot.i18n import language_for, translations
from bot.screens import teams as screens
from bot.storage import Team
from dialogs import team

log = logging.getLogger(__name__)

VIEW_REFRESH_AFTER = 3.0  # seconds: a room finishing at once edits the owner's view once
REMIND_INTERVAL = 1 / 20  # the same pace as the weekly tip: room for everyone else's replies


async def after_result(update: Update, context: AdvisorContext, session_id: int) -> None:
    """A result of a team's check: tell the member it counts, and refresh the owner's view soon."""
    item = await context.storage.team_of_session(session_id)
    if item is None:
        return
    if not item.is_open:  # closed while the member was answering: their answers don't count
        await update.effective_chat.send_message(screens.closed(context.tr, item).text)
        return
    await update.effective_chat.send_message(screens.counted(context.tr, item))
    queue = context.application.job_queue
    name = f"team-view-{item.id}"
    if queue is not None and not queue.get_jobs_by_name(name):
        queue.run_once(_refresh_job, VIEW_REFRESH_AFTER, data=item.id, name=name)


async def _refresh_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    await refresh_view(context.application, context.job.data)


async def refresh_view(application: Application, team_id: int) -> None:
    """Edit the owner's team view in place (where it was last opened), in the owner's language."""
    advisor: Advisor = application.bot_data
    item = await advisor.storage.team(team_id)
    if item is None or item.view_message_id is None:
        return
    tr = translations(language_for(item.view_language, None))
    joined, finished = await advisor.storage.team_counts(item.id)
    picture = team.picture(await advisor.storage.team_scores(item.id))
    benchmark = team.distribution(await advisor.storage.latest_phases())
    screen = screens.team_view(tr, item, joined, finished, picture, benchmark)
    try:
        await application.bot.edit_message_text(
            screen.text, item.view_chat_id, item.view_message_id, parse_mode=ParseMode.HTML,
            reply_markup=screen.keyboard,
        )
    except TelegramError as error:  # not modified, deleted, or the owner blocked the bot
        log.info("team %s's view not refreshed: %s", item.id, error)


async def remind_unfinished(application: Application, item: Team) -> tuple[int, int]:
    """One private message to each member who has not finished, paced within Telegram's limits.
    A member who blocked the bot is skipped and does not stop the rest. Returns (sent, skipped)."""
    advisor: Advisor = application.bot_data
    link = screens.invite_link(application.bot.username, item.token)
    members = await advisor.storage.unfinished_members(item.id)
    sent = skipped = 0
    for index, (user_id, language) in enumerate(members):
        screen = screens.reminder(translations(language_for(language, None)), item, link)
        try:
            await application.bot.send_message(user_id, screen.text, reply_markup=screen.keyboard)
            sent += 1
        except RetryAfter as error:  # longer than a tap can wait: the rest another time
            log.warning("flood control while reminding team %s's members: %s", item.id, error)
            skipped += len(members) - index
            break
        except Forbidden:
            skipped += 1
        except TelegramError as error:
            log.info("reminder to a member of team %s not sent: %s", item.id, error)
            skipped += 1
        await asyncio.sleep(REMIND_INTERVAL)
    return sent, skipped
