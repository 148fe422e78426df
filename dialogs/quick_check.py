"""The quick phase check: the five SSRM dimension questions, one tap each, then the result.

The flow is a ``transitions`` state machine built once at import: ``answer`` moves on, ``back``
returns. It holds no user state; per update a ``QuickCheck`` carries the session through it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from dialogs import ssrm
from dialogs.flow import DONE, Flow, FlowError, question_machine

__all__ = ["DONE", "FLOW", "MACHINE", "QUESTIONS", "FlowError", "QuickCheck"]

FLOW = "quick"
QUESTIONS: tuple[str, ...] = ssrm.DIMENSION_KEYS
MACHINE = question_machine(QUESTIONS)


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

    def result(self) -> ssrm.SsrmResult:
        return ssrm.score(self.answers)
