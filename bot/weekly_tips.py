"""Sending the weekly advocacy tip to every subscriber whose day has come.

python-telegram-bot's job queue runs ``send_due_tips`` every minute; the schedule itself lives
in the database (``subscriptions.next_due``), so a restart loses nothing and a tip that fell due
while the bot was down goes out once on the next run (once in all, if several processes run it).
"""

from __future__ import annotations

import asyncio
import logging
import warnings
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, RetryAfter, TelegramError, TimedOut
from telegram.ext import Application, ContextTypes
from telegram.warnings import PTBDeprecationWarning

from bot.context import Advisor
from bot.i18n import language_for, translations
from bot.screens import advocacy as advocacy_screens
from bot.storage import Subscription
from dialogs import advocacy

log = logging.getLogger(__name__)

CHECK_EVERY = 60  # seconds between runs of the job
BATCH = 500  # subscriptions handled per run at most
# Telegram takes about 30 messages a second from a bot; staying at 20 leaves room for the
# replies to users who are tapping at the same time.
SEND_INTERVAL = 1 / 20
RETRY_AFTER_ERROR = timedelta(minutes=15)
MAX_FAILURES = 3  # refusals in a row before a tip waits for the next week
TOO_LATE = timedelta(hours=12)  # a tip this late (the bot was down) waits for the next morning
GONE = ("chat not found", "user is deactivated", "bot was kicked")


async def send_due_tips(application: Application, now: datetime | None = None) -> int:
    """Send the tips that are due at ``now``; returns how many went out."""
    advisor: Advisor = application.bot_data
    now = now or advisor.clock()
    if advisor.weekly_tips_paused_until is not None and now < advisor.weekly_tips_paused_until:
        return 0  # flood control holds for the whole bot
    storage = advisor.storage
    zone = ZoneInfo(advisor.settings.timezone)
    sent = 0
    for subscription in await storage.due_subscriptions(now.isoformat(), BATCH):
        if now - datetime.fromisoformat(subscription.next_due) > TOO_LATE:
            await storage.reschedule(subscription.user_id, advocacy.next_morning(now, zone).isoformat())
            continue
        tip = advocacy.next_weekly_tip(subscription.role, subscription.phase, subscription.recent_tips)
        sent_now = advocacy.remember(subscription.recent_tips, tip.key)
        following = advocacy.next_due(now, subscription.weekday, zone).isoformat()
        if not await storage.claim_tip(subscription.user_id, subscription.next_due, sent_now, following):
            continue  # another run took it
        try:
            await _send(application, subscription, tip)
        except Forbidden:
            log.info("user %s blocked the bot: weekly tip stopped", subscription.user_id)
            await storage.unsubscribe(subscription.user_id, "blocked")
            continue
        except RetryAfter as error:
            # Flood control is for the whole bot: this tip and the rest wait until Telegram allows.
            retry_at = now + _retry_after(error)
            advisor.weekly_tips_paused_until = retry_at
            log.warning("flood control: weekly tips paused until %s", retry_at.isoformat())
            await storage.release_tip(subscription.user_id, subscription.recent_tips, retry_at.isoformat())
            break
        except TimedOut:
            # Telegram may have delivered it: counted as sent, so that no tip comes twice.
            log.warning("weekly tip to user %s timed out; not sent again", subscription.user_id)
            continue
        except BadRequest as error:
            if any(reason in error.message.lower() for reason in GONE):
                log.info("user %s is gone (%s): weekly tip stopped", subscription.user_id, error.message)
                await storage.unsubscribe(subscription.user_id, "gone")
                continue
            await _failed(storage, subscription, now, following, error)
            continue
        except TelegramError as error:
            await _failed(storage, subscription, now, following, error)
            continue
        sent += 1
        if subscription.failures:
            await storage.clear_failures(subscription.user_id)
        # every worker runs this job: together they keep to the pace
        await asyncio.sleep(SEND_INTERVAL * advisor.settings.workers)
    return sent


async def _send(application: Application, subscription: Subscription, tip: advocacy.Tip) -> None:
    tr = translations(language_for(subscription.language, None))
    screen = advocacy_screens.weekly_tip(tr, tip, subscription.role, subscription.phase)
    await application.bot.send_message(
        subscription.user_id, screen.text, parse_mode=ParseMode.HTML, reply_markup=screen.keyboard
    )


async def _failed(storage, subscription: Subscription, now: datetime, following: str, error: Exception) -> None:
    """Try again in a while; after MAX_FAILURES refusals in a row, wait for the next week."""
    if subscription.failures + 1 >= MAX_FAILURES:
        log.warning(
            "weekly tip to user %s refused %s times, next week then: %s", subscription.user_id, MAX_FAILURES, error
        )
        await storage.release_tip(subscription.user_id, subscription.recent_tips, following)
        return
    log.warning("weekly tip to user %s failed, retrying later: %s", subscription.user_id, error)
    retry_at = (now + RETRY_AFTER_ERROR).isoformat()
    await storage.release_tip(subscription.user_id, subscription.recent_tips, retry_at, failed=True)


def _retry_after(error: RetryAfter) -> timedelta:
    """The wait Telegram asked for (an int today, a timedelta in python-telegram-bot's next major)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        wait = error.retry_after
    return wait if isinstance(wait, timedelta) else timedelta(seconds=wait)


async def weekly_tip_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    await send_due_tips(context.application)


def schedule(application: Application) -> None:
    """Run the check every minute, starting shortly after start-up."""
    if application.job_queue is not None:
        application.job_queue.run_repeating(weekly_tip_job, interval=CHECK_EVERY, first=10, name="weekly tips")
