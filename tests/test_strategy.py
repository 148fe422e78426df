"""The strategy builder (Strategy Hexagon) in a chat: every part in both languages, the advice
that never blocks, replacing and adding, a restart mid-way, typed text kept exactly as typed."""

import pytest

from bot.simulator import ChatSimulator
from dialogs import hexagon

# What a user types per part, with the advice it triggers (the advisor's, from the source's warnings).
TEXTS_EN = {
    "team": ("Our marketing lead and two product managers.", "No customers or partners in your team?"),
    "goals": ("Increase our brand value.", "Your goal has no number"),
    "mission": ("We engage with customers across departments to learn from the market.", None),
    "benefits": ("Customers get faster answers.", "Try writing each benefit as “Unlike …, now we …”"),
    "resources": ("The marketing department and the sales team.", "You name departments or teams."),
    "actions": ("Post every day at 9:00 with hashtags.", "This reads like execution detail."),
    "reporting": ("Monthly revenue from social media.", "Revenue is NOT part of the reporting"),
}


@pytest.mark.parametrize(
    ("goal", "advice"),
    [
        ("Uiterlijk in juni willen we dat tweeduizend klanten een review achterlaten.", ()),  # a number in words
        ("Double the customers in our community by May 2027.", ()),
        ("Our customers may share 100 reviews.", ("goal_no_deadline",)),  # "may": not the month
        ("Meer klanten voor onze winkel.", ("goal_no_number", "goal_no_deadline")),  # "voor": not a deadline
        ("Reach 1,000 positive reviews from customers before the end of 2027.", ()),
    ],
)
def test_goal_checks_read_numbers_in_words_and_months_as_deadlines(goal, advice):
    assert hexagon.checks("goals", goal) == advice


async def test_every_part_in_english_with_advice_that_never_blocks(advisor):
    chat = advisor.chat()
    await chat.send("/strategy")
    overview = chat.last
    assert overview.text.startswith("<b>Your strategy · Strategy Hexagon</b>")
    assert "• It assumes you have assessed where your customers are" in overview.text
    assert "“may not apply to a small business below 20 people”" in overview.text
    assert overview.labels[0] == ["▶ Start with the team"]
    await chat.tap("▶ Start with the team")
    for number, key in enumerate(hexagon.PART_KEYS, start=1):
        screen = chat.last
        name = hexagon.PARTS_BY_KEY[key].name
        assert screen.text.startswith(f"<b>Strategy Hexagon · {number} of 7 · {name}</b>")
        assert "✍️ Type your answer and send it (up to" in screen.text
        text, advice = TEXTS_EN[key]
        await chat.send(text)  # no button needed: an empty part takes what is sent next
        assert chat.messages[-2].text == f"Saved: {name}."
        shown = chat.last.text
        assert f"<b>Your text</b>\n{text}" in shown
        if advice:
            assert f"💡 {advice}" in shown and "†" in shown
        else:
            assert "💡" not in shown
        if number < 7:
            await chat.tap("Next ▶")
    draft = await advisor.storage.draft(chat.user["id"])
    assert draft.parts == {key: text for key, (text, _advice) in TEXTS_EN.items()}  # kept, advice or not
    await chat.tap("« Overview")
    assert "7 of 7 parts written." in chat.last.text
    assert "✅ 2. <b>Goals</b> — Increase our brand value." in chat.last.text
    assert chat.last.labels[-2:] == [["📄 PDF", "📝 Markdown"], ["☰ Menu"]]


async def test_good_answers_get_no_advice_in_dutch(advisor):
    chat = advisor.chat(language_code="nl")
    await chat.send("/start strategy")  # the deep link
    assert chat.last.text.startswith("<b>Je strategie · Strategy Hexagon</b>")
    good = {
        "team": "Onze marketingmanager, twee klanten uit de gebruikersgroep en één dealer.",
        "goals": "1.000 positieve reacties van klanten voor eind 2027.",
        "benefits": "Anders dan vroeger beantwoorden nu ook klanten elkaars vragen.",
        "resources": "Anna de Vries (hoofd support) en Tom Jansen (klant).",
        "actions": "Programma supportcommunity en programma co-creatie.",
        "reporting": "Hoeveel klanten ons aanbevelen, en het sentiment.",
    }
    for key, text in good.items():
        await chat.tap("⬜ " + {"team": "Strategieteam", "goals": "Doelen", "benefits": "Voordelen",
                               "resources": "Middelen", "actions": "Acties en methoden",
                               "reporting": "Rapportage"}[key], chat.screen)
        await chat.send(text)
        assert chat.messages[-2].text.startswith("Bewaard: ")
        assert f"<b>Je tekst</b>\n{text}" in chat.last.text
        assert "💡" not in chat.last.text, key
        await chat.tap("« Overzicht")


