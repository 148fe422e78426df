"""Team checks: an owner, members, a late joiner and a stranger; aggregates only, from three
finished; where the team disagrees; the agreed result and plan; closed, deleted and forged
links; the group flow; reminders with a blocked member and flood control; a restart in
between; fifty members finishing at once."""

import asyncio
import re

import pytest

from bot.simulator import ChatSimulator
from bot.team_updates import refresh_view, remind_unfinished
from dialogs import team

TOKEN = re.compile(r"t_[A-Za-z0-9_-]{32}")
OWNER = 1


async def create_team(chat, name="Marketing Rotterdam", check="⚡ Quick phase check (5 questions)") -> str:
    await chat.send("/team")
    await chat.tap("➕ New team check")
    await chat.send(name)
    await chat.tap(check)
    return TOKEN.search(chat.last.text).group(0)


async def take(chat, token, options):
    await chat.send(f"/start {token}")
    await chat.tap(1)  # ✅ Join and start (in the member's language)
    for option in options:
        await chat.tap(option)


@pytest.mark.backends
async def test_a_team_from_creation_to_agreed_result(advisor):
    owner = advisor.chat(user_id=OWNER, first_name="Ada")
    token = await create_team(owner)
    created = owner.last.text
    assert created.startswith("<b>Team “Marketing Rotterdam” is ready</b>")
    assert f"https://t.me/advisor_bot?start={token}" in created
    assert "Take the quick phase check for “Marketing Rotterdam”" in created
    assert owner.last.keyboard[0][0]["url"].startswith("https://t.me/share/url?url=https%3A%2F%2Ft.me%2Fadvisor_bot")

    alice, bob = advisor.chat(user_id=11, first_name="Alice"), advisor.chat(user_id=12, language_code="nl")
    await alice.send(f"/start {token}")
    invite = alice.last.text
    assert invite.startswith(
        "<b>Team check “Marketing Rotterdam”</b>\nAda asks the team to take the quick phase check."
    )
    assert "Nobody — not Ada either — sees your own answers." in invite
    await alice.tap("✅ Join and start")
    for option in (1, 2, 3, 3, 3):
        await alice.tap(option)
    assert alice.last.text == (
        "✅ Your answers count for the team “Marketing Rotterdam”. Only the team’s picture is shared."
    )
    await take(bob, token, (3, 3, 3, 3, 3))
    assert bob.last.text.startswith("✅ Je antwoorden tellen mee voor het team “Marketing Rotterdam”.")

    await owner.tap("👥 Team view")
    view = owner.last.text
    assert "👥 2 joined · 2 finished" in view
    assert "The team’s picture shows once 3 members have finished: 1 more to go." in view
    assert "Phase" not in view.split("finished", 1)[1].split("†")[0]  # nothing about anyone's answers yet
    assert owner.last.labels[0] == ["🔄 Refresh"] and ["🤝 Agree the team’s levels"] not in owner.last.labels

    carol = advisor.chat(user_id=13)
    await take(carol, token, (5, 4, 3, 3, 4))
    await owner.tap("🔄 Refresh")
    view = owner.last.text
    assert "👥 3 joined · 3 finished" in view
    assert (
        "<b>Phases in the team</b>\n· Phase 1 · Ad Hoc: 0\n■ Phase 2 · Basic Publishing: 1\n"
        "■ Phase 3 · Experimentation: 1\n■ Phase 4 · Collaborate: 1\n· Phase 5 · Performance-Driven: 0"
    ) in view
    assert "●●●○○  Media 3\n●●●○○  Approach 3\n●●●○○  Application 3\n●●●○○  Technology 3\n●●●○○  Impact 3" in view
    assert "<b>Phase 3 · Experimentation</b> as a team" in view
    # the widest spread first: Media 1 to 5, then Approach 2 to 4 (Impact 3 to 4 is narrower)
    assert (
        "Media: from phase 1 (“One company profile only”) to phase 5 (“Owned, earned and paid media”).\n"
        "Approach: from phase 2 (“A basic content calendar”) to phase 4"
    ) in view

    await owner.tap("🤝 Agree the team’s levels")
    assert owner.last.labels[0] == ["−", "Media 3", "+"]
    await owner.tap("+")  # Media up to 4
    await owner.tap_data(f"g1:level:{1}:approach:down")
    assert owner.last.labels[1] == ["−", "Approach 2", "+"]
    await owner.tap("✅ This is our result")
    result = owner.last.text
    assert result.startswith("<b>The team’s result · “Marketing Rotterdam”</b>\n\n<b>Do this first</b>")
    assert "<b>Phase 3 · Experimentation</b>" in result and "●●●●○  Media 4\n●●○○○  Approach 2" in result
    assert "<b>Bottleneck</b>: Approach" in result
    stored = await advisor.storage.team(1)
    assert stored.agreed_levels == {"media": 4, "approach": 2, "application": 3, "technology": 3, "impact": 3}
    await owner.tap("« Team view")
    assert "✅ The team agreed on Phase 3 · Experimentation." in owner.last.text


