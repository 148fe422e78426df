"""The quick phase check: the five SSRM dimension questions, one tap each, then the result.

The flow is a ``transitions`` state machine built once at import. Per update the adapter
attaches the user's session (its saved state) as a model, fires one trigger and detaches it
again: the machine is the single description of the flow, and it holds no user state.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from dialogs import ssrm
from dialogs.flow import DONE, Flow, FlowError, linear_machine

__all__ = ["DONE", "FLOW", "MACHINE", "QUESTIONS", "FlowError", "QuickCheck"]

FLOW = "quick"
QUESTIONS: tuple[str, ...] = ssrm.DIMENSION_KEYS
MACHINE = linear_machine((*QUESTIONS, DONE), initial=QUESTIONS[0])


@dataclass
class QuickCheck(Flow):
    """One user's quick check."""

    MACHINE: ClassVar = MACHINE
    QUESTIONS: ClassVar = QUESTIONS

    state: str = QUESTIONS[0]

    @property
    def option_count(self) -> int:
        """How many options the open question has (0 when none is open)."""
        dimension = ssrm.DIMENSIONS_BY_KEY.get(self.state)
        return len(dimension.options) if dimension else 0

    def answer(self, option: int) -> str:
        """Record ``option`` (0..4) for the open question and move on; returns the question key."""
        if self.state not in ssrm.DIMENSIONS_BY_KEY:
            raise FlowError(f"no question open in {self.state}")
        if not 0 <= option < len(ssrm.DIMENSIONS_BY_KEY[self.state].options):
            raise FlowError(f"no option {option} for {self.state}")
        question = self.state
        self.answers[question] = option
        self._fire("next_question")
        return question

    def result(self) -> ssrm.SsrmResult:
        return ssrm.score(self.answers)
