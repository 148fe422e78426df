"""The SSRM scoring rules (design.md §2): levels, median phase, bottleneck in the source's order."""

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
    ("levels", "phase"),
    [
        ((1, 5, 5, 5, 5), 5),  # one lagging dimension does not pull the phase down
        ((5, 1, 1, 1, 1), 1),  # nor does one running ahead lift it
        ((1, 2, 3, 4, 5), 3),
        ((2, 2, 4, 4, 3), 3),
        ((4, 1, 4, 2, 5), 4),
    ],
)
def test_phase_is_the_median_level(levels, phase):
    assert ssrm.score(answers(*levels)).phase.number == phase


def test_bottleneck_is_the_lowest_dimension():
    result = ssrm.score(answers(3, 3, 3, 1, 3))
    assert result.bottleneck == ("technology",)
    assert result.levels == {"media": 3, "approach": 3, "application": 3, "technology": 1, "impact": 3}


def test_bottleneck_ties_come_in_the_sources_order():
    assert ssrm.score(answers(4, 2, 5, 2, 2)).bottleneck == ("approach", "technology", "impact")
    assert ssrm.score(answers(1, 3, 1, 3, 3)).bottleneck == ("media", "application")


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
