"""The Social Media Cycle (MarketingMonday), seed 002 (Dutch): 3 phases, 12 steps.

The English msgids are translations of the Dutch source; the Dutch catalog uses the source's
own words. The advisor asks which steps are in place; the next step is the first that is not.
"""

from __future__ import annotations

from dataclasses import dataclass

from dialogs.i18n import N_


@dataclass(frozen=True)
class CyclePhase:
    number: int
    name: str
    description: str


@dataclass(frozen=True)
class Step:
    number: int
    phase: int
    name: str
    description: str


PHASES: tuple[CyclePhase, ...] = (
    CyclePhase(1, N_("Social media strategy"),
               N_("Think about your business, brand and marketing strategy before you make action plans or act.")),
    CyclePhase(2, N_("Profitable and cost-saving communities"),
               N_("Building communities takes a lot of time, but pays off: in profit and in savings.")),
    CyclePhase(3, N_("Facilitating and organising"),
               N_("Keep measuring, determine the ROI, and carry out and facilitate your social media policy among your employees.")),
)

STEPS: tuple[Step, ...] = (
    Step(1, 1, N_("Objectives"), N_("Set your objectives and translate them into social media objectives: make them SMART and define them with the four-stage model (exposure, engagement, influence, action).")),
    Step(2, 1, N_("Target groups"), N_("Define your target groups, for instance with social personas, and recognise your ambassadors and where they are.")),
    Step(3, 1, N_("Content strategy"), N_("Decide which content you want to spread and check that it fits the target groups you defined.")),
    Step(4, 1, N_("Media and means"), N_("Define which means (social media channels) you will use to spread your content, where your target group is.")),
    Step(5, 1, N_("Cross-media integration"), N_("Use paid media (such as social advertising) to boost your owned media, so that more people talk about you (earned media).")),
    Step(6, 2, N_("Connect"), N_("Connect your fans and make sure they become your ambassadors.")),
    Step(7, 2, N_("Activate"), N_("Activate your ambassadors: develop content to share, or interactive formats such as polls, discussions, articles or video.")),
    Step(8, 2, N_("Growth"), N_("Make a plan to grow your community: with good content, and with creative means such as (cross-media) campaigns.")),
    Step(9, 2, N_("Conversion"), N_("Look back at your social media objectives: how do you convince ambassadors and fans to buy? Are your objectives met?")),
    Step(10, 3, N_("Analysis"), N_("Analyse your social media efforts: what they yield, financially and for your reputation. Determine your ROI.")),
    Step(11, 3, N_("Facilitate"), N_("Make sure employees become enthusiastic and facilitate them with tools and technique. Make internal agreements.")),
    Step(12, 3, N_("Organise"), N_("When much changes, divide the tasks: in roles, responsibilities and perhaps new positions.")),
)

STEP_KEYS: tuple[str, ...] = tuple(f"cycle_{step.number}" for step in STEPS)

# Which Cycle step answers which SSRM bottleneck: the advisor's own mapping, not the model's.
BOTTLENECK_STEPS: dict[str, int] = {
    # owned media only -> media and means; from phase 3 on (owned and earned) -> cross-media
    # integration, paid boosting owned so that earned follows (SSRM keeps paid for phase 5)
    "media": 5,
    "approach": 3,  # no schedule or strategy for what to post -> content strategy
    "application": 6,  # personal profiles, ambassadors -> connect
    "technology": 11,  # tools and technique for employees -> facilitate
    "impact": 10,  # what it yields, ROI -> analysis
    "management": 1,  # management backs what serves business objectives -> objectives
}


def steps_in_place(answers: dict[str, int]) -> tuple[int, ...]:
    """The numbers of the steps marked as in place (an answer of 1)."""
    return tuple(step.number for step, key in zip(STEPS, STEP_KEYS, strict=True) if answers.get(key) == 1)


def next_step(in_place: tuple[int, ...]) -> Step | None:
    """The Cycle is a step model: the next step is the first one not yet in place."""
    return next((step for step in STEPS if step.number not in in_place), None)


MEDIA_EARLY_STEP = 4  # Media en middelen, for Media at phase 1 or 2


def bottleneck_step(
    bottleneck: tuple[str, ...], in_place: tuple[int, ...], levels: dict[str, int] | None = None
) -> Step | None:
    """The first step, in the bottleneck's order, that the SSRM bottleneck points to and that is
    not yet in place (the advisor's rule)."""
    for dimension in bottleneck:
        number = BOTTLENECK_STEPS.get(dimension)
        if dimension == "media" and levels and levels["media"] <= 2:
            number = MEDIA_EARLY_STEP
        if number is not None and number not in in_place:
            return STEPS[number - 1]
    return None
