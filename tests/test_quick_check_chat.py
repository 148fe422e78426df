"""The quick phase check in a chat: exact screens in English and Dutch, taps, and what is stored."""

from bot.simulator import ChatMessage
from tests.support.menus import MENU_EN, MENU_NL

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

RESULT_EN = """<b>Phase 3 · Experimentation</b>
<i>the first steps in employee advocacy</i>

<b>Your profile</b>
●●●○○  Media 3
●●●○○  Approach 3
●○○○○  Application 1  ← bottleneck
●●●●○  Technology 4
●●●●●  Impact 5

<b>Bottleneck</b>: Application (phase 1) is the lowest: it holds the others back.
<b>Next level for Application</b>: Company profiles are the main channel, sharing informative content \
such as product news and updates.

<b>Why this phase</b>: your five levels, from low to high, are 1 · 3 · 3 · 4 · 5. Your phase is their \
middle value (the median), so one lagging dimension does not pull the whole organisation back. \
This is the advisor’s rule, not the model’s.

<b>Recognise this?</b> “Our employees feel more engaged now.” “Our content is reaching and engaging more people.”

<b>Why take the next step?</b>
Moving to Collaborate scales employee advocacy to a larger group of employees or to local partners \
such as dealers or franchisees, for deeper and broader reach and more brand credibility. \
Management involvement remains crucial."""

RESULT_NL = """<b>Fase 3 · Experimentation</b>
<i>de eerste stappen in employee advocacy</i>

<b>Je profiel</b>
●●●○○  Media 3
●●●○○  Aanpak 3
●○○○○  Toepassing 1  ← knelpunt
●●●●○  Technologie 4
●●●●●  Impact 5

<b>Knelpunt</b>: Toepassing (fase 1) is het laagst en remt de rest af.
<b>Volgend niveau voor Toepassing</b>: Bedrijfsprofielen zijn het belangrijkste kanaal, met informatieve \
content zoals productnieuws en updates.

<b>Waarom deze fase</b>: je vijf niveaus, van laag naar hoog, zijn 1 · 3 · 3 · 4 · 5. Je fase is de \
middelste waarde (de mediaan), zodat één achterblijvende dimensie niet de hele organisatie omlaag trekt. \
Dit is een regel van de adviseur, niet van het model.

<b>Herken je dit?</b> “Onze medewerkers voelen zich nu meer betrokken.” “Onze content bereikt en raakt meer mensen.”

<b>Waarom de volgende stap zetten?</b>
Met de stap naar Collaborate breid je employee advocacy uit naar een grotere groep medewerkers of naar \
lokale partners zoals dealers of franchisenemers, voor een groter en breder bereik en meer geloofwaardigheid \
van het merk. Betrokkenheid van het management blijft cruciaal."""


def callback_data(message: ChatMessage) -> list[list[str]]:
    return [[button["callback_data"] for button in row] for row in message.keyboard]


async def test_start_greets_in_english_with_the_menu(advisor):
    chat = advisor.chat(first_name="Ada", language_code="en-GB")
    await chat.send("/start")
    assert chat.last.text.startswith("<b>Hi Ada!</b> I’m your social media strategy advisor.")
    assert chat.last.labels == MENU_EN
    assert callback_data(chat.last) == [["m1:full"], ["m1:quick"], ["t1:roles"], ["m1:results", "m1:language"]]


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
        ["4 · Staff or partners in front"],
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
    assert chat.last.labels == [["↻ Retake", "☰ Menu"], ["📋 Full assessment"]]
    assert callback_data(chat.last) == [["m1:retake", "m1:home"], ["m1:full_new"]]
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
    assert chat.last.labels == [["↻ Opnieuw", "☰ Menu"], ["📋 Volledige scan"]]


async def test_phase_five_gets_the_always_on_path(advisor):
    chat = advisor.chat()
    await chat.send("/start quick")
    for _ in range(5):
        await chat.tap(5)
    text = chat.last.text
    assert text.startswith("<b>Phase 5 · Performance-Driven</b>")
    assert "<b>Bottleneck</b>: None stands out: all five dimensions are in phase 5." in text
    assert "<b>The path forward: Always-On</b>\nSocial media is not used temporarily" in text


async def test_ties_name_every_lowest_dimension_in_the_sources_order(advisor):
    chat = advisor.chat()
    await chat.send("/start quick")
    for option in (4, 2, 5, 2, 2):
        await chat.tap(option)
    # at the phase itself, the lowest dimensions hold nothing back: they are what must move next
    expected = (
        "<b>Bottleneck</b>: Approach, Technology and Impact (phase 2) are the lowest: "
        "lift them first to reach the next phase."
    )
    assert expected in chat.last.text


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


async def test_answers_results_and_sessions_are_stored(advisor):
    chat = advisor.chat()
    await chat.send("/start quick")
    for option in (3, 3, 1, 4, 5):
        await chat.tap(option)
    db = advisor.storage._db
    assert await db.execute_fetchall("SELECT question, option FROM answers ORDER BY question") == [
        ("application", 0), ("approach", 2), ("impact", 4), ("media", 2), ("technology", 3),
    ]
    assert await db.execute_fetchall("SELECT flow, state, status FROM sessions") == [("quick", "done", "done")]
    [result] = await advisor.storage.results(chat.user["id"])
    assert result.scoring_version == 1
    assert result.scores == {
        "levels": {"media": 3, "approach": 3, "application": 1, "technology": 4, "impact": 5},
        "phase": 3,
        "bottleneck": ["application"],
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
    assert chat.messages[0].text.startswith("<b>Phase 1 · Ad Hoc</b>")
    assert callback_data(chat.last)[0][0] == "q1:2:1:0"
    assert len(await advisor.storage.results(chat.user["id"])) == 1


async def test_menu_from_the_first_question_and_back_into_it(advisor):
    chat = advisor.chat()
    await chat.send("/start quick")
    await chat.tap("☰ Menu")
    assert chat.last.labels == MENU_EN
    await chat.tap("⚡ Quick phase check")
    assert callback_data(chat.last)[0][0] == "q1:1:1:0"  # the same (empty) session, no new one
