"""The plan a result leads with, kept in /plan: ticking moves off, the reminder to check in
(across a restart), /results saying which moves were done; answers that contradict each other
reviewed before the result; older results still shown as they were."""

import json
from datetime import UTC, datetime, timedelta

import pytest

from bot.reminders import send_due_reminders
from bot.simulator import ChatSimulator
from tests.support.drivers import NOW, take_full_assessment

PROFILE_A = ((3, 3, 3, 1, 3), 2, (2, 2, 1, 1, 0, 0, 0, 0), (1, 2, 3, 4, 5), 3)


async def quick_check(chat, options=(3, 3, 1, 4, 5)):
    await chat.send("/start quick")
    for option in options:
        await chat.tap(option)


@pytest.mark.backends
async def test_the_plan_is_kept_and_its_moves_ticked_off(advisor):
    chat = advisor.chat()
    await quick_check(chat)
    await chat.tap("📌 My plan")
    lines = chat.last.text.split("\n")
    assert lines[0] == "<b>Your plan</b>"
    assert lines[1].startswith("From your quick phase check of ") and lines[1].endswith(": 0 of 3 moves done.")
    assert "⬜ 1. <b>Share product news and updates on your profiles</b>†" in chat.last.text
    assert "⬜ 2. <b>Connect your fans and make them ambassadors</b>†" in chat.last.text
    assert chat.last.labels == [["✓ 1", "✓ 2", "✓ 3"], ["⏰ Remind me to check in"], ["☰ Menu"]]
    await chat.tap("✓ 1")
    assert "✅ 1. <b>Share product news" in chat.last.text and ": 1 of 3 moves done." in chat.last.text
    assert chat.last.labels[0] == ["↺ 1", "✓ 2", "✓ 3"]
    await chat.tap("↺ 1")  # ticked by mistake: back to to-do
    assert ": 0 of 3 moves done." in chat.last.text
    for label in ("✓ 1", "✓ 2", "✓ 3"):
        await chat.tap(label)
    assert "🎉 All moves done. Retake the check to see where you stand now." in chat.last.text
    assert ["↻ Retake"] in chat.last.labels
    kept = await advisor.storage.plan(chat.user["id"])
    assert [move.key for move in kept.moves] == ["dimension:application:2", "cycle:6", "cycle:7"]
    assert all(move.done_at for move in kept.moves)


@pytest.mark.backends
async def test_a_quick_check_after_a_full_assessment_leaves_out_the_cycle_steps_in_place(advisor):
    chat = advisor.chat()
    await chat.send("/start quick")
    for option in (3, 3, 3, 3, 3):
        await chat.tap(option)
    assert "2. <b>Turn business goals into SMART social objectives</b> — Social Media Cycle, step 1" in chat.last.text
    await take_full_assessment(chat, (3, 3, 3, 3, 3), 2, (1,) * 8, (1, 2), 2)
    await chat.send("/start quick")
    for option in (3, 3, 3, 3, 3):
        await chat.tap(option)
    # step 1 (and 2) are in place by the full assessment: the plan does not ask for them again
    assert "Social Media Cycle, step 1 ·" not in chat.last.text and "Social Media Cycle, step 2 ·" not in chat.last.text
    await chat.send("/plan")
    assert "SMART social objectives" not in chat.last.text


async def test_another_users_plan_cannot_be_ticked(advisor):
    alice, bob = advisor.chat(user_id=1), advisor.chat(user_id=2)
    await quick_check(alice)
    await quick_check(bob)
    await bob.tap_data("p1:1:1:1")  # Alice's plan
    assert advisor.api.toasts[-1] == "This button is no longer active."
    assert (await advisor.storage.plan(1)).done == 0
    for forged in ("p1:1:4:1", "p1:1:1:2", "p1:²:1:1", "n1:5"):
        await alice.tap_data(forged)
        assert advisor.api.toasts[-1] == "This button is no longer active."
    assert (await advisor.storage.plan(1)).done == 0


