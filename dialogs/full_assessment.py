"""The full assessment: SSRM (five dimensions and management support), the Social Media 24/7
profile, the Social Media Cycle checklist and the Glue Model question — then one result.

The flow is one ``transitions`` machine: an intro that ``begin`` leaves, one screen per
question that ``answer`` moves on from, and the Cycle checklist, where ``mark_step`` ticks a
step (the checklist stays open) and ``finish`` moves on. When two answers contradict each
other, the last answer leads to a review before the result: the user keeps both or corrects
either (``correct_<question>``), and the corrected answer leads back to the review, or to the
result once nothing contradicts any more.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from dialogs import cycle, glue, sm247, ssrm
from dialogs.flow import DONE, Flow, FlowError, question_machine

FLOW = "full"
# Stored with each result; bump when a rule below changes. 2: SSRM scoring version 2,
# contradictions, the Cycle pointer by what the bottleneck lacks.
SCORING_VERSION = 2
INTRO = "intro"
MANAGEMENT = "management"
CYCLE = "cycle"
GLUE = "glue"
REVIEW = "review"
QUESTIONS: tuple[str, ...] = (*ssrm.DIMENSION_KEYS, MANAGEMENT, *sm247.CELL_KEYS, CYCLE, GLUE)
CORRECTABLE: tuple[str, ...] = (MANAGEMENT, "approach", GLUE)  # the answers a contradiction involves
FIX = {question: f"fix_{question}" for question in CORRECTABLE}  # the screen that asks one again
SCREENS: tuple[str, ...] = (*QUESTIONS, REVIEW, *FIX.values())

MACHINE = question_machine((INTRO, *QUESTIONS), begin_from=INTRO)
MACHINE.add_states([REVIEW, *FIX.values()])
MACHINE.remove_transition("answer", source=CYCLE)  # the checklist is not answered with one option
MACHINE.add_transition("mark_step", CYCLE, None)  # None: the checklist stays on screen
MACHINE.add_transition("finish", CYCLE, GLUE)
MACHINE.remove_transition("answer", source=GLUE, dest=DONE)
for _source in (GLUE, *FIX.values()):
    MACHINE.add_transition("answer", _source, REVIEW, conditions="has_contradictions")
    MACHINE.add_transition("answer", _source, DONE)
MACHINE.add_transition("keep", REVIEW, DONE)
MACHINE.add_transition("back", REVIEW, GLUE)
for _question, _fix in FIX.items():
    MACHINE.add_transition(f"correct_{_question}", REVIEW, _fix)
    MACHINE.add_transition("back", _fix, REVIEW)


def contradictions(answers: dict[str, int]) -> tuple[str, ...]:
    """Pairs of answers that cannot both be right (keys: "<question>_<question>"):
    - no management support, with an Approach where "management sets the example" or further;
    - a Glue situation that says how regularly you post, against the Approach answer."""
    found = []
    approach = answers["approach"] + 1
    if ssrm.management_contradicts(answers[MANAGEMENT], {"approach": approach}):
        found.append("management_approach")
    if glue.contradicts_approach(answers[GLUE], approach):
        found.append("glue_approach")
    return tuple(found)


def option_count(question: str) -> int:
    if question in ssrm.DIMENSIONS_BY_KEY:
        return len(ssrm.DIMENSIONS_BY_KEY[question].options)
    if question == MANAGEMENT:
        return len(ssrm.MANAGEMENT_OPTIONS)
    if question in sm247.CELLS_BY_KEY:
        return len(sm247.LEVEL_LABELS)
    if question == GLUE:
        return len(glue.SITUATIONS)
    if question.startswith("fix_"):
        return option_count(question.removeprefix("fix_"))
    return 0  # the intro, the Cycle checklist and the review are not answered with an option


@dataclass(frozen=True)
class FullResult:
    ssrm: ssrm.SsrmResult
    management: int
    management_holds_back: bool
    cells: dict[str, int]
    remarks: tuple[str, ...]
    in_place: tuple[int, ...]
    next_step: cycle.Step | None
    bottleneck_step: cycle.Step | None
    glue_situation: int
    glue_aspect: int
    contradictions: tuple[str, ...] = ()  # kept by the user as they were

    def scores(self) -> dict:
        """The result as stored (JSON), with everything needed to show it again."""
        return {
            **self.ssrm.scores(),
            "management": self.management,
            "management_holds_back": self.management_holds_back,
            "cells": self.cells,
            "remarks": list(self.remarks),
            "cycle_in_place": list(self.in_place),
            "next_step": self.next_step.number if self.next_step else None,
            "bottleneck_step": self.bottleneck_step.number if self.bottleneck_step else None,
            "glue_situation": self.glue_situation,
            "glue_aspect": self.glue_aspect,
            "contradictions": list(self.contradictions),
        }


def score(answers: dict[str, int]) -> FullResult:
    """All four models from one set of answers (each rule is documented where it lives)."""
    ssrm_result = ssrm.score(answers)
    management = answers[MANAGEMENT]
    holds_back = ssrm.management_holds_back(management, ssrm_result.phase)
    cells = sm247.profile(answers)
    in_place = cycle.steps_in_place(answers)
    # What the Cycle step answers: management first, then the bottleneck, or with none the
    # dimensions whose next level leads to the next phase.
    pointers = (("management",) if holds_back else ()) + (ssrm_result.bottleneck or ssrm_result.next_lift)
    return FullResult(
        ssrm=ssrm_result,
        management=management,
        management_holds_back=holds_back,
        cells=cells,
        remarks=sm247.remarks(cells),
        in_place=in_place,
        next_step=cycle.next_step(in_place),
        bottleneck_step=cycle.bottleneck_step(pointers, in_place),
        glue_situation=answers[GLUE],
        glue_aspect=glue.aspect(answers[GLUE], ssrm_result.levels["approach"]),
        contradictions=contradictions(answers),
    )


def first_cycle_step(result: FullResult) -> cycle.Step | None:
    """Of the next step and the step the bottleneck points to, the one to do first."""
    return cycle.first_of(result.next_step, result.bottleneck_step)


@dataclass
class FullAssessment(Flow):
    """One user's full assessment."""

    MACHINE: ClassVar = MACHINE
    QUESTIONS: ClassVar = QUESTIONS
    SCREENS: ClassVar = SCREENS

    state: str = INTRO

    @property
    def question_key(self) -> str:
        return self.state.removeprefix("fix_")

    def has_contradictions(self) -> bool:
        return bool(contradictions(self.answers))

    @property
    def contradictions(self) -> tuple[str, ...]:
        return contradictions(self.answers)

    def keep(self) -> None:
        """Keep the answers as they are, contradiction and all: on to the result."""
        self._move("keep")

    def correct_management(self) -> None:
        self._move("correct_management")

    def correct_approach(self) -> None:
        self._move("correct_approach")

    def correct_glue(self) -> None:
        self._move("correct_glue")

    @property
    def answered(self) -> int:
        """Questions answered so far; the checklist counts once it has been passed."""
        answered = sum(1 for question in QUESTIONS if question in self.answers)
        passed_checklist = self.state in (GLUE, DONE) or GLUE in self.answers
        return answered + passed_checklist

    @property
    def option_count(self) -> int:
        """How many options the open question has (0 for the intro and the checklist)."""
        return option_count(self.state)

    def begin(self) -> None:
        """From the intro to the first question."""
        self._move("begin")

    def mark_step(self, number: int, in_place: bool) -> tuple[str, int]:
        """Mark a Cycle step as in place or not; the checklist stays open."""
        if not 1 <= number <= len(cycle.STEPS):
            raise FlowError(f"no Cycle step {number}")
        key = cycle.STEP_KEYS[number - 1]
        self.answers[key] = int(in_place)
        self._move("mark_step")
        return key, int(in_place)

    def typed(self, number: int) -> tuple[str, tuple] | None:
        """On the checklist a typed number ticks (or unticks) that step."""
        if self.state == CYCLE:
            if not 1 <= number <= len(cycle.STEPS):
                return None
            return "mark_step", (number, number not in cycle.steps_in_place(self.answers))
        return super().typed(number)

    def finish(self) -> None:
        """Done with the Cycle checklist: on to the next question."""
        self._move("finish")

    def result(self) -> FullResult:
        return score(self.answers)

