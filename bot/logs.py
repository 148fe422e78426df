"""Logging that never prints the bot token (python-telegram-bot and httpx log request URLs)."""

from __future__ import annotations

import logging


class RedactingFormatter(logging.Formatter):
    """Takes the token out of the whole line as written, tracebacks included (an exception's
    message may quote it, and python-telegram-bot's do when Telegram rejects a token)."""

    def __init__(self, token: str | None) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")
        self._token = token

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        return text.replace(self._token, "<token>") if self._token else text


def configure_logging(token: str | None, level: int = logging.INFO) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(RedactingFormatter(token))
    logging.basicConfig(level=level, handlers=[handler], force=True)
    # httpx logs every request URL, token included, at INFO.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    # transitions logs two INFO lines for every tap (the state left, the state entered).
    logging.getLogger("transitions").setLevel(logging.WARNING)