async def test_setting_levels_is_not_agreeing_until_the_owner_says_so(advisor):
    owner = advisor.chat(user_id=OWNER)
    token = await create_team(owner)
    for n in range(3):
        await take(advisor.chat(user_id=400 + n), token, (3, 3, 3, 3, 3))
    await owner.tap("👥 Team view")
    await owner.tap("🤝 Agree the team’s levels")
    await owner.tap("+")
    await owner.tap("« Team view")
    assert "agreed" not in owner.last.text
    assert (await advisor.storage.team(1)).agreed_levels is None


async def test_a_closed_team_takes_no_answers_from_a_member_under_way(advisor):
    owner = advisor.chat(user_id=OWNER)
    token = await create_team(owner)
    member = advisor.chat(user_id=500)
    await member.send(f"/start {token}")
    await member.tap(1)
    await member.tap(2)
    await owner.tap("👥 Team view")
    await owner.tap("🔒 Close")
    for option in (2, 2, 2, 2):
        await member.tap(option)
    assert member.last.text == "The team check “Marketing Rotterdam” is closed: it takes no new answers."
    assert await advisor.storage.team_counts(1) == (1, 0)
    assert len(await advisor.storage.results(500)) == 1  # their own result stays theirs


async def test_a_group_set_up_link_works_once(advisor):
    group = advisor.chat(user_id=OWNER, chat_type="group", chat_id=-600)
    await group.send("/team")
    payload = group.last.keyboard[0][0]["url"].split("=", 1)[1]
    first, second = advisor.chat(user_id=OWNER), advisor.chat(user_id=7)
    await first.send(f"/start {payload}")
    assert first.last.text.startswith("What is the team called?")
    await second.send(f"/start {payload}")
    assert second.last.text.startswith("This team link does not work (any more)")


async def test_nobody_else_can_use_the_owners_buttons(advisor):
    owner = advisor.chat(user_id=OWNER)
    await create_team(owner)
    stranger = advisor.chat(user_id=99)
    await stranger.send("/start")
    for data in ("g1:view:1", "g1:agree:1", "g1:deleted:1", "g1:remind:1", "g1:level:1:media:up", "g1:close:1"):
        await stranger.tap_data(data)
        assert advisor.api.toasts[-1] == "This button is no longer active."
    assert (await advisor.storage.team(1)).is_open


async def test_forged_closed_and_deleted_links(advisor):
    owner = advisor.chat(user_id=OWNER)
    token = await create_team(owner)
    member = advisor.chat(user_id=21)
    for payload in ("t_" + "A" * 32, "t_short", "t_" + "!" * 32):
        await member.send(f"/start {payload}")
        assert member.last.text.startswith("This team link does not work (any more)")
    await owner.tap("👥 Team view")
    await owner.tap("🔒 Close")
    assert "🔒 Closed: no new answers." in owner.last.text
    await member.send(f"/start {token}")
    assert member.last.text == "The team check “Marketing Rotterdam” is closed: it takes no new answers."
    await owner.tap("🔓 Reopen")
    await owner.tap("🗑 Delete")
    await owner.tap("🗑 Yes, delete it")
    assert advisor.api.toasts[-1] == "Team deleted."
    await member.send(f"/start {token}")
    assert member.last.text.startswith("This team link does not work (any more)")
    assert await advisor.storage.team(1) is None


async def test_a_bad_team_name_is_refused_kindly(advisor):
    owner = advisor.chat(user_id=OWNER, language_code="nl")
    await owner.send("/team")
    await owner.tap("➕ Nieuwe teamcheck")
    await owner.send("<script>")
    assert owner.last.text == "Die naam gaat niet: gebruik hooguit 60 tekens, zonder < of >. Stuur een andere naam."
    await owner.send("x" * 61)
    assert owner.last.text.startswith("Die naam gaat niet")
    await owner.send("Team Zuid")
    assert owner.last.text == "Welke check doen de leden van “Team Zuid”?"


