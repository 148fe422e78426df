"""The documents: the strategy (PDF and Markdown) and the assessment report (PDF), read back
with pypdf, in English and Dutch, from stored results of both scoring versions."""

from __future__ import annotations

import io
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from pypdf import PdfReader

from bot import documents
from bot.i18n import translations
from dialogs import full_assessment, hexagon, plan, ssrm
from dialogs.hexagon import Draft
from dialogs.moves import ALL_MOVES
from dialogs.results import StoredResult
from tests.support.profiles import PROFILES

TODAY = date(2026, 3, 12)
STORED_AT = "2026-03-10T09:30:00+00:00"
DUTCH = "Anna de Vries (één klant van de coöperatie), Tom van café De Zon"
HTML_LIKE = "<b>bold</b> & co"
DRAFT = Draft(
    parts={
        "team": DUTCH,
        "goals": "1,000 positive public reviews by the end of 2026, from customers and partners.",
        "mission": f"{HTML_LIKE}\nWe learn from the market.",
        "actions": "Support community program\nCustomer advocacy program",
    },
    organisation="Coöperatie Één",
)
EMPTY_PARTS = ("benefits", "resources", "reporting")
# Scoring version 1: the plain median, the lowest dimension(s), no "ahead", no plan.
VERSION_1 = {
    "levels": {"media": 3, "approach": 3, "application": 1, "technology": 4, "impact": 5},
    "phase": 3, "bottleneck": ["application"], "management": 2, "management_holds_back": False,
    "cells": {"informing": 2, "service": 2, "emotion": 1, "experience": 1, "development": 0, "extension": 0,
              "promotion": 0, "distribution": 0},
    "remarks": [], "cycle_in_place": [1, 2, 3, 4, 5], "next_step": 6, "bottleneck_step": 6,
    "glue_situation": 3, "glue_aspect": 3,
}


def full_stored(index: int = 2) -> StoredResult:
    result = full_assessment.score(PROFILES[index].answers())
    scores = result.scores() | {"plan": list(plan.for_full_assessment(result).moves)}
    return StoredResult(1, 1, "full", 2, scores, STORED_AT)


def quick_stored(index: int = 4) -> StoredResult:
    result = ssrm.score(PROFILES[index].answers())
    scores = result.scores() | {"plan": list(plan.for_quick_check(result).moves)}
    return StoredResult(2, 2, "quick", 2, scores, STORED_AT)


def version_1() -> StoredResult:
    return StoredResult(3, 3, "full", 1, VERSION_1, "2025-01-10T12:00:00")


def pdf_text(pdf: bytes) -> str:
    """The PDF's text with its lines joined: a wrapped sentence reads as one."""
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def flat(text: str) -> str:
    return " ".join(text.split())


def pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


# -- the strategy ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "title", "day", "phase", "empty"),
    [
        ("en", "Social media strategy of Coöperatie Één", "March 12, 2026", "Phase 2 · Basic Publishing",
         "Not written yet."),
        ("nl", "Social-mediastrategie van Coöperatie Één", "12 maart 2026", "Fase 2 · Basic Publishing",
         "Nog niet geschreven."),
    ],
)
def test_the_strategy_pdf_holds_the_texts_as_typed_the_phase_and_the_plan_in_the_language(
    language, title, day, phase, empty
):
    stored = full_stored(2)
    pdf = documents.strategy_pdf(language, DRAFT, stored, TODAY)
    assert pdf.startswith(b"%PDF-")
    text = pdf_text(pdf)
    tr = translations(language)
    assert text.startswith(title) and day in text
    for value in DRAFT.parts.values():
        for line in value.split("\n"):
            assert flat(line) in text
    assert "één klant van de coöperatie), Tom van café" in text  # the diacritics survive
    assert HTML_LIKE in text  # HTML-looking input stays text
    # The team and six parts, in the source's order, each named in the language.
    names = [tr.gettext(part.name) for part in hexagon.PARTS]
    positions = [text.index(name) for name in names]
    assert positions == sorted(positions)
    assert text.count(empty) == len(EMPTY_PARTS)
    assert flat(tr.gettext(hexagon.CAVEATS[1])) in text
    # Where you stand: phase, bottleneck, the plan's moves, the Cycle step, the Glue advice.
    assert phase in text
    for key in stored.scores["plan"]:
        move = ALL_MOVES[key]
        assert flat(tr.gettext(move.title)) in text and flat(tr.gettext(move.action)) in text
    assert flat(tr.gettext("Next step in the Social Media Cycle")) in text
    assert flat(tr.gettext("Your network strengthens campaigns")) in text
    assert "Axel Schultze" in text and "† " + tr.gettext("the advisor’s own rule or advice, not the models’") in text


