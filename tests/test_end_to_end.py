"""End to end: the advisor as a process, polling a Bot API served over HTTP by the test."""

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import asyncpg
import pytest

from tests.support.fake_bot_api import FakeBotApi
from tests.support.menus import MENU_NL

EXPECTED = Path(__file__).parent / "expected"

TOKEN = "123456:TEST-token-never-printed"
ROOT = Path(__file__).resolve().parent.parent
USER = {"id": 42, "is_bot": False, "first_name": "Eva", "language_code": "nl"}
CHAT = {"id": 42, "type": "private", "first_name": "Eva"}


@pytest.fixture
def bot_api():
    with FakeBotApi(TOKEN) as api:
        yield api


@pytest.fixture
def advisor_process(bot_api, database):
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_BASE_URL": bot_api.base_url,
        "ADVISOR_DB": str(database),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "bot"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    yield process, database
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def message(text: str, message_id: int) -> dict:
    entities = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}] if text.startswith("/") else []
    return {"message": {"message_id": message_id, "date": int(time.time()), "chat": CHAT, "from": USER,
                        "text": text, "entities": entities}}


def tap(screen, label: str, query_id: int) -> dict:
    [button] = [b for b in screen.buttons if b["text"] == label]
    return {"callback_query": {"id": str(query_id), "from": USER, "chat_instance": "e2e",
                               "data": button["callback_data"], "message": screen.as_telegram()}}


def stored(database, sql: str) -> list[tuple]:
    """Rows read after the advisor stopped, from its SQLite file or its PostgreSQL database."""
    if isinstance(database, Path):
        with sqlite3.connect(database) as db:
            return db.execute(sql).fetchall()

    async def fetch():
        connection = await asyncpg.connect(database)
        try:
            return [tuple(row) for row in await connection.fetch(sql)]
        finally:
            await connection.close()

    return asyncio.run(fetch())


@pytest.mark.backends
def test_a_user_completes_the_quick_check_by_taps(bot_api, advisor_process):
    process, database = advisor_process
    bot_api.push(message("/start", 1))
    menu = bot_api.wait_for(lambda chat: chat.chat(42) and chat.chat(42)[-1])
    assert menu.labels == MENU_NL

    bot_api.push(tap(menu, "⚡ Snelle fasecheck", 1))
    screen = bot_api.wait_for(lambda chat: "Vraag 1 van 5" in chat.chat(42)[-1].text and chat.chat(42)[-1])
    for number, label in enumerate(
        ["3 · Ook medewerkers en management", "2 · Een eenvoudige contentplanning", "3 · Persoonlijke profielen erbij",
         "1 · Geen tools, alles met de hand", "4 · Kosteneffectief en doelgericht"],
        start=2,
    ):
        bot_api.push(tap(screen, label, number))
        expected = f"Vraag {number} van 5" if number <= 5 else "Fase"
        screen = bot_api.wait_for(lambda chat, e=expected: e in chat.chat(42)[-1].text and chat.chat(42)[-1])

    assert "\n\n<b>Fase 2 · Basic Publishing</b>" in screen.text  # the median 3, one above the lowest
    assert "●○○○○  Technologie 1  ← knelpunt" in screen.text
    assert len(bot_api.chat.chat(42)) == 1  # one message, edited in place
    # every tap answered (the answer and the edit travel together: wait for the answer too)
    bot_api.wait_for(lambda chat: len(chat.calls_of("answerCallbackQuery")) == 6)
    registered = {c.get("language_code") for c in bot_api.chat.calls_of("setMyCommands")}
    assert registered == {None, "nl"}

    process.send_signal(signal.SIGINT)
    output, _ = process.communicate(timeout=15)
    assert TOKEN not in output
    assert stored(database, "SELECT flow, scores FROM results") == [
        ("quick", '{"ahead": ["impact"], "bottleneck": ["technology"], "capped": true, '
                  '"levels": {"application": 3, "approach": 2, "impact": 4, "media": 3, "technology": 1}, '
                  '"next_lift": [], "phase": 2, '
                  '"plan": ["dimension:technology:2", "cycle:11", "dimension:approach:3"]}')
    ]


def test_a_user_completes_the_full_assessment_and_gets_the_card(bot_api, advisor_process):
    process, database = advisor_process
    query_ids = iter(range(100, 200))

    def state(chat):
        messages = chat.chat(42)
        return (len(messages), messages[-1].text, str(messages[-1].keyboard)) if messages else None

    def tap_and_wait(label: str) -> None:
        screen = next(m for m in reversed(bot_api.chat.chat(42)) if m.keyboard)
        before = state(bot_api.chat)
        bot_api.push(tap(screen, label, next(query_ids)))
        bot_api.wait_for(lambda chat: state(chat) != before)

    bot_api.push(message("/start full", 1))
    bot_api.wait_for(lambda chat: chat.chat(42) and "Volledige scan" in chat.chat(42)[-1].text)
    tap_and_wait("▶ Beginnen")
    for label in ["3 · Ook medewerkers en management",
                  "3 · Leiding en medewerkers delen", "3 · Persoonlijke profielen erbij",
                  "1 · Geen tools, alles met de hand", "3 · Authentieker, nieuwe vormen",
                  "3 · Ja, het steunt actief mee"]:
        tap_and_wait(label)
    for label in ["Vast onderdeel", "Vast onderdeel", "Gestart", "Gestart", "Nog niet", "Nog niet", "Nog niet",
                  "Nog niet"]:
        tap_and_wait(label)
    for label in ["1 · Doelstellingen", "2 · Doelgroepen", "3 · Contentstrategie", "4 · Media en middelen",
                  "5 · Crossmedia integratie", "Klaar ▶", "4 · Campagnes en posts in één plan"]:
        tap_and_wait(label)

    photo = bot_api.wait_for(lambda chat: next((m for m in chat.chat(42) if m.photo), None))
    assert photo.photo.startswith(b"\x89PNG")
    assert photo.text == "Je resultaatkaart"
    summary = bot_api.chat.chat(42)[-2]
    assert (EXPECTED / "full_result_nl_a.html").read_text(encoding="utf-8") == summary.text

    process.send_signal(signal.SIGINT)
    output, _ = process.communicate(timeout=15)
    assert TOKEN not in output
    [(flow, version)] = stored(database, "SELECT flow, scoring_version FROM results")
    assert (flow, version) == ("full", 2)
