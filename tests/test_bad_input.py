"""Wrong input gets a friendly answer in the user's language, and nothing is lost or misfiled."""

import logging

from tests.support.menus import MENU_EN


async def start_check(chat, answers=()):
    await chat.send("/start quick")
    for option in answers:
        await chat.tap(option)


async def test_free_text_during_a_question_reminds_and_repeats_the_question(advisor):
    chat = advisor.chat()
    await start_check(chat, [2])
    await chat.send("what do you mean?")
    reminder, question = chat.messages[-2:]
    assert reminder.text == "Please tap one of the buttons below the question, or type the number of your answer."
    assert question.text.startswith("<b>Quick phase check</b> · Question 2 of 5")
    await chat.tap(1, question)  # the repeated question works
    assert "Question 3 of 5" in chat.last.text


async def test_a_sticker_gets_the_reminder_in_dutch(advisor):
    chat = advisor.chat(language_code="nl")
    await start_check(chat)
    await chat.send_sticker()
    assert chat.messages[-2].text == "Tik op een van de knoppen onder de vraag, of typ het nummer van je antwoord."
    assert chat.last.text.startswith("<b>Snelle fasecheck</b> · Vraag 1 van 5")


async def test_free_text_without_a_check_shows_the_menu(advisor):
    chat = advisor.chat()
    await chat.send("hello")
    assert chat.messages[0].text == "I work with buttons: choose one below, or send /help."
    assert chat.last.labels == MENU_EN
    assert len(chat.messages) == 2


async def test_an_unknown_command_says_so_in_dutch(advisor):
    chat = advisor.chat(language_code="nl")
    await chat.send("/foo")
    assert chat.messages[0].text == (
        "Sorry, dat commando ken ik niet. Hier is het menu; via /help zie je wat ik wel begrijp."
    )
    assert chat.last.labels[0] == ["📋 Volledige scan"]


async def test_a_typed_number_answers_the_open_question(advisor):
    chat = advisor.chat()
    await start_check(chat, [2])
    await chat.send("3")
    assert chat.last.text.startswith("<b>Quick phase check</b> · Question 3 of 5")
    session = (await advisor.storage.load_user(chat.user["id"])).session("quick")
    assert session.answers == {"media": 1, "approach": 2}
    await chat.send("9")  # not an option: a reminder, nothing written
    assert chat.messages[-2].text.startswith("Please tap one of the buttons")
    session = (await advisor.storage.load_user(chat.user["id"])).session("quick")
    assert session.answers == {"media": 1, "approach": 2}


async def test_a_typed_number_on_the_full_assessments_level_question(advisor):
    chat = advisor.chat(language_code="nl")
    await chat.send("/start full")
    await chat.tap("▶ Beginnen")
    for typed in ("1", "1", "1", "1", "1", "2", "3"):
        await chat.send(typed)
    assert "Vraag 8 van 16" in chat.last.text
    session = (await advisor.storage.load_user(chat.user["id"])).session("full")
    assert session.answers["informing"] == 2 and session.answers["management"] == 1


async def test_a_button_from_an_earlier_step_is_refused_without_writing(advisor):
    chat = advisor.chat()
    await start_check(chat, [1, 2])
    await chat.tap_data("q1:1:1:4")  # question 1's option 5, tapped while question 3 is open
    assert advisor.api.toasts[-1] == "This button is no longer active."
    assert "Question 3 of 5" in chat.last.text
    session = (await advisor.storage.load_user(chat.user["id"])).session("quick")
    assert session.answers == {"media": 0, "approach": 1}


async def test_a_button_of_another_session_is_refused(advisor):
    chat = advisor.chat()
    await start_check(chat, [1])
    await chat.tap_data("q1:999:2:0")
    assert advisor.api.toasts[-1] == "This button is no longer active."
    session = (await advisor.storage.load_user(chat.user["id"])).session("quick")
    assert session.answers == {"media": 0}


async def test_another_users_session_cannot_be_answered(advisor):
    alice, bob = advisor.chat(user_id=1), advisor.chat(user_id=2, first_name="Bob")
    await start_check(alice, [1])
    await start_check(bob)
    await bob.tap_data("q1:1:2:3")  # Alice's session id and step
    alice_session = (await advisor.storage.load_user(1)).session("quick")
    assert alice_session.answers == {"media": 0}
    assert advisor.api.toasts[-1] == "This button is no longer active."


