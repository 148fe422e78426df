"""Webhook mode in process: the secret token checked, an update answered 200 once it is handled,
one delivered twice handled once, one another worker has in hand asked again later (503), the
health check, and what is registered with Telegram at start-up."""

import asyncio
import json
import logging
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from bot import webhook
from bot.app import build_application, running
from bot.config import Settings
from bot.logs import RedactingFormatter
from bot.retrying import RetryingRequest
from bot.simulator import LocalBotApi
from bot.webhook import PATH, SECRET_HEADER, build_web_app, forget_old_updates

SECRET = "s3cret-Token_42"


@pytest.fixture
def webhook_settings(database) -> Settings:
    return Settings(
        token="123:abc", base_url="http://bot-api.test/bot", database=database,
        webhook_url="https://advisor.example", webhook_secret=SECRET,
    )


def start_update(update_id: int, text: str = "/start", user_id: int = 5) -> dict:
    message = {
        "message_id": update_id, "date": 0, "chat": {"id": user_id, "type": "private"},
        "from": {"id": user_id, "is_bot": False, "first_name": "Ada", "language_code": "en"}, "text": text,
    }
    if text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return {"update_id": update_id, "message": message}


async def serve(settings, api):
    application = build_application(settings, request=RetryingRequest(api, sleep=_no_wait), webhook=True)
    return application, build_web_app(application, settings)


async def _no_wait(seconds):
    return None


async def post(web, body, secret=SECRET):
    headers = {SECRET_HEADER: secret} if secret is not None else {}
    transport = httpx.ASGITransport(app=web)
    async with httpx.AsyncClient(transport=transport, base_url="http://worker") as client:
        return await client.post(PATH, content=json.dumps(body), headers=headers)


async def test_a_request_without_the_secret_is_refused_and_not_handled(webhook_settings):
    api = LocalBotApi()
    application, web = await serve(webhook_settings, api)
    async with running(application):
        for secret in (None, "wrong", SECRET + "x"):
            response = await post(web, start_update(1), secret)
            assert response.status_code == 403
        assert api.calls_of("sendMessage") == []
        assert await application.bot_data.storage.load_user(5) is None


async def test_an_update_is_answered_once_handled_and_a_second_delivery_is_not_handled_again(webhook_settings):
    api = LocalBotApi()
    application, web = await serve(webhook_settings, api)
    async with running(application):
        first = await post(web, start_update(10))
        assert first.status_code == 200
        assert len(api.calls_of("sendMessage")) == 1  # the menu, sent before the 200
        again = await post(web, start_update(10))  # Telegram did not see the 200 and tries again
        assert again.status_code == 200
        assert len(api.calls_of("sendMessage")) == 1
        assert (await post(web, {"nonsense": True})).status_code == 400


async def test_an_update_another_worker_has_in_hand_is_asked_for_again_later(webhook_settings):
    api = LocalBotApi()
    application, web = await serve(webhook_settings, api)
    async with running(application):
        storage = application.bot_data.storage
        now = datetime.now(UTC).isoformat()
        assert await storage.claim_update(20, "2000-01-01T00:00:00+00:00", now) == "new"  # the other worker
        response = await post(web, start_update(20))
        assert response.status_code == 503
        assert api.calls_of("sendMessage") == []
        # that worker died: once its claim is older than the lease, this one takes the update over
        assert await storage.claim_update(20, "2999-01-01T00:00:00+00:00", now) == "new"


async def test_an_update_longer_than_the_lease_keeps_its_claim_and_a_redelivery_waits(webhook_settings, monkeypatch):
    """Telegram redelivers an update it has had no answer to: while the first delivery is still
    being handled, its claim is renewed, so the redelivery is asked for again (503) and the
    user gets one answer, not two."""
    monkeypatch.setattr(webhook, "LEASE", timedelta(seconds=0.3))
    api = LocalBotApi(rtt=1.0)  # every Bot API call takes a second: the update outlasts the lease
    application, web = await serve(webhook_settings, api)
    async with running(application):
        first = asyncio.create_task(post(web, start_update(30)))
        await asyncio.sleep(0.7)  # more than twice the lease: unrenewed, the claim would have lapsed
        again = await post(web, start_update(30))
        assert again.status_code == 503
        assert (await first).status_code == 200
        assert len(api.calls_of("sendMessage")) == 1
        assert (await post(web, start_update(30))).status_code == 200  # done: nothing more
        assert len(api.calls_of("sendMessage")) == 1


async def test_handled_updates_are_forgotten_after_two_days(webhook_settings):
    api = LocalBotApi()
    application, web = await serve(webhook_settings, api)
    async with running(application):
        storage = application.bot_data.storage
        three_days_ago = (datetime.now(UTC) - timedelta(days=3)).isoformat()
        await storage.claim_update(1, three_days_ago, three_days_ago)
        assert (await post(web, start_update(2))).status_code == 200

        class Context:
            pass

        context = Context()
        context.application = application
        await forget_old_updates(context)
        assert await storage.claim_update(1, three_days_ago, datetime.now(UTC).isoformat()) == "new"  # forgotten
        assert await storage.claim_update(2, three_days_ago, datetime.now(UTC).isoformat()) == "done"  # kept


