"""The quick check's state machine: one question after the other, Back, and its limits."""

import pytest

from dialogs.quick_check import MACHINE, QUESTIONS, FlowError, QuickCheck


def test_five_answers_lead_through_the_dimensions_to_the_result():
    check = QuickCheck()
    seen = []
    for option in (0, 1, 2, 3, 4):
        seen.append(check.question_number)
        check.answer(option)
    assert seen == [1, 2, 3, 4, 5]
    assert check.is_done
    assert check.answers == {"media": 0, "approach": 1, "application": 2, "technology": 3, "impact": 4}
    assert check.result().phase.number == 2  # levels 1-5: the median 3, capped one above the lowest


def test_back_keeps_the_answer_and_returns_to_the_previous_question():
    check = QuickCheck()
    check.answer(2)
    check.back()
    assert check.state == "media"
    assert check.answers == {"media": 2}
    assert not check.can_go_back()


def test_back_from_the_first_question_is_not_a_flow_step():
    with pytest.raises(FlowError):
        QuickCheck().back()


def test_answers_outside_the_options_and_after_the_end_are_refused():
    with pytest.raises(FlowError):
        QuickCheck().answer(5)
    done = QuickCheck(state="done", answers={key: 0 for key in QUESTIONS})
    with pytest.raises(FlowError):
        done.answer(0)


def test_the_machine_is_shared_and_keeps_no_models_between_events():
    QuickCheck().answer(1)
    QuickCheck(state="impact").back()
    assert MACHINE.models == []
