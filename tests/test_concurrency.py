"""A room full of people at once: different users' updates are handled concurrently, one
user's in the order they arrived, and the bookkeeping for that is gone when they are done."""

import asyncio
from datetime import UTC, datetime

import pytest
from telegram import Update

from bot.ordering import PerUserUpdateProcessor
from bot.simulator import ChatSimulator, LocalBotApi
from bot.weekly_tips import send_due_tips
from tests.support.batches import quick_check_tap
from tests.support.drivers import NOW, subscribe

STALE = "This button is no longer active."
DELAY = 0.002  # each Bot API call takes a moment, so that updates in hand overlap


def users_in_hand_during_calls(application, api: LocalBotApi) -> list[int]:
    """How many users had updates in hand at each Bot API call, from now on."""
    seen: list[int] = []
    api.listeners.append(lambda *_call: seen.append(application.update_processor.users_in_hand))
    return seen


class SlowFirstEdit(LocalBotApi):
    """Telegram takes its time over the first edit (one slow path through the network)."""

    def __init__(self) -> None:
        super().__init__(rtt=DELAY)
        self.slowed = False

    async def do_request(self, url: str, *args, **kwargs):
        if url.endswith("/editMessageText") and not self.slowed:
            self.slowed = True
            await asyncio.sleep(20 * DELAY)
        return await super().do_request(url, *args, **kwargs)


@pytest.mark.backends
async def test_two_taps_of_one_user_in_one_batch_are_applied_in_order(start_advisor):
    context, api = start_advisor(SlowFirstEdit())
    async with context as application:
        chat = ChatSimulator(application, api)
        await chat.send("/start quick")
        await asyncio.gather(
            chat.tap_data_nowait(quick_check_tap(chat, 1, 1)),
            chat.tap_data_nowait(quick_check_tap(chat, 2, 3)),  # as question 2's screen will have it
        )
        assert STALE not in api.toasts
        session = (await application.bot_data.storage.load_user(1)).session("quick")
        assert session.answers == {"media": 1, "approach": 3}
        # the second tap's screen came after the first's, slow as that was: question 3 is on screen
        edits = [call["text"].split("\n")[0] for call in api.calls_of("editMessageText")]
        assert edits == ["<b>Quick phase check</b> · Question 2 of 5", "<b>Quick phase check</b> · Question 3 of 5"]
        assert chat.last.text.startswith("<b>Quick phase check</b> · Question 3 of 5")
        await chat.tap(1)  # so the next tap, on what the user sees, is taken
        assert STALE not in api.toasts
        assert chat.last.text.startswith("<b>Quick phase check</b> · Question 4 of 5")


async def test_two_numbers_typed_in_one_batch_answer_two_questions_in_order(advisor):
    chat = advisor.chat()
    await chat.send("/start quick")
    await asyncio.gather(chat.send_nowait("2"), chat.send_nowait("3"))
    session = (await advisor.storage.load_user(1)).session("quick")
    assert session.answers == {"media": 1, "approach": 2}
    assert chat.last.text.startswith("<b>Quick phase check</b> · Question 3 of 5")


@pytest.mark.backends
async def test_two_users_interleaved_in_one_batch_both_finish_their_check(start_advisor):
    context, api = start_advisor(LocalBotApi(rtt=DELAY))
    async with context as application:
        alice = ChatSimulator(application, api, user_id=1)
        bob = ChatSimulator(application, api, user_id=2, first_name="Bob", language_code="nl")
        await alice.send("/start quick")
        await bob.send("/start quick")
        in_hand = users_in_hand_during_calls(application, api)
        batch = []
        for question, (a, b) in enumerate(zip((0, 1, 2, 3, 4), (4, 4, 4, 4, 3), strict=True), start=1):
            batch += [alice.tap_data_nowait(quick_check_tap(alice, question, a)),
                      bob.tap_data_nowait(quick_check_tap(bob, question, b))]
        await asyncio.gather(*batch)

        assert STALE not in api.toasts and "Deze knop werkt niet meer." not in api.toasts
        assert "\n\n<b>Phase 2 · " in alice.last.text  # levels 1-5: the median 3, one above the lowest
        assert "\n\n<b>Fase 5 · Performance-Driven</b>" in bob.last.text
        storage = application.bot_data.storage
        [alices] = await storage.results(1)
        [bobs] = await storage.results(2)
        assert (alices.scores["phase"], bobs.scores["phase"]) == (2, 5)
        assert max(in_hand) == 2  # both users' taps were in hand at the same time
        assert application.update_processor.users_in_hand == 0


async def test_the_weekly_tip_goes_out_while_other_users_are_tapping(start_advisor):
    context, api = start_advisor(LocalBotApi(rtt=DELAY))
    async with context as application:
        subscriber = ChatSimulator(application, api, user_id=21)
        await subscribe(subscriber, "Monday", lambda: NOW)
        tappers = [ChatSimulator(application, api, user_id=user_id) for user_id in (22, 23)]
        for chat in tappers:
            await chat.send("/start quick")
        taps = [chat.tap_data_nowait(quick_check_tap(chat, question, 1))
                for question in range(1, 6) for chat in tappers]
        monday = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
        calls_before = len(api.calls)

        sent, *_ = await asyncio.gather(send_due_tips(application, monday), *taps)

        assert sent == 1
        [tip] = [params for name, params in api.calls[calls_before:] if name == "sendMessage"]
        assert tip["chat_id"] == 21 and tip["text"].startswith("<b>💡 Your tip of the week</b>")
        assert STALE not in api.toasts
        for chat in tappers:
            assert "\n\n<b>Phase 2 · Basic Publishing</b>" in chat.last.text
        # the tip did not wait for the taps to be done
        batch_calls = [name for name, _params in api.calls[calls_before:]]
        assert batch_calls.index("sendMessage") < len(batch_calls) - 1 - batch_calls[::-1].index("editMessageText")


