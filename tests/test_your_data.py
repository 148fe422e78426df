"""The user's own data: /privacy, the export of every kind of data with exact keys, deletion
(with a team owned and one joined, across a restart: afterwards no table holds the user and the
file keeps no copy), a blocked bot, and sharing a result through inline mode."""

import json
import re
from datetime import timedelta

import pytest

from bot.reminders import send_due_reminders
from bot.simulator import ChatSimulator, LocalBotApi
from bot.weekly_tips import send_due_tips
from tests.support.drivers import NOW, subscribe, subscribe_with_a_reminder, take_full_assessment

TOKEN = re.compile(r"t_[A-Za-z0-9_-]{32}")
PROFILE = ((3, 3, 3, 1, 3), 2, (2, 2, 1, 1, 0, 0, 0, 0), (1, 2, 3, 4, 5), 3)
SECRET = "Zebra-Kiwi-7731 secret plan"


async def everything(advisor, chat) -> str:
    """A user with every kind of data; returns their team's link (a team they own)."""
    advisor.application.bot_data.clock = lambda: NOW
    await subscribe(chat, "Monday", lambda: NOW)
    await chat.send("/tips")
    await chat.tap("Employee")
    await chat.tap("✓ Done")
    await take_full_assessment(chat, *PROFILE)
    await chat.send("/plan")
    await chat.tap("✓ 1")
    await chat.tap("⏰ Remind me to check in")
    await chat.tap("In 4 weeks")
    await chat.send("/strategy")
    await chat.tap("⬜ Goals")
    await chat.send(SECRET)
    await chat.send("/team")
    await chat.tap("➕ New team check")
    await chat.send("Owned team")
    await chat.tap("⚡ Quick phase check (5 questions)")
    return TOKEN.search(chat.last.text).group(0)


async def test_privacy_says_what_is_kept_and_why_in_both_languages(advisor):
    cases = (("en", "<b>Your data</b>", "/mydata sends you"), ("nl", "<b>Je gegevens</b>", "Met /mydata"))
    for language, heading, command in cases:
        chat = advisor.chat(user_id={"en": 1, "nl": 2}[language], language_code=language)
        await chat.send("/privacy")
        assert chat.last.text.startswith(heading)
        assert command in chat.last.text
    assert advisor.api.chat(1)[-1].labels[0] == ["📦 My data", "🗑 Delete my data"]


async def test_the_summary_counts_an_owned_team_one_takes_part_in_once_in_dutch(advisor):
    chat = advisor.chat(user_id=9, language_code="nl")
    await chat.send("/team")
    await chat.tap("➕ Nieuwe teamcheck")
    await chat.send("Verkoop")
    await chat.tap(1)
    link = TOKEN.search(chat.last.text).group(0)
    await chat.send(f"/start {link}")
    await chat.tap(1)  # agree
    for option in (2, 2, 2, 2, 2):
        await chat.tap(option)
    await chat.send("/mydata")
    assert chat.messages[-2].text == (
        "Hier is alles wat ik over je bewaar: 1 resultaat uit 1 check, 1 plan, 0 strategieonderdelen en 1 team, "
        "in een bestand dat een mens kan lezen (JSON)."
    )


