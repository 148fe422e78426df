"""The full assessment in a chat: screens and keyboards, Back across sections, the Cycle
checklist, restarts, the exact result in English and Dutch, details, card and /results."""

from pathlib import Path

import pytest

from bot.simulator import LocalBotApi
from tests.support.drivers import take_full_assessment
from tests.support.rows import rows

EXPECTED = Path(__file__).parent / "expected"
# Profile A: experimenting without tools. Profile B: collaborating without management support.
PROFILE_A = ((3, 3, 3, 1, 3), 2, (2, 2, 1, 1, 0, 0, 0, 0), (1, 2, 3, 4, 5), 3)
PROFILE_B = ((4, 4, 4, 3, 4), 0, (2, 2, 2, 1, 1, 0, 1, 0), (1, 2, 3, 4, 5, 6, 7), 2)
TELEGRAM_TEXT_LIMIT = 4096


def data(message) -> list[list[str]]:
    return [[button["callback_data"] for button in row] for row in message.keyboard]


@pytest.mark.parametrize(
    ("language", "profile", "expected"),
    [
        ("en", PROFILE_A, "full_result_en_a.html"),
        ("nl", PROFILE_A, "full_result_nl_a.html"),
        ("en", PROFILE_B, "full_result_en_b.html"),
        ("nl", PROFILE_B, "full_result_nl_b.html"),
    ],
)
async def test_the_result_summary_is_exact(advisor, language, profile, expected):
    chat = advisor.chat(language_code=language)
    await take_full_assessment(chat, *profile)
    summary, card = chat.messages[-2:]
    assert summary.text == (EXPECTED / expected).read_text(encoding="utf-8")
    assert card.photo is not None and card.photo.startswith(b"\x89PNG")
    assert card.text == {"en": "Your result card", "nl": "Je resultaatkaart"}[language]


async def test_intro_and_first_screens_with_their_keyboards(advisor):
    chat = advisor.chat()
    await chat.send("/start full")
    assert chat.last.text.startswith("<b>Full assessment</b>\n\n16 questions, about 3 to 5 minutes.")
    assert chat.last.labels == [["▶ Start"], ["☰ Menu"]]
    assert data(chat.last) == [["f1:1:0:g"], ["m1:menu"]]
    await chat.tap("▶ Start")
    assert chat.last.text.startswith("<b>Full assessment</b> · Question 1 of 16\n<i>SSRM · Media</i>")
    assert chat.last.labels[-1] == ["« Back", "☰ Menu"]
    for level in (3, 3, 3, 1, 3):
        await chat.tap(level)
    assert chat.last.text.startswith("<b>Full assessment</b> · Question 6 of 16\n<i>SSRM · Management support</i>")
    assert chat.last.labels[:3] == [["1 · No, not really"], ["2 · They allow it"], ["3 · Yes, they actively back it"]]
    await chat.tap(3)
    assert chat.last.text == (
        "<b>Full assessment</b> · Question 7 of 16\n<i>Social Media 24/7 · Communicating · Informing</i>\n\n"
        "<b>Do you inform your audience through social media (sending messages)?</b>\n\n"
        "Communicating, simple: sending information. Many brands never go beyond it."
    )
    # not yet / started / established: a scale that fits every cell (promotion *is* occasional)
    assert chat.last.labels == [["Not yet", "Started", "Established"], ["« Back", "☰ Menu"]]
    assert data(chat.last)[0] == ["f1:1:7:0", "f1:1:7:1", "f1:1:7:2"]


async def test_dutch_screens_use_the_sources_terms(advisor):
    chat = advisor.chat(language_code="nl")
    await take_full_assessment(chat, *PROFILE_A)
    await chat.send("/start full")  # the finished one is done: a new assessment starts
    await chat.tap("▶ Beginnen")
    for level in (1, 1, 1, 1, 1, 1):
        await chat.tap(level)
    assert "<i>Social Media 24/7 · Communicatie · Informeren</i>" in chat.last.text
    assert chat.last.labels[0] == ["Nog niet", "Gestart", "Vast onderdeel"]
    for _ in range(8):
        await chat.tap(1)
    text = chat.last.text
    assert "<b>Cycle-fase 1: Social Media Strategie</b>" in text
    assert "<b>Cycle-fase 2: Winstgevende en kostenbesparende communities</b>" in text
    # each step with its meaning in one line, one step per button row
    assert "6 · <b>Verbinden</b>: " in text and "12 · <b>Organiseren</b>: " in text
    assert chat.last.labels[4] == ["5 · Crossmedia integratie"]
    assert chat.last.labels[-2:] == [["Klaar ▶"], ["« Terug", "☰ Menu"]]