async def test_forged_and_unknown_callback_data_gets_a_toast_in_dutch(advisor):
    chat = advisor.chat(language_code="nl")
    await start_check(chat)
    for data in ("q1:1:1:9x", "q1:1:1", "zz:whatever", "m1:nonsense", "l1:fr", "q1:1:1:7"):
        await chat.tap_data(data)
        assert advisor.api.toasts[-1] == "Deze knop werkt niet meer." or data == "m1:nonsense"
    session = (await advisor.storage.load_user(chat.user["id"])).session("quick")
    assert session.answers == {}


async def test_a_tap_on_a_finished_checks_question_is_refused(advisor):
    chat = advisor.chat()
    await start_check(chat, [1, 1, 1, 1, 1])
    await chat.tap_data("q1:1:5:3")
    assert advisor.api.toasts[-1] == "This button is no longer active."
    [result] = await advisor.storage.results(chat.user["id"])
    assert result.scores["phase"] == 1


async def test_a_group_gets_one_short_answer_with_a_private_chat_button(advisor):
    group = advisor.chat(chat_type="group", chat_id=-100, language_code="nl")
    await group.send("/start")
    assert group.last.text == (
        "Ik werk in een privéchat, zodat je antwoorden privé blijven. Tik hieronder om de chat te openen."
    )
    assert group.last.keyboard == [[{"text": "Open de privéchat", "url": "https://t.me/advisor_bot?start=quick"}]]
    await group.send("/start@advisor_bot")
    assert len(group.messages) == 2  # every command is answered
    await group.send("/start@other_bot")
    assert len(group.messages) == 2  # but not another bot's
    other_group = advisor.chat(chat_type="supergroup", chat_id=-200)
    await other_group.send("@advisor_bot what phase are we in?")
    await other_group.send("and now?")
    assert [m.text for m in other_group.messages] == [
        "I work in a private chat, so that your answers stay yours. Tap below to open it."
    ]  # chatter gets the answer once, not on every message
    db = advisor.storage._db
    assert await db.execute_fetchall("SELECT count(*) FROM sessions") == [(0,)]


async def test_the_deep_link_from_the_group_opens_the_check(advisor):
    chat = advisor.chat()
    await chat.send("/start quick")
    assert chat.last.text.startswith("<b>Quick phase check</b> · Question 1 of 5")


async def test_message_not_modified_on_a_double_tap_is_quiet(advisor, caplog):
    chat = advisor.chat()
    await start_check(chat)
    advisor.api.fail("editMessageText", 400, "Bad Request: message is not modified")
    await chat.tap("☰ Menu")
    assert "Error" not in caplog.text
    assert [m for m in chat.messages if m.text.startswith("Sorry")] == []


async def test_a_message_too_old_to_edit_gets_a_new_message(advisor):
    chat = advisor.chat()
    await start_check(chat)
    advisor.api.fail("editMessageText", 400, "Bad Request: message can't be edited")
    await chat.tap(2)
    assert len(chat.messages) == 2
    assert "Question 2 of 5" in chat.last.text


async def test_a_blocked_bot_is_logged_once_and_the_answer_kept(advisor, caplog):
    chat = advisor.chat()
    await start_check(chat)
    advisor.api.fail("editMessageText", 403, "Forbidden: bot was blocked by the user")
    with caplog.at_level(logging.INFO):
        await chat.tap(2)
    blocked = [r for r in caplog.records if "blocked" in r.getMessage()]
    assert len(blocked) == 1
    assert "0:console" not in caplog.text
    session = (await advisor.storage.load_user(chat.user["id"])).session("quick")
    assert session.answers == {"media": 1}


async def test_an_old_query_is_logged_and_the_answer_kept(advisor, caplog):
    chat = advisor.chat()
    await start_check(chat)
    advisor.api.fail("answerCallbackQuery", 400, "Bad Request: query is too old and response timeout expired")
    with caplog.at_level(logging.INFO):
        await chat.tap(3)
    assert "answered too late" in caplog.text
    assert chat.last.text.startswith("<b>Quick phase check</b> · Question 2 of 5")  # shown all the same
    session = (await advisor.storage.load_user(chat.user["id"])).session("quick")
    assert session.answers == {"media": 2}


async def test_an_unexpected_error_apologises_in_the_users_language(advisor, caplog):
    chat = advisor.chat(language_code="nl")
    await start_check(chat)
    advisor.api.fail("editMessageText", 400, "Bad Request: something new and strange")
    await chat.tap(1)
    assert chat.last.text == (
        "Sorry, er ging bij mij iets mis. Je antwoorden zijn bewaard: stuur /start om verder te gaan."
    )
    assert "unhandled error" in caplog.text
    await chat.send("/start")  # and the answer was kept: /start offers to continue
    assert chat.last.labels[0] == ["▶ Verder (vraag 2 van 5)"]
