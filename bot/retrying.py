"""Retrying a refused or lost Bot API call where that is safe, inside the update that made it.

``RetryingRequest`` wraps python-telegram-bot's HTTP client (``HTTPXRequest``; the in-process
Bot API in the console and tests) and decides per Bot API method:

- **429 Too Many Requests**: waited out and tried again when Telegram's ``retry_after`` fits in
  the call's budget (``CALL_BUDGET``); a longer wait is handed back as it came, so that
  python-telegram-bot raises ``RetryAfter`` and the caller decides (the weekly tip moves the
  tip, and every other tip, to the time Telegram names).
- **5xx**: Telegram failed to handle it; tried again after 0.25, 0.5 and 1 s, within the budget.
- **No answer** (a timeout or a broken connection): tried again only for methods whose second
  call changes nothing the first one did not (editing a message to the same text, answering
  a tap, setting the commands, ...). A ``send*`` may have arrived although its answer did not:
  sending it again could give the user the same message twice, so it is not retried.

The wait happens inside the coroutine of the one update (or job) that made the call. With
updates handled concurrently (``bot.ordering``), a 429 for one user's edit holds up that user
only; everybody else's taps go on being answered. python-telegram-bot's ``AIORateLimiter``
instead pauses every request of the bot when one of them gets a 429.

Each retry is logged once at INFO with the method, never with the URL (it contains the token).
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable
from http import HTTPStatus

from telegram.error import BadRequest, NetworkError
from telegram.request import BaseRequest, RequestData

log = logging.getLogger(__name__)

# Seconds one call may spend on tries and waits together. A tapped button shows its spinner
# until the tap is answered, and Telegram refuses an answer after about 10-15 s ("query is too
# old"): a retry later than that is no use to the user who tapped.
CALL_BUDGET = 10.0
BACKOFF = (0.25, 0.5, 1.0)  # seconds before each retry of a 5xx or a lost answer; then give up

# Calling these twice has the effect of calling them once: safe to repeat when the answer was lost.
IDEMPOTENT = frozenset({
    "getMe",
    "getChat",
    "getFile",
    "getMyCommands",
    "getWebhookInfo",
    "setWebhook",
    "deleteWebhook",
    "setMyCommands",
    "deleteMyCommands",
    "setMyDescription",
    "setMyShortDescription",
    "setMyName",
    "setChatMenuButton",
    "answerCallbackQuery",
    "editMessageText",
    "editMessageCaption",
    "editMessageMedia",
    "editMessageReplyMarkup",
    "sendChatAction",  # "typing…" for a few seconds: showing it twice is showing it once
})


class RetryingRequest(BaseRequest):
    """A ``BaseRequest`` that retries ``inner``'s calls as the module describes.

    ``sleep`` waits between tries (``asyncio.sleep``; tests pass one that takes no time)."""

    def __init__(
        self,
        inner: BaseRequest,
        *,
        budget: float = CALL_BUDGET,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> None:
        self.inner = inner
        self._budget = budget
        self._sleep = sleep

    @property
    def read_timeout(self) -> float | None:
        return self.inner.read_timeout

    async def initialize(self) -> None:
        await self.inner.initialize()

    async def shutdown(self) -> None:
        await self.inner.shutdown()

    async def do_request(
        self, url: str, method: str, request_data: RequestData | None = None, *args, **kwargs
    ) -> tuple[int, bytes]:
        bot_method = url.rsplit("/", 1)[-1]  # the URL holds the token: only its last part is logged
        spent = 0.0  # seconds: the tries (by the clock) and the waits between them
        failures = 0  # 5xx and lost answers so far; a 429 is bounded by the budget alone
        while True:
            started = time.monotonic()
            try:
                status, payload = await self.inner.do_request(url, method, request_data, *args, **kwargs)
            except NetworkError as error:  # TimedOut included: no answer, or none that could be read
                spent += time.monotonic() - started
                if isinstance(error, BadRequest) or bot_method not in IDEMPOTENT:
                    raise
                wait = self._backoff(failures, spent)
                if wait is None:
                    raise
                failures += 1
                why = f"no answer ({error.message})"
            else:
                spent += time.monotonic() - started
                if status == HTTPStatus.TOO_MANY_REQUESTS:
                    wait = _retry_after(payload)
                    if wait is None or spent + wait > self._budget:
                        return status, payload  # python-telegram-bot raises RetryAfter
                    why = "flood control (429)"
                elif status >= HTTPStatus.INTERNAL_SERVER_ERROR:
                    wait = self._backoff(failures, spent)
                    if wait is None:
                        return status, payload
                    failures += 1
                    why = f"server error ({status})"
                else:
                    return status, payload
            log.info("%s: %s; trying again in %g s", bot_method, why, wait)
            await self._sleep(wait)
            spent += wait

    def _backoff(self, failures: int, spent: float) -> float | None:
        """The wait before the next try after a 5xx or a lost answer, or None: give up."""
        if failures >= len(BACKOFF) or spent + BACKOFF[failures] > self._budget:
            return None
        return BACKOFF[failures]


def _retry_after(payload: bytes) -> int | None:
    """Telegram's ``parameters.retry_after`` (whole seconds, at least 1), if the body has one."""
    try:
        wait = json.loads(payload)["parameters"]["retry_after"]
    except (ValueError, KeyError, TypeError):
        return None
    if isinstance(wait, bool) or not isinstance(wait, int) or wait < 1:
        return None
    return wait
