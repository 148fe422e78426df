"""Coming back after leaving or a restart, choosing a language, and the registered commands."""

import pytest

from bot.retrying import BACKOFF
from bot.simulator import LocalBotApi
from tests.support.menus import MENU_EN, MENU_NL
from tests.support.rows import rows


async def test_start_mid_check_offers_continue_or_start_over(advisor):
    chat = advisor.chat()
    await chat.send("/start quick")
    await chat.tap(2)
    await chat.tap(3)
    await chat.send("/start")
    assert chat.last.text == "You have a quick phase check in progress: 2 of 5 questions answered."
    assert chat.last.labels == [["▶ Continue (question 3 of 5)"], ["↺ Start over"], ["☰ Menu"]]
    await chat.tap("▶ Continue (question 3 of 5)")
    assert "Question 3 of 5" in chat.last.text


@pytest.mark.backends
async def test_start_over_abandons_the_old_session_but_keeps_its_answers(advisor):
    chat = advisor.chat()
    await chat.send("/start quick")
    await chat.tap(2)
    await chat.send("/start")
    await chat.tap("↺ Start over")
    assert "Question 1 of 5" in chat.last.text
    storage = advisor.storage
    assert await rows(storage, "SELECT id, status FROM sessions ORDER BY id") == [(1, "abandoned"), (2, "open")]
    assert await rows(storage, "SELECT session_id, question, option FROM answers") == [(1, "media", 1)]


@pytest.mark.backends
async def test_a_restart_on_the_same_database_resumes_at_the_same_question(start_advisor):
    context, api = start_advisor()
    async with context as application:
        from bot.simulator import ChatSimulator

        chat = ChatSimulator(application, api, language_code="nl")
        await chat.send("/start quick")
        for option in (1, 2, 3):
            await chat.tap(option)

    context, api = start_advisor(LocalBotApi())  # a new process: nothing in memory survives
    async with context as application:
        chat = ChatSimulator(application, api, language_code="nl")
        await chat.send("/start")
        assert chat.last.text == "Je bent bezig met een snelle fasecheck: 3 van de 5 vragen beantwoord."
        assert chat.last.labels == [["▶ Verder (vraag 4 van 5)"], ["↺ Opnieuw beginnen"], ["☰ Menu"]]
        await chat.tap("▶ Verder (vraag 4 van 5)")
        assert chat.last.text.startswith("<b>Snelle fasecheck</b> · Vraag 4 van 5")
        await chat.tap(4)
        await chat.tap(5)
        assert "\n\n<b>Fase 2 · Basic Publishing</b>" in chat.last.text  # 1 to 5: one above the lowest
        assert "●○○○○  Media 1  ← knelpunt\n●●○○○  Aanpak 2\n●●●○○  Toepassing 3" in chat.last.text


async def test_choosing_dutch_is_stored_and_overrides_telegrams_language(advisor):
    chat = advisor.chat(language_code="en")
    await chat.send("/language")
    assert chat.last.text == "Choose your language."
    assert chat.last.labels == [["✓ English"], ["Nederlands"], ["☰ Menu"]]
    await chat.tap("Nederlands")
    assert advisor.api.toasts[-1] == "Taal: Nederlands"
    assert chat.last.labels == MENU_NL
    await chat.send("/language")
    assert chat.last.text == "Kies je taal."
    assert chat.last.labels == [["English"], ["✓ Nederlands"], ["☰ Menu"]]
    await chat.send("/settings")
    assert chat.last.text == (
        "<b>Instellingen</b>\n\n🌐 Taal: Nederlands\n🔕 Wekelijkse tip: uit.\n"
        "⏰ Herinnering om je plan te bekijken: geen."
    )
    db = advisor.storage._db
    assert await db.execute_fetchall("SELECT id, language FROM users") == [(1, "nl")]


async def test_changing_language_mid_check_returns_to_the_question(advisor):
    chat = advisor.chat(language_code="en")
    await chat.send("/start quick")
    await chat.tap(2)
    await chat.send("/language")
    await chat.tap("Nederlands")
    assert chat.last.text.startswith("<b>Snelle fasecheck</b> · Vraag 2 van 5")


async def test_the_group_answer_follows_the_stored_language(advisor):
    chat = advisor.chat(user_id=7, language_code="nl")
    await chat.send("/language")
    await chat.tap("English")
    group = advisor.chat(user_id=7, language_code="nl", chat_type="group", chat_id=-300)
    await group.send("/start")
    assert group.last.text.startswith("I work in a private chat")