def test_the_token_is_taken_out_of_tracebacks_too():
    formatter = RedactingFormatter("123456:SECRET-token")
    try:
        raise ValueError("The token `123456:SECRET-token` was rejected by the server.")
    except ValueError:
        record = logging.LogRecord("uvicorn.error", logging.ERROR, __file__, 1, "start-up failed", None, sys.exc_info())
    line = formatter.format(record)
    assert "ValueError: The token `<token>` was rejected by the server." in line
    assert "SECRET" not in line


async def test_health_says_whether_the_database_answers(webhook_settings):
    api = LocalBotApi()
    application, web = await serve(webhook_settings, api)
    transport = httpx.ASGITransport(app=web)
    async with running(application), httpx.AsyncClient(transport=transport, base_url="http://worker") as client:
        healthy = await client.get("/healthz")
        assert healthy.status_code == 200 and healthy.json() == {"database": "ok"}
    # after shutdown the database is closed
    async with httpx.AsyncClient(transport=transport, base_url="http://worker") as client:
        down = await client.get("/healthz")
        assert down.status_code == 503 and down.json() == {"database": "unreachable"}


async def test_start_up_registers_the_webhook_with_its_secret_updates_and_connections(webhook_settings):
    api = LocalBotApi()
    _application, web = await serve(webhook_settings, api)
    async with web.router.lifespan_context(web):
        [call] = api.calls_of("setWebhook")
        assert call["url"] == "https://advisor.example/telegram"
        assert call["secret_token"] == SECRET
        assert int(call["max_connections"]) == 40
        updates = call["allowed_updates"] if isinstance(call["allowed_updates"], list) else json.loads(
            call["allowed_updates"])
        assert set(updates) == {"message", "edited_message", "callback_query", "my_chat_member", "inline_query"}


def test_a_wrong_setting_stops_the_advisor_with_one_line_naming_it(tmp_path):
    env = {**os.environ, "ADVISOR_WORKERS": "two", "TELEGRAM_BOT_TOKEN": "1:a"}
    command = [sys.executable, "-m", "bot"]
    done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr == "Cannot start the advisor: ADVISOR_WORKERS: a whole number, 1 or more (not 'two')\n"


def test_webhook_settings_are_checked_at_start_up(database):
    with pytest.raises(ValueError, match="https"):
        Settings(token="1:a", base_url="x", database=database, webhook_url="http://plain", webhook_secret="ok")
    with pytest.raises(ValueError, match="ADVISOR_WEBHOOK_SECRET"):
        Settings(token="1:a", base_url="x", database=database, webhook_url="https://a.b", webhook_secret="no spaces")
    with pytest.raises(ValueError, match="PostgreSQL"):
        Settings(token="1:a", base_url="x", database=database, workers=2)
    with pytest.raises(ValueError, match="ADVISOR_WORKERS: several workers serve a webhook"):
        Settings(token="1:a", base_url="x", database="postgresql://db/advisor", workers=2)
    with pytest.raises(ValueError, match="ADVISOR_WORKERS: a whole number, 1 or more \\(not 'two'\\)"):
        Settings.from_env({"ADVISOR_WORKERS": "two"})
    with pytest.raises(ValueError, match="ADVISOR_WEBHOOK_LISTEN: host:port"):
        Settings.from_env({"ADVISOR_WEBHOOK_LISTEN": "8080x"})
    settings = Settings.from_env({
        "TELEGRAM_BOT_TOKEN": "1:a", "ADVISOR_WEBHOOK_URL": "https://advisor.example/", "ADVISOR_WEBHOOK_SECRET": "abc",
        "ADVISOR_WORKERS": "1", "ADVISOR_WEBHOOK_LISTEN": "127.0.0.1:9000",
    })
    assert (settings.webhook_url, settings.listen, settings.workers) == ("https://advisor.example", "127.0.0.1:9000", 1)


async def test_two_workers_share_what_a_chat_has_on_screen(start_advisor, settings):
    """A strategy part asked for on one worker is filled by text that reaches the other."""
    from bot.simulator import ChatSimulator

    first_context, first_api = start_advisor()
    second_context, second_api = start_advisor()
    async with first_context as first, second_context as second:
        first.bot_data.shared = second.bot_data.shared = True  # as with PostgreSQL
        on_first = ChatSimulator(first, first_api)
        on_second = ChatSimulator(second, second_api)
        await on_first.send("/strategy")
        await on_first.tap("⬜ Goals")
        await on_second.send("1,000 positive reviews from customers by the end of 2027.")
        draft = await second.bot_data.storage.draft(1)
        assert draft.parts["goals"] == "1,000 positive reviews from customers by the end of 2027."
        await on_first.send("/start quick")
        await on_second.send("3")  # a number typed to the other worker answers the question on screen
        assert "Question 2 of 5" in second_api.chat(1)[-1].text