async def test_back_crosses_section_boundaries_and_keeps_answers(advisor):
    chat = advisor.chat()
    await chat.send("/start full")
    await chat.tap("▶ Start")
    await chat.tap("« Back")
    assert chat.last.labels == [["▶ Start"], ["☰ Menu"]]  # back to the intro
    await chat.tap("▶ Start")
    for level in (2, 2, 2, 2, 2, 2):
        await chat.tap(level)
    assert "Question 7 of 16" in chat.last.text  # 24/7 section
    await chat.tap("« Back")
    assert "<i>SSRM · Management support</i>" in chat.last.text
    assert chat.last.labels[1] == ["✓ 2 · They allow it"]
    await chat.tap("✓ 2 · They allow it")
    for _ in range(8):
        await chat.tap("Established")
    assert "<i>Social Media Cycle</i>" in chat.last.text
    await chat.tap("« Back")
    assert "<i>Social Media 24/7 · Selling · Distribution</i>" in chat.last.text
    assert chat.last.labels[0] == ["Not yet", "Started", "✓ Established"]
    await chat.tap("✓ Established")
    await chat.tap("Done ▶")
    assert "<i>Social Media Glue Model</i>" in chat.last.text
    await chat.tap("« Back")
    assert "<i>Social Media Cycle</i>" in chat.last.text


@pytest.mark.backends
async def test_toggling_a_cycle_step_twice_leaves_it_unticked(advisor):
    chat = advisor.chat()
    await chat.send("/start full")
    await chat.tap("▶ Start")
    for level in (2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1):
        await chat.tap(level)
    checklist = chat.last
    await chat.tap("3 · Content strategy")
    assert chat.last.message_id == checklist.message_id  # edited in place
    assert chat.last.labels[2:4] == [["✓ 3 · Content strategy"], ["4 · Media and means"]]
    assert data(chat.last)[2][0] == "f1:1:15:s030"  # the tick's button now unticks
    await chat.tap("✓ 3 · Content strategy")
    assert chat.last.labels[2:4] == [["3 · Content strategy"], ["4 · Media and means"]]
    stored = "SELECT option FROM answers WHERE question = 'cycle_3'"
    assert await rows(advisor.storage, stored) == [(0,)]
    # a repeated tap on the old "tick" button ticks again (it never flips back and forth)
    await chat.tap_data("f1:1:15:s031")
    await chat.tap_data("f1:1:15:s031")
    assert await rows(advisor.storage, stored) == [(1,)]


@pytest.mark.parametrize(
    ("taps_before_restart", "question", "section"),
    [(3, "Question 4 of 16", "SSRM · Technology"), (9, "Question 10 of 16", "Social Media 24/7"),
     (14, "Question 15 of 16", "Social Media Cycle"), (15, "Question 16 of 16", "Social Media Glue Model")],
)
async def test_a_restart_in_each_section_resumes_at_the_same_screen(start_advisor, taps_before_restart, question,
                                                                    section):
    from bot.simulator import ChatSimulator

    context, api = start_advisor()
    async with context as application:
        chat = ChatSimulator(application, api)
        await chat.send("/start full")
        await chat.tap("▶ Start")
        for _ in range(min(taps_before_restart, 14)):
            await chat.tap(1)
        if taps_before_restart == 15:
            await chat.tap("1 · Objectives")
            await chat.tap("Done ▶")
    context, api = start_advisor(LocalBotApi())
    async with context as application:
        chat = ChatSimulator(application, api)
        await chat.send("/start")
        assert chat.last.text.startswith("You have a full assessment in progress")
        number = question.split()[1]
        await chat.tap(f"▶ Continue (question {number} of 16)")
        assert question in chat.last.text and section in chat.last.text
        if section == "Social Media Glue Model":
            await chat.tap(1)
            assert "Step 2 · Target groups" in chat.messages[-2].text  # step 1 survived the restart