async def test_help_explains_the_commands(advisor):
    chat = advisor.chat(language_code="nl")
    await chat.send("/help")
    assert chat.last.text.startswith("<b>Wat ik doe</b>\n\nIk ben je adviseur voor social-mediastrategie.")
    assert "/language – kies Engels of Nederlands" in chat.last.text
    assert chat.last.labels == [["🔒 Privacy en je gegevens"], ["☰ Menu"]]


async def test_commands_and_descriptions_are_registered_in_english_and_dutch(advisor):
    commands = advisor.api.calls_of("setMyCommands")
    by_language = {call.get("language_code"): call["commands"] for call in commands}
    assert by_language[None] == [
        {"command": "start", "description": "Menu, or continue where you left off"},
        {"command": "help", "description": "What this advisor does"},
        {"command": "language", "description": "Choose English or Dutch"},
        {"command": "settings", "description": "Your settings"},
        {"command": "plan", "description": "Your plan: what to do first"},
        {"command": "strategy", "description": "Write your social media strategy"},
        {"command": "team", "description": "A team check for your team or workshop"},
        {"command": "results", "description": "Your past results"},
        {"command": "tips", "description": "Advocacy tips for your role"},
        {"command": "stop", "description": "Stop the weekly tip and reminders"},
        {"command": "privacy", "description": "What I keep about you, and why"},
        {"command": "mydata", "description": "All your data, as a file"},
        {"command": "deletedata", "description": "Delete all your data"},
    ]
    assert by_language["nl"] == [
        {"command": "start", "description": "Menu, of verder waar je gebleven was"},
        {"command": "help", "description": "Wat deze adviseur doet"},
        {"command": "language", "description": "Kies Engels of Nederlands"},
        {"command": "settings", "description": "Je instellingen"},
        {"command": "plan", "description": "Je plan: wat je eerst doet"},
        {"command": "strategy", "description": "Schrijf je social-mediastrategie"},
        {"command": "team", "description": "Een teamcheck voor je team of workshop"},
        {"command": "results", "description": "Je eerdere resultaten"},
        {"command": "tips", "description": "Tips voor ambassadeurs, per rol"},
        {"command": "stop", "description": "Stop de wekelijkse tip en herinneringen"},
        {"command": "privacy", "description": "Wat ik over je bewaar, en waarom"},
        {"command": "mydata", "description": "Al je gegevens, als bestand"},
        {"command": "deletedata", "description": "Verwijder al je gegevens"},
    ]
    short = {c.get("language_code"): c["short_description"] for c in advisor.api.calls_of("setMyShortDescription")}
    assert short == {
        None: "Your social media strategy advisor: where you stand and what to do next, by tapping buttons.",
        "nl": "Je adviseur voor social-mediastrategie: waar je staat en wat je volgende stap is, met een paar tikken.",
    }
    descriptions = {c.get("language_code"): c["description"] for c in advisor.api.calls_of("setMyDescription")}
    assert descriptions["nl"].startswith("Waar staat je organisatie op social media")
    assert all(len(text) <= 512 for text in descriptions.values())  # Telegram's limit
    assert all(len(text) <= 120 for text in short.values())


async def test_a_failed_registration_does_not_stop_the_bot(start_advisor):
    api = LocalBotApi()
    for _try in range(1 + len(BACKOFF)):  # a refusal that outlasts the retries of the call
        api.fail("setMyCommands", 500, "Internal Server Error")
    context, api = start_advisor(api)
    async with context as application:
        from bot.simulator import ChatSimulator

        chat = ChatSimulator(application, api)
        await chat.send("/start")
        assert chat.last.labels == MENU_EN


async def test_a_check_stopped_between_last_answer_and_result_is_finished_on_return(advisor):
    """The last answer is committed before its result; if the bot stops in between, /start
    stores the result and shows it, instead of losing the check."""
    chat = advisor.chat()
    await chat.send("/start quick")
    for option in (2, 2, 2, 2):
        await chat.tap(option)
    await advisor.storage.move(chat.user["id"], 1, "quick", "impact", "done", ("impact", 1))  # the bot stopped here
    assert await advisor.storage.results(chat.user["id"]) == []
    await chat.send("/start")
    assert "\n\n<b>Phase 2 · Basic Publishing</b>" in chat.last.text
    [result] = await advisor.storage.results(chat.user["id"])
    assert result.scores["phase"] == 2
