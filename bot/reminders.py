"""Sending the reminder to check in on the plan, once, when its day has come.

The schedule lives in the database (``reminders.next_due``); python-telegram-bot's job queue checks
every minute, beside the weekly tip. A reminder is claimed before it is sent, so it goes out at
most once even if the bot stops mid-send; one that Telegram refuses for good (the user blocked
the bot) is not tried again.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from telegram.constants import ParseMode
from telegram.error import Forbidden, TelegramError
from telegram.ext import Application, ContextTypes

from bot.context import Advisor
from bot.flows.registry import BY_NAME
from bot.i18n import language_for, translations
from bot.screens import plan as screens

log = logging.getLogger(__name__)

CHECK_EVERY = 60  # seconds between runs of the job
BATCH = 200
RETRY_AFTER_ERROR = timedelta(hours=1)


async def send_due_reminders(application: Application, now: datetime | None = None) -> int:
    """Send the reminders due at ``now``; returns how many went out."""
    advisor: Advisor = application.bot_data
    now = now or advisor.clock()
    storage = advisor.storage
    sent = 0
    for reminder in await storage.due_reminders(now.isoformat(), BATCH):
        if not await storage.claim_reminder(reminder.user_id, reminder.next_due):
            continue  # another run took it
        kept = await storage.plan(reminder.user_id)
        if kept is None:
            continue
        tr = translations(language_for(reminder.language, None))
        screen = screens.check_in(tr, kept, BY_NAME[kept.flow].title)
        try:
            await application.bot.send_message(
                reminder.user_id, screen.text, parse_mode=ParseMode.HTML, reply_markup=screen.keyboard
            )
        except Forbidden:
            log.info("user %s blocked the bot: reminder not sent", reminder.user_id)
            continue
        except TelegramError as error:  # Telegram did not take it: once more in an hour
            log.warning("reminder to user %s not sent, again in an hour: %s", reminder.user_id, error)
            retry_at = (now + RETRY_AFTER_ERROR).isoformat()
            await storage.set_reminder(reminder.user_id, reminder.weeks, retry_at, reminder.language)
            continue
        sent += 1
    return sent


async def reminder_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    await send_due_reminders(context.application)


def schedule(application: Application) -> None:
    if application.job_queue is not None:
        application.job_queue.run_repeating(reminder_job, interval=CHECK_EVERY, first=15, name="reminders")
