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
    meaning: str  # the description in one short line, for the checklist on a phone


PHASES: tuple[CyclePhase, ...] = (
    CyclePhase(1, N_("Social media strategy"),
               N_("Think about your business, brand and marketing strategy before you make action plans or act.")),
    CyclePhase(2, N_("Profitable and cost-saving communities"),
               N_("Building communities takes a lot of time, but pays off: in profit and in savings.")),
    CyclePhase(3, N_("Facilitating and organising"),
               N_("Keep measuring, determine the ROI, and carry out and facilitate your social media policy among your employees.")),
)

STEPS: tuple[Step, ...] = (
    Step(1, 1, N_("Objectives"), N_("Set your objectives and translate them into social media objectives: make them SMART and define them with the four-stage model (exposure, engagement, influence, action)."),
         N_("SMART objectives, defined with the four-stage model")),
    Step(2, 1, N_("Target groups"), N_("Define your target groups, for instance with social personas, and recognise your ambassadors and where they are."),
         N_("Social personas for your target groups; your ambassadors found")),
    Step(3, 1, N_("Content strategy"), N_("Decide which content you want to spread and check that it fits the target groups you defined."),
         N_("Which content you spread, matched to your target groups")),
    Step(4, 1, N_("Media and means"), N_("Define which means (social media channels) you will use to spread your content, where your target group is."),
         N_("The channels you use, where your target group is")),
    Step(5, 1, N_("Cross-media integration"), N_("Use paid media (such as social advertising) to boost your owned media, so that more people talk about you (earned media)."),
         N_("Paid media boosting your owned media, so that earned follows")),
    Step(6, 2, N_("Connect"), N_("Connect your fans and make sure they become your ambassadors."),
         N_("Fans connected and made into ambassadors")),
    Step(7, 2, N_("Activate"), N_("Activate your ambassadors: develop content to share, or interactive formats such as polls, discussions, articles or video."),
         N_("Content and interaction for ambassadors to share")),
    Step(8, 2, N_("Growth"), N_("Make a plan to grow your community: with good content, and with creative means such as (cross-media) campaigns."),
         N_("A plan to grow your community")),
    Step(9, 2, N_("Conversion"), N_("Look back at your social media objectives: how do you convince ambassadors and fans to buy? Are your objectives met?"),
         N_("Fans and ambassadors convinced to buy; objectives checked")),
    Step(10, 3, N_("Analysis"), N_("Analyse your social media efforts: what they yield, financially and for your reputation. Determine your ROI."),
         N_("What social media yields, financially and for your reputation")),
    Step(11, 3, N_("Facilitate"), N_("Make sure employees become enthusiastic and facilitate them with tools and technology. Make internal agreements."),
         N_("Employees enthused and given tools and technology")),
    Step(12, 3, N_("Organise"), N_("When much changes, divide the tasks: in roles, responsibilities and perhaps new positions."),
         N_("Tasks divided into roles and responsibilities")),
)

STEP_KEYS: tuple[str, ...] = tuple(f"cycle_{step.number}" for step in STEPS)

# Which Cycle steps answer which bottleneck, by what it lacks: the advisor's own mapping, not
# the model's. Approach (no strategy, no schedule) -> the strategy steps: objectives, target
# groups, content strategy; Media -> media and means, cross-media integration; Application
# (personal profiles, ambassadors) -> connect, activate; Technology -> facilitate ("tools en
# techniek"); Impact -> analysis (what it yields); management -> organise (roles and
# responsibilities).
BOTTLENECK_STEPS: dict[str, tuple[int, ...]] = {
    "approach": (1, 2, 3),
    "media": (4, 5),
    "application": (6, 7),
    "technology": (11,),
    "impact": (10,),
    "management": (12,),
}


def steps_in_place(answers: dict[str, int]) -> tuple[int, ...]:
    """The numbers of the steps marked as in place (an answer of 1)."""
    return tuple(step.number for step, key in zip(STEPS, STEP_KEYS, strict=True) if answers.get(key) == 1)


def next_step(in_place: tuple[int, ...]) -> Step | None:
    """The Cycle is a step model: the next step is the first one not yet in place."""
    return next((step for step in STEPS if step.number not in in_place), None)


def bottleneck_step(pointers: tuple[str, ...], in_place: tuple[int, ...]) -> Step | None:
    """The first step not yet in place among those the bottleneck points to, in the order of
    the pointers (management first, then the dimensions in the order of success)."""
    for pointer in pointers:
        for number in BOTTLENECK_STEPS.get(pointer, ()):
            if number not in in_place:
                return STEPS[number - 1]
    return None


def first_of(next_open: Step | None, pointed: Step | None) -> Step | None:
    """Of the next step and the step the bottleneck points to, the one to do first: the
    earlier, as the Cycle goes step by step (the advisor's rule)."""
    steps = [step for step in (next_open, pointed) if step is not None]
    return min(steps, key=lambda step: step.number) if steps else None