async def test_no_plan_yet_points_to_the_checks(advisor):
    chat = advisor.chat()
    await chat.send("/plan")
    assert chat.last.text.startswith("You have no plan yet.")
    assert chat.last.labels == [["⚡ Quick phase check"], ["📋 Full assessment"], ["☰ Menu"]]


@pytest.mark.backends
async def test_the_reminder_checks_in_once_after_the_weeks_chosen_across_a_restart(start_advisor):
    context, api = start_advisor(clock=lambda: NOW)  # Wednesday 25 November 2026, 10:00 in Amsterdam
    async with context as application:
        chat = ChatSimulator(application, api)
        await quick_check(chat)
        await chat.send("/plan")
        await chat.tap("⏰ Remind me to check in")
        assert chat.last.text == "When shall I remind you to check in on your plan and retake the check?"
        assert chat.last.labels == [["In 4 weeks", "In 8 weeks", "In 12 weeks"], ["« Back", "☰ Menu"]]
        await chat.tap("In 4 weeks")
        assert api.toasts[-1] == "I’ll remind you in 4 weeks."
        assert "⏰ I’ll remind you to check in on December 23, 2026." in chat.last.text
        assert chat.last.labels[1] == ["🔕 No reminder"]
        await chat.tap("✓ 2")

    context, api = start_advisor(clock=lambda: NOW)  # a new process on the same database
    async with context as application:
        early = datetime(2026, 12, 23, 7, 59, tzinfo=UTC)  # 8:59 in Amsterdam
        assert await send_due_reminders(application, early) == 0
        due = datetime(2026, 12, 23, 8, 0, tzinfo=UTC)
        assert await send_due_reminders(application, due) == 1
        [check_in] = api.calls_of("sendMessage")
        assert check_in["chat_id"] == 1
        assert check_in["text"].startswith(
            "<b>Time to check in</b>\nYou have done 1 of the 3 moves of your plan.\n\n⬜ 1. <b>Share product news"
        )
        assert "\n✅ 2. <b>Connect your fans" in check_in["text"]
        assert check_in["text"].endswith(
            "Retake the quick phase check to see where you stand now.\n\n"
            "<i>† the advisor’s own rule or advice, not the models’</i>"
        )
        buttons = json.loads(check_in["reply_markup"])["inline_keyboard"] if isinstance(
            check_in["reply_markup"], str) else check_in["reply_markup"]["inline_keyboard"]
        assert [[b["callback_data"] for b in row] for row in buttons] == [["m1:retake"], ["m1:plan", "m1:menu"]]
        assert await send_due_reminders(application, due + timedelta(days=1)) == 0  # once


async def test_stop_ends_the_reminder_too(advisor):
    advisor.application.bot_data.clock = lambda: NOW
    chat = advisor.chat()
    await quick_check(chat)
    await chat.send("/plan")
    await chat.tap("⏰ Remind me to check in")
    await chat.tap("In 8 weeks")
    await chat.send("/stop")
    assert chat.last.text == (
        "You have no weekly tip to stop.\nThe reminder to check in on your plan is off too."
    )
    assert await advisor.storage.reminder(chat.user["id"]) is None
    assert await send_due_reminders(advisor.application, NOW + timedelta(weeks=9)) == 0


async def test_a_blocked_bot_does_not_stop_the_other_reminders(advisor):
    advisor.application.bot_data.clock = lambda: NOW
    for user_id in (31, 32):
        chat = advisor.chat(user_id=user_id)
        await quick_check(chat)
        await chat.send("/plan")
        await chat.tap("⏰ Remind me to check in")
        await chat.tap("In 4 weeks")
    advisor.api.fail("sendMessage", 403, "Forbidden: bot was blocked by the user")
    assert await send_due_reminders(advisor.application, NOW + timedelta(weeks=5)) == 1


@pytest.mark.backends
async def test_results_say_which_moves_were_done_in_between(advisor):
    chat = advisor.chat()
    await quick_check(chat)
    await chat.send("/plan")
    await chat.tap("✓ 1")
    await chat.tap("✓ 3")
    await quick_check(chat, (3, 3, 2, 4, 5))
    await chat.send("/results")
    lines = chat.last.text.split("\n")
    assert lines[3] == "Phase 3 · Experimentation"
    assert lines[4].endswith(": up from phase 2, Application 1 → 2")
    assert lines[5] == (
        "Moves done in between: Share product news and updates on your profiles; Give your ambassadors something "
        "to share"
    )