async def test_result_details_open_and_come_back(advisor):
    chat = advisor.chat()
    await take_full_assessment(chat, *PROFILE_A)
    summary = chat.messages[-2]
    assert data(summary) == [
        ["r1:1:ssrm", "r1:1:sm247"],
        ["r1:1:cycle", "r1:1:glue"],
        ["m1:plan", "m1:results"],
        ["m1:strategy", "r1:1:report"],
        ["m1:retake_full", "m1:home"],
    ]
    await chat.tap("SSRM", summary)
    assert chat.messages[-2].text.startswith("<b>Phase 2 · Basic Publishing</b>")
    assert "<b>Management support</b>: Yes: management sees it as strategic" in chat.messages[-2].text
    await chat.tap("24/7", chat.messages[-2])
    sm247_detail = chat.messages[-2].text
    assert "<b>What the model remarks</b>\nNone of the model’s warnings apply" in sm247_detail
    # the model's own voice on its order, and the profile reading marked as the advisor's
    assert "For selling, “the previous steps are necessary to come up with a good distribution process”" in sm247_detail
    assert "so not every organisation needs every cell.†" in sm247_detail
    await chat.tap("Cycle", chat.messages[-2])
    detail = chat.messages[-2].text
    assert detail.startswith("<b>Social Media Cycle</b>\n\n<b>Step 6 · Connect (Cycle phase 2: Profitable")
    assert "Connect your fans and make sure they become your ambassadors." in detail
    assert "Steps in place: 1, 2, 3, 4, 5" in detail
    assert "Then step 11 · Facilitate: the step your bottleneck points to.†" in detail
    await chat.tap("Glue", chat.messages[-2])
    assert "<b>▶ 3. Your network strengthens campaigns</b>" in chat.messages[-2].text
    await chat.tap("Summary", chat.messages[-2])
    assert chat.messages[-2].text == (EXPECTED / "full_result_en_a.html").read_text(encoding="utf-8")


async def test_another_users_result_cannot_be_opened(advisor):
    alice, bob = advisor.chat(user_id=1), advisor.chat(user_id=2)
    await take_full_assessment(alice, *PROFILE_A)
    await bob.send("/start")
    await bob.tap_data("r1:1:ssrm")
    assert advisor.api.toasts[-1] == "This button is no longer active."
    assert "Experimentation" not in bob.last.text


async def test_results_lists_dates_and_what_changed(advisor):
    chat = advisor.chat(language_code="nl")
    await chat.send("/start quick")
    for level in (2, 2, 2, 2, 2):
        await chat.tap(level)
    await take_full_assessment(chat, *PROFILE_A)
    await chat.send("/results")
    lines = chat.last.text.split("\n")
    assert lines[0] == "<b>Je resultaten</b>"
    assert lines[2].endswith("</b> · Volledige scan") and lines[2].startswith("<b>")
    assert lines[3] == "Fase 2 · Basic Publishing"
    assert lines[4].startswith("Sinds ") and lines[4].endswith(
        ": dezelfde fase, Media 2 → 3, Aanpak 2 → 3, Toepassing 2 → 3, Technologie 2 → 1, Impact 2 → 3"
    )
    assert lines[6].endswith("</b> · Snelle fasecheck")
    assert chat.last.labels == [["Mijn laatste volledige resultaat"], ["☰ Menu"]]


async def test_no_results_yet(advisor):
    chat = advisor.chat()
    await chat.send("/results")
    assert chat.last.text == "You have no results yet. Take the quick phase check or the full assessment to get one."
    assert chat.last.labels == [["📋 Full assessment"], ["⚡ Quick phase check"], ["☰ Menu"]]


