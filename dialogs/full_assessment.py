"""The full assessment: SSRM (five dimensions and management support), the Social Media 24/7
profile, the Social Media Cycle checklist and the Glue Model question — then one result.

The flow is one ``transitions`` machine: an intro that ``begin`` leaves, one screen per
question that ``answer`` moves on from, and the Cycle checklist, where ``mark_step`` ticks a
step (the checklist stays open) and ``finish`` moves on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from dialogs import cycle, glue, sm247, ssrm
from dialogs.flow import DONE, Flow, FlowError, question_machine

FLOW = "full"
SCORING_VERSION = 1  # stored with each result; bump when a rule below changes
INTRO = "intro"
MANAGEMENT = "management"
CYCLE = "cycle"
GLUE = "glue"
QUESTIONS: tuple[str, ...] = (*ssrm.DIMENSION_KEYS, MANAGEMENT, *sm247.CELL_KEYS, CYCLE, GLUE)
MACHINE = question_machine((INTRO, *QUESTIONS), begin_from=INTRO)
MACHINE.remove_transition("answer", source=CYCLE)  # the checklist is not answered with one option
MACHINE.add_transition("mark_step", CYCLE, None)  # None: the checklist stays on screen
MACHINE.add_transition("finish", CYCLE, GLUE)


def option_count(question: str) -> int:
    if question in ssrm.DIMENSIONS_BY_KEY:
        return len(ssrm.DIMENSIONS_BY_KEY[question].options)
    if question == MANAGEMENT:
        return len(ssrm.MANAGEMENT_OPTIONS)
    if question in sm247.CELLS_BY_KEY:
        return len(sm247.LEVEL_LABELS)
    if question == GLUE:
        return len(glue.SITUATIONS)
    return 0  # the intro and the Cycle checklist are not answered with an option


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
        }


def score(answers: dict[str, int]) -> FullResult:
    """All four models from one set of answers (each rule is documented where it lives)."""
    ssrm_result = ssrm.score(answers)
    management = answers[MANAGEMENT]
    holds_back = ssrm.management_holds_back(management, ssrm_result.phase)
    cells = sm247.profile(answers)
    in_place = cycle.steps_in_place(answers)
    pointers = (("management",) if holds_back else ()) + ssrm_result.bottleneck
    return FullResult(
        ssrm=ssrm_result,
        management=management,
        management_holds_back=holds_back,
        cells=cells,
        remarks=sm247.remarks(cells),
        in_place=in_place,
        next_step=cycle.next_step(in_place),
        bottleneck_step=cycle.bottleneck_step(pointers, in_place, ssrm_result.levels),
        glue_situation=answers[GLUE],
        glue_aspect=glue.aspect(answers[GLUE], ssrm_result.levels["approach"]),
    )


@dataclass
class FullAssessment(Flow):
    """One user's full assessment."""

    MACHINE: ClassVar = MACHINE
    QUESTIONS: ClassVar = QUESTIONS

    state: str = INTRO

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