def test_the_dutch_strategy_has_no_english_of_its_own():
    text = pdf_text(documents.strategy_pdf("nl", DRAFT, full_stored(2), TODAY))
    for english in ("Where you stand", "Not written yet", "Your plan", "Made with", "Sources", "Page ", "Level"):
        assert english not in text
    for dutch in ("Waar je staat", "Je plan", "Gemaakt met de Strategy Hexagon", "Bronnen", "Pagina 1",
                  "Uit je volledige scan van 10 maart 2026."):
        assert dutch in text


def test_the_card_is_in_the_strategy_of_a_full_assessment_only():
    def images(pdf: bytes) -> int:
        return sum(len(page.images) for page in PdfReader(io.BytesIO(pdf)).pages)

    assert images(documents.strategy_pdf("en", DRAFT, full_stored(2), TODAY)) == 1
    assert images(documents.strategy_pdf("en", DRAFT, quick_stored(), TODAY)) == 0
    assert images(documents.strategy_pdf("en", DRAFT, None, TODAY)) == 0


def test_without_a_result_the_strategy_says_how_to_get_one_and_names_only_the_hexagon():
    text = pdf_text(documents.strategy_pdf("en", Draft(), None, TODAY))
    assert text.startswith("Your social media strategy")
    assert text.count("Not written yet.") == len(hexagon.PARTS)
    assert "No assessment yet. Take the quick phase check or the full assessment" in text
    assert "Sources: Strategy Hexagon (Social Media Strategy Framework), by Axel Schultze." in text
    assert "SSRM" not in text and "†" not in text  # nothing of the advisor's own: no marker explained


def test_a_quick_check_result_has_its_phase_and_plan_but_no_24_7_cycle_or_glue():
    stored = quick_stored(4)
    text = pdf_text(documents.strategy_pdf("en", DRAFT, stored, TODAY))
    assert "From your quick phase check of March 10, 2026." in text
    assert "SSRM: Phase 3 · Experimentation" in text
    assert all(flat(ALL_MOVES[key].title) in text for key in stored.scores["plan"])
    assert "Social Media 24/7" not in text.split("Sources:")[0] and "Glue" not in text.split("Sources:")[0]


def test_the_markdown_has_the_same_content():
    stored = full_stored(2)
    markdown = documents.strategy_markdown("nl", DRAFT, stored, TODAY)
    tr = translations("nl")
    assert markdown.startswith("# Social-mediastrategie van Coöperatie Één\n\n*Gemaakt met de Strategy Hexagon")
    for number, part in enumerate(hexagon.PARTS):
        assert f"## {'' if number == 0 else f'{number}. '}{tr.gettext(part.name)}\n" in markdown
    def as_typed(text: str) -> str:  # line breaks kept, HTML-like text escaped so that it shows as typed
        return text.replace("&", "\\&").replace("<", "\\<").replace(">", "\\>").replace("\n", "  \n")

    for value in DRAFT.parts.values():
        assert as_typed(value) in markdown
    assert as_typed(f"{HTML_LIKE}\nWe learn from the market.") in markdown
    assert markdown.count("*Nog niet geschreven.*") == len(EMPTY_PARTS)
    assert "### SSRM: Fase 2 · Basic Publishing" in markdown
    assert "| Technologie | 1 · Ad Hoc | knelpunt |" in markdown
    for number, key in enumerate(stored.scores["plan"], start=1):
        assert f"{number}. **{tr.gettext(ALL_MOVES[key].title)}**" in markdown
    assert "Bronnen" in markdown and "Axel Schultze" in markdown
    # Everything the PDF says, the Markdown says (bar the page numbers and the card's image).
    pdf = pdf_text(documents.strategy_pdf("nl", DRAFT, stored, TODAY))
    plain = flat(documents.plain_text(markdown.replace("**", "").replace("*", "").replace("#", "").replace("|", " ")))
    for sentence in ("Knelpunt: Technologie (fase 1) zit onder je fase en remt de rest af.",
                     tr.gettext(hexagon.CAVEATS[0]), "Daarna stap 11 · Faciliteren"):
        assert sentence in pdf and sentence in plain


