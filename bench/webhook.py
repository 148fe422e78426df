"""The webhook path: the advisor as it runs in production, measured from Telegram's side.

A Bot API stand-in over HTTP answers every call after a round trip (``BENCH_RTT``); the advisor
runs as ``python -m bot`` in webhook mode (uvicorn, ``ADVISOR_WORKERS`` processes on one port);
this module plays Telegram: it POSTs each user's updates to the webhook, at most
``MAX_CONNECTIONS`` at a time (the ``max_connections`` the advisor asks ``setWebhook`` for, which
Telegram honours), and times each tap from the POST to the 200, which the advisor sends once the
update is handled (its answer and edit included).

Compared: PostgreSQL with 1, 2 and 4 workers (a server started here from the ``pgserver`` wheel,
a fresh database each), and SQLite with one process — the embedded default, in webhook mode too
so that only the storage and the worker count differ.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench.latency import ANSWERS, percentile
from tests.support.fake_bot_api import FakeBotApi
from tests.support.workers import free_port, wait_until_up, webhook_env

TOKEN = "4242:bench-webhook"
SECRET = "bench-secret"
ROOT = Path(__file__).resolve().parent.parent
MAX_CONNECTIONS = 40  # what bot/webhook.py asks setWebhook for: Telegram never sends more at once
WORKER_COUNTS = (1, 2, 4)
UPDATE_IDS = itertools.count(1)  # Telegram's numbering: never the same id twice in a run


@dataclass
class WebhookRun:
    latencies: list[float]  # seconds per tap, from POST to 200
    seconds: float  # wall time from the first tap to the last answered

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.seconds


@contextlib.contextmanager
def postgres() -> Iterator[object]:
    """A PostgreSQL server for the bench, in a folder of its own, with its default durability."""
    import pgserver

    with tempfile.TemporaryDirectory() as folder, warnings.catch_warnings():
        # pgserver asks platformdirs for a runtime folder, which warns where XDG_RUNTIME_DIR is unset
        warnings.simplefilter("ignore")
        server = pgserver.get_server(Path(folder), cleanup_mode="delete")
        try:
            yield server
        finally:
            server.cleanup()


@contextlib.contextmanager
def workers(bot_api: FakeBotApi, database: str, count: int, port: int) -> Iterator[str]:
    """``count`` webhook workers on ``port``, all up and answering /healthz; yields the webhook URL."""
    env = webhook_env(TOKEN, bot_api.base_url, SECRET, database, port, count)
    with tempfile.TemporaryFile("w+") as log:
        process = subprocess.Popen([sys.executable, "-m", "bot"], cwd=ROOT, env=env, stdout=log, stderr=log)
        try:
            deadline = time.monotonic() + 60
            # every worker calls setWebhook once it is up: wait for all of them, not the first
            while sum(1 for name, _ in list(bot_api.chat.calls) if name == "setWebhook") < count:
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise SystemExit(f"the webhook workers did not start:\n{log.read()[-3000:]}")
                time.sleep(0.1)
            wait_until_up(port, process)  # the port listens only once the workers have started
            yield f"http://127.0.0.1:{port}/telegram"
        finally:
            process.terminate()
            try:
                process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                process.kill()


class Telegram:
    """Telegram's side of the webhook: numbered updates, POSTed with the secret."""

    def __init__(self, client: httpx.AsyncClient, url: str, bot_api: FakeBotApi) -> None:
        self.client = client
        self.url = url
        self.bot_api = bot_api
        self.slots = asyncio.Semaphore(MAX_CONNECTIONS)

    async def deliver(self, payload: dict) -> float:
        """Seconds until the advisor answered 200 (a 503 — another worker has it — is retried)."""
        update = json.dumps({"update_id": next(UPDATE_IDS), **payload})
        headers = {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET}
        async with self.slots:
            start = time.perf_counter()
            while True:
                response = await self.client.post(self.url, content=update, headers=headers)
                if response.status_code == 200:
                    return time.perf_counter() - start
                if response.status_code != 503:
                    raise SystemExit(f"the webhook answered {response.status_code}")
                await asyncio.sleep(0.01)

    def tap(self, user: int, number: int) -> dict:
        with self.bot_api._lock:
            screen = next(m for m in reversed(self.bot_api.chat.chat(user)) if m.keyboard)
            button = screen.buttons[number - 1]
            message = screen.as_telegram()
        return {"callback_query": {"id": f"{user}-{time.monotonic_ns()}", "chat_instance": "bench",
                                   "from": person(user), "data": button["callback_data"], "message": message}}


def person(user: int) -> dict:
    return {"id": user, "is_bot": False, "first_name": "Bench", "language_code": "en"}


def start_quick(user: int) -> dict:
    return {"message": {"message_id": 1, "date": int(time.time()), "text": "/start quick",
                        "chat": {"id": user, "type": "private", "first_name": "Bench"}, "from": person(user),
                        "entities": [{"type": "bot_command", "offset": 0, "length": 6}]}}


async def crowd(url: str, bot_api: FakeBotApi, users: range) -> WebhookRun:
    """``users`` open the quick check (untimed), then all tap through it at once."""
    limits = httpx.Limits(max_connections=MAX_CONNECTIONS, max_keepalive_connections=0)
    async with httpx.AsyncClient(limits=limits, timeout=60) as client:
        telegram = Telegram(client, url, bot_api)
        rtt, bot_api.rtt = bot_api.rtt, 0.0
        try:
            await asyncio.gather(*(telegram.deliver(start_quick(user)) for user in users))
        finally:
            bot_api.rtt = rtt
        latencies: list[float] = []

        async def tap_through(user: int) -> None:
            for option in ANSWERS:
                latencies.append(await telegram.deliver(telegram.tap(user, option)))

        start = time.perf_counter()
        await asyncio.gather(*(tap_through(user) for user in users))
        return WebhookRun(latencies, time.perf_counter() - start)


async def measure(database: str, count: int, port: int, users: int, rtt: float) -> WebhookRun:
    with FakeBotApi(TOKEN, rtt=0.0) as bot_api, workers(bot_api, database, count, port) as url:
        bot_api.rtt = rtt
        bot_api.chat.calls.clear()
        # a first crowd warms the workers up (connections to the database and to the Bot API,
        # fonts, catalogs): a deploy's first minute, not what a room meets later
        await crowd(url, bot_api, range(10**6, 10**6 + users))
        return await crowd(url, bot_api, range(1, users + 1))


def report(label: str, run: WebhookRun, rtt: float) -> str:
    return (f"webhook, {label}: {run.throughput:.0f} taps/s, p50/p95 (x RTT) "
            f"{percentile(run.latencies, 50) / rtt:.1f} / {percentile(run.latencies, 95) / rtt:.1f}")


async def print_webhook_lines(rtt: float, users: int) -> None:
    """One line per set-up, each on a fresh database with ``users`` users tapping at once."""
    with tempfile.TemporaryDirectory() as folder:
        run = await measure(str(Path(folder) / "webhook.sqlite3"), 1, free_port(), users, rtt)
        print(report(f"SQLite, 1 process, {users} users", run, rtt), flush=True)
    with postgres() as server:
        for count in WORKER_COUNTS:
            name = f"bench_{count}"
            server.psql(f"CREATE DATABASE {name};")  # on its own: not inside a transaction
            run = await measure(server.get_uri(name), count, free_port(), users, rtt)
            workers_label = f"{count} worker" if count == 1 else f"{count} workers"
            print(report(f"PostgreSQL, {workers_label}, {users} users", run, rtt), flush=True)