async def test_every_message_fits_telegram_and_buttons_fit_a_phone(advisor):
    for language in ("en", "nl"):
        chat = advisor.chat(user_id={"en": 5, "nl": 6}[language], language_code=language)
        await take_full_assessment(chat, (1, 2, 3, 4, 5), 0, (1, 0, 0, 0, 2, 2, 2, 2), (), 0)
        await chat.tap("24/7", chat.messages[-2])
        await chat.tap("Glue", chat.messages[-2])
    sent = advisor.api.calls_of("sendMessage") + advisor.api.calls_of("editMessageText")
    assert max(len(call["text"]) for call in sent) <= TELEGRAM_TEXT_LIMIT
    keyboards = [call.get("reply_markup", {}).get("inline_keyboard", []) for call in sent]
    labels = [button["text"] for keyboard in keyboards for row in keyboard for button in row]
    assert max(len(label) for label in labels) <= 34  # about what a phone shows on one button


async def test_retake_keeps_the_result_and_starts_in_a_new_message(advisor):
    chat = advisor.chat()
    await take_full_assessment(chat, *PROFILE_A)
    count = len(chat.messages)
    await chat.tap("↻ Retake", chat.messages[-2])
    assert len(chat.messages) == count + 1
    assert chat.last.labels == [["▶ Start"], ["☰ Menu"]]
    assert len(await advisor.storage.results(chat.user["id"])) == 1


async def test_retake_with_an_assessment_under_way_offers_to_continue(advisor):
    chat = advisor.chat()
    await take_full_assessment(chat, *PROFILE_A)
    summary = chat.messages[-2]
    await chat.send("/start full")
    await chat.tap("▶ Start")
    for level in (1, 2, 3):
        await chat.tap(level)
    await chat.tap("↻ Retake", summary)
    assert chat.last.text == "You have a full assessment in progress: 3 of 16 questions answered."
    assert chat.last.labels == [["▶ Continue (question 4 of 16)"], ["↺ Start over"], ["☰ Menu"]]


async def test_a_typed_number_ticks_a_cycle_step_and_the_count_includes_the_checklist(advisor):
    chat = advisor.chat()
    await chat.send("/start full")
    await chat.tap("▶ Start")
    for level in (2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1):
        await chat.tap(level)
    await chat.send("12")
    assert chat.last.labels[11] == ["✓ 12 · Organise"]
    await chat.send("12")
    assert chat.last.labels[11] == ["12 · Organise"]
    await chat.tap("Done ▶")
    await chat.send("/start")
    assert chat.last.text == "You have a full assessment in progress: 15 of 16 questions answered."


async def test_the_summary_names_a_24_7_remark_and_why_the_glue_base_comes_first(advisor):
    chat = advisor.chat()
    # Approach at phase 1 (no calendar), "planned together" -> the base first; sending only.
    await take_full_assessment(chat, (2, 1, 2, 2, 2), 1, (2, 0, 0, 0, 0, 0, 0, 0), (), 3)
    summary = chat.messages[-2].text
    assert "\n3. <b>Answer and start conversations, not only send</b>†" in summary  # the 24/7 remark, third
    assert (
        "<b>Social Media Glue Model</b>: The base: your social media network — You post without a content plan, "
        "so the base comes first.†"
    ) in summary


async def test_results_compare_two_full_assessments_on_every_model(advisor):
    chat = advisor.chat()
    await take_full_assessment(chat, *PROFILE_A)
    await take_full_assessment(chat, *PROFILE_B)
    await chat.send("/results")
    change = chat.last.text.split("\n")[4]
    assert change.startswith("Since ")
    assert change.endswith(
        ": up from phase 2, Media 3 → 4, Approach 3 → 4, Application 3 → 4, Technology 1 → 3, Impact 3 → 4, "
        "Cycle steps in place 5 → 7, 24/7 cells established 2 → 3"
    )


async def test_a_card_telegram_already_has_is_sent_by_its_file_id(advisor):
    first, second = advisor.chat(user_id=21), advisor.chat(user_id=22)
    await take_full_assessment(first, *PROFILE_A)
    await take_full_assessment(second, *PROFILE_A)
    uploads = advisor.api.calls_of("sendPhoto")
    assert isinstance(uploads[0]["photo"], bytes)
    assert uploads[1]["photo"] == f"photo-{first.messages[-1].message_id}"  # no second upload
    assert second.messages[-1].photo == first.messages[-1].photo
