"""The quick phase check in a chat: exact screens in English and Dutch, taps, and what is stored."""

from pathlib import Path

import pytest

from bot.simulator import ChatMessage
from tests.support.menus import MENU_EN, MENU_NL
from tests.support.rows import rows

Q1_EN = """<b>Quick phase check</b> · Question 1 of 5

<b>Media</b>: Which media carry your social media presence?

1 · Owned media only, through a single company profile, without additional support.
2 · Mainly owned media (company profiles), without extra support from employees or paid channels.
3 · A mix of owned and earned media, using the personal profiles of employees and management.
4 · Strategic use of owned and earned media, with the profiles of employees or local partners taking centre stage.
5 · Owned, earned and paid media combined: organic efforts reinforced by paid advertising.

Tap the description that fits your organisation best."""

Q1_NL = """<b>Snelle fasecheck</b> · Vraag 1 van 5

<b>Media</b>: Via welke media ben je op social media aanwezig?

1 · Alleen owned media, via één bedrijfsprofiel, zonder extra ondersteuning.
2 · Vooral owned media (bedrijfsprofielen), zonder extra steun van medewerkers of betaalde kanalen.
3 · Een mix van owned en earned media, met de persoonlijke profielen van medewerkers en management.
4 · Strategisch gebruik van owned en earned media, met de profielen van medewerkers of lokale partners centraal.
5 · Owned, earned en paid media gecombineerd: organische inzet versterkt met betaalde advertenties.

Tik op de beschrijving die het best bij je organisatie past."""

# Levels 3, 3, 1, 4, 5: the median is 3, but one dimension far behind caps the phase at 2.
EXPECTED = Path(__file__).parent / "expected"
RESULT_EN = (EXPECTED / "quick_result_en.html").read_text(encoding="utf-8")
RESULT_NL = (EXPECTED / "quick_result_nl.html").read_text(encoding="utf-8")


def callback_data(message: ChatMessage) -> list[list[str]]:
    return [[button["callback_data"] for button in row] for row in message.keyboard]


async def test_start_greets_in_english_with_the_menu(advisor):
    chat = advisor.chat(first_name="Ada", language_code="en-GB")
    await chat.send("/start")
    assert chat.last.text.startswith("<b>Hi Ada!</b> I’m your social media strategy advisor.")
    assert chat.last.labels == MENU_EN
    assert callback_data(chat.last) == [
        ["m1:full"], ["m1:quick"], ["m1:plan", "m1:results"], ["m1:strategy", "m1:team"],
        ["t1:roles", "m1:settings"],
    ]


async def test_start_greets_in_dutch_when_telegram_is_dutch(advisor):
    chat = advisor.chat(first_name="Joke", language_code="nl")
    await chat.send("/start")
    assert chat.last.text.startswith("<b>Hoi Joke!</b> Ik ben je adviseur voor social-mediastrategie.")
    assert chat.last.labels == MENU_NL


async def test_a_name_with_html_is_shown_as_text(advisor):
    chat = advisor.chat(first_name="<Bob & co>")
    await chat.send("/start")
    assert chat.last.text.startswith("<b>Hi &lt;Bob &amp; co&gt;!</b>")


async def test_the_whole_check_in_english_edits_one_message(advisor):
    chat = advisor.chat(language_code="en")
    await chat.send("/start")
    menu = chat.last
    await chat.tap("⚡ Quick phase check")
    assert chat.last.message_id == menu.message_id  # edited in place
    assert chat.last.text == Q1_EN
    assert chat.last.labels == [
        ["1 · One company profile only"],
        ["2 · Company profiles, no support"],
        ["3 · Plus staff and managers"],
        ["4 · Staff/partner profiles first"],
        ["5 · Owned, earned and paid media"],
        ["☰ Menu"],
    ]
    assert callback_data(chat.last)[0] == ["q1:1:1:0"]
    assert callback_data(chat.last)[-1] == ["m1:menu"]

    await chat.tap("3 · Plus staff and managers")
    assert chat.last.text.startswith("<b>Quick phase check</b> · Question 2 of 5\n\n<b>Approach</b>: How do you")
    assert chat.last.labels[-1] == ["« Back", "☰ Menu"]
    assert callback_data(chat.last)[-1] == ["q1:1:2:b", "m1:menu"]

    for option in (3, 1, 4, 5):
        await chat.tap(option)
    assert chat.last.message_id == menu.message_id
    assert chat.last.text == RESULT_EN
    assert chat.last.labels == [["📌 My plan"], ["↻ Retake", "☰ Menu"], ["📋 Full assessment"]]
    assert callback_data(chat.last) == [["m1:plan"], ["m1:retake", "m1:home"], ["m1:full_new"]]
    assert len(chat.messages) == 1