def test_the_strategy_is_cached_by_content():
    documents.strategy_pdf("en", DRAFT, full_stored(3), TODAY)
    hits = documents._strategy_pdf.cache_info().hits
    again = Draft(dict(DRAFT.parts), DRAFT.organisation, updated_at="2026-03-12T10:00:00")  # same content
    first = documents.strategy_pdf("en", again, full_stored(3), TODAY)
    assert documents.strategy_pdf("en", DRAFT, full_stored(3), TODAY) is first
    assert documents._strategy_pdf.cache_info().hits == hits + 2
    assert documents.strategy_pdf("en", DRAFT, full_stored(3), date(2026, 3, 13)) != first  # another date
    markdown = documents.strategy_markdown("en", DRAFT, None, TODAY)
    assert documents.strategy_markdown("en", DRAFT, None, TODAY) is markdown


def test_the_same_content_gives_the_same_bytes_and_threads_do_not_mix_documents():
    drafts = [Draft({"team": f"Team {n}: customers", "goals": f"Goal {n} ĳ"}, f"Org {n}") for n in range(6)]
    expected = [documents.strategy_pdf("en", draft, full_stored(n), TODAY) for n, draft in enumerate(drafts)]
    documents._strategy_pdf.cache_clear()
    with ThreadPoolExecutor(max_workers=6) as pool:
        rendered = list(pool.map(lambda n: documents.strategy_pdf("en", drafts[n], full_stored(n), TODAY), range(6)))
    assert rendered == expected  # no creation date or random id: the same content is the same file


# -- characters the font lacks --------------------------------------------------------------------


def test_characters_the_font_lacks_become_visible_and_are_counted():
    draft = Draft({"goals": "Groei 👍🏽 in ĳsland, ‘quotes’ — e\u0301, Łódź, Dvořák ♥"})
    pdf = documents.strategy_pdf("en", draft, None, TODAY)
    text = pdf_text(pdf)
    # ĳ is written as ij, e + combining accent as é; the emoji (with its skin tone), ź, ř and ♥ as "?".
    assert "Groei ? in ijsland, ‘quotes’ — é, Łód?, Dvo?ák ?" in text
    assert "4 characters are not in this document’s font and are shown as “?”." in text
    dutch = pdf_text(documents.strategy_pdf("nl", draft, None, TODAY))
    assert "4 tekens staan niet in het lettertype van dit document en worden getoond als “?”." in dutch
    # The Markdown keeps every character.
    assert "Groei 👍🏽 in ĳsland" in documents.strategy_markdown("en", draft, None, TODAY)


def test_text_typed_as_html_stays_text_in_the_markdown():
    draft = Draft({"mission": "<b>hi</b> & <script>alert(1)</script>"}, "Acme <BV>")
    markdown = documents.strategy_markdown("en", draft, None, TODAY)
    assert markdown.startswith("# Social media strategy of Acme \\<BV\\>\n")
    assert "\n\\<b\\>hi\\</b\\> \\& \\<script\\>alert(1)\\</script\\>\n" in markdown
    assert "<b>" not in markdown and "<script>" not in markdown


def test_the_font_check_keeps_markup_line_breaks_and_latin_1():
    replaced: list[str] = []
    assert documents.in_font("<b>één</b> &amp; café\r\nsecond\tline\u202fend", replaced) == (
        "<b>één</b> &amp; café\nsecond line end"
    )
    assert replaced == []
    assert documents.in_font("a\u200db\ufe0fc 😀", replaced) == "abc ?" and replaced == ["😀"]