async def test_nothing_is_kept_for_a_user_once_their_updates_are_done(advisor):
    processor = advisor.application.update_processor
    in_hand = users_in_hand_during_calls(advisor.application, advisor.api)
    chats = [advisor.chat(user_id=user_id) for user_id in (31, 32, 33)]
    await asyncio.gather(*(chat.send_nowait("/start quick") for chat in chats))
    assert max(in_hand) >= 1
    assert processor.users_in_hand == 0
    advisor.api.fail("editMessageText", 400, "Bad Request: something new and strange")  # an apology
    await asyncio.gather(*(chat.tap_data_nowait(quick_check_tap(chat, 1, 0)) for chat in chats))
    assert processor.users_in_hand == 0
    assert processor._tails == {}


# -- the processor on its own ---------------------------------------------------------------------


def update_from(user_id: int | None, update_id: int = 1) -> Update:
    payload: dict = {"update_id": update_id}
    if user_id is not None:
        payload["message"] = {
            "message_id": update_id, "date": 0, "text": "hi",
            "chat": {"id": user_id, "type": "private"},
            "from": {"id": user_id, "is_bot": False, "first_name": "U"},
        }
    return Update.de_json(payload, None)


async def test_one_users_updates_wait_for_each_other_and_others_do_not():
    processor = PerUserUpdateProcessor(8)
    log: list[str] = []
    first_may_end = asyncio.Event()

    async def slow(name: str) -> None:
        log.append(f"{name} starts")
        await first_may_end.wait()
        log.append(f"{name} ends")

    async def quick(name: str) -> None:
        log.append(name)

    tasks = [
        asyncio.create_task(processor.process_update(update_from(1), slow("1a"))),
        asyncio.create_task(processor.process_update(update_from(1), quick("1b"))),
        asyncio.create_task(processor.process_update(update_from(2), quick("2a"))),
        asyncio.create_task(processor.process_update(update_from(None), quick("nobody's"))),
    ]
    for _ in range(5):
        await asyncio.sleep(0)
    assert log == ["1a starts", "2a", "nobody's"]  # 1b waits for 1a; the others do not
    assert processor.users_in_hand == 1
    first_may_end.set()
    await asyncio.gather(*tasks)
    assert log == ["1a starts", "2a", "nobody's", "1a ends", "1b"]
    assert processor.users_in_hand == 0


async def test_a_failed_or_cancelled_update_does_not_hold_up_the_users_next_one():
    processor = PerUserUpdateProcessor(8)
    log: list[str] = []
    gate = asyncio.Event()

    async def fails() -> None:
        log.append("fails")
        raise RuntimeError("a bug")

    async def waits(name: str) -> None:
        log.append(f"{name} starts")
        await gate.wait()
        log.append(f"{name} ends")

    async def quick(name: str) -> None:
        log.append(name)

    failing = asyncio.create_task(processor.process_update(update_from(1), fails()))
    after_failure = asyncio.create_task(processor.process_update(update_from(1), quick("after the failure")))
    running = asyncio.create_task(processor.process_update(update_from(1), waits("running")))
    queued = asyncio.create_task(processor.process_update(update_from(1), quick("cancelled in the queue")))
    last = asyncio.create_task(processor.process_update(update_from(1), quick("last")))
    for _ in range(5):
        await asyncio.sleep(0)
    assert log == ["fails", "after the failure", "running starts"]
    queued.cancel()
    for _ in range(5):
        await asyncio.sleep(0)
    assert log == ["fails", "after the failure", "running starts"]  # last still waits for running
    running.cancel()
    results = await asyncio.gather(failing, after_failure, running, queued, last, return_exceptions=True)
    assert isinstance(results[0], RuntimeError)
    assert isinstance(results[2], asyncio.CancelledError) and isinstance(results[3], asyncio.CancelledError)
    assert log == ["fails", "after the failure", "running starts", "last"]
    assert processor.users_in_hand == 0


async def test_updates_that_queue_for_a_slot_keep_their_order():
    processor = PerUserUpdateProcessor(2)  # fewer slots than updates: most wait in the semaphore
    log: list[tuple[int, int]] = []

    async def handle(user_id: int, number: int) -> None:
        for _ in range(user_id):  # user 1 yields once, user 2 twice: they finish out of step
            await asyncio.sleep(0)
        log.append((user_id, number))

    await asyncio.gather(*(
        processor.process_update(update_from(user_id, number), handle(user_id, number))
        for number in range(6) for user_id in (1, 2)
    ))
    assert [number for user_id, number in log if user_id == 1] == list(range(6))
    assert [number for user_id, number in log if user_id == 2] == list(range(6))
    assert processor.users_in_hand == 0
