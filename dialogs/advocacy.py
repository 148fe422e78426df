"""Employee advocacy tips by role, matched to the organisation's SSRM phase.

The tips come from the sources: the SSRM's phases 3-5 (seed 001), the Social Media Cycle's
steps Verbinden, Activeren and Faciliteren (seed 002) and the Strategy Hexagon's customer
advocacy program (seed 003). A tip that is the advisor's own advice says so (``source`` is
``ADVICE``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from dialogs.i18n import N_

EMPLOYEE, MANAGER, PARTNER = "employee", "manager", "partner"
ROLES: dict[str, str] = {
    EMPLOYEE: N_("Employee"),
    MANAGER: N_("Manager or executive"),
    PARTNER: N_("Local partner (dealer, franchisee)"),
}
ADVICE = "advice"
SOURCES: dict[str, str] = {
    "ssrm3": N_("Source: SSRM, phase 3 · Experimentation"),
    "ssrm4": N_("Source: SSRM, phase 4 · Collaborate"),
    "ssrm5": N_("Source: SSRM, phase 5 · Performance-Driven"),
    "always_on": N_("Source: SSRM, the Always-On path"),
    "cycle6": N_("Source: Social Media Cycle, step 6 · Connect"),
    "cycle7": N_("Source: Social Media Cycle, step 7 · Activate"),
    "cycle11": N_("Source: Social Media Cycle, step 11 · Facilitate"),
    "hexagon": N_("Source: Strategy Hexagon, customer advocacy program"),
    ADVICE: N_("The advisor’s own advice, not from the models"),
}


@dataclass(frozen=True)
class Tip:
    key: str
    roles: tuple[str, ...]
    phases: tuple[int, ...]  # the SSRM phases it fits
    text: str
    source: str  # a key of SOURCES


TIPS: tuple[Tip, ...] = (
    # -- employees ------------------------------------------------------------------------------
    Tip("own_words", (EMPLOYEE,), (3, 4, 5), N_("Share the company’s posts from your own profile and add a line in your own words: your personal story is what makes the brand message authentic."), "ssrm3"),
    Tip("formats", (EMPLOYEE, MANAGER), (3, 4), N_("Try formats other than a link: a short video or a story often reaches and engages more people. Experimenting shows what works best."), "ssrm3"),
    Tip("advocacy_tool", (EMPLOYEE,), (3, 4, 5), N_("Does your organisation have an employee advocacy tool? Use it: posts are ready there for you to share easily."), "ssrm3"),
    Tip("mobile", (EMPLOYEE, PARTNER), (4, 5), N_("Share from your phone: the mobile app puts new posts at hand, and Canva templates help you make a visual of your own."), "ssrm4"),
    Tip("conversation", (EMPLOYEE, PARTNER), (3, 4, 5), N_("Don’t stop at sharing: answer the comments on what you share and join the conversation."), ADVICE),
    Tip("leads", (EMPLOYEE, PARTNER), (5,), N_("Ask what your posts brought: with CRM and ATS integrations, leads and applicants are linked directly to specific posts."), "ssrm5"),
    Tip("recommend", (EMPLOYEE, PARTNER), (3, 4, 5), N_("Share what you would recommend to a friend, and skip what you would not read yourself: your network trusts your choice."), ADVICE),
    # -- managers and executives -------------------------------------------------------------------
    Tip("example", (MANAGER,), (3, 4, 5), N_("Set the example: share and comment yourself. When management takes part, employees get involved too."), "ssrm3"),
    Tip("thought_leader", (MANAGER,), (3, 4, 5), N_("Profile yourself as a thought leader: share your expertise and vision. It strengthens the brand’s identity and builds trust (executive profiling)."), "ssrm3"),
    Tip("facilitate", (MANAGER,), (3, 4), N_("Facilitate your people: make sure they become enthusiastic, give them tools and technique, and make internal agreements."), "cycle11"),
    Tip("activate", (MANAGER,), (3, 4, 5), N_("Activate your ambassadors: make sure there is content for them to share, or interaction such as a poll, discussions, articles or video."), "cycle7"),
    Tip("scale", (MANAGER,), (4,), N_("Scale up: invite a larger group of employees as ambassadors, or bring in local partners through the local hero model. Your backing remains crucial."), "ssrm4"),
    Tip("fans", (MANAGER,), (4, 5), N_("Connect your fans and make sure they become ambassadors: they like to share what they value."), "cycle6"),
    Tip("customer_advocacy", (MANAGER,), (4, 5), N_("Start a customer advocacy program: monitor and encourage customers who advocate your products and services."), "hexagon"),
    Tip("paid_and_measure", (MANAGER, PARTNER), (5,), N_("Reinforce what works with paid advertising aimed at specific audiences: the mix of organic and paid gives the widest reach and the best results."), "ssrm5"),
    Tip("always_on", (MANAGER,), (5,), N_("Stay Always-On: keep capacity and engagement in every phase, and keep showing management what employees’ efforts achieve."), "always_on"),
    Tip("weekly_moment", (MANAGER,), (3, 4, 5), N_("Make sharing part of the week, not an extra task: a fixed ten minutes, for instance on Monday morning, is enough to start."), ADVICE),
    # -- local partners -----------------------------------------------------------------------------
    Tip("local_hero", (PARTNER,), (3, 4, 5), N_("Be the local hero: share the brand’s content on your local profile. Your local face makes the brand message personal."), "ssrm4"),
    Tip("whatsapp", (PARTNER,), (4, 5), N_("Use the tools that make it easy: WhatsApp for direct contact, Canva for creating content."), "ssrm4"),
    Tip("consistent", (PARTNER,), (3, 4, 5), N_("Keep the message consistent with the brand: you represent it in your area, together with the other partners."), "ssrm4"),
)

# One question places an organisation without a result (its answers map to SSRM phases).
PLACEMENT_QUESTION = N_("Where does your organisation stand with employee advocacy?")
PLACEMENTS: tuple[tuple[str, int], ...] = (
    (N_("Only company profiles post"), 2),
    (N_("Managers and some staff share"), 3),
    (N_("Many employees or partners share"), 4),
    (N_("Measured, with paid ads"), 5),
)


PARTNERS_FROM = 4  # the SSRM brings in local partners (the local hero model) at Collaborate


def tip_phase(phase: int) -> int:
    """The tips start at Experimentation, the source's first step in employee advocacy: an
    organisation in phase 1 or 2 gets the tips for taking that step."""
    return min(max(phase, 3), 5)


def tips_for(role: str, phase: int) -> tuple[Tip, ...]:
    """The tips for ``role`` that fit ``phase``: the role's own tips first, those it shares with
    other roles next, the advisor's own advice last (a stable order, so that paging is too)."""
    fitting = [tip for tip in TIPS if role in tip.roles and tip_phase(phase) in tip.phases]
    return tuple(sorted(fitting, key=lambda tip: (tip.source == ADVICE, tip.roles[0] != role)))


