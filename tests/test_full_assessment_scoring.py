"""The full assessment's rules on a table of organisation profiles, each resting on the seeds."""

import pytest

from dialogs import cycle, full_assessment, plan, results, sm247
from tests.support.profiles import PROFILES, Profile


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: p.name)
def test_profile(profile: Profile):
    result = full_assessment.score(profile.answers())
    assert result.ssrm.phase.number == profile.phase
    assert result.ssrm.bottleneck == profile.bottleneck
    assert result.management_holds_back == profile.management_holds_back
    assert result.cells == dict(zip(sm247.CELL_KEYS, profile.cells, strict=True))
    assert result.remarks == profile.remarks
    assert (result.next_step.number if result.next_step else None) == profile.next_step
    assert (result.bottleneck_step.number if result.bottleneck_step else None) == profile.bottleneck_step
    assert result.glue_aspect == profile.glue_aspect
    assert result.ssrm.ahead == profile.ahead
    assert result.ssrm.next_lift == profile.next_lift
    assert result.contradictions == profile.contradictions
    assert plan.for_full_assessment(result).moves == profile.plan


def test_the_table_exercises_every_rule():
    outcomes = [full_assessment.score(p.answers()) for p in PROFILES]
    assert {r.ssrm.phase.number for r in outcomes} == {1, 2, 3, 4, 5}
    assert {remark for r in outcomes for remark in r.remarks} == set(sm247.REMARKS)
    assert {r.glue_aspect for r in outcomes} == {1, 2, 3}
    assert any(r.management_holds_back for r in outcomes) and not all(r.management_holds_back for r in outcomes)
    assert any(r.next_step is None for r in outcomes)
    assert {r.bottleneck_step.number for r in outcomes if r.bottleneck_step} >= {1, 3, 5, 6, 7, 10, 11, 12}
    assert any(r.ssrm.ahead for r in outcomes) and any(r.ssrm.next_lift for r in outcomes)
    assert {key for r in outcomes for key in r.contradictions} == {"management_approach", "glue_approach"}
    assert any(r.management == 1 and r.management_holds_back for r in outcomes)


def test_a_stored_result_reads_back_as_it_was_shown():
    result = full_assessment.score(PROFILES[2].answers())
    assert results.full_result(result.scores()) == result


def test_the_cycle_has_twelve_steps_in_three_phases_as_the_source():
    assert [len([s for s in cycle.STEPS if s.phase == p.number]) for p in cycle.PHASES] == [5, 4, 3]
    assert [s.name for s in cycle.STEPS][:3] == ["Objectives", "Target groups", "Content strategy"]
