"""Advocacy tips by role and phase, paging, and the weekly tip: subscribe, restart, send once,
no tip again within 13 weeks, 403 unsubscribes, 429 waits."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.retrying import BACKOFF
from bot.simulator import ChatSimulator, LocalBotApi
from bot.weekly_tips import send_due_tips
from dialogs import advocacy
from tests.support.drivers import NOW, open_tips, subscribe
from tests.support.rows import rows

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# Wednesday 25 November 2026, 10:00 in Amsterdam

async def test_the_role_choice_in_english(advisor):
    chat = advisor.chat()
    await chat.send("/start")
    await chat.tap("💬 Advocacy tips")
    assert chat.last.text.startswith("<b>Advocacy tips</b>\n\nShort, concrete tips")
    assert chat.last.labels == [
        ["Employee"], ["Manager or executive"], ["Local partner (dealer, franchisee)"], ["☰ Menu"],
    ]


async def test_without_a_result_one_question_places_the_organisation(advisor):
    chat = advisor.chat(language_code="nl")
    await open_tips(chat, "Medewerker")
    assert "Waar staat je organisatie met employee advocacy?" in chat.last.text
    assert chat.last.labels[:4] == [
        ["Alleen bedrijfsprofielen posten"], ["Leiding en enkele collega’s delen"],
        ["Veel medewerkers of partners delen"], ["Gemeten, met betaalde advertenties"],
    ]
    await chat.tap("Veel medewerkers of partners delen")
    assert chat.last.text == (
        "<b>Tips voor ambassadeurs</b> · Medewerker\nTip 1 van 20 · <i>Voor fase 4 · Collaborate</i>\n\n"
        "Deel de posts van je organisatie vanaf je eigen profiel en zet er een zin in je eigen woorden bij: "
        "jouw persoonlijke verhaal maakt de merkboodschap authentiek.\n\n"
        "<i>Bron: SSRM, fase 3 · Experimentation</i>"
    )
    assert chat.last.labels == [["✓ Gedaan"], ["Volgende »"], ["🔔 Elke week een tip"], ["Andere rol", "☰ Menu"]]


async def test_with_a_result_the_tips_fit_its_phase_and_page(advisor):
    chat = advisor.chat()
    await chat.send("/start quick")
    for _ in range(5):
        await chat.tap(5)  # phase 5
    await open_tips(chat, "Manager or executive")
    tips = advocacy.tips_for("manager", 5)
    assert chat.last.text.startswith("<b>Advocacy tips</b> · Manager or executive\nTip 1 of 23 · <i>For phase 5")
    seen = []
    for page in range(len(tips)):
        seen.append(chat.last.text.split("\n\n")[1])
        if page < len(tips) - 1:
            await chat.tap("Next »")
    assert chat.last.labels[1] == ["« Previous"]  # the last page has no Next
    assert seen[-1] == (
        "Make sharing part of the week, not an extra task: a fixed ten minutes, for instance on Monday "
        "morning, is enough to start."
    )
    assert chat.last.text.endswith("<i>The advisor’s own advice, not from the models</i>")
    assert len(set(seen)) == 23
    await chat.tap("« Previous")
    assert "Tip 22 of 23" in chat.last.text


def test_tips_per_role_and_phase_come_from_the_sources():
    partner = [t.key for t in advocacy.tips_for("partner", 4)]
    assert partner[:3] == ["local_hero", "whatsapp", "consistent"]  # the role's own tips first
    assert partner.index("local_promotion") < partner.index("mobile")  # then those shared with employees
    assert partner[-1] == "recommend"  # the advisor's own advice last
    assert [t.key for t in advocacy.tips_for("employee", 1)] == [t.key for t in advocacy.tips_for("employee", 3)]
    assert "leads" in {t.key for t in advocacy.tips_for("employee", 5)}
    assert "leads" not in {t.key for t in advocacy.tips_for("employee", 3)}
    for role in advocacy.ROLES:
        for phase in range(1, 6):
            tips = advocacy.tips_for(role, phase)
            assert len(tips) >= 3
            assert tips[-1].source == advocacy.ADVICE or all(t.source != advocacy.ADVICE for t in tips)


def test_the_next_due_time_is_the_chosen_day_at_nine_in_amsterdam():
    assert advocacy.next_due(NOW, 0, AMSTERDAM) == datetime(2026, 11, 30, 8, 0, tzinfo=UTC)  # Monday 9:00 CET
    assert advocacy.next_due(NOW, 2, AMSTERDAM) == datetime(2026, 12, 2, 8, 0, tzinfo=UTC)  # today 9:00 has passed
    early = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)  # Wednesday 8:00 in Amsterdam
    assert advocacy.next_due(early, 2, AMSTERDAM) == datetime(2026, 11, 25, 8, 0, tzinfo=UTC)


async def test_subscribe_pick_a_day_in_dutch_and_stop(advisor):
    chat = advisor.chat(language_code="nl")
    advisor.application.bot_data.clock = lambda: NOW
    await open_tips(chat, "Medewerker")
    await chat.tap("Alleen bedrijfsprofielen posten")
    await chat.tap("🔔 Elke week een tip")
    assert chat.last.text.startswith("Op welke dag wil je je tip?")
    assert chat.last.labels == [["Maandag", "Dinsdag", "Woensdag"], ["Donderdag", "Vrijdag"], ["Zaterdag", "Zondag"],
                                ["« Terug"]]
    await chat.tap("Maandag")
    assert chat.last.text == (
        "Geregeld: elke maandag rond 9.00 uur (tijd in Amsterdam) krijg je een tip als medewerker. "
        "De eerste komt op 30 november 2026. Stoppen kan altijd, met /stop of de knop hieronder."
    )
    subscription = await advisor.storage.subscription(chat.user["id"])
    assert (subscription.role, subscription.phase, subscription.weekday) == ("employee", 2, 0)
    assert subscription.next_due == "2026-11-30T08:00:00+00:00"
    await chat.send("/stop")
    assert chat.last.text == "De wekelijkse tip is gestopt. Je zet hem weer aan via Tips voor ambassadeurs."
    assert await advisor.storage.subscription(chat.user["id"]) is None
    await chat.send("/stop")
    assert chat.last.text == "Je hebt geen wekelijkse tip aanstaan."


@pytest.mark.backends
async def test_a_due_tip_is_sent_once_after_a_restart_and_never_twice_in_a_row(start_advisor):
    context, api = start_advisor()
    async with context as application:
        chat = ChatSimulator(application, api, user_id=11)
        await subscribe(chat, "Monday", lambda: NOW)

    context, api = start_advisor(LocalBotApi())  # a restart: only SQLite remembers
    async with context as application:
        monday = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
        assert await send_due_tips(application, monday - timedelta(minutes=1)) == 0
        assert await send_due_tips(application, monday) == 1
        assert await send_due_tips(application, monday + timedelta(minutes=1)) == 0  # once
        [first] = api.calls_of("sendMessage")
        assert first["chat_id"] == 11
        assert first["text"].startswith("<b>💡 Your tip of the week</b>\n\nShare the company’s posts from your own")
        assert await send_due_tips(application, monday + timedelta(days=7)) == 1
        second = api.calls_of("sendMessage")[-1]
        assert second["text"] != first["text"]
        assert "Try formats other than a link" in second["text"]


@pytest.mark.backends
async def test_a_blocked_bot_unsubscribes(advisor):
    chat = advisor.chat(user_id=12)
    await subscribe(chat, "Monday", lambda: NOW)
    advisor.api.fail("sendMessage", 403, "Forbidden: bot was blocked by the user")
    monday = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    assert await send_due_tips(advisor.application, monday) == 0
    assert await advisor.storage.subscription(12) is None
    assert await rows(advisor.storage, "SELECT active, stopped_why FROM subscriptions") == [(0, "blocked")]
    assert await send_due_tips(advisor.application, monday + timedelta(days=7)) == 0  # not retried


async def test_flood_control_retries_later_with_the_same_tip(advisor):
    chat = advisor.chat(user_id=13)
    await subscribe(chat, "Monday", lambda: NOW)
    advisor.api.fail("sendMessage", 429, "Too Many Requests: retry after 30", retry_after=30)
    monday = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    assert await send_due_tips(advisor.application, monday) == 0
    subscription = await advisor.storage.subscription(13)
    assert subscription.next_due == (monday + timedelta(seconds=30)).isoformat()
    assert subscription.last_tip is None
    assert subscription.recent_tips == ()  # released: the claimed tip is not remembered as sent
    assert await send_due_tips(advisor.application, monday + timedelta(seconds=10)) == 0  # still waiting
    assert await send_due_tips(advisor.application, monday + timedelta(seconds=30)) == 1
    assert "Share the company’s posts" in advisor.api.calls_of("sendMessage")[-1]["text"]
    subscription = await advisor.storage.subscription(13)
    assert subscription.next_due == "2026-12-07T08:00:00+00:00"


async def test_the_job_is_scheduled_with_the_application(advisor):
    jobs = advisor.application.job_queue.get_jobs_by_name("weekly tips")
    assert len(jobs) == 1


async def test_the_weekly_tip_comes_in_the_language_the_user_subscribed_in(advisor):
    chat = advisor.chat(user_id=14, language_code="nl")  # Dutch app, never chose a language
    advisor.application.bot_data.clock = lambda: NOW
    await open_tips(chat, "Medewerker")
    await chat.tap("Alleen bedrijfsprofielen posten")
    await chat.tap("🔔 Elke week een tip")
    await chat.tap("Maandag")
    assert await send_due_tips(advisor.application, datetime(2026, 11, 30, 8, 0, tzinfo=UTC)) == 1
    assert advisor.api.calls_of("sendMessage")[-1]["text"].startswith("<b>💡 Je tip van de week</b>")


@pytest.mark.backends
async def test_the_weekly_tip_follows_a_newer_result(advisor):
    chat = advisor.chat(user_id=15)
    await subscribe(chat, "Monday", lambda: NOW)  # placed in phase 2: tips for phase 3
    await chat.send("/start quick")
    for _ in range(5):
        await chat.tap(5)  # phase 5 now
    subscription = await advisor.storage.subscription(15)
    assert subscription.phase == 5
    monday = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    await send_due_tips(advisor.application, monday)
    await send_due_tips(advisor.application, monday + timedelta(days=7))
    sent = [call["text"] for call in advisor.api.calls_of("sendMessage")[-2:]]
    assert "Share the company’s posts" in sent[0]
    assert "Does your organisation have an employee advocacy tool?" in sent[1]  # phase 5 list, second


async def test_flood_control_pauses_every_weekly_tip(advisor):
    for user_id in (31, 32):
        await subscribe(advisor.chat(user_id=user_id), "Monday", lambda: NOW)
    advisor.api.fail("sendMessage", 429, "Too Many Requests: retry after 300", retry_after=300)
    monday = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    assert await send_due_tips(advisor.application, monday) == 0
    assert await send_due_tips(advisor.application, monday + timedelta(minutes=1)) == 0  # still paused
    assert await send_due_tips(advisor.application, monday + timedelta(minutes=5)) == 2


async def test_a_chat_that_is_gone_unsubscribes_and_other_refusals_give_up_for_the_week(advisor):
    await subscribe(advisor.chat(user_id=41), "Monday", lambda: NOW)
    await subscribe(advisor.chat(user_id=42), "Monday", lambda: NOW)
    advisor.api.fail("sendMessage", 400, "Bad Request: chat not found")
    monday = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    for attempt in range(3):
        for _try in range(1 + len(BACKOFF)):  # a refusal that outlasts the retries of the call
            advisor.api.fail("sendMessage", 500, "Internal Server Error")
        await send_due_tips(advisor.application, monday + attempt * timedelta(minutes=15))
    assert await advisor.storage.subscription(41) is None
    subscription = await advisor.storage.subscription(42)
    assert subscription.next_due == "2026-12-07T08:00:00+00:00"  # after three refusals: next week
    assert subscription.failures == 0


async def test_a_tip_the_bot_was_down_for_waits_for_the_next_morning(advisor):
    await subscribe(advisor.chat(user_id=51), "Monday", lambda: NOW)
    night = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)  # Tuesday 2:00 in Amsterdam, 17 hours late
    assert await send_due_tips(advisor.application, night) == 0
    subscription = await advisor.storage.subscription(51)
    assert subscription.next_due == "2026-12-01T08:00:00+00:00"  # Tuesday 9:00
    assert await send_due_tips(advisor.application, datetime(2026, 12, 1, 8, 0, tzinfo=UTC)) == 1


async def test_subscribed_users_can_change_day_or_role_and_are_not_asked_to_place_again(advisor):
    chat = advisor.chat(user_id=61)
    await subscribe(chat, "Monday", lambda: NOW)
    await chat.tap("More tips")
    assert chat.last.labels[2] == ["🗓 Other day or role", "🔕 Stop"]
    await chat.tap("Other role")
    await chat.tap("Manager or executive")
    assert "Tip 1 of" in chat.last.text  # placed by the subscription: no question
    await chat.tap("🗓 Other day or role")
    await chat.tap("Friday")
    subscription = await advisor.storage.subscription(61)
    assert (subscription.role, subscription.weekday) == ("manager", 4)


async def test_partners_in_early_phases_hear_when_the_model_brings_them_in(advisor):
    chat = advisor.chat()
    await open_tips(chat, "Local partner (dealer, franchisee)")
    await chat.tap("Only company profiles post")
    assert chat.last.text.startswith(
        "<b>Advocacy tips</b> · Local partner (dealer, franchisee)\nTip 1 of 15 · <i>Your phase: 2 · Basic Publishing. "
        "Tips for the next step: phase 3 · Experimentation.</i>\n<i>In the SSRM, local partners take part from "
        "phase 4 · Collaborate on.</i>"
    )


@pytest.mark.backends
async def test_the_tips_sent_are_remembered_and_a_released_tip_is_not(advisor):
    await subscribe(advisor.chat(user_id=71), "Monday", lambda: NOW)
    monday = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    for week in range(3):
        assert await send_due_tips(advisor.application, monday + week * timedelta(days=7)) == 1
    subscription = await advisor.storage.subscription(71)
    assert subscription.recent_tips == tuple(t.key for t in advocacy.tips_for("employee", 3)[:3])
    assert subscription.last_tip == subscription.recent_tips[-1]
    advisor.api.fail("sendMessage", 429, "Too Many Requests: retry after 30", retry_after=30)
    assert await send_due_tips(advisor.application, monday + timedelta(days=21)) == 0
    assert (await advisor.storage.subscription(71)).recent_tips == subscription.recent_tips


async def test_the_history_is_kept_when_the_user_subscribes_again(advisor):
    chat = advisor.chat(user_id=72)
    await subscribe(chat, "Monday", lambda: NOW)
    await send_due_tips(advisor.application, datetime(2026, 11, 30, 8, 0, tzinfo=UTC))
    await chat.send("/stop")
    await subscribe(chat, "Friday", lambda: NOW)
    assert (await advisor.storage.subscription(72)).recent_tips == ("own_words",)


def test_the_next_weekly_tip_is_the_first_never_sent_else_the_one_sent_longest_ago():
    keys = [t.key for t in advocacy.tips_for("manager", 4)]
    assert advocacy.next_weekly_tip("manager", 4, ()).key == keys[0]
    assert advocacy.next_weekly_tip("manager", 4, (keys[1], keys[0])).key == keys[2]
    everything = [*keys[3:], *keys[:3]]  # all sent, keys[3] longest ago
    assert advocacy.next_weekly_tip("manager", 4, everything).key == keys[3]
    assert advocacy.next_weekly_tip("manager", 4, [*everything, keys[3]]).key == keys[4]
    assert advocacy.remember(["a"] * advocacy.HISTORY, "b") == (*["a"] * (advocacy.HISTORY - 1), "b")


async def test_migration_5_starts_the_history_with_the_last_tip(database):
    import aiosqlite

    from bot.migrations import MIGRATIONS
    from bot.storage import Storage

    async with aiosqlite.connect(database, isolation_level=None) as db:  # a database of the previous release
        for number, script in enumerate(MIGRATIONS[:4], start=1):
            await db.executescript(f"BEGIN; {script}; PRAGMA user_version = {number}; COMMIT;")
        await db.execute("INSERT INTO users (id) VALUES (91), (92)")
        await db.execute(
            "INSERT INTO subscriptions (user_id, role, phase, weekday, next_due, last_tip)"
            " VALUES (91, 'employee', 3, 0, '2026-11-30T08:00:00+00:00', 'formats'),"
            " (92, 'manager', 4, 0, '2026-11-30T08:00:00+00:00', NULL)"
        )
    storage = await Storage.open(database)
    try:
        assert (await storage.subscription(91)).recent_tips == ("formats",)
        assert (await storage.subscription(92)).recent_tips == ()
        assert await storage.tips_done(91) == 0
    finally:
        await storage.close()


async def _done_rows(advisor) -> list[tuple]:
    return await rows(advisor.storage, "SELECT user_id, tip FROM tips_done ORDER BY done_at, tip")


@pytest.mark.backends
async def test_done_under_a_tip_is_noted_once_with_a_toast(advisor):
    chat = advisor.chat(user_id=111)
    await open_tips(chat, "Employee")
    await chat.tap("Many employees or partners share")  # phase 4
    page = chat.last.text
    await chat.tap("✓ Done")
    assert advisor.api.toasts[-1] == "Noted: 1 tip acted on"
    assert chat.last.text == page  # the tip stays on screen
    await chat.tap("✓ Done")  # again: not counted twice
    assert advisor.api.toasts[-1] == "Noted: 1 tip acted on"
    await chat.tap("Next »")
    await chat.tap("✓ Done")
    assert advisor.api.toasts[-1] == "Noted: 2 tips acted on"
    first, second = advocacy.tips_for("employee", 4)[:2]
    assert await _done_rows(advisor) == [(111, first.key), (111, second.key)]
    assert await advisor.storage.tips_done(111) == 2
    assert await advisor.storage.tips_done(112) == 0  # per user


async def test_done_toast_in_dutch_with_its_plural(advisor):
    chat = advisor.chat(user_id=113, language_code="nl")
    await open_tips(chat, "Manager of directielid")
    await chat.tap("Alleen bedrijfsprofielen posten")
    await chat.tap("✓ Gedaan")
    assert advisor.api.toasts[-1] == "Genoteerd: 1 tip toegepast"
    await chat.tap("✓ Gedaan")
    assert advisor.api.toasts[-1] == "Genoteerd: 1 tip toegepast"
    await chat.tap("Volgende »")
    await chat.tap("✓ Gedaan")
    assert advisor.api.toasts[-1] == "Genoteerd: 2 tips toegepast"
    assert await advisor.storage.tips_done(113) == 2


async def test_done_under_the_weekly_tip_notes_that_tip(advisor):
    chat = advisor.chat(user_id=114)
    await subscribe(chat, "Monday", lambda: NOW)
    await send_due_tips(advisor.application, datetime(2026, 11, 30, 8, 0, tzinfo=UTC))
    weekly = chat.last
    assert weekly.labels == [["✓ Done"], ["More tips"], ["🔕 Stop the weekly tip"]]
    await chat.tap("✓ Done", weekly)
    assert advisor.api.toasts[-1] == "Noted: 1 tip acted on"
    assert await _done_rows(advisor) == [(114, "own_words")]
    assert chat.last is weekly and chat.last.text.startswith("<b>💡 Your tip of the week</b>")


async def test_a_forged_done_tap_is_refused_and_nothing_is_written(advisor):
    chat = advisor.chat(user_id=115)
    await open_tips(chat, "Employee")
    await chat.tap("Only company profiles post")
    page = chat.last.text
    for forged in ("d1:not_a_tip", "d1:", "d1:own_words:n", "d1:OWN_WORDS", "d1:own_words ", "d1:" + "x" * 61):
        await chat.tap_data(forged)
        assert advisor.api.toasts[-1] == "This button is no longer active.", forged
    assert chat.last.text == page
    assert await _done_rows(advisor) == []
    assert await advisor.storage.tips_done(115) == 0


async def test_a_forged_done_tap_in_dutch_and_from_a_stranger_registers_no_one(advisor):
    chat = advisor.chat(user_id=116, language_code="nl")
    await chat.send("/tips")
    await advisor.storage._db.execute("DELETE FROM users WHERE id = 116")  # as if never seen
    await chat.tap_data("d1:forged")
    assert advisor.api.toasts[-1] == "Deze knop werkt niet meer."
    assert await advisor.storage.load_user(116) is None


def test_every_tip_has_a_done_button_within_telegrams_64_bytes():
    from bot.callback_data import MAX_BYTES, TipDone, decode

    for tip in advocacy.TIPS:
        data = TipDone(tip.key).encode()
        assert len(data.encode()) <= MAX_BYTES
        assert decode(data) == TipDone(tip.key)
    assert decode("d1:not_a_tip") is None
