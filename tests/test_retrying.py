"""Telegram refusing or losing a call: waited out and tried again where that is safe, inside the
one user's update, so the others go on being answered."""

import asyncio
import logging

import pytest
from telegram.error import TimedOut

from bot.logs import configure_logging
from bot.retrying import BACKOFF, CALL_BUDGET, RetryingRequest
from bot.simulator import TIMEOUT, ChatSimulator, LocalBotApi
from tests.support.batches import quick_check_tap
from tests.support.waits import Waits

QUESTION = "<b>Quick phase check</b> · Question {} of 5"
URL = "http://bot-api.test/bot123456:SECRET-token/{}"


async def test_flood_control_for_one_user_does_not_hold_up_another(start_advisor):
    alice_waits, go_on = asyncio.Event(), asyncio.Event()
    asked: list[float] = []

    async def sleep(seconds: float) -> None:  # the 429's wait, held until the test lets it go
        asked.append(seconds)
        alice_waits.set()
        await go_on.wait()

    context, api = start_advisor(LocalBotApi(), sleep=sleep)
    async with context as application:
        alice = ChatSimulator(application, api, user_id=1)
        bob = ChatSimulator(application, api, user_id=2, first_name="Bob")
        await alice.send("/start quick")
        await bob.send("/start quick")
        api.fail("editMessageText", 429, "Too Many Requests: retry after 1", retry_after=1)

        alices_tap = asyncio.ensure_future(alice.tap_data_nowait(quick_check_tap(alice, 1, 2)))
        await asyncio.wait_for(alice_waits.wait(), 5)  # her edit was refused: she waits a second
        await asyncio.wait_for(bob.tap(4), 5)  # Bob's tap, meanwhile, is answered and shown at once
        assert bob.last.text.startswith(QUESTION.format(2))
        assert alice.last.text.startswith(QUESTION.format(1))
        go_on.set()
        await asyncio.wait_for(alices_tap, 5)

        assert asked == [1]
        assert alice.last.text.startswith(QUESTION.format(2))  # she gets her screen in the end
        assert [call["chat_id"] for call in api.calls_of("editMessageText")] == [1, 2, 1]  # refused, Bob, hers
        storage = application.bot_data.storage
        assert (await storage.load_user(1)).session("quick").answers == {"media": 2}
        assert (await storage.load_user(2)).session("quick").answers == {"media": 3}


async def test_a_server_error_on_answering_the_tap_is_retried(advisor, waits):
    chat = advisor.chat()
    await chat.send("/start quick")
    advisor.api.fail("answerCallbackQuery", 502, "Bad Gateway")
    await chat.tap(2)
    assert chat.last.text.startswith(QUESTION.format(2))
    assert len(advisor.api.calls_of("answerCallbackQuery")) == 2
    assert waits.asked == [BACKOFF[0]]


async def test_server_errors_on_the_edit_are_retried_with_growing_waits(advisor, waits):
    chat = advisor.chat()
    await chat.send("/start quick")
    advisor.api.fail("editMessageText", 500, "Internal Server Error")
    advisor.api.fail("editMessageText", 503, "Service Unavailable")
    await chat.tap(2)
    assert chat.last.text.startswith(QUESTION.format(2))
    assert len(advisor.api.calls_of("editMessageText")) == 3
    assert waits.asked == [0.25, 0.5]


async def test_a_lost_edit_is_retried(advisor, waits):
    chat = advisor.chat()
    await chat.send("/start quick")
    advisor.api.fail("editMessageText", TIMEOUT, "")
    await chat.tap(2)
    assert chat.last.text.startswith(QUESTION.format(2))
    assert len(advisor.api.calls_of("editMessageText")) == 2
    assert len(chat.messages) == 1  # edited in place, nothing sent besides


