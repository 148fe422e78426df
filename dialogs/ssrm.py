"""The Social Strategy Readiness Model (SSRM), seed 001.

Five phases, each described on five dimensions (Media, Approach, Application, Technology,
Impact). The question bank asks, per dimension, which of the source's five phase descriptions
fits the organisation; the scoring turns those five answers into a phase and a bottleneck.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median_low

from dialogs.i18n import N_

# Bumped whenever a rule below changes, and stored with every result so that older results
# stay explainable. 2: the phase at most one above the lowest level, "ahead" named, the
# bottleneck below the phase in the order of success, management "allows it" counted.
SCORING_VERSION = 2


@dataclass(frozen=True)
class Phase:
    number: int
    name: str  # a proper name of the model: kept in English in Dutch too
    gloss: str  # the source's subtitle, translated
    recognize: str  # the source's "Recognize this?" quotes
    next_step: str  # the source's "Why take the next step" (phase 5: the Always-On path)


PHASES: tuple[Phase, ...] = (
    Phase(
        1,
        "Ad Hoc",
        N_("the inconsistent posters"),
        N_("“We should do more with social media.” “It just doesn’t happen regularly.”"),
        N_(
            "The shift to Basic Publishing builds a reliable, consistent foundation for "
            "visibility. A regular posting structure builds brand recognition and trust with "
            "your audience, and lays the groundwork for growth and a professional social media "
            "policy."
        ),
    ),
    Phase(
        2,
        "Basic Publishing",
        N_("building consistency"),
        N_("“Our posts look good, but we don’t get many responses.” “We have a plan, but there’s little interaction.”"),
        N_(
            "The next step, Experimentation, deepens your strategy by involving employees "
            "through employee advocacy: it adds authenticity and extends your reach with a more "
            "personal story. Extra management involvement now sets a strong example and builds "
            "a culture of social media engagement."
        ),
    ),
    Phase(
        3,
        "Experimentation",
        N_("the first steps in employee advocacy"),
        N_("“Our employees feel more engaged now.” “Our content is reaching and engaging more people.”"),
        N_(
            "Moving to Collaborate scales employee advocacy to a larger group of employees or "
            "to local partners such as dealers or franchisees, for deeper and broader reach and "
            "more brand credibility. Management involvement remains crucial."
        ),
    ),
    Phase(
        4,
        "Collaborate",
        N_("engaging employees or local partners on a larger scale"),
        N_("“Our employees and partners are regularly sharing content.” “Our message is reaching more people.”"),
        N_(
            "Performance-Driven brings measurement and optimisation: combine employee advocacy "
            "and the local hero model (local partners as the brand’s face) with paid advertising, "
            "and integrate social media with your CRM and ATS (recruitment) systems, so that every campaign is analysed and social media "
            "contributes directly to goals such as revenue growth and recruitment."
        ),
    ),
    Phase(
        5,
        "Performance-Driven",
        N_("impact and measurement"),
        N_("“We’re getting direct leads from our social media campaigns.” “Our strategy aligns seamlessly with our business goals.”"),
        N_(
            "Social media is not used temporarily but is a permanent part of a mature "
            "strategy, with enough capacity and engagement in every phase. Keep management "
            "convinced of its impact, and keep employees motivated with an employee advocacy "
            "tool, solid training and guidance."
        ),
    ),
)


@dataclass(frozen=True)
class Option:
    label: str  # short, for a button on a phone
    wording: str  # the source's description, shown in the question text


@dataclass(frozen=True)
class Dimension:
    key: str
    name: str
    question: str
    options: tuple[Option, ...]  # ordered phase 1 -> 5: option index + 1 is the level


# The source's order, which also breaks ties between bottlenecks.
DIMENSIONS: tuple[Dimension, ...] = (
    Dimension(
        "media",
        N_("Media"),
        N_("Which media carry your social media presence?"),
        (
            Option(N_("One company profile only"), N_("Owned media only, through a single company profile, without additional support.")),
            Option(N_("Company profiles, no support"), N_("Mainly owned media (company profiles), without extra support from employees or paid channels.")),
            Option(N_("Plus staff and managers"), N_("A mix of owned and earned media, using the personal profiles of employees and management.")),
            Option(N_("Staff/partner profiles first"), N_("Strategic use of owned and earned media, with the profiles of employees or local partners taking centre stage.")),
            # Phase 5 has no Media bullet in the source; its Approach and Impact bullets state it.
            Option(N_("Owned, earned and paid media"), N_("Owned, earned and paid media combined: organic efforts reinforced by paid advertising.")),
        ),
    ),
    Dimension(
        "approach",
        N_("Approach"),
        N_("How do you approach posting?"),
        (
            Option(N_("No strategy, random posts"), N_("No strategy or regular posting schedule; posts are shared randomly.")),
            Option(N_("A basic content calendar"), N_("A basic content calendar ensures a regular posting schedule and consistent visibility.")),
            Option(N_("Managers and staff share"), N_("Management and selected employees are actively encouraged to share content; management sets the example.")),
            Option(N_("Ambassadors or partners"), N_("A broader group of employees as ambassadors, or local partners as brand representatives, work together on a consistent brand message.")),
            Option(N_("Measured, optimised, paid"), N_("Performance is measured and optimised with detailed analysis and BI (business intelligence) tools; paid advertising strengthens the efforts of employees and/or local partners.")),
        ),
    ),
    Dimension(
        "application",
        N_("Application"),
        N_("Which profiles do you use, and for what?"),
        (
            Option(N_("One person runs the profile"), N_("Company profiles only, managed by one person without specific social media expertise.")),
            Option(N_("Company profiles share news"), N_("Company profiles are the main channel, sharing informative content such as product news and updates.")),
            Option(N_("Personal profiles too"), N_("Besides the company profiles, personal profiles of employees and leaders add credibility to the brand message.")),
            Option(N_("Many staff/partner profiles"), N_("Personal and local profiles of employees and partners are actively used to reach a wider audience and personalise the brand message.")),
            Option(N_("All profiles, plus paid ads"), N_("Full use of company, local and personal profiles, with a targeted approach for specific audiences, supported by paid campaigns.")),
        ),
    ),
    Dimension(
        "technology",
        N_("Technology"),
        N_("Which tools support you?"),
        (
            Option(N_("No tools, all by hand"), N_("No tools; everything is posted manually.")),
            Option(N_("A planning tool"), N_("Basic social media planning tools to schedule posts.")),
            Option(N_("An employee advocacy tool"), N_("An employee advocacy tool helps employees share easily, with content creation tools for visual, varied content.")),
            Option(N_("Mobile app, Canva, WhatsApp"), N_("A mobile app for easy sharing, Canva integrations for content creation and WhatsApp for direct communication.")),
            Option(N_("BI tools, CRM and ATS"), N_("BI (business intelligence) tools and integrations with CRM and ATS (recruitment) systems link social media directly to sales and recruitment.")),
        ),
    ),
    Dimension(
        "impact",
        N_("Impact"),
        N_("What does social media bring you today?"),
        (
            Option(N_("Low reach and engagement"), N_("Basic visibility, but reach and engagement remain low for lack of consistency and structure.")),
            Option(N_("Stable, little interaction"), N_("A stable, recognisable presence that helps build the brand, but interaction and engagement remain limited.")),
            Option(N_("More authentic, new formats"), N_("Employees and management make the brand more authentic; experimenting with content formats gives insights to optimise.")),
            Option(N_("Cost-effective, goal-driven"), N_("Social media is a cost-effective tool that strategically supports business goals and increases brand credibility.")),
            Option(N_("Leads linked to posts"), N_("A strong presence across owned, earned and paid media; leads are linked directly to posts and BI (business intelligence) tools give data-driven insights.")),
        ),
    ),
)

DIMENSION_KEYS: tuple[str, ...] = tuple(d.key for d in DIMENSIONS)
DIMENSIONS_BY_KEY: dict[str, Dimension] = {d.key: d for d in DIMENSIONS}


# The source's order of success: "Success within the SSRM begins with developing a social
# content strategy ... Next, ... a structured approach that fosters collaboration ... Finally,
# effective content distribution across owned, earned, and paid media". Strategy and approach
# (Approach), collaboration (Application), distribution (Media); then the tools and the yield.
SUCCESS_ORDER: tuple[str, ...] = ("approach", "application", "media", "technology", "impact")
MOST_NAMED = 2  # a result names at most two dimensions as the bottleneck (or as the next lift)
AHEAD_BY = 2  # levels above the phase at which a dimension is "ahead of your practice"


@dataclass(frozen=True)
class SsrmResult:
    levels: dict[str, int]  # dimension key -> phase 1..5 of the chosen description
    phase: Phase
    bottleneck: tuple[str, ...]  # the dimensions below the phase, in the order of success (at most two)
    ahead: tuple[str, ...] = ()  # dimensions two or more levels above the phase
    next_lift: tuple[str, ...] = ()  # no bottleneck: the dimensions whose next level leads to the next phase
    capped: bool = False  # the median was higher: the phase is held to one above the lowest level
    rules: int = SCORING_VERSION  # the scoring version it was made with (a stored result keeps its own)

    def scores(self) -> dict:
        """The result as stored (JSON)."""
        return {
            "levels": self.levels,
            "phase": self.phase.number,
            "bottleneck": list(self.bottleneck),
            "ahead": list(self.ahead),
            "next_lift": list(self.next_lift),
            "capped": self.capped,
        }

    @property
    def is_level(self) -> bool:
        """No dimension is below the phase: the organisation is evenly at its phase."""
        return not self.bottleneck

    @property
    def median(self) -> int:
        return median_low(self.levels.values())


def dimension_levels(answers: dict[str, int]) -> dict[str, int]:
    """The level of a dimension is the phase of the description chosen for it (options are
    stored as indexes 0..4, ordered phase 1 -> 5)."""
    missing = [key for key in DIMENSION_KEYS if key not in answers]
    if missing:
        raise ValueError(f"unanswered dimensions: {missing}")
    return {key: answers[key] + 1 for key in DIMENSION_KEYS}


def phase_of(levels: dict[str, int]) -> Phase:
    """The phase is the median of the five levels, but at most one phase above the lowest
    (the advisor's rule, from the source's "each designed to build on and reinforce the
    previous"): one profile and random posts do not make an organisation Performance-Driven
    because it bought the tools; one dimension a step behind does not pull it down either."""
    median = median_low(levels[key] for key in DIMENSION_KEYS)
    return PHASES[min(median, min(levels.values()) + 1) - 1]


def in_success_order(keys) -> tuple[str, ...]:
    wanted = set(keys)
    return tuple(key for key in SUCCESS_ORDER if key in wanted)


def bottleneck(levels: dict[str, int], phase: Phase) -> tuple[str, ...]:
    """The dimensions below the phase, in the source's order of success, at most two (with the
    phase at most one above the lowest, they are all one level behind it)."""
    return in_success_order(key for key in DIMENSION_KEYS if levels[key] < phase.number)[:MOST_NAMED]


def ahead(levels: dict[str, int], phase: Phase) -> tuple[str, ...]:
    """Dimensions two or more levels above the phase: ahead of the organisation's practice
    (tools ahead of strategy, say). Named, so that a capped phase does not hide them."""
    return in_success_order(key for key in DIMENSION_KEYS if levels[key] >= phase.number + AHEAD_BY)


def next_lift(levels: dict[str, int], phase: Phase) -> tuple[str, ...]:
    """With none below the phase: the one or two dimensions, in the order of success, whose
    next level leads to the next phase. The phase is the median, so the next needs three
    dimensions above the current phase; those at the phase are lifted in the order of success."""
    if phase.number == len(PHASES):
        return ()
    above = sum(1 for level in levels.values() if level > phase.number)
    needed = max(0, 3 - above)
    at_phase = in_success_order(key for key in DIMENSION_KEYS if levels[key] == phase.number)
    return at_phase[: min(needed, MOST_NAMED)]


def score(answers: dict[str, int]) -> SsrmResult:
    """Score the five SSRM answers: levels, phase, bottleneck, what is ahead, what to lift."""
    levels = dimension_levels(answers)
    phase = phase_of(levels)
    below = bottleneck(levels, phase)
    return SsrmResult(
        levels=levels,
        phase=phase,
        bottleneck=below,
        ahead=ahead(levels, phase),
        next_lift=() if below else next_lift(levels, phase),
        capped=median_low(levels.values()) > phase.number,
    )


# -- management support (full assessment) -------------------------------------------------------
# The source: "management support is essential: leadership must recognize social media as a
# strategic tool and actively back it", "especially as organizations move into more advanced
# stages"; from Experimentation on, management sets the example.
MANAGEMENT_QUESTION = N_("Does management back social media as a strategic tool?")
MANAGEMENT_OPTIONS: tuple[Option, ...] = (
    Option(N_("No, not really"), N_("No: social media is left to whoever has time for it.")),
    Option(N_("They allow it"), N_("Somewhat: management allows it, but does not drive or prioritise it.")),
    Option(N_("Yes, they actively back it"), N_("Yes: management sees it as strategic, backs and prioritises it, and takes part.")),
)
NO_SUPPORT, ALLOWS, BACKS = 0, 1, 2
# From which phase on each answer holds the organisation back: the source demands "active
# support and prioritization from management, especially as organizations move into more
# advanced stages". Without support, from Basic Publishing; allowing without driving or
# prioritising, from Experimentation, where "management sets the example".
HOLDS_BACK_FROM = {NO_SUPPORT: 2, ALLOWS: 3}


def management_holds_back(management: int, phase: Phase) -> bool:
    """Whether management support is the first bottleneck: "No" from phase 2 on, "they allow
    it" from phase 3 on (the advisor's reading of "especially ... in more advanced stages")."""
    return management in HOLDS_BACK_FROM and phase.number >= HOLDS_BACK_FROM[management]


def management_contradicts(management: int, levels: dict[str, int]) -> bool:
    """No management support, while the Approach answer is one where "management sets the
    example" or goes further (phase 3 and up): one of the two answers is not right."""
    return management == NO_SUPPORT and levels["approach"] >= 3