@pytest.mark.backends
async def test_replace_and_add_to_a_part(advisor):
    chat = advisor.chat()
    await chat.send("/strategy")
    await chat.tap("⬜ Goals")
    await chat.send("Grow.")
    await chat.tap("➕ Add to it")
    assert chat.last.text == "Type what to add to “Goals” and send it. It comes after what is there."
    await chat.send("1,000 positive customer reviews by December.")
    assert "<b>Your text</b>\nGrow.\n1,000 positive customer reviews by December." in chat.last.text
    await chat.tap("✍️ Replace")
    await chat.send("1,000 positive public feedbacks from customers by the end of the year.")
    assert (await advisor.storage.draft(chat.user["id"])).parts["goals"] == (
        "1,000 positive public feedbacks from customers by the end of the year."
    )
    assert "💡" not in chat.last.text


async def test_html_looking_input_is_kept_as_text(advisor):
    chat = advisor.chat()
    await chat.send("/strategy")
    await chat.tap("⬜ Mission")
    await chat.send("<b>We</b> & our <a href='x'>customers</a> co-create.")
    assert "&lt;b&gt;We&lt;/b&gt; &amp; our &lt;a href='x'&gt;customers&lt;/a&gt; co-create." in chat.last.text
    assert (await advisor.storage.draft(chat.user["id"])).parts["mission"] == (
        "<b>We</b> & our <a href='x'>customers</a> co-create."
    )


async def test_too_long_a_text_is_refused_with_the_limit_and_nothing_saved(advisor):
    chat = advisor.chat()
    await chat.send("/strategy")
    await chat.tap("⬜ Goals")
    await chat.send("x" * 601)
    assert chat.last.text == (
        "That is 601 characters; “Goals” takes up to 600. Shorten it and send it again: nothing was saved."
    )
    assert "goals" not in (await advisor.storage.draft(chat.user["id"])).parts
    await chat.send("1,000 positive feedbacks from customers by the end of the year.")  # still asked for
    assert chat.messages[-2].text == "Saved: Goals."


async def test_a_sticker_is_not_text_and_the_part_still_waits(advisor):
    chat = advisor.chat()
    await chat.send("/strategy")
    await chat.tap("⬜ Benefits")
    await chat.send_sticker()
    assert chat.last.text == "Please send your text as a message: I can only keep text in your strategy."
    await chat.send("Unlike before, now we answer within a day.")
    assert chat.messages[-2].text == "Saved: Benefits."


async def test_text_goes_only_to_the_part_on_screen(advisor):
    chat = advisor.chat()
    await chat.send("/strategy")
    await chat.tap("⬜ Goals")
    await chat.tap("« Overview")  # another screen: the part no longer asks
    await chat.send("just chatting")
    assert (await advisor.storage.draft(chat.user["id"])).parts == {}
    assert chat.messages[-2].text == "I work with buttons: choose one below, or send /help."


@pytest.mark.backends
async def test_a_restart_mid_way_loses_nothing(start_advisor):
    context, api = start_advisor()
    async with context as application:
        chat = ChatSimulator(application, api)
        await chat.send("/strategy")
        await chat.tap("⬜ Strategy team")
        await chat.send("Two customers and our reseller Jan Smit.")
    context, api = start_advisor()
    async with context as application:
        chat = ChatSimulator(application, api)
        await chat.send("/strategy")
        assert "✅ 1. <b>Strategy team</b> — Two customers and our reseller Jan Smit." in chat.last.text
        assert "1 of 7 parts written." in chat.last.text
        await chat.tap("⬜ Goals")
        await chat.send("1,000 positive reviews from customers in 2027.")
        assert chat.messages[-2].text == "Saved: Goals."


async def test_skip_an_example_and_the_organisation_name(advisor):
    chat = advisor.chat()
    await chat.send("/strategy")
    await chat.tap("▶ Start with the team")
    await chat.tap("⏭ Skip for now")
    assert "· 2 of 7 · Goals</b>" in chat.last.text
    await chat.tap("💡 Example")
    assert chat.last.text.startswith("<b>Example · Goals</b>\n<i>From the Strategy Hexagon (Axel Schultze)</i>")
    assert "1,000 positive public feedbacks from customers by the end of the year" in chat.last.text
    await chat.tap("« Back")
    await chat.tap("« Overview")
    await chat.tap("🏢 Organisation name")
    await chat.send("Café De Coöperatie")
    assert "🏢 Organisation: Café De Coöperatie" in chat.last.text