async def test_the_whole_check_in_dutch(advisor):
    chat = advisor.chat(language_code="nl")
    await chat.send("/start")
    await chat.tap("⚡ Snelle fasecheck")
    assert chat.last.text == Q1_NL
    assert chat.last.labels[2] == ["3 · Ook medewerkers en management"]
    for option in (3, 3, 1, 4, 5):
        await chat.tap(option)
    assert chat.last.text == RESULT_NL
    assert chat.last.labels == [["📌 Mijn plan"], ["↻ Opnieuw doen", "☰ Menu"], ["📋 Volledige scan"]]


async def test_phase_five_gets_the_always_on_path(advisor):
    chat = advisor.chat()
    await chat.send("/start quick")
    for _ in range(5):
        await chat.tap(5)
    text = chat.last.text
    assert "\n\n<b>Phase 5 · Performance-Driven</b>\n" in text
    assert "<b>No bottleneck</b>: you are evenly at the top phase." in text
    assert "<b>The path forward: Always-On</b>\nSocial media is not used temporarily" in text


async def test_evenly_at_the_phase_names_what_leads_to_the_next(advisor):
    chat = advisor.chat()
    await chat.send("/start quick")
    for option in (4, 2, 5, 2, 2):
        await chat.tap(option)
    # none below phase 2: no bottleneck; two dimensions are above it, so one more lifts the
    # median, the first in the order of success
    expected = (
        "<b>No bottleneck</b>: you are evenly at phase 2: no dimension is below it. To reach phase 3, "
        "lift Approach first.†\n<b>Next level for Approach</b>: "
    )
    assert expected in chat.last.text
    assert "<b>Ahead of your practice</b>: Application (5) and Media (4) are two or more phases" in chat.last.text


async def test_two_dimensions_below_the_phase_come_in_the_order_of_success(advisor):
    chat = advisor.chat()
    await chat.send("/start quick")
    for option in (2, 2, 4, 4, 3):
        await chat.tap(option)
    text = chat.last.text
    assert "<b>Bottleneck</b>: Approach and Media (phase 2) are below your phase: they hold the others back." in text
    assert (
        "Your phase is their middle value (the median): Approach and Media, one level behind, do not pull "
        "the whole organisation back, but are its bottleneck.†"
    ) in text


async def test_back_shows_the_previous_question_with_its_answer_ticked(advisor):
    chat = advisor.chat()
    await chat.send("/start quick")
    await chat.tap(2)
    await chat.tap("« Back")
    assert "Question 1 of 5" in chat.last.text
    assert chat.last.labels[1] == ["✓ 2 · Company profiles, no support"]
    await chat.tap(4)  # a changed answer replaces the old one
    session = (await advisor.storage.load_user(chat.user["id"])).session("quick")
    assert session.answers == {"media": 3}
    assert session.state == "approach"


@pytest.mark.backends
async def test_answers_results_and_sessions_are_stored(advisor):
    chat = advisor.chat()
    await chat.send("/start quick")
    for option in (3, 3, 1, 4, 5):
        await chat.tap(option)
    storage = advisor.storage
    assert await rows(storage, "SELECT question, option FROM answers ORDER BY question") == [
        ("application", 0), ("approach", 2), ("impact", 4), ("media", 2), ("technology", 3),
    ]
    assert await rows(storage, "SELECT flow, state, status FROM sessions") == [("quick", "done", "done")]
    [result] = await advisor.storage.results(chat.user["id"])
    assert result.scoring_version == 2
    assert result.scores == {
        "levels": {"media": 3, "approach": 3, "application": 1, "technology": 4, "impact": 5},
        "phase": 2,
        "bottleneck": ["application"],
        "ahead": ["technology", "impact"],
        "next_lift": [],
        "capped": True,
        "plan": ["dimension:application:2", "cycle:6", "cycle:7"],
    }


async def test_retake_starts_a_new_session_and_keeps_the_old_result(advisor):
    chat = advisor.chat()
    await chat.send("/start quick")
    for _ in range(5):
        await chat.tap(1)
    result = chat.last
    await chat.tap("↻ Retake")
    assert "Question 1 of 5" in chat.last.text
    assert chat.last.message_id != result.message_id  # the result stays in the chat
    assert "\n\n<b>Phase 1 · Ad Hoc</b>\n" in chat.messages[0].text
    assert callback_data(chat.last)[0][0] == "q1:2:1:0"
    assert len(await advisor.storage.results(chat.user["id"])) == 1


async def test_menu_from_the_first_question_and_back_into_it(advisor):
    chat = advisor.chat()
    await chat.send("/start quick")
    await chat.tap("☰ Menu")
    assert chat.last.labels == MENU_EN
    await chat.tap("⚡ Quick phase check")
    assert callback_data(chat.last)[0][0] == "q1:1:1:0"  # the same (empty) session, no new one