@pytest.mark.backends
async def test_retaking_replaces_answers_and_a_redelivered_tap_counts_once(advisor):
    owner = advisor.chat(user_id=OWNER)
    token = await create_team(owner)
    members = [advisor.chat(user_id=30 + n) for n in range(3)]
    for member in members:
        await take(member, token, (2, 2, 2, 2, 2))
    last = members[0].screen  # (the result's buttons)
    assert await advisor.storage.team_counts(1) == (3, 3)
    await take(members[0], token, (4, 4, 4, 4, 4))  # taking it again replaces the earlier answers
    assert await advisor.storage.team_counts(1) == (3, 3)
    scores = await advisor.storage.team_scores(1)
    assert sorted(score["phase"] for score in scores) == [2, 2, 4]
    assert last is not None


@pytest.mark.backends
async def test_leaving_keeps_the_answers_anonymously_so_no_one_can_be_singled_out(advisor):
    owner = advisor.chat(user_id=OWNER)
    token = await create_team(owner)
    members = [advisor.chat(user_id=40 + n) for n in range(3)]
    for member, level in zip(members, (1, 3, 5), strict=True):
        await take(member, token, (level,) * 5)
    before = team.picture(await advisor.storage.team_scores(1))
    await members[2].send("/team")
    await members[2].tap("Leave “Marketing Rotterdam”")
    assert advisor.api.toasts[-1] == "You left the team. Your answers stay in its picture, anonymously."
    after = team.picture(await advisor.storage.team_scores(1))
    assert after == before  # a leave changes nothing the owner could compare
    assert await advisor.storage.team_counts(1) == (2, 3)
    assert await advisor.storage.unfinished_members(1) == []


async def test_the_owner_view_refreshes_in_place_in_the_owners_language(advisor):
    owner = advisor.chat(user_id=OWNER, language_code="nl")
    await owner.send("/team")
    await owner.tap("➕ Nieuwe teamcheck")
    await owner.send("Workshop")
    await owner.tap("⚡ Snelle fasecheck (5 vragen)")
    token = TOKEN.search(owner.last.text).group(0)
    await owner.tap("👥 Teamoverzicht")
    view = owner.last
    for n in range(3):
        await take(advisor.chat(user_id=50 + n), token, (3, 3, 3, 3, 3))
    await refresh_view(advisor.application, 1)  # what the job does a few seconds after results come in
    refreshed = owner.api.messages[(owner.chat["id"], view.message_id)].text
    assert refreshed.startswith("<b>Team “Workshop”</b> · Snelle fasecheck")
    assert "👥 3 meegedaan · 3 klaar" in refreshed


async def test_reminders_skip_a_blocked_member_and_stop_at_long_flood_control(advisor):
    owner = advisor.chat(user_id=OWNER)
    token = await create_team(owner)
    for n in range(4):
        member = advisor.chat(user_id=60 + n, language_code="nl" if n % 2 else "en")
        await member.send(f"/start {token}")
        await member.tap(1)  # ✅ Join and start
    await take(advisor.chat(user_id=70), token, (2, 2, 2, 2, 2))  # finished: not reminded
    item = await advisor.storage.team(1)
    advisor.api.fail("sendMessage", 403, "Forbidden: bot was blocked by the user")
    sent, skipped = await remind_unfinished(advisor.application, item)
    assert (sent, skipped) == (3, 1)
    reminders = [call for call in advisor.api.calls_of("sendMessage") if "reminder" in call["text"].lower()
                 or "herinnering" in call["text"].lower()]
    assert [call["chat_id"] for call in reminders] == [60, 61, 62, 63]  # 60 blocked the bot: the rest go on
    assert any(call["text"].startswith("Een herinnering van de teamcheck") for call in reminders)
    advisor.api.fail("sendMessage", 429, "Too Many Requests: retry after 60", retry_after=60)
    assert await remind_unfinished(advisor.application, item) == (0, 4)


async def test_a_restart_in_between_loses_nothing(start_advisor):
    context, api = start_advisor()
    async with context as application:
        owner = ChatSimulator(application, api, user_id=OWNER)
        token = await create_team(owner)
        for n in range(2):
            await take(ChatSimulator(application, api, user_id=80 + n), token, (3, 3, 3, 3, 3))
    context, api = start_advisor()
    async with context as application:
        await take(ChatSimulator(application, api, user_id=82), token, (3, 3, 3, 3, 3))
        owner = ChatSimulator(application, api, user_id=OWNER)
        await owner.send("/team")
        await owner.tap("👥 Marketing Rotterdam")
        assert "👥 3 joined · 3 finished" in owner.last.text and "<b>Phases in the team</b>" in owner.last.text


