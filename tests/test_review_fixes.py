"""Defects found in review, each pinned by the behaviour a user would notice."""

from datetime import UTC, datetime, timedelta

import pytest

from bot.retrying import BACKOFF
from bot.weekly_tips import send_due_tips
from tests.support.drivers import NOW, subscribe, take_full_assessment
from tests.support.rows import rows


async def answers(advisor, chat, flow):
    session = (await advisor.storage.load_user(chat.user["id"])).session(flow)
    return session.answers if session else None


async def test_a_number_typed_on_another_screen_answers_nothing(advisor):
    chat = advisor.chat()
    await chat.send("/start quick")
    await chat.tap(1)
    await chat.send("/language")
    await chat.send("2")
    assert await answers(advisor, chat, "quick") == {"media": 0}
    assert chat.messages[-2].text.startswith("Please tap one of the buttons")  # and the question again
    await chat.send("2")  # now the question is on screen
    assert await answers(advisor, chat, "quick") == {"media": 0, "approach": 1}


async def test_a_typed_number_answers_the_flow_on_screen_and_start_continues_the_last_one(advisor):
    chat = advisor.chat()
    await chat.send("/start full")
    await chat.tap("▶ Start")
    await chat.send("/start quick")
    await chat.tap(1)
    await chat.send("/start full")  # nothing answered there yet: its first question again
    assert chat.last.text.startswith("<b>Full assessment</b> · Question 1 of 16")
    await chat.send("2")
    assert await answers(advisor, chat, "full") == {"media": 1}
    assert await answers(advisor, chat, "quick") == {"media": 0}
    await chat.send("/start")
    assert chat.last.text.startswith("You have a full assessment in progress")  # the one moved in last


async def test_unicode_digits_are_not_numbers(advisor):
    chat = advisor.chat()
    await chat.send("/start quick")
    await chat.send("²")
    assert chat.messages[-2].text.startswith("Please tap one of the buttons")
    assert not [m for m in chat.messages if m.text.startswith("Sorry")]


@pytest.mark.backends
async def test_a_double_tap_on_the_last_answer_keeps_the_result(advisor):
    chat = advisor.chat()
    await chat.send("/start quick")
    for option in (1, 1, 1, 1):
        await chat.tap(option)
    data = chat.screen.buttons[1]["callback_data"]
    await chat.tap_data(data)
    await chat.tap_data(data)  # the same button again, on the message that is now the result
    assert advisor.api.toasts[-1] == "This button is no longer active."
    assert "\n\n<b>Phase 1 · Ad Hoc</b>" in chat.last.text


async def test_the_apology_arrives_after_the_tap_was_answered(advisor):
    chat = advisor.chat()
    advisor.api.fail("sendPhoto", 400, "Bad Request: something unexpected")
    await take_full_assessment(chat, (3, 3, 3, 3, 3), 2, (1,) * 8, (1,), 2)
    assert chat.last.text == "Sorry, something went wrong on my side. Your answers are saved: send /start to go on."
    assert len(await advisor.storage.results(chat.user["id"])) == 1


async def test_an_action_of_the_other_flow_is_refused(advisor):
    chat = advisor.chat()
    await chat.send("/start quick")
    await chat.tap_data("q1:1:1:g")
    await chat.tap_data("q1:1:1:s011")
    assert advisor.api.toasts[-2:] == ["This button is no longer active."] * 2
    assert await answers(advisor, chat, "quick") == {}


@pytest.mark.backends
async def test_a_double_tap_on_retake_starts_one_check(advisor):
    chat = advisor.chat()
    await chat.send("/start quick")
    for _ in range(5):
        await chat.tap(1)
    result = chat.last
    await chat.tap("↻ Retake", result)
    await chat.tap("↻ Retake", result)
    assert await rows(advisor.storage, "SELECT id, status FROM sessions ORDER BY id") == [(1, "done"), (2, "open")]
    assert len([m for m in chat.messages if "Question 1 of 5" in m.text]) == 1


async def test_a_double_tap_on_menu_under_a_result_sends_one_menu(advisor):
    chat = advisor.chat()
    await chat.send("/start quick")
    for _ in range(5):
        await chat.tap(1)
    result = chat.last
    await chat.tap("☰ Menu", result)
    await chat.tap("☰ Menu", result)
    menus = [m for m in chat.messages if "I’m your social media strategy advisor." in m.text]
    assert len(menus) == 1 and chat.last is menus[0] and chat.messages[-2] is result
    first_menu = chat.last.message_id
    await chat.tap("📌 My plan")  # the menu is used: Menu under the result sends a new one again
    await chat.tap("☰ Menu", result)
    assert "I’m your social media strategy advisor." in chat.last.text and chat.last.message_id != first_menu


async def test_more_tips_under_the_weekly_tip_keeps_the_tip(advisor):
    chat = advisor.chat(user_id=71)
    await subscribe(chat, "Monday", lambda: NOW)
    await send_due_tips(advisor.application, datetime(2026, 11, 30, 8, 0, tzinfo=UTC))
    weekly = chat.last
    await chat.tap("More tips", weekly)
    assert chat.messages[-2].text.startswith("<b>💡 Your tip of the week</b>")
    assert chat.last.text.startswith("<b>Advocacy tips</b> · Employee")


async def test_an_unknown_menu_action_gets_the_toast(advisor):
    chat = advisor.chat()
    await chat.send("/start")
    await chat.tap_data("m1:tips")
    assert advisor.api.toasts[-1] == "This button is no longer active."


async def test_a_weekly_tip_refused_with_a_gateway_timeout_is_tried_again(advisor):
    await subscribe(advisor.chat(user_id=81), "Monday", lambda: NOW)
    for _try in range(1 + len(BACKOFF)):  # an answer, not a timeout: tried again, every time refused
        advisor.api.fail("sendMessage", 504, "Gateway Timeout")
    monday = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    await send_due_tips(advisor.application, monday)
    assert (await advisor.storage.subscription(81)).next_due == "2026-11-30T08:15:00+00:00"  # retried later
    advisor.api.fail("sendMessage", 504, "Gateway Timeout")  # once: the tip goes out on the next try
    assert await send_due_tips(advisor.application, monday + timedelta(minutes=15)) == 1
    assert (await advisor.storage.subscription(81)).next_due == "2026-12-07T08:00:00+00:00"


async def test_a_weekly_tip_whose_send_timed_out_counts_as_sent(advisor):
    from bot.simulator import TIMEOUT

    await subscribe(advisor.chat(user_id=82), "Monday", lambda: NOW)
    advisor.api.fail("sendMessage", TIMEOUT, "")
    monday = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    await send_due_tips(advisor.application, monday)
    subscription = await advisor.storage.subscription(82)
    assert subscription.next_due == "2026-12-07T08:00:00+00:00"  # not retried: it may have arrived
    assert subscription.last_tip == "own_words"