async def test_a_lost_message_is_not_sent_again(advisor, waits, caplog):
    chat = advisor.chat()
    advisor.api.fail("sendMessage", TIMEOUT, "")
    await chat.send("/start")
    assert len(advisor.api.calls_of("sendMessage")) == 1  # it may have arrived: never twice
    assert waits.asked == []
    assert "Telegram did not take the request" in caplog.text
    await chat.send("/start")
    assert chat.last.text.startswith("<b>")  # the next one goes out as usual


async def test_a_retry_is_logged_once_with_the_method_and_never_the_token(advisor, caplog):
    chat = advisor.chat()
    await chat.send("/start quick")
    advisor.api.fail("editMessageText", 500, "Internal Server Error")
    with caplog.at_level(logging.INFO, logger="bot.retrying"):
        await chat.tap(2)
    [record] = [r for r in caplog.records if r.name == "bot.retrying"]
    assert record.levelno == logging.INFO
    assert record.getMessage() == "editMessageText: server error (500); trying again in 0.25 s"
    assert "0:console" not in caplog.text and "bot-api.test" not in caplog.text


# -- the request on its own -----------------------------------------------------------------------


@pytest.fixture
def api() -> LocalBotApi:
    return LocalBotApi()


async def test_server_errors_give_up_after_the_last_backoff(api):
    waits = Waits()
    for _try in range(1 + len(BACKOFF)):
        api.fail("setMyCommands", 500, "Internal Server Error")
    status, _body = await RetryingRequest(api, sleep=waits).do_request(URL.format("setMyCommands"), "POST")
    assert status == 500
    assert len(api.calls_of("setMyCommands")) == 1 + len(BACKOFF)
    assert waits.asked == list(BACKOFF)


async def test_retries_stop_at_the_calls_budget(api):
    waits = Waits()
    for _try in range(3):
        api.fail("setMyCommands", 500, "Internal Server Error")
    request = RetryingRequest(api, budget=0.6, sleep=waits)
    status, _body = await request.do_request(URL.format("setMyCommands"), "POST")
    assert status == 500
    assert waits.asked == [0.25]  # 0.25 + 0.5 would be over 0.6


async def test_flood_control_within_the_budget_is_waited_out_and_beyond_it_handed_back(api):
    waits = Waits()
    request = RetryingRequest(api, sleep=waits)
    api.fail("setMyCommands", 429, "Too Many Requests: retry after 2", retry_after=2)
    status, _body = await request.do_request(URL.format("setMyCommands"), "POST")
    assert (status, waits.asked) == (200, [2])
    api.fail("setMyCommands", 429, "Too Many Requests: retry after 11", retry_after=int(CALL_BUDGET) + 1)
    status, _body = await request.do_request(URL.format("setMyCommands"), "POST")
    assert (status, waits.asked) == (429, [2])  # python-telegram-bot raises RetryAfter for the caller
    assert len(api.calls_of("setMyCommands")) == 3


async def test_a_lost_answer_is_retried_only_where_a_second_call_changes_nothing(api):
    waits = Waits()
    request = RetryingRequest(api, sleep=waits)
    api.fail("getMe", TIMEOUT, "")
    status, _body = await request.do_request(URL.format("getMe"), "POST")
    assert status == 200 and len(api.calls_of("getMe")) == 2
    for method in ("sendMessage", "sendPhoto"):
        api.fail(method, TIMEOUT, "")
        with pytest.raises(TimedOut):
            await request.do_request(URL.format(method), "POST")
        assert len(api.calls_of(method)) == 1
    assert waits.asked == [0.25]


def test_the_logs_leave_out_what_transitions_says_on_every_tap():
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    try:
        configure_logging("123456:SECRET-token")
        assert logging.getLogger("transitions.core").getEffectiveLevel() == logging.WARNING
        assert logging.getLogger("bot.retrying").getEffectiveLevel() == logging.INFO
    finally:
        root.handlers[:], root.level = saved
        for name in ("transitions", "httpx"):
            logging.getLogger(name).setLevel(logging.NOTSET)