@pytest.mark.backends
async def test_contradicting_answers_are_reviewed_and_one_corrected_in_place(advisor):
    chat = advisor.chat()
    # no management support, while for Approach "management sets the example" (phase 3)
    await take_full_assessment(chat, (3, 3, 3, 3, 3), 0, (2,) * 8, (1,), 2, keep_contradictions=False)
    review = chat.last
    assert review.text == (
        "<b>Check two of your answers</b>\n\n"
        "You said management does not back social media, but for Approach you chose: “Management and selected "
        "employees are actively encouraged to share content; management sets the example.” From Experimentation "
        "on, the model has management set the example.\n\n"
        "Correct one of them, or keep your answers as they are."
    )
    assert review.labels == [["✎ Management support"], ["✎ Approach"], ["✓ Keep my answers"], ["« Back", "☰ Menu"]]
    assert await advisor.storage.results(chat.user["id"]) == []  # no result before the review
    await chat.tap("✎ Management support")
    assert chat.last.text.startswith("<b>Full assessment</b> · Correct your answer\n<i>SSRM · Management support</i>")
    assert chat.last.labels[0] == ["✓ 1 · No, not really"]
    await chat.tap("2 · They allow it")  # now nothing contradicts: on to the result
    [result] = await advisor.storage.results(chat.user["id"])
    assert result.scores["management"] == 1 and result.scores["contradictions"] == []
    assert result.scores["management_holds_back"] is True  # "they allow it" at phase 3
    assert chat.messages[-2].text.startswith("<b>Your social media assessment</b>\n\n<b>Do this first</b>")
    assert "\n1. <b>Get management to drive it, not just allow it</b>" in chat.messages[-2].text


async def test_a_correction_that_still_contradicts_returns_to_the_review(advisor):
    chat = advisor.chat()
    # posting "quiet between campaigns"... Approach 1 (random posts) with "campaigns and posts, one plan"
    await take_full_assessment(chat, (2, 1, 2, 2, 2), 2, (2,) * 8, (), 3, keep_contradictions=False)
    assert chat.last.labels[:2] == [["✎ Campaigns and posting"], ["✎ Approach"]]
    await chat.tap("✎ Campaigns and posting")
    await chat.tap("3 · Posts and campaigns apart")  # still "we post regularly": still contradicts
    assert chat.last.text.startswith("<b>Check two of your answers</b>")
    await chat.tap("✓ Keep my answers")
    [result] = await advisor.storage.results(chat.user["id"])
    assert result.scores["contradictions"] == ["glue_approach"] and result.scores["glue_situation"] == 2
    assert "⚠ You kept two answers that disagree: how regularly you post, and your approach." in (
        chat.messages[-2].text
    )


async def test_a_result_stored_by_the_first_rules_is_shown_as_it_was(advisor):
    chat = advisor.chat()
    await chat.send("/start")
    old = {  # scoring version 1: the plain median, the lowest dimensions, no plan
        "levels": {"media": 3, "approach": 3, "application": 1, "technology": 4, "impact": 5},
        "phase": 3, "bottleneck": ["application"], "management": 2, "management_holds_back": False,
        "cells": {"informing": 2, "service": 2, "emotion": 1, "experience": 1, "development": 0, "extension": 0,
                  "promotion": 0, "distribution": 0},
        "remarks": [], "cycle_in_place": [1, 2, 3, 4, 5], "next_step": 6, "bottleneck_step": 6,
        "glue_situation": 3, "glue_aspect": 3,
    }
    session, _ = await advisor.storage.start_session(chat.user["id"], "full", "done")
    await advisor.storage.save_result(session.id, chat.user["id"], "full", old, 1)
    await chat.send("/results")
    assert "Phase 3 · Experimentation" in chat.last.text
    await chat.tap("Open my latest full result")
    summary = chat.last.text
    assert summary.startswith("<b>Your social media assessment</b>\n\n<b>SSRM: Phase 3 · Experimentation</b>")
    assert "Do this first" not in summary  # it had no plan
    await chat.tap("SSRM")
    detail = chat.last.text
    assert "<b>Bottleneck</b>: Application (phase 1) is the lowest: it holds the others back." in detail
    assert "Your phase is their middle value (the median), so one lagging dimension" in detail
    assert ["📌 My plan", "🗂 My results"] in chat.last.labels  # and a way back to the list


