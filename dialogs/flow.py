"""What every tap-driven flow shares: a ``transitions`` machine built once, and a model that
carries one user's state and answers through it for the length of one update."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import ClassVar

from transitions import Machine, MachineError

DONE = "done"


class FlowError(Exception):
    """A trigger or answer that the flow does not allow from the session's state."""


class _Carrier:
    """The object ``transitions`` binds its triggers to for one event, so that the machine's
    generated attributes stay off the flow's own model."""

    state: str


def linear_machine(states: tuple[str, ...], initial: str) -> Machine:
    """States in order: ``next_question`` leads forward, ``previous_question`` back (not out
    of the first state, and not back out of ``done``)."""
    transitions = []
    for current, following in itertools.pairwise(states):
        transitions.append({"trigger": "next_question", "source": current, "dest": following})
        if following != DONE:
            transitions.append({"trigger": "previous_question", "source": following, "dest": current})
    return Machine(model=None, states=list(states), transitions=transitions, initial=initial, auto_transitions=False)


@dataclass
class Flow:
    """One user's pass through a flow. Subclasses set ``MACHINE`` and ``QUESTIONS``."""

    MACHINE: ClassVar[Machine]
    QUESTIONS: ClassVar[tuple[str, ...]]  # the numbered screens, in order

    state: str
    answers: dict[str, int] = field(default_factory=dict)

    @property
    def is_done(self) -> bool:
        return self.state == DONE

    @property
    def question_number(self) -> int:
        """1-based position of the open question ("Question n of N"); 0 before the first."""
        return self.QUESTIONS.index(self.state) + 1 if self.state in self.QUESTIONS else 0

    @property
    def option_count(self) -> int:
        """How many options the open question has (0 when it is not answered with an option)."""
        return 0

    def _fire(self, trigger: str) -> None:
        carrier = _Carrier()
        self.MACHINE.add_model(carrier, initial=self.state)
        try:
            carrier.trigger(trigger)
        except MachineError as error:
            raise FlowError(str(error)) from error
        finally:
            self.MACHINE.remove_model(carrier)
        self.state = carrier.state

    def can_go_back(self) -> bool:
        """Whether Back leads to an earlier screen of the flow (else it leaves the flow)."""
        return _may(self.MACHINE, self.state, "previous_question")

    def back(self) -> None:
        """Go to the previous screen; answers stay (shown as chosen)."""
        self._fire("previous_question")


_MAY_CACHE: dict[tuple[int, str, str], bool] = {}


def _may(machine: Machine, state: str, trigger: str) -> bool:
    """Asked of the machine once per state and trigger: it never changes after it is built."""
    key = (id(machine), state, trigger)
    if key not in _MAY_CACHE:
        carrier = _Carrier()
        machine.add_model(carrier, initial=state)
        try:
            _MAY_CACHE[key] = carrier.may_trigger(trigger)
        finally:
            machine.remove_model(carrier)
    return _MAY_CACHE[key]
