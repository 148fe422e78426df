"""Webhook mode: the advisor as an ASGI app (Starlette, served by uvicorn), as
python-telegram-bot's ``customwebhookbot`` example does it — our own web app that hands each
update to the Application — rather than python-telegram-bot's built-in webhook server, because
the built-in one answers Telegram 200 as soon as the update is in its in-memory queue: a
worker killed a moment later would lose it. Here the answer is sent once the update is handled:
Telegram redelivers anything that got no 2xx.

- ``POST /telegram``: refused with 403 without Telegram's ``secret_token`` header; an update
  another worker is handling gets 503 (Telegram delivers it again later), one already handled
  200 and nothing else, so an update delivered twice is handled once.
- ``GET /healthz``: 200 when the database answers, else 503.

Several workers (``uvicorn --factory bot.webhook:create_app --workers N``) share one database:
each update takes its user's turn there first (``Storage.user_lock``: a leased row, no
connection held), so one user's updates are applied in order even when two workers receive them
at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
from datetime import UTC, datetime, timedelta

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from telegram import Update
from telegram.ext import Application

from bot.app import build_application, running
from bot.config import Settings
from bot.logs import configure_logging

log = logging.getLogger(__name__)

PATH = "/telegram"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
LEASE = timedelta(seconds=60)  # a claim not renewed for this long belongs to a worker that died
KEEP_HANDLED = timedelta(days=2)  # Telegram gives up redelivering long before: older ids are forgotten
MAX_CONNECTIONS = 40  # Telegram's default; each connection is one update in hand on some worker
ALLOWED_UPDATES = [
    Update.MESSAGE, Update.EDITED_MESSAGE, Update.CALLBACK_QUERY, Update.MY_CHAT_MEMBER, Update.INLINE_QUERY,
]


def user_of(update: Update) -> int | None:
    user = update.effective_user
    chat = update.effective_chat
    return user.id if user else chat.id if chat else None


async def handle(application: Application, update: Update) -> int:
    """Handle one update delivered by Telegram; returns the HTTP status to answer with."""
    storage = application.bot_data.storage
    now = datetime.now(UTC)
    claim = await storage.claim_update(update.update_id, (now - LEASE).isoformat(), now.isoformat())
    if claim == "done":
        return 200  # delivered twice: handled already
    if claim == "working":
        return 503  # another worker has it in hand: Telegram tries again later
    key = user_of(update)

    async def in_turn() -> None:
        # inside the update processor: one worker's updates of a user queue there in order, and
        # only the first asks the database for the user's turn (which other workers respect)
        async with storage.user_lock(key) if key is not None else contextlib.nullcontext():
            await application.process_update(update)

    keep = asyncio.create_task(keep_claim(storage, update.update_id))
    try:
        await application.update_processor.process_update(update, in_turn())
    finally:
        keep.cancel()
    await storage.finish_update(update.update_id)
    return 200


async def keep_claim(storage, update_id: int) -> None:
    """Renew the claim while the update is in hand: Telegram redelivers an update it has had no
    answer to for a minute, and a claim left to age would let another worker take it over and
    handle it a second time."""
    while True:
        await asyncio.sleep(LEASE.total_seconds() / 3)
        try:
            await storage.renew_claim(update_id, datetime.now(UTC).isoformat())
        except Exception:  # the database is away for a moment: the next renewal tries again
            log.warning("could not renew the claim of update %s", update_id, exc_info=True)


async def forget_old_updates(context) -> None:
    storage = context.application.bot_data.storage
    await storage.forget_handled_updates((datetime.now(UTC) - KEEP_HANDLED).isoformat())


def build_web_app(application: Application, settings: Settings) -> Starlette:
    async def telegram(request: Request) -> Response:
        if not hmac.compare_digest(request.headers.get(SECRET_HEADER, "").encode(), settings.webhook_secret.encode()):
            return Response(status_code=403)
        try:
            update = Update.de_json(await request.json(), application.bot)
        except (ValueError, TypeError, KeyError):  # not JSON, or not an update
            return Response(status_code=400)
        if update is None:
            return Response(status_code=400)
        return Response(status_code=await handle(application, update))

    async def healthz(request: Request) -> Response:
        try:
            reachable = await application.bot_data.storage.ping()
        except Exception:  # the database is down or unreachable: say so, don't crash
            reachable = False
        return JSONResponse({"database": "ok" if reachable else "unreachable"}, status_code=200 if reachable else 503)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        async with running(application):
            await application.bot.set_webhook(
                settings.webhook_url + PATH,
                secret_token=settings.webhook_secret,
                allowed_updates=ALLOWED_UPDATES,
                max_connections=MAX_CONNECTIONS,
            )
            await application.start()  # the job queue: weekly tips and reminders (claimed once in total)
            application.job_queue.run_repeating(forget_old_updates, interval=3600, first=60, name="forget updates")
            try:
                yield
            finally:  # uvicorn has finished the requests in hand (SIGTERM is a graceful stop)
                await application.stop()

    return Starlette(routes=[Route(PATH, telegram, methods=["POST"]), Route("/healthz", healthz)], lifespan=lifespan)


def create_app() -> Starlette:
    """The factory uvicorn calls in each worker process."""
    settings = Settings.from_env()
    configure_logging(settings.token)
    return build_web_app(build_application(settings, webhook=True), settings)