def test_an_organisation_name_with_markup_characters_is_text():
    pdf = documents.strategy_pdf("en", Draft(organisation="R&D <Lab>"), None, TODAY)
    assert pdf_text(pdf).startswith("Social media strategy of R&D <Lab>")
    assert PdfReader(io.BytesIO(pdf)).metadata.title == "Social media strategy of R&D <Lab>"


# -- the assessment report ------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_report_of_a_version_2_result(language):
    stored = full_stored(1)  # calendar without backing: management holds back
    pdf = documents.assessment_report_pdf(language, stored, TODAY)
    text = pdf_text(pdf)
    tr = translations(language)
    assert 2 <= pages(pdf) <= 3
    assert text.startswith(tr.gettext("Social media assessment: report"))
    assert tr.gettext("Phase {number} · {name}").format(number=2, name="Basic Publishing") in text
    assert flat(tr.gettext(ALL_MOVES["management:0"].title)) in text
    assert all(flat(tr.gettext(ALL_MOVES[key].why)) in text for key in stored.scores["plan"])
    assert flat(tr.gettext("Management support")) in text
    assert flat(tr.gettext("Why this phase")) in text
    assert flat(tr.gettext("Informing")) in text and flat(tr.gettext("Distribution")) in text  # the 24/7 profile
    assert flat(tr.gettext("Next step in the Social Media Cycle")) in text
    assert flat(tr.gettext("Campaigns accelerate your network")) in text  # Glue, aspect 2
    assert "de Lange, Hordijk" not in text and "Kaasenbrood" in text and "MarketingMonday" in text
    assert "Axel Schultze" not in text  # the report does not quote the Hexagon


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_report_of_a_version_1_result_has_no_plan_and_keeps_its_wording(language):
    pdf = documents.assessment_report_pdf(language, version_1(), TODAY)
    text = pdf_text(pdf)
    tr = translations(language)
    assert 2 <= pages(pdf) <= 3
    assert tr.gettext("Phase {number} · {name}").format(number=3, name="Experimentation") in text
    assert flat(tr.gettext("This result is from before the advisor made plans: retake the check for one.")) in text
    lowest = tr.ngettext(
        "{names} (phase {level}) is the lowest: it holds the others back.",
        "{names} (phase {level}) are the lowest: they hold the others back.", 1,
    ).format(names=tr.gettext("Application"), level=1)
    assert flat(lowest) in text
    assert flat(tr.gettext("Ahead of your practice")) not in text
    assert {"en": "January 10, 2025", "nl": "10 januari 2025"}[language] in text


def test_the_result_is_dated_where_the_user_is():
    late = StoredResult(1, 1, "full", 2, full_stored(2).scores, "2026-03-10T23:30:00.000Z")  # UTC
    assert "From your full assessment of March 10, 2026." in pdf_text(documents.strategy_pdf("en", DRAFT, late, TODAY))
    amsterdam = documents.strategy_pdf("en", DRAFT, late, TODAY, zone="Europe/Amsterdam")
    assert "From your full assessment of March 11, 2026." in pdf_text(amsterdam)
    report = documents.assessment_report_pdf("nl", late, TODAY, zone="Europe/Amsterdam")
    assert "Volledige scan van 11 maart 2026 · rapport van 12 maart 2026" in pdf_text(report)


def test_a_report_is_made_of_a_full_assessment_only():
    with pytest.raises(ValueError):
        documents.assessment_report_pdf("en", quick_stored(), TODAY)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_profile_reports_on_two_or_three_pages_in_the_font(language):
    for index in range(len(PROFILES)):
        pdf = documents.assessment_report_pdf(language, full_stored(index), TODAY)
        text = pdf_text(pdf)
        assert 2 <= pages(pdf) <= 3, PROFILES[index].name
        assert "?”." not in text, PROFILES[index].name  # none of the advisor's own texts lacks a glyph
