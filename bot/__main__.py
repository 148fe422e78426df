"""``python -m bot``: the advisor. With a token it polls Telegram (or the Bot API at
``TELEGRAM_BASE_URL``); without one it opens the console chat."""

from __future__ import annotations

import asyncio
import logging

from telegram import Update

from bot.app import build_application
from bot.config import Settings
from bot.logs import configure_logging


def main() -> None:
    try:
        settings = Settings.from_env()
    except ValueError as error:  # a setting an operator got wrong: say which, without a traceback
        raise SystemExit(f"Cannot start the advisor: {error}") from None
    if settings.console:
        configure_logging(None, level=logging.WARNING)  # keep the chat readable
        from bot import console

        asyncio.run(console.chat(settings))
        return
    configure_logging(settings.token)
    if settings.webhook_url:
        serve_webhook(settings)
        return
    application = build_application(settings)
    # What the handlers take: my_chat_member (the user blocking or unblocking the bot) and
    # inline_query (sharing a result) included.
    updates = [Update.MESSAGE, Update.EDITED_MESSAGE, Update.CALLBACK_QUERY, Update.MY_CHAT_MEMBER, Update.INLINE_QUERY]
    application.run_polling(allowed_updates=updates)


def serve_webhook(settings: Settings) -> None:
    """Webhook mode: uvicorn serves ``bot.webhook`` in ``settings.workers`` processes on one port."""
    import uvicorn

    host, _, port = settings.listen.rpartition(":")
    # uvicorn's own log lines (start-up errors with their tracebacks) go through our handler,
    # which keeps the token out; its access log (a line per update) is left off
    configure_logging(settings.token)
    uvicorn.run(
        "bot.webhook:create_app", factory=True, host=host or "0.0.0.0", port=int(port), workers=settings.workers,
        log_config=None, log_level="info", access_log=False, timeout_graceful_shutdown=30,
    )


if __name__ == "__main__":
    main()