@pytest.mark.backends
async def test_the_export_holds_every_kind_of_data_with_exact_keys(advisor):
    chat = advisor.chat(user_id=7)
    other = advisor.chat(user_id=8)
    await everything(advisor, chat)
    await other.send("/start quick")
    for option in (1, 1, 1, 1, 1):
        await other.tap(option)
    await chat.send("/mydata")
    summary = chat.messages[-2]
    assert summary.text == (  # one of each, in the singular
        "Here is everything I keep about you: 1 result from 1 check, 1 plan, 1 strategy part and 1 team, "
        "in a file a person can read (JSON)."
    )
    [call] = advisor.api.calls_of("sendDocument")
    assert call["_file_names"]["document"] == "my-data.json"
    exported = json.loads(call["document"])
    assert set(exported) == {
        "users", "sessions", "results", "plans", "reminders", "subscriptions", "tips_done", "strategy_drafts",
        "teams", "team_members",
    }
    assert set(exported["users"]) == {"id", "language", "created_at"} and exported["users"]["id"] == 7
    [session] = exported["sessions"]
    assert session["flow"] == "full" and session["answers"]["media"] == 2 and session["answers"]["cycle_1"] == 1
    [result] = exported["results"]
    assert result["scores"]["phase"] == 2 and result["created_at"].endswith("Z")
    [plan] = exported["plans"]
    assert [move["rank"] for move in plan["moves"]] == [1, 2, 3] and plan["moves"][0]["done_at"]
    assert exported["strategy_drafts"][0]["text"] == SECRET
    assert exported["subscriptions"][0]["role"] == "employee"
    assert exported["reminders"][0]["weeks"] == 4
    [team] = exported["teams"]
    assert team["name"] == "Owned team" and "view_chat_id" not in team
    text = call["document"].decode()
    assert '"user_id": 8' not in text and "Ad Hoc" not in text  # nobody else's data


async def test_deletion_removes_everything_tells_members_and_a_later_start_is_new(start_advisor, database):
    context, api = start_advisor()
    async with context as application:
        owner = ChatSimulator(application, api, user_id=7)
        token = await everything(Advisor(application, api), owner)
        members = [
            ChatSimulator(application, api, user_id=20 + n, language_code=("nl" if n else "en")) for n in range(3)
        ]
        for member in members:
            await member.send(f"/start {token}")
            await member.tap(1)
            for option in (2, 2, 2, 2, 2):
                await member.tap(option)
        # the owner also joined someone else's team, with answers in its picture
        host = ChatSimulator(application, api, user_id=30)
        await host.send("/team")
        await host.tap("➕ New team check")
        await host.send("Host team")
        await host.tap("⚡ Quick phase check (5 questions)")
        hosted = TOKEN.search(host.last.text).group(0)
        for user in (ChatSimulator(application, api, user_id=31), ChatSimulator(application, api, user_id=32), owner):
            await user.send(f"/start {hosted}")
            await user.tap(1)
            for option in (3, 3, 3, 3, 3):
                await user.tap(option)
        assert (await application.bot_data.storage.team_counts(2)) == (3, 3)
    context, api = start_advisor()  # a restart in between
    async with context as application:
        owner = ChatSimulator(application, api, user_id=7)
        await owner.send("/deletedata")
        assert owner.last.text.startswith("<b>Delete all your data?</b>")
        assert "The teams you own are deleted too" in owner.last.text
        await owner.tap("🗑 Yes, delete everything")
        assert owner.messages[-1].text == (
            "All your data is deleted. If you come back, I start from scratch: send /start."
        )
        storage = application.bot_data.storage
        assert await storage.tables_holding(7) == []
        told = {call["chat_id"]: call["text"] for call in api.calls_of("sendMessage") if "ended" in call["text"]
                or "afgelopen" in call["text"]}
        assert told[20] == "The team check “Owned team” has ended: its owner deleted it. Your own results stay yours."
        assert told[21].startswith("De teamcheck “Owned team” is afgelopen")
        assert set(told) == {20, 21, 22}
        assert await storage.team(1) is None
        assert await storage.team_counts(2) == (2, 2)  # recomputed: below three, no picture again
        await owner.send("/start")
        assert owner.last.text.startswith("<b>Hi Ada!</b>")  # new: the menu, nothing to continue
        assert await storage.results(7) == []
    assert SECRET.encode() not in database.read_bytes()  # overwritten, not left in free pages
    assert not database.with_name(database.name + "-wal").exists() or (
        SECRET.encode() not in database.with_name(database.name + "-wal").read_bytes()
    )


class Advisor:
    def __init__(self, application, api):
        self.application, self.api = application, api