async def test_settings_show_and_change_language_weekly_tip_and_reminder(advisor):
    advisor.application.bot_data.clock = lambda: NOW
    chat = advisor.chat()
    await quick_check(chat)
    await chat.send("/settings")
    assert chat.last.text == (
        "<b>Settings</b>\n\n🌐 Language: English\n🔕 Weekly tip: off.\n⏰ Reminder to check in: none."
    )
    assert chat.last.labels == [
        ["🌐 Language"], ["🔔 A tip every week"], ["⏰ Remind me to check in"], ["🔒 Privacy and your data"],
        ["☰ Menu"],
    ]
    await chat.tap("⏰ Remind me to check in")
    await chat.tap("In 12 weeks")
    await chat.send("/tips")
    await chat.tap("Employee")
    await chat.tap("✓ Done")
    await chat.tap("🔔 A tip every week")
    await chat.tap("Monday")
    await chat.send("/settings")
    assert chat.last.text == (
        "<b>Settings</b>\n\n🌐 Language: English\n"
        "🔔 Weekly tip: every Monday around 9:00\u202fAM, as an employee.\n"
        "✅ 1 tip acted on.\n"
        "⏰ Reminder to check in: February 17, 2027."
    )
    assert chat.last.labels == [
        ["🌐 Language"], ["🗓 Other day or role", "🔕 Stop"], ["🔕 No reminder"], ["🔒 Privacy and your data"],
        ["☰ Menu"],
    ]
    await chat.tap("🌐 Language")
    assert chat.last.text == "Choose your language."


async def test_an_unknown_command_mid_question_says_so_and_shows_the_question_again(advisor):
    chat = advisor.chat()
    await chat.send("/start quick")
    await chat.tap(2)
    await chat.send("/foo")
    assert chat.messages[-2].text == (
        "Sorry, I don’t know that command; /help lists what I understand. Here is your question again."
    )
    assert chat.last.text.startswith("<b>Quick phase check</b> · Question 2 of 5")


async def test_help_names_all_five_sources_and_their_authors(advisor):
    chat = advisor.chat()
    await chat.send("/help")
    text = chat.last.text
    for source in (
        "Social Strategy Readiness Model (SSRM), by SRO",
        "Social Media 24/7 model, by Ingmar de Lange, Judith Hordijk and Wilco Kaasenbrood",
        "Social Media Cycle, by MarketingMonday",
        "Social Media Glue Model",
        "Strategy Hexagon (Social Media Strategy Framework), by Axel Schultze",
    ):
        assert source in text
    assert "/plan – your plan" in text and "/settings – language, weekly tip and reminder" in text


@pytest.mark.parametrize("levels", [(1, 5, 5, 5, 2), (5, 5, 5, 5, 4), (3, 3, 3, 3, 3), (1, 1, 1, 1, 5)])
def test_a_quick_plan_with_every_cycle_step_in_place_still_has_three_moves_and_asks_for_no_step_again(levels):
    """Uneven profiles after a full assessment that ticked all twelve steps: only the Always-On
    steps (which keep the cycle going) may fill up the three moves, and only after the lifts."""
    from dialogs import plan, ssrm

    result = ssrm.score(dict(zip(ssrm.DIMENSION_KEYS, (level - 1 for level in levels), strict=True)))
    moves = plan.for_quick_check(result, tuple(range(1, 13))).moves
    assert len(moves) == 3
    steps = [move for move in moves if move.startswith("cycle:")]
    assert set(steps) <= set(plan.ALWAYS_ON_STEPS)
    assert moves[: len(moves) - len(steps)] == tuple(move for move in moves if not move.startswith("cycle:"))
