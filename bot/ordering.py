"""Updates of different users at the same time, each user's in the order they arrived.

Telegram is about 100 ms away and a tap takes two calls to it (answer the tap, edit the screen),
so handling one update at a time makes a room full of people wait for each other. With
``PerUserUpdateProcessor`` the Application handles the updates of different users concurrently:
one user's slow request (a 429 waited out by ``bot.retrying``, a retried 5xx) holds up nobody else.

One user's updates still run strictly one after the other, in the order Telegram sent them:
each tap is checked against the state the previous tap left (the session's compare-and-set,
the question on screen that a typed number answers), so a tap that overtook the one before
would be refused as stale ("This button is no longer active.") or answer the wrong question,
and a slow edit of an earlier screen could land over the screen of a later tap.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Hashable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor


def ordering_key(update: object) -> Hashable | None:
    """Whose turn an update waits for: its user's, else its chat's (a channel post has no user);
    None for an update with neither, which then waits for nothing."""
    if not isinstance(update, Update):
        return None
    if update.effective_user is not None:
        return update.effective_user.id
    if update.effective_chat is not None:
        return update.effective_chat.id
    return None


class PerUserUpdateProcessor(BaseUpdateProcessor):
    """Concurrent across users (up to ``max_concurrent_updates`` in hand), in order per user.

    Each user with updates in hand has a chain: the future of their latest update. An update
    takes the previous tail and puts its own future in its place *synchronously*, before its
    first ``await``; then it waits for the previous one, runs, and resolves its own. The order
    of the chain is therefore the order in which updates enter ``do_process_update``, which is
    the order they arrived in: ``process_update`` (final in python-telegram-bot) holds the
    semaphore around this method, the Application starts one task per update in arrival order,
    and Python's asyncio.Semaphore (3.11+) is FIFO-fair, so updates that had to wait for a slot
    are let in in the order they queued.

    An update that raises or is cancelled still resolves its future, so the user's next update
    runs; one cancelled while waiting resolves it only once the update before it is done, so
    that its successor still never overlaps its predecessor. The last update of a chain removes
    it: the bookkeeping holds only users with updates in hand, never everyone ever seen.

    A waiting update holds one of the ``max_concurrent_updates`` slots: a single user flooding
    the bot can fill them, and the others wait until that user's updates are through.
    """

    def __init__(self, max_concurrent_updates: int) -> None:
        super().__init__(max_concurrent_updates)
        self._tails: dict[Hashable, asyncio.Future[None]] = {}

    @property
    def users_in_hand(self) -> int:
        """How many users (or chats) have updates being handled or waiting for their turn."""
        return len(self._tails)

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = ordering_key(update)
        if key is None:
            await coroutine
            return
        # Synchronous up to the first await: the chain's order is the order of arrival.
        previous = self._tails.get(key)
        mine: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._tails[key] = mine
        started = False
        try:
            if previous is not None:
                # shield: cancelling this update must not cancel the previous update's future
                await asyncio.shield(previous)
            started = True
            await coroutine
        finally:
            if not started and inspect.iscoroutine(coroutine):
                coroutine.close()  # cancelled before its turn: it never runs
            if previous is None or previous.done():
                self._resolve(key, mine)
            else:  # cancelled while waiting: the next update still waits for the previous one
                previous.add_done_callback(lambda _previous: self._resolve(key, mine))

    def _resolve(self, key: Hashable, mine: asyncio.Future[None]) -> None:
        mine.set_result(None)
        if self._tails.get(key) is mine:
            del self._tails[key]  # nothing queued behind it
