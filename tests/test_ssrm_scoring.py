"""The SSRM scoring rules (design.md §2): levels, median phase, bottleneck in the source's order."""

import itertools

import pytest

from dialogs import ssrm


def answers(*levels: int) -> dict[str, int]:
    """Answers as stored (option indexes) for the given levels in the source's order."""
    return {key: level - 1 for key, level in zip(ssrm.DIMENSION_KEYS, levels, strict=True)}


@pytest.mark.parametrize("level", [1, 2, 3, 4, 5])
def test_all_equal_answers_give_that_phase_and_no_bottleneck(level):
    result = ssrm.score(answers(*[level] * 5))
    assert result.phase.number == level
    assert result.bottleneck == ()
    assert result.is_level


@pytest.mark.parametrize(
    ("levels", "phase", "bottleneck", "ahead", "next_lift", "capped"),
    [
        # The cases. Tools without a strategy: one profile, random posts, but the best
        # tools -> not Performance-Driven: one above the lowest, the tools named as ahead.
        ((1, 1, 5, 5, 5), 2, ("approach", "media"), ("application", "technology", "impact"), (), True),
        # Four "bottlenecks" before: now none below the phase, evenly at 3, two to lift next.
        ((3, 3, 3, 3, 5), 3, (), ("impact",), ("approach", "application"), False),
        # One dimension far behind caps the phase; what runs ahead is named.
        ((3, 3, 1, 4, 5), 2, ("application",), ("technology", "impact"), (), True),
        ((1, 5, 5, 5, 5), 2, ("media",), ("approach", "application", "technology", "impact"), (), True),
        # One far ahead does not lift the phase; the next phase needs two more lifted.
        ((5, 1, 1, 1, 1), 1, (), ("media",), ("approach", "application"), False),
        ((1, 2, 3, 4, 5), 2, ("media",), ("technology", "impact"), (), True),
        # The median, one below it: the bottleneck, in the order of success (Approach first).
        ((2, 2, 4, 4, 3), 3, ("approach", "media"), (), (), False),
        ((3, 3, 3, 1, 3), 2, ("technology",), (), (), True),
        ((4, 2, 5, 2, 2), 2, (), ("application", "media"), ("approach",), False),
        ((1, 1, 1, 5, 5), 1, (), ("technology", "impact"), ("approach",), False),
        ((5, 5, 5, 5, 5), 5, (), (), (), False),
    ],
)
def test_phase_bottleneck_ahead_and_next_lift(levels, phase, bottleneck, ahead, next_lift, capped):
    result = ssrm.score(answers(*levels))
    assert result.phase.number == phase
    assert result.bottleneck == bottleneck
    assert result.ahead == ahead
    assert result.next_lift == next_lift
    assert result.capped is capped


def test_the_rules_never_contradict_the_answers():
    """Every one of the 3,125 profiles, uneven ones included: the phase is never more than one
    above the lowest level nor above the median; every dimension below the phase is named (at
    most two can be); what is ahead is two above; with no bottleneck, the next lift is named."""
    for levels in itertools.product(range(1, 6), repeat=5):
        result = ssrm.score(answers(*levels))
        phase = result.phase.number
        assert phase == min(sorted(levels)[2], min(levels) + 1)
        below = {key for key, level in result.levels.items() if level < phase}
        assert set(result.bottleneck) == below and len(below) <= 2
        assert set(result.ahead) == {key for key, level in result.levels.items() if level >= phase + 2}
        assert bool(result.next_lift) == (not below and phase < 5)


def test_bottleneck_is_the_dimension_below_the_phase():
    result = ssrm.score(answers(3, 3, 3, 1, 3))
    assert result.bottleneck == ("technology",)
    assert result.levels == {"media": 3, "approach": 3, "application": 3, "technology": 1, "impact": 3}


def test_bottleneck_comes_in_the_sources_order_of_success():
    """Content strategy (Approach) first, then collaboration (Application), then distribution (Media)."""
    assert ssrm.score(answers(2, 2, 5, 5, 5)).bottleneck == ("approach", "media")
    assert ssrm.score(answers(1, 3, 1, 3, 3)).bottleneck == ("application", "media")


@pytest.mark.parametrize(
    ("management", "phase", "holds_back"),
    [(0, 1, False), (0, 2, True), (0, 5, True), (1, 2, False), (1, 3, True), (1, 4, True), (2, 5, False)],
)
def test_management_holds_back_no_from_phase_two_allowing_from_phase_three(management, phase, holds_back):
    assert ssrm.management_holds_back(management, ssrm.PHASES[phase - 1]) is holds_back


def test_every_dimension_has_five_options_mapping_to_phases_one_to_five():
    assert [d.key for d in ssrm.DIMENSIONS] == ["media", "approach", "application", "technology", "impact"]
    for dimension in ssrm.DIMENSIONS:
        assert len(dimension.options) == 5
        for option_index in range(5):
            levels = ssrm.dimension_levels({key: 0 for key in ssrm.DIMENSION_KEYS} | {dimension.key: option_index})
            assert levels[dimension.key] == option_index + 1


def test_phase_five_media_option_is_owned_earned_and_paid():
    assert ssrm.DIMENSIONS_BY_KEY["media"].options[4].label == "Owned, earned and paid media"


def test_phases_carry_the_sources_names_in_order():
    assert [p.name for p in ssrm.PHASES] == [
        "Ad Hoc", "Basic Publishing", "Experimentation", "Collaborate", "Performance-Driven",
    ]


def test_an_unanswered_dimension_is_refused():
    with pytest.raises(ValueError, match="impact"):
        ssrm.score({key: 0 for key in ssrm.DIMENSION_KEYS[:4]})
