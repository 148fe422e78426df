"""The runner's promises: forged data refused before it reaches storage, taps only in the
private chat, no edit that changes nothing, the answer committed before the tap is answered."""

import asyncio
import sqlite3

import pytest

from bot.callback_data import FullTap, QuickTap, ResultTap, TipsTap, decode
from bot.flows.registry import FLOWS, TAP_PATTERN
from tests.support.drivers import take_full_assessment


async def start_check(chat, options=()):
    await chat.send("/start quick")
    for option in options:
        await chat.tap(option)


@pytest.mark.parametrize(
    "data",
    [
        "q1:9223372036854775808:1:0",  # beyond SQLite's 64-bit integers
        "r1:9223372036854775808:sum",
        "q1:²:1:0",  # str.isdigit() says yes, int() says no
        "r1:²:sum",
        "t1:employee:3:²",
        "q1:1:١:0",  # an Arabic-Indic digit
        "f1:1:0:g:extra",
        "q1:01234567890123:1:0",
    ],
)
async def test_forged_numbers_get_the_toast_and_write_nothing(advisor, data):
    chat = advisor.chat()
    await start_check(chat, [2])
    await chat.tap_data(data)
    assert advisor.api.toasts[-1] == "This button is no longer active."
    assert not any("something went wrong" in m.text for m in chat.messages)
    session = (await advisor.storage.load_user(chat.user["id"])).session("quick")
    assert session.answers == {"media": 1}


def test_the_codec_reads_back_what_it_writes_and_nothing_else():
    for tap in (QuickTap(12, 3, "4"), FullTap(7, 15, "s031"), ResultTap(9, "glue"), TipsTap("employee", 3, 2, True)):
        assert decode(tap.encode()) == tap
    assert decode("q1:1:1:4 ") is None and decode("Q1:1:1:4") is None and decode("") is None
    with pytest.raises(ValueError, match="64 bytes"):
        QuickTap(1, 1, "0" * 70).encode()


def test_every_flow_has_its_own_prefix_in_the_tap_pattern():
    prefixes = [entry.tap.PREFIX for entry in FLOWS]
    assert len(set(prefixes)) == len(prefixes)
    assert TAP_PATTERN == "^(?:q1|f1):"


async def test_a_tap_in_a_group_is_refused_and_runs_nothing(advisor):
    group = advisor.chat(chat_type="group", chat_id=-100, language_code="nl")
    await group.send("/start")
    pointer = group.last
    for data in ("m1:quick", "q1:1:1:0", "m1:menu", "t1:roles"):
        await group.tap_data(data, pointer)
        assert advisor.api.toasts[-1] == "Deze knop werkt alleen in je privéchat met mij."
    assert group.last.text == pointer.text and len(group.messages) == 1  # not turned into the menu
    assert advisor.api.calls_of("editMessageText") == []
    assert await advisor.storage.load_user(group.user["id"]) is None  # no check started, nobody registered


async def test_a_double_tap_sends_no_edit_that_changes_nothing(advisor):
    chat = advisor.chat()
    await start_check(chat)
    question = chat.screen
    data = question.buttons[1]["callback_data"]
    await chat.tap_data(data, question)
    edits = len(advisor.api.calls_of("editMessageText"))
    await chat.tap_data(data, question)  # the same button again: the message already shows question 2
    assert advisor.api.toasts[-1] == "This button is no longer active."
    assert len(advisor.api.calls_of("editMessageText")) == edits
    assert "Question 2 of 5" in chat.last.text


async def test_the_answer_is_committed_before_the_tap_is_answered(advisor, database):
    """Read from a second connection at the moment Telegram gets answerCallbackQuery: the
    answer must already be there. Flip the order in the runner and this fails."""
    chat = advisor.chat()
    await start_check(chat)
    seen = []

    def on_call(method, params, message):
        if method == "answerCallbackQuery":
            with sqlite3.connect(database) as other:
                seen.append(other.execute("SELECT question, option FROM answers").fetchall())

    advisor.api.listeners.append(on_call)
    await chat.tap(3)
    await chat.tap(4)
    assert seen == [[("media", 2)], [("approach", 3), ("media", 2)]] or seen == [
        [("media", 2)],
        [("media", 2), ("approach", 3)],
    ]


async def test_the_tap_is_answered_and_the_screen_shown_together(advisor, monkeypatch):
    """Both requests are on their way before either has come back: one round trip, not two."""
    chat = advisor.chat()
    await start_check(chat)
    events = []
    answer = advisor.api.do_request

    async def slow_round_trip(url, method, request_data=None, *args, **kwargs):
        name = url.rsplit("/", 1)[-1]
        events.append(f"{name} out")
        await asyncio.sleep(0.01)
        events.append(f"{name} back")
        return await answer(url, method, request_data, *args, **kwargs)

    monkeypatch.setattr(advisor.api, "do_request", slow_round_trip)
    await chat.tap(1)
    assert events[:2] == ["answerCallbackQuery out", "editMessageText out"]
    assert "Question 2 of 5" in chat.last.text


async def test_the_card_still_comes_when_the_last_tap_can_no_longer_be_answered(advisor):
    chat = advisor.chat()
    await take_full_assessment(chat, (3, 3, 3, 3, 3), 2, (2,) * 8, (1, 2), 2, last=False)
    advisor.api.fail("answerCallbackQuery", 400, "Bad Request: query is too old and response timeout expired")
    await chat.tap(3)
    assert chat.last.photo is not None and chat.last.text == "Your result card"
    assert len(await advisor.storage.results(chat.user["id"])) == 1


async def test_a_tap_is_answered_once_when_an_unfinished_result_is_finished(advisor):
    chat = advisor.chat()
    await chat.send("/start quick")
    for option in (2, 2, 2, 2):
        await chat.tap(option)
    stale = chat.screen
    await advisor.storage.move(chat.user["id"], 1, "quick", "impact", "done", ("impact", 1))  # the bot stopped here
    answered = len(advisor.api.calls_of("answerCallbackQuery"))
    await chat.tap(2, stale)  # the last question again: stale, and the result is finished now
    assert len(advisor.api.calls_of("answerCallbackQuery")) == answered + 1
    assert advisor.api.toasts[-1] == "This button is no longer active."
    assert len(await advisor.storage.results(chat.user["id"])) == 1


async def test_a_forged_button_of_the_other_flow_cannot_move_a_session(advisor):
    chat = advisor.chat()
    await chat.send("/start quick")
    for step in range(1, 6):
        await chat.tap_data(f"f1:1:{step}:1")  # the full assessment's buttons on the quick check's session
        assert advisor.api.toasts[-1] == "This button is no longer active."
    session = (await advisor.storage.load_user(chat.user["id"])).session("quick")
    assert (session.state, session.answers) == ("media", {})