async def test_the_group_flow_sets_up_the_team_and_gets_its_picture(advisor):
    group = advisor.chat(user_id=OWNER, chat_type="group", chat_id=-500)
    await group.send("/team")
    setup = group.last
    assert setup.text == "Set up a team check for this group: tap below; I’ll ask the rest in a private chat."
    link = setup.keyboard[0][0]["url"]
    assert re.fullmatch(r"https://t\.me/advisor_bot\?start=g_[A-Za-z0-9_-]{32}", link)
    owner = advisor.chat(user_id=OWNER)
    await owner.send("/start " + link.split("=", 1)[1])
    await owner.send("Sales team")
    await owner.tap("⚡ Quick phase check (5 questions)")
    token = TOKEN.search(owner.last.text).group(0)
    assert group.last.text.startswith("Team check: each of you answers in a private chat with me")
    assert group.last.keyboard[0][0]["url"] == f"https://t.me/advisor_bot?start={token}"
    for n in range(3):
        await take(advisor.chat(user_id=90 + n), token, (2, 3, 3, 3, 3))
    await owner.tap("👥 Team view")
    await owner.tap("📣 Post the team’s picture to the group")
    assert advisor.api.toasts[-1] == "Posted to the group."
    assert group.last.text.startswith("<b>Team check “Sales team”</b>\n3 members finished.")
    assert "Media" not in group.last.text.split("as a team")[0]  # aggregates only
    assert len(group.messages) == 3  # no questions in the group, ever


@pytest.mark.backends
async def test_the_benchmark_shows_from_thirty_organisations_only(advisor):
    owner = advisor.chat(user_id=OWNER)
    token = await create_team(owner)
    for n in range(3):
        await take(advisor.chat(user_id=100 + n), token, (2, 2, 2, 2, 2))
    await owner.tap("👥 Team view")
    assert "Compared with all" not in owner.last.text
    for n in range(27):
        chat = advisor.chat(user_id=200 + n)
        await chat.send("/start quick")
        for _ in range(5):
            await chat.tap(4 if n < 9 else 1)
    await owner.tap("🔄 Refresh")
    view = owner.last.text
    assert "<b>Compared with all 30 organisations that took the check here</b>" in view
    assert (
        "Phase 1 · Ad Hoc: 60%\nPhase 2 · Basic Publishing: 10%\nPhase 3 · Experimentation: 0%\n"
        "Phase 4 · Collaborate: 30%"
    ) in view


@pytest.mark.backends
async def test_fifty_members_finishing_in_the_same_second(advisor):
    owner = advisor.chat(user_id=OWNER)
    token = await create_team(owner)
    members = [advisor.chat(user_id=1000 + n) for n in range(50)]
    for member in members:
        await member.send(f"/start {token}")
        await member.tap(1)  # ✅ Join and start
        for option in (1, 2, 3, 4):
            await member.tap(option)
    last_taps = [member.tap_data_nowait(member.screen.buttons[(n % 5)]["callback_data"], member.screen)
                 for n, member in enumerate(members)]
    await asyncio.gather(*last_taps, *[m.tap_data_nowait(m.screen.buttons[0]["callback_data"], m.screen)
                                       for m in members[:10]])  # ten of them double-tap
    assert await advisor.storage.team_counts(1) == (50, 50)
    scores = await advisor.storage.team_scores(1)
    assert len(scores) == 50
    picture = team.picture(scores)
    assert picture.finished == 50
    assert sum(picture.phases.values()) == 50
    assert sorted(score["levels"]["impact"] for score in scores) == sorted((n % 5) + 1 for n in range(50))


async def test_the_team_card_is_a_png_with_the_team_levels(advisor):
    owner = advisor.chat(user_id=OWNER)
    token = await create_team(owner)
    for n in range(3):
        await take(advisor.chat(user_id=300 + n), token, (3, 3, 3, 3, 3))
    await owner.tap("👥 Team view")
    await owner.tap("🖼 The team’s card")
    assert owner.last.photo.startswith(b"\x89PNG") and owner.last.text == "The team’s card"


async def test_a_member_back_from_a_reminder_continues_where_they_were(advisor):
    owner = advisor.chat(user_id=OWNER)
    token = await create_team(owner)
    member = advisor.chat(user_id=600)
    await member.send(f"/start {token}")
    await member.tap(1)
    await member.tap(3)  # question 1 answered
    await member.send(f"/start {token}")
    await member.tap(1)  # ✅ Join and start, again
    assert member.last.text == "You have a quick phase check in progress: 1 of 5 questions answered."
    await member.tap("▶ Continue (question 2 of 5)")
    assert "Question 2 of 5" in member.last.text
