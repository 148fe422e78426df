"""The quick phase check: the five SSRM dimension questions, one tap each, then the result.

The flow is a ``transitions`` state machine built once at import. Per update the adapter
attaches the user's session (its saved state) as a model, fires one trigger and detaches it
again: the machine is the single description of the flow, and it holds no user state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from transitions import Machine, MachineError

from dialogs import ssrm

FLOW = "quick"
QUESTIONS: tuple[str, ...] = ssrm.DIMENSION_KEYS
DONE = "done"
STATES: tuple[str, ...] = (*QUESTIONS, DONE)


def _build_machine() -> Machine:
    transitions = []
    for current, following in zip(QUESTIONS, STATES[1:], strict=True):
        transitions.append({"trigger": "next_question", "source": current, "dest": following})
        if following != DONE:
            transitions.append({"trigger": "previous_question", "source": following, "dest": current})
    return Machine(
        model=None,
        states=list(STATES),
        transitions=transitions,
        initial=QUESTIONS[0],
        auto_transitions=False,
    )


MACHINE = _build_machine()


class _Carrier:
    """The object ``transitions`` binds its triggers to for one event."""

    state: str


@cache
def _can_go_back(state: str) -> bool:
    """Asked of the machine once per state: it never changes after it is built."""
    carrier = _Carrier()
    MACHINE.add_model(carrier, initial=state)
    try:
        return carrier.may_trigger("previous_question")
    finally:
        MACHINE.remove_model(carrier)


class FlowError(Exception):
    """A trigger that the flow does not allow from the session's state."""


@dataclass
class QuickCheck:
    """One user's quick check: the model the machine drives for the length of one update."""

    state: str = QUESTIONS[0]
    answers: dict[str, int] = field(default_factory=dict)

    @property
    def is_done(self) -> bool:
        return self.state == DONE

    @property
    def question_number(self) -> int:
        """1-based position of the open question ("Question n of 5")."""
        return QUESTIONS.index(self.state) + 1

    @property
    def is_first_question(self) -> bool:
        return self.state == QUESTIONS[0]

    def _fire(self, trigger: str) -> None:
        # A throwaway carrier keeps the machine's generated attributes off this dataclass.
        carrier = _Carrier()
        MACHINE.add_model(carrier, initial=self.state)
        try:
            carrier.trigger(trigger)
        except MachineError as error:
            raise FlowError(str(error)) from error
        finally:
            MACHINE.remove_model(carrier)
        self.state = carrier.state

    def can_go_back(self) -> bool:
        """Whether Back leads to an earlier question (on the first one it leads to the menu)."""
        return _can_go_back(self.state)

    def answer(self, option: int) -> str:
        """Record ``option`` (0..4) for the open question and move on; returns the question key."""
        if self.is_done:
            raise FlowError("the check is finished")
        if not 0 <= option < len(ssrm.DIMENSIONS_BY_KEY[self.state].options):
            raise FlowError(f"no option {option} for {self.state}")
        question = self.state
        self.answers[question] = option
        self._fire("next_question")
        return question

    def back(self) -> None:
        """Go to the previous question (its answer stays, shown as chosen)."""
        self._fire("previous_question")

    def result(self) -> ssrm.SsrmResult:
        return ssrm.score(self.answers)