async def test_text_typed_after_reading_the_example_fills_the_part(advisor):
    chat = advisor.chat()
    await chat.send("/strategy")
    await chat.tap("⬜ Goals")
    await chat.tap("💡 Example")
    assert chat.last.text.endswith("\n\nType your own when you’re ready: it is saved as soon as you send it.")
    goal = "Reach 1,000 customer reviews by December 2027"
    await chat.send(goal)
    assert chat.messages[-2].text == "Saved: Goals."
    assert (await advisor.storage.draft(chat.user["id"])).parts == {"goals": goal}
    await chat.tap("💡 Example")  # written already: the example does not invite to type over it
    assert chat.last.text.startswith("<b>Example · Goals</b>") and "Type your own" not in chat.last.text


async def test_actions_start_from_a_program_or_a_plan_move(advisor):
    chat = advisor.chat()
    await chat.send("/start quick")
    for option in (3, 3, 1, 4, 5):
        await chat.tap(option)
    await chat.send("/strategy")
    await chat.tap("⬜ Actions and methods")
    await chat.tap("📋 Start from a program")
    assert "<b>The source’s five programs</b>" in chat.last.text
    assert "<b>Your plan’s moves</b>\n1. Share product news and updates on your profiles" in chat.last.text
    await chat.tap("Support community program")
    assert advisor.api.toasts[-1] == "Saved: Actions and methods."
    await chat.tap("📋 Start from a program")
    await chat.tap("➕ Move 1")
    actions = (await advisor.storage.draft(chat.user["id"])).parts["actions"]
    assert actions.startswith("Support community program: An online support community where customers help")
    assert "\nShare product news and updates on your profiles: This week: ask colleagues in sales" in actions


@pytest.mark.parametrize("data", ["s1:open", "s1:open:nonsense", "s1:program:actions:move9", "s1:write", "s1:x"])
async def test_forged_builder_buttons_are_refused(advisor, data):
    chat = advisor.chat()
    await chat.send("/strategy")
    await chat.tap_data(data)
    assert advisor.api.toasts[-1] == "This button is no longer active."
    assert (await advisor.storage.draft(chat.user["id"])).parts == {}


async def test_the_strategy_comes_as_a_pdf_and_as_markdown_in_dutch(advisor):
    import io

    from pypdf import PdfReader

    chat = advisor.chat(language_code="nl")
    await chat.send("/start quick")
    for option in (3, 3, 3, 3, 3):
        await chat.tap(option)
    await chat.send("/strategy")
    await chat.tap("🏢 Naam van de organisatie")
    await chat.send("Café De Coöperatie")
    await chat.tap("⬜ Doelen")
    await chat.send("1.000 positieve reacties van klanten vóór eind 2027 — één doel.")
    await chat.tap("« Overzicht")
    await chat.tap("📄 PDF")
    [pdf] = advisor.api.calls_of("sendDocument")
    assert pdf["caption"] == "Je strategie als pdf"
    assert pdf["_file_names"]["document"] == "strategie-café-de-coöperatie.pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf["document"])).pages)
    assert "Café De Coöperatie" in text and "vóór eind 2027 — één doel." in text
    assert "Fase 3 · Experimentation" in text
    await chat.tap("📝 Markdown")
    markdown = advisor.api.calls_of("sendDocument")[1]
    assert markdown["_file_names"]["document"] == "strategie-café-de-coöperatie.md"
    assert "1.000 positieve reacties van klanten vóór eind 2027 — één doel." in markdown["document"].decode()


async def test_the_report_for_management_from_a_full_result(advisor):
    import io

    from pypdf import PdfReader

    from tests.support.drivers import take_full_assessment

    chat = advisor.chat()
    await take_full_assessment(chat, (3, 3, 3, 1, 3), 2, (2, 2, 1, 1, 0, 0, 0, 0), (1, 2, 3, 4, 5), 3)
    await chat.tap("📄 Report", chat.messages[-2])
    [report] = advisor.api.calls_of("sendDocument")
    assert report["caption"] == "Your assessment report for management"
    reader = PdfReader(io.BytesIO(report["document"]))
    text = "".join(page.extract_text() for page in reader.pages)
    assert 2 <= len(reader.pages) <= 3
    assert "Phase 2 · Basic Publishing" in text and "Schedule your posts with a planning tool" in text
