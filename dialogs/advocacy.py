"""Employee advocacy tips by role, matched to the organisation's SSRM phase.

The tips come from all five sources: the Social Media 24/7 model's cells (seed 000), the SSRM's
phases 3-5 and its Always-On path (seed 001), the Social Media Cycle's steps Verbinden,
Activeren and Faciliteren (seed 002), the Strategy Hexagon's team, goals, programs and reporting
(seed 003) and the Social Media Glue Model (seed 004). Each names its source; a tip that is the
advisor's own advice says so (``source`` is ``ADVICE``), and those are few.

Every role has more than REPEAT_GAP tips for every phase it gets tips for (3, 4 and 5, see
``tip_phase``), so that a weekly tip does not come again within three months.
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
# The role in a sentence: "you get a tip as {role}".
ROLES_IN_A_SENTENCE: dict[str, str] = {
    EMPLOYEE: N_("an employee"),
    MANAGER: N_("a manager or executive"),
    PARTNER: N_("a local partner"),
}
ADVICE = "advice"
SOURCES: dict[str, str] = {
    # Social Media 24/7 (seed 000): its cells, and the propositioning area as a whole
    "sm247_informing": N_("Source: Social Media 24/7, cell Informing"),
    "sm247_service": N_("Source: Social Media 24/7, cell Service"),
    "sm247_emotion": N_("Source: Social Media 24/7, cell Emotion"),
    "sm247_experience": N_("Source: Social Media 24/7, cell Experience"),
    "sm247_propositioning": N_("Source: Social Media 24/7, area Propositioning"),
    "sm247_development": N_("Source: Social Media 24/7, cell Development"),
    "sm247_extension": N_("Source: Social Media 24/7, cell Extension"),
    "sm247_promotion": N_("Source: Social Media 24/7, cell Promotion"),
    "sm247_distribution": N_("Source: Social Media 24/7, cell Distribution"),
    # SSRM (seed 001)
    "ssrm3": N_("Source: SSRM, phase 3 · Experimentation"),
    "ssrm4": N_("Source: SSRM, phase 4 · Collaborate"),
    "ssrm5": N_("Source: SSRM, phase 5 · Performance-Driven"),
    "always_on": N_("Source: SSRM, the Always-On path"),
    # Social Media Cycle (seed 002)
    "cycle6": N_("Source: Social Media Cycle, step 6 · Connect"),
    "cycle7": N_("Source: Social Media Cycle, step 7 · Activate"),
    "cycle11": N_("Source: Social Media Cycle, step 11 · Facilitate"),
    # Strategy Hexagon (seed 003)
    "hexagon_intro": N_("Source: Strategy Hexagon"),
    "hexagon_team": N_("Source: Strategy Hexagon, strategy team composition"),
    "hexagon_goals": N_("Source: Strategy Hexagon, goals"),
    "hexagon_support": N_("Source: Strategy Hexagon, support community program"),
    "hexagon_cocreation": N_("Source: Strategy Hexagon, product co-creation program"),
    "hexagon_launch": N_("Source: Strategy Hexagon, product launch program"),
    "hexagon_admin": N_("Source: Strategy Hexagon, customer administration program"),
    "hexagon": N_("Source: Strategy Hexagon, customer advocacy program"),
    "hexagon_reporting": N_("Source: Strategy Hexagon, reporting"),
    # Social Media Glue Model (seed 004)
    "glue": N_("Source: Social Media Glue Model"),
    ADVICE: N_("The advisor’s own advice, not from the models"),
}


@dataclass(frozen=True)
class Tip:
    key: str  # short ASCII: it travels in the "✓ Done" button's callback data
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
    Tip("conversation", (EMPLOYEE, PARTNER), (3, 4, 5), N_("Don’t stop at sharing: answer the comments on what you share and join the conversation."), "sm247_service"),
    Tip("leads", (EMPLOYEE, PARTNER), (5,), N_("Ask what your posts brought: with CRM and ATS (recruitment system) integrations, leads and applicants are linked directly to specific posts."), "ssrm5"),
    Tip("recommend", (EMPLOYEE, PARTNER), (3, 4, 5), N_("Share what you would recommend to a friend, and skip what you would not read yourself: your network trusts your choice."), ADVICE),
    Tip("between_campaigns", (EMPLOYEE, PARTNER), (3, 4, 5), N_("Keep sharing between campaigns, not only while one runs: when interaction dies down after a campaign, winning followers back for the next one is hard."), "glue"),
    Tip("ask_tools", (EMPLOYEE,), (3, 4, 5), N_("Missing something to share easily? Say so. In the Social Media Cycle the organisation facilitates employees with tools and technology, and makes internal agreements."), "cycle11"),
    Tip("inform", (EMPLOYEE, PARTNER), (3, 4, 5), N_("Passing on news and updates is informing (sending), and many organisations stop there. Not wrong, but only the start: the 24/7 model’s next cell is service, the conversation."), "sm247_informing"),
    Tip("admin_feedback", (EMPLOYEE, PARTNER), (3, 4, 5), N_("Hear customers complain online about paperwork, or about how hard it is to do business with you? Pass it on: customers’ feedback that uncovers such shortcomings makes it easier."), "hexagon_admin"),
    Tip("insights", (EMPLOYEE,), (3, 4), N_("Notice which of your posts and formats get reactions, and tell whoever runs your organisation’s social media: experimenting with formats gives insights for further optimisation."), "ssrm3"),
    Tip("recommendation_chain", (EMPLOYEE, PARTNER), (3, 4, 5), N_("Your recommendation counts: most purchase decisions (60-80%) are based on recommendations. Sharing what you stand behind puts the brand in that recommendation chain."), "hexagon_intro"),
    Tip("poll", (EMPLOYEE, PARTNER), (3, 4, 5), N_("Give your network something to respond to, not only something to read: a poll, a discussion, an article or a video. The Cycle calls this activating."), "cycle7"),
    Tip("advocates_local", (EMPLOYEE, PARTNER), (3, 4, 5), N_("Notice which customers recommend you online, and encourage them: a customer advocacy program monitors and encourages customers who advocate your products and services."), "hexagon"),
    Tip("training", (EMPLOYEE,), (3, 4, 5), N_("Is there a training or workshop on sharing? Take it: with an advocacy tool, training and guidance, employees discover the impact of their efforts."), "always_on"),
    Tip("ambassador", (EMPLOYEE,), (4, 5), N_("Join as an ambassador: in Collaborate a broader group of employees shares, and together you make one consistent and effective brand message."), "ssrm4"),
    Tip("pass_feedback", (EMPLOYEE, PARTNER), (4, 5), N_("Read a suggestion for the product in the comments? Pass it on to the people who develop it: small improvements through co-creation are the 24/7 model’s development cell."), "sm247_development"),
    Tip("support_community", (EMPLOYEE,), (4, 5), N_("Know the answer to a customer’s question online? Help out. In a support community, product specialists and engaged customers answer questions together, in one place."), "hexagon_support"),
    Tip("campaign_boost", (EMPLOYEE, PARTNER), (4, 5), N_("Share a campaign when it starts: campaigns give the social media network a boost, and with a relevant content plan afterwards most of the new followers stay."), "glue"),
    # -- employees, managers and partners ---------------------------------------------------------
    Tip("identity", (EMPLOYEE, MANAGER, PARTNER), (3, 4, 5), N_("Share what the brand stands for, not only what it offers. The 24/7 model calls sharing identity emotion, the simple cell of experiencing."), "sm247_emotion"),
    # -- managers and executives -------------------------------------------------------------------
    Tip("example", (MANAGER,), (3, 4, 5), N_("Set the example: share and comment yourself. When management takes part, employees get involved too."), "ssrm3"),
    Tip("thought_leader", (MANAGER,), (3, 4, 5), N_("Profile yourself as a thought leader: share your expertise and vision. It strengthens the brand’s identity and builds trust (executive profiling)."), "ssrm3"),
    Tip("facilitate", (MANAGER,), (3, 4, 5), N_("Facilitate your people: make sure they become enthusiastic, give them tools and technology, and make internal agreements."), "cycle11"),
    Tip("activate", (MANAGER,), (3, 4, 5), N_("Activate your ambassadors: make sure there is content for them to share, or interaction such as a poll, discussions, articles or video."), "cycle7"),
    Tip("scale", (MANAGER,), (4,), N_("Scale up: invite a larger group of employees as ambassadors, or bring in local partners through the local hero model (partners as the brand’s local face). Your backing remains crucial."), "ssrm4"),
    Tip("fans", (MANAGER,), (4, 5), N_("Connect your fans and make sure they become ambassadors: they like to share what they value."), "cycle6"),
    Tip("customer_advocacy", (MANAGER,), (4, 5), N_("Start a customer advocacy program: monitor and encourage customers who advocate your products and services."), "hexagon"),
    Tip("paid_and_measure", (MANAGER, PARTNER), (5,), N_("Reinforce what works with paid advertising aimed at specific audiences: the mix of organic and paid gives the widest reach and the best results."), "ssrm5"),
    Tip("always_on", (MANAGER,), (5,), N_("Stay Always-On: keep capacity and engagement in every phase, and keep showing management what employees’ efforts achieve."), "always_on"),
    Tip("weekly_moment", (MANAGER,), (3, 4, 5), N_("Make sharing part of the week, not an extra task: a fixed ten minutes, for instance on Monday morning, is enough to start."), ADVICE),
    Tip("select_few", (MANAGER,), (3,), N_("Start with a select group: in Experimentation, management and selected employees are encouraged to share. Scaling up to a larger group is the next phase, Collaborate."), "ssrm3"),
    Tip("service_desk", (MANAGER,), (3, 4, 5), N_("Make sure someone answers the questions and comments on your channels: many organisations only send information, and even fewer enter into relevant conversations."), "sm247_service"),
    Tip("plan_interaction", (MANAGER,), (3, 4, 5), N_("Put in the content plan how you handle interaction, not only what you post and which actions you run: together they keep your social media network (SMN) up."), "glue"),
    Tip("team", (MANAGER,), (3, 4, 5), N_("Working on the social media strategy? Include customer and partner representatives from the start: the Strategy Hexagon says you will fail if you leave them out."), "hexagon_team"),
    Tip("passionate", (MANAGER,), (3, 4, 5), N_("Look for the passionate people who carry your brand: the 24/7 model says experience is needed to find them, and co-creation with them comes next."), "sm247_experience"),
    Tip("with_market", (MANAGER,), (3, 4, 5), N_("Set goals that customers and partners care about too: the strategy is carried out with the market, not aimed at it. For instance: 1,000 positive public reactions from customers by the end of the year."), "hexagon_goals"),
    Tip("link_campaigns", (MANAGER,), (3, 4, 5), N_("Link every campaign to the content plan: each one gives your network a boost. Afterwards it may drop back a little, but the base has grown."), "glue"),
    Tip("kpis", (MANAGER,), (3, 4, 5), N_("Report on what comes before revenue: how many customers talk about your products, the sentiment of that talk and the number of suggestions, and how each improves over time."), "hexagon_reporting"),
    Tip("preferences", (MANAGER,), (4, 5), N_("Before you shape an offer through social media, learn what your online audience prefers: the 24/7 model calls the step from experiencing to propositioning a big one."), "sm247_propositioning"),
    Tip("support_program", (MANAGER,), (4, 5), N_("Build a support community where customers help customers, and recognise the most helpful ones with rewards and reputation. Help your service team see it does not cut into paid support."), "hexagon_support"),
    Tip("launch", (MANAGER,), (4, 5), N_("Launching a product? Bring in customer advocates, co-creation participants and market influencers to introduce it the social media way, with one framework for every launch."), "hexagon_launch"),
    Tip("co_create", (MANAGER,), (5,), N_("Go beyond small improvements: invite passionate customers to create something new with you. Radical change through co-creation is the 24/7 model’s extension cell."), "sm247_extension"),
    Tip("cocreation_program", (MANAGER,), (5,), N_("Give selected customers a direct feedback line to product management, and let customers and market influencers help test the first prototypes."), "hexagon_cocreation"),
    Tip("bi_tools", (MANAGER,), (5,), N_("Link social media to your CRM and ATS (recruitment system) and analyse it with BI (business intelligence) tools: you see which posts bring leads and applicants, and can measure and optimise every campaign."), "ssrm5"),
    # -- local partners -----------------------------------------------------------------------------
    Tip("local_hero", (PARTNER,), (3, 4, 5), N_("Be the local hero: share the brand’s content on your local profile. Your local face makes the brand message personal."), "ssrm4"),
    Tip("whatsapp", (PARTNER,), (4, 5), N_("Use the tools that make it easy: WhatsApp for direct contact, Canva for creating content."), "ssrm4"),
    Tip("consistent", (PARTNER,), (3, 4, 5), N_("Keep the message consistent with the brand: you represent it in your area, together with the other partners."), "ssrm4"),
    Tip("local_fans", (PARTNER,), (3, 4, 5), N_("Connect your local fans and make sure they become ambassadors: that way your fans and followers work for you, and they enjoy it too."), "cycle6"),
    Tip("customer_stories", (PARTNER,), (3, 4, 5), N_("Share how customers in your area use the product, with their permission: sharing user experiences is the 24/7 model’s experience cell."), "sm247_experience"),
    Tip("local_network", (PARTNER,), (3, 4, 5), N_("Your followers are your social media network (SMN). The bigger that base, the faster a new campaign catches on with consumers and media, so grow it between campaigns too."), "glue"),
    Tip("partner_seat", (PARTNER,), (3, 4, 5), N_("Ask for a seat when the brand makes its social media strategy: the Strategy Hexagon wants partner and customer representatives in the strategy team from the start."), "hexagon_team"),
    Tip("local_promotion", (PARTNER,), (4, 5), N_("An occasional local promotion is the 24/7 model’s promotion cell. The model puts the earlier areas first: selling works once people talk with you and know the brand."), "sm247_promotion"),
    Tip("sales_channel", (PARTNER,), (5,), N_("Make social media a structural, extra sales channel for your area: the 24/7 model’s distribution cell. Selling there can be very approachable, and need not happen in a commercial setting."), "sm247_distribution"),
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
