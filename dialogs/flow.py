"""What every tap-driven flow shares: a ``transitions`` machine built once, whose triggers are
the user's actions (begin, answer, mark_step, finish, back), and a model that carries one
user's state and answers through it for the length of one update.

The machine is the one description of a flow: which actions a screen allows and where each
leads is asked of it (``get_triggers``, ``get_transitions``), never guarded by hand. Its
states and transitions carry no callbacks, so asking it is pure and no model has to be
attached per update.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import ClassVar

from transitions import Machine

DONE = "done"


class FlowError(Exception):
    """An action or answer that the flow does not allow from the session's state."""


def question_machine(screens: tuple[str, ...], *, begin_from: str | None = None) -> Machine:
    """Screens in order, then ``done``. ``answer`` moves on from a question; ``back`` returns
    to the screen before (never out of ``done``). ``begin_from``: an intro that ``begin``
    leaves for the first question. Flows add their own actions with ``add_transition``."""
    states = (*screens, DONE)
    machine = Machine(model=None, states=list(states), initial=screens[0], auto_transitions=False)
    first = 0
    if begin_from is not None:
        machine.add_transition("begin", begin_from, screens[1])
        machine.add_transition("back", screens[1], begin_from)
        first = 1
    for current, following in itertools.pairwise(screens[first:]):
        machine.add_transition("answer", current, following)
        machine.add_transition("back", following, current)
    machine.add_transition("answer", screens[-1], DONE)
    return machine


@dataclass
class Flow:
    """One user's pass through a flow. Subclasses set ``MACHINE`` and ``QUESTIONS`` and define
    a method per action their machine has beyond ``answer`` and ``back``."""

    MACHINE: ClassVar[Machine]
    QUESTIONS: ClassVar[tuple[str, ...]]  # the questions, in order ("Question n of N")
    SCREENS: ClassVar[tuple[str, ...]]  # every numbered screen: the questions, then any others

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if "SCREENS" not in cls.__dict__ and "QUESTIONS" in cls.__dict__:
            cls.SCREENS = cls.QUESTIONS

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
    def screen_number(self) -> int:
        """1-based number of the open screen, carried by its buttons; 0 for a first screen that
        is not numbered (an intro)."""
        return self.SCREENS.index(self.state) + 1 if self.state in self.SCREENS else 0

    @property
    def question_key(self) -> str:
        """The question the open screen asks (a screen may ask one again, to correct it)."""
        return self.state

    @property
    def option_count(self) -> int:
        """How many options the open question has (0 when it is not answered with an option)."""
        return 0

    def may(self, action: str) -> bool:
        """Whether the open screen allows ``action`` (asked of the machine)."""
        return action in self.MACHINE.get_triggers(self.state)

    def depends_on_answers(self, action: str) -> bool:
        """Whether where ``action`` leads depends on the answers given (its transitions have
        conditions): then the flow needs them before it can act."""
        transitions = self.MACHINE.get_transitions(trigger=action, source=self.state)
        return any(transition.conditions for transition in transitions)

    def act(self, action: str, *arguments) -> tuple[str, int] | None:
        """Do one user action; the answer to file with the move (question, value), if any.
        FlowError when the screen does not allow it; then nothing has changed."""
        if not self.may(action):
            raise FlowError(f"no {action} from {self.state}")
        return getattr(self, action)(*arguments)

    def typed(self, number: int) -> tuple[str, tuple] | None:
        """The action a number typed on the open screen stands for: its option's number."""
        return ("answer", (number - 1,)) if 1 <= number <= self.option_count else None

    def _move(self, action: str) -> None:
        """Follow ``action``'s transition out of the open screen: the first whose conditions
        (methods of the flow, named in the machine) hold. FlowError: there is none."""
        transition = next(
            (
                candidate
                for candidate in self.MACHINE.get_transitions(trigger=action, source=self.state)
                if all(getattr(self, condition.func)() == condition.target for condition in candidate.conditions)
            ),
            None,
        )
        if transition is None:
            raise FlowError(f"no {action} from {self.state}")
        if transition.dest is not None:  # None: an internal transition, the screen stays
            self.state = transition.dest

    def can_go_back(self) -> bool:
        """Whether Back leads to an earlier screen of the flow (else it leaves the flow)."""
        return self.may("back")

    def back(self) -> None:
        """Go to the previous screen; answers stay (shown as chosen)."""
        self._move("back")

    def answer(self, option: int) -> tuple[str, int]:
        """Record ``option`` for the open question and move on."""
        if not 0 <= option < self.option_count:
            raise FlowError(f"no option {option} for {self.state}")
        question = self.question_key
        self.answers[question] = option
        self._move("answer")
        return question, option
