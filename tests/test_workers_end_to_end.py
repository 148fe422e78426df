"""End to end in production mode: two webhook worker processes on one PostgreSQL, a Bot API
stand-in over HTTP, and Telegram's deliveries played by the test — to either worker, in turn,
sometimes twice. One worker is killed with SIGKILL in the middle: no acknowledged answer is lost,
no result or message comes twice, and every user finishes on the other worker."""

import json
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import asyncpg
import pytest

from tests.support.fake_bot_api import FakeBotApi
from tests.support.workers import free_port, wait_until_up, webhook_env

TOKEN = "654321:WORKER-token-never-printed"
SECRET = "workers-secret_1"
ROOT = Path(__file__).resolve().parent.parent
USERS = range(700, 706)
ANSWERS = (3, 2, 4, 1, 5)


def start_worker(bot_api: FakeBotApi, database: str, port: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "bot"], cwd=ROOT, env=webhook_env(TOKEN, bot_api.base_url, SECRET, database, port),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )


def deliver(port: int, update: dict, secret: str = SECRET, timeout: float = 20) -> int:
    """POST an update as Telegram would; the HTTP status (0: the worker is gone)."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/telegram", data=json.dumps(update).encode(), method="POST",
        headers={"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0


class Telegram:
    """Telegram's side: update ids in order, each delivered until a worker answers 2xx."""

    def __init__(self, ports: list[int]) -> None:
        self.ports = ports
        self.next_id = 1
        self.turn = 0

    def send(self, payload: dict, twice: bool = False) -> None:
        update = {"update_id": self.next_id, **payload}
        self.next_id += 1
        delivered = 0
        for _ in range(40):
            port = self.ports[self.turn % len(self.ports)]
            self.turn += 1
            status = deliver(port, update)
            if status == 200:
                delivered += 1
                if delivered == (2 if twice else 1):
                    return
            elif status in (0, 502, 503):
                time.sleep(0.05)  # gone or busy elsewhere: Telegram tries again, here the other worker
            else:
                raise AssertionError(f"update {update['update_id']} refused with {status}")
        if not delivered:
            raise AssertionError(f"update {update['update_id']} was never taken")


def message(user: int, text: str) -> dict:
    entities = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}] if text.startswith("/") else []
    return {"message": {"message_id": int(time.time() * 1000) % 10**9, "date": int(time.time()),
                        "chat": {"id": user, "type": "private", "first_name": "U"},
                        "from": {"id": user, "is_bot": False, "first_name": "U", "language_code": "en"},
                        "text": text, "entities": entities}}


def tap(bot_api: FakeBotApi, user: int, number: int) -> dict:
    screen = next(m for m in reversed(bot_api.chat.chat(user)) if m.keyboard)
    button = screen.buttons[number - 1]
    return {"callback_query": {"id": f"{user}-{time.monotonic_ns()}", "chat_instance": "w",
                               "from": {"id": user, "is_bot": False, "first_name": "U", "language_code": "en"},
                               "data": button["callback_data"], "message": screen.as_telegram()}}


@pytest.fixture
def workers(postgres_database):
    with FakeBotApi(TOKEN) as bot_api:
        ports = [free_port(), free_port()]
        processes = [start_worker(bot_api, postgres_database, port) for port in ports]
        try:
            for port, process in zip(ports, processes, strict=True):
                wait_until_up(port, process)
            yield bot_api, ports, processes
        finally:
            for process in processes:
                if process.poll() is None:
                    process.send_signal(signal.SIGTERM)
                    try:
                        process.wait(timeout=20)
                    except subprocess.TimeoutExpired:
                        process.kill()


async def test_two_workers_one_killed_nothing_lost_nothing_twice(workers, postgres_database):
    bot_api, ports, processes = workers
    assert deliver(ports[0], {"update_id": 999_999, **message(1, "/start")}, secret="wrong") == 403
    assert deliver(ports[1], {"update_id": 999_998, **message(1, "/start")}, secret="") == 403
    telegram = Telegram(ports)
    for user in USERS:
        telegram.send(message(user, "/start quick"))
    for question in range(5):
        if question == 2:  # mid-load: one worker is killed outright; Telegram then reaches the other
            processes[0].send_signal(signal.SIGKILL)
            processes[0].wait(timeout=10)
        for index, user in enumerate(USERS):
            # every third tap is delivered twice, as Telegram does when it saw no 2xx in time
            telegram.send(tap(bot_api, user, ANSWERS[question]), twice=(index + question) % 3 == 0)
    database = await asyncpg.connect(postgres_database)
    try:
        results = await database.fetch("SELECT user_id, scores FROM results ORDER BY user_id")
        answers = await database.fetch("SELECT count(*) AS n FROM answers GROUP BY session_id")
    finally:
        await database.close()
    assert [row["user_id"] for row in results] == list(USERS)  # every user finished, once
    assert all(json.loads(row["scores"])["levels"] == {"media": 3, "approach": 2, "application": 4,
                                                        "technology": 1, "impact": 5} for row in results)
    assert [row["n"] for row in answers] == [5] * len(USERS)  # no acknowledged answer lost
    for user in USERS:
        shown = [m for m in bot_api.chat.chat(user) if "<b>Do this first</b>" in m.text]
        assert len(shown) == 1  # one result message each, edited in place, never sent twice
    processes[1].send_signal(signal.SIGTERM)  # a clean stop: its log is complete and never shows the token
    log, _ = processes[1].communicate(timeout=20)
    assert "Application startup complete" in log
    assert TOKEN not in log and SECRET not in log