REPEAT_GAP = 13  # weeks: a weekly tip does not come again within three months
HISTORY = 52  # the weekly tips remembered per subscriber, newest last: a year's


def next_weekly_tip(role: str, phase: int, recent: Sequence[str]) -> Tip:
    """The weekly tip after the ``recent`` ones (keys, oldest first): the first of the role's
    list for the phase that was never sent, else the one sent longest ago. A steady subscriber
    goes round the list; with more than REPEAT_GAP tips for every role and phase, no tip comes
    again within REPEAT_GAP weeks, even after a change of role or phase (some tip of the new
    list is not among the last REPEAT_GAP sent, and the one chosen was sent before that one)."""
    last_sent = {key: index for index, key in enumerate(recent)}  # a key's latest position
    return min(tips_for(role, phase), key=lambda tip: last_sent.get(tip.key, -1))


def remember(recent: Sequence[str], key: str) -> tuple[str, ...]:
    """The history after sending ``key``: newest last, the latest HISTORY kept."""
    return (*recent, key)[-HISTORY:]


SEND_AT = time(9, 0)  # local time of the weekly tip


def next_due(now: datetime, weekday: int, zone: ZoneInfo) -> datetime:
    """The next ``weekday`` (0 Monday) at SEND_AT in ``zone``, strictly after ``now`` (UTC)."""
    local = now.astimezone(zone)
    days_ahead = (weekday - local.weekday()) % 7
    candidate = datetime.combine(local.date() + timedelta(days=days_ahead), SEND_AT, tzinfo=zone)
    if candidate <= local:
        candidate += timedelta(days=7)
    return candidate.astimezone(ZoneInfo("UTC"))


def next_morning(now: datetime, zone: ZoneInfo) -> datetime:
    """The next SEND_AT in ``zone`` after ``now`` (UTC): for a tip that is too late to send."""
    local = now.astimezone(zone)
    candidate = datetime.combine(local.date(), SEND_AT, tzinfo=zone)
    if candidate <= local:
        candidate += timedelta(days=1)
    return candidate.astimezone(ZoneInfo("UTC"))