async def test_a_blocked_bot_stops_the_weekly_tip_and_reminder_without_a_send(advisor):
    chat = advisor.chat(user_id=40)
    await subscribe_with_a_reminder(chat, lambda: NOW)
    await chat.block()
    assert await advisor.storage.subscription(40) is None and await advisor.storage.reminder(40) is None
    sends = len(advisor.api.calls_of("sendMessage"))
    assert await send_due_tips(advisor.application, NOW + timedelta(days=6)) == 0
    assert await send_due_reminders(advisor.application, NOW + timedelta(weeks=5)) == 0
    assert len(advisor.api.calls_of("sendMessage")) == sends  # nothing was even tried
    await chat.block(False)  # unblocked: nothing is resent; the settings say what is off
    assert len(advisor.api.calls_of("sendMessage")) == sends
    await chat.send("/settings")
    assert "🔕 Weekly tip: off." in chat.last.text and "⏰ Reminder to check in: none." in chat.last.text


async def test_sharing_needs_inline_mode_and_answers_with_the_card(start_advisor):
    context, api = start_advisor(LocalBotApi(inline_mode=True))
    async with context as application:
        chat = ChatSimulator(application, api, user_id=50)
        await chat.inline_query()  # no result yet: an invitation
        [[invite]] = api.inline_answers
        assert invite["type"] == "article" and invite["id"] == "invite"
        assert invite["input_message_content"]["message_text"] == (
            "Where does your organisation stand on social media? Take the quick phase check: "
            "https://t.me/advisor_bot?start=quick"
        )
        await take_full_assessment(chat, *PROFILE)
        summary = chat.messages[-2]
        assert ["📤 Share"] in summary.labels
        share = next(b for row in summary.keyboard for b in row if b["text"] == "📤 Share")
        assert share["switch_inline_query_chosen_chat"]["allow_group_chats"] is True
        await chat.inline_query("anything at all")
        card = api.inline_answers[-1][0]
        assert card["type"] == "photo" and card["photo_file_id"] == f"photo-{chat.last.message_id}"
        assert card["caption"] == (
            "Our social media phase: Phase 2 · Basic Publishing. Where do you stand? https://t.me/advisor_bot?start=quick"
        )
        assert card["reply_markup"]["inline_keyboard"][0][0]["url"] == "https://t.me/advisor_bot?start=quick"
        [answer] = [params for params in api.calls_of("answerInlineQuery")][-1:]
        assert answer["is_personal"] is True and int(answer["cache_time"]) == 30
        dutch = ChatSimulator(application, api, user_id=51, language_code="nl")
        await dutch.send("/start quick")
        for option in (3, 3, 3, 3, 3):
            await dutch.tap(option)
        await dutch.inline_query()
        text = api.inline_answers[-1][0]  # a quick check has no card: its result as text
        assert text["type"] == "article"
        assert text["input_message_content"]["message_text"].startswith(
            "Onze social-mediafase: Fase 3 · Experimentation."
        )
        stranger = ChatSimulator(application, api, user_id=52)
        await stranger.inline_query("x")  # never seen before: answered, and not registered
        assert api.inline_answers[-1][0]["id"] == "invite"
        assert await application.bot_data.storage.load_user(52) is None


async def test_without_inline_mode_there_is_no_share_button(advisor):
    chat = advisor.chat()
    await chat.send("/start quick")
    for option in (3, 3, 3, 3, 3):
        await chat.tap(option)
    assert all("📤 Share" not in row for row in chat.last.labels)


async def test_the_card_shows_its_date_and_where_to_take_the_check(advisor):
    advisor.application.bot_data.clock = lambda: NOW
    chat = advisor.chat()
    await take_full_assessment(chat, *PROFILE)
    [upload] = advisor.api.calls_of("sendPhoto")
    assert upload["photo"].startswith(b"\x89PNG")
    from bot import card

    key = json.loads(next(iter(advisor.application.bot_data.card_file_ids))[1])
    assert key["date"] == "November 25, 2026" and key["bot"] == "advisor_bot"
    assert card.render_card("en", json.dumps(key, sort_keys=True)) == upload["photo"]
