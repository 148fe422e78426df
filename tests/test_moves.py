"""The plan moves: complete for every model input, stable keys, short titles, distinct texts, in
English and in Dutch."""

import re

import pytest

from bot.i18n import translations
from dialogs import cycle, glue, moves, sm247, ssrm

KEY = re.compile(
    r"dimension:(media|approach|application|technology|impact):[2-5]"
    r"|management:[01]|cycle:([1-9]|1[0-2])|glue:[1-3]"
    r"|sm247:[a-z_]+"
)
ALL = list(moves.ALL_MOVES.values())
TEXTS = ("title", "why", "action")


def dutch(text: str) -> str:
    return translations("nl").gettext(text)


def test_every_dimension_has_a_move_to_every_level_from_2_to_5():
    expected = {(key, level) for key in ssrm.DIMENSION_KEYS for level in (2, 3, 4, 5)}
    assert set(moves.DIMENSION_MOVES) == expected
    for (key, level), move in moves.DIMENSION_MOVES.items():
        assert move.key == f"dimension:{key}:{level}"
        assert moves.dimension_move(key, level) is move


@pytest.mark.parametrize("dimension, level", [("media", 1), ("media", 6), ("budget", 3)])
def test_dimension_move_refuses_what_has_no_move(dimension, level):
    with pytest.raises(ValueError):
        moves.dimension_move(dimension, level)


def test_management_cycle_glue_and_24_7_each_have_their_moves():
    assert set(moves.MANAGEMENT_MOVES) == {0, 1}
    # the answers are "No, not really" and "They allow it"; "Yes" needs no move
    assert len(ssrm.MANAGEMENT_OPTIONS) == 3 and ssrm.NO_SUPPORT == 0
    assert set(moves.CYCLE_MOVES) == {step.number for step in cycle.STEPS} == set(range(1, 13))
    assert set(moves.GLUE_MOVES) == set(glue.ASPECTS) == {1, 2, 3}
    assert set(moves.SM247_MOVES) == set(sm247.REMARKS)
    groups = {
        "management": moves.MANAGEMENT_MOVES,
        "cycle": moves.CYCLE_MOVES,
        "glue": moves.GLUE_MOVES,
        "sm247": moves.SM247_MOVES,
    }
    for prefix, group in groups.items():
        for key, move in group.items():
            assert move.key == f"{prefix}:{key}"


def test_all_moves_holds_every_move_once_under_its_key():
    groups = (moves.DIMENSION_MOVES, moves.MANAGEMENT_MOVES, moves.CYCLE_MOVES, moves.GLUE_MOVES, moves.SM247_MOVES)
    every = [move for group in groups for move in group.values()]
    assert len(every) == 20 + 2 + 12 + 3 + 4
    assert len({move.key for move in every}) == len(every)
    assert {move.key: move for move in every} == moves.ALL_MOVES


@pytest.mark.parametrize("move", ALL, ids=lambda move: move.key)
def test_the_key_follows_the_scheme(move):
    assert KEY.fullmatch(move.key)


@pytest.mark.parametrize("move", ALL, ids=lambda move: move.key)
def test_titles_are_short_imperatives_in_both_languages(move):
    for title in (move.title, dutch(move.title)):
        assert 0 < len(title) <= 60, title
        assert not title.endswith("."), title
    assert dutch(move.title) != move.title, "not translated"


@pytest.mark.parametrize("move", ALL, ids=lambda move: move.key)
def test_why_and_action_are_filled_in_and_translated(move):
    for text in (move.why, move.action):
        assert text.strip() and text.endswith(".")
        assert dutch(text) != text, "not translated"
    assert move.action.startswith("This week: ")
    assert dutch(move.action).startswith("Deze week: ")


@pytest.mark.parametrize("language", ["en", "nl"])
def test_why_and_action_differ_across_moves(language):
    translate = translations(language).gettext
    for field in ("why", "action"):
        texts = [translate(getattr(move, field)) for move in ALL]
        assert len(set(texts)) == len(texts), field
    titles = [translate(move.title) for move in ALL]
    assert len(set(titles)) == len(titles)


@pytest.mark.parametrize("move", ALL, ids=lambda move: move.key)
def test_why_names_the_model(move):
    prefix = move.key.split(":")[0]
    english, nl = move.why, dutch(move.why)
    if prefix in ("dimension", "management"):
        assert english.startswith("SSRM") and nl.startswith("SSRM")
    elif prefix == "cycle":
        number = int(move.key.split(":")[1])
        name = cycle.STEPS[number - 1].name
        assert english.startswith(f"Social Media Cycle, step {number} · {name}: ")
        assert nl.startswith(f"Social Media Cycle, stap {number} · {dutch(name)}: ")
    elif prefix == "glue":
        assert english.startswith("Social Media Glue Model") and nl.startswith("Social Media Glue Model")
    else:
        assert english.startswith("Social Media 24/7: ") and nl.startswith("Social Media 24/7: ")


def test_dimension_moves_name_the_phase_they_lead_to():
    for (_key, level), move in moves.DIMENSION_MOVES.items():
        phase = ssrm.PHASES[level - 1]
        assert f"phase {level} · {phase.name}" in move.why
        assert f"fase {level} · {phase.name}" in dutch(move.why)


@pytest.mark.parametrize("move", ALL, ids=lambda move: move.key)
def test_the_texts_leave_the_advice_marker_to_the_screens(move):
    """``advice`` is shown once by the screens (†): the texts never say it themselves."""
    for field in TEXTS:
        for text in (getattr(move, field), dutch(getattr(move, field))):
            assert "advisor" not in text.lower() and "adviseur" not in text.lower()
            assert "†" not in text


@pytest.mark.parametrize("move", ALL, ids=lambda move: move.key)
def test_the_dutch_says_je_and_uses_the_sources_terms(move):
    for field in TEXTS:
        text = dutch(getattr(move, field))
        assert not re.search(r"\b(jullie|u|uw)\b", text, re.IGNORECASE), text
        assert "contentkalender" not in text.lower()
        assert "uitslag" not in text.lower()

