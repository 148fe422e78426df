"""The advisor's plan moves: what to do next, per model, as pure data.

Every result's plan is built from these moves (the ranking lives elsewhere). A move has an
imperative title, a ``why`` that says which model says so and what it says (paraphrasing the
seeds), and a concrete first action for this week.

- SSRM (seed 001): per dimension and target level 2..5, what the source's description of that
  level asks for. Phase 5 has no Media bullet in the source: its Approach and Impact bullets
  state "owned, earned and paid media", so that is the move.
- Management support (seed 001): winning management over (the link to recruitment, HR, sales
  and marketing goals; management sets the example; executive profiling).
- Social Media Cycle (seed 002, Dutch): doing each of the twelve steps.
- Social Media Glue Model (seed 004, Dutch): its three aspects.
- Social Media 24/7 (seed 000): the model's remarks in ``dialogs.sm247.REMARKS``.

``advice`` is True when the move's substance is the advisor's own: the action adds a method,
tactic or tool that the source does not name at that level or step (a pilot group, a tracking
link, a preview before a launch). It is False when the action only carries out what the source
prescribes there (a planning tool at Basic Publishing, SMART objectives on the four stages).
The screens mark advice with one "†" and a footer, so the texts never say it themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from dialogs.i18n import N_
from dialogs.ssrm import DIMENSION_KEYS


@dataclass(frozen=True)
class Move:
    key: str  # stable id, stored with a user's plan (see the key scheme below)
    title: str  # an imperative, at most 60 characters in every language
    why: str  # one sentence: which model says so and what it says
    action: str  # a concrete first action for this week: who does what, with which kind of tool
    advice: bool  # the substance is the advisor's own advice rather than the model's


# Key scheme: "dimension:<key>:<level>", "management:<answer>", "cycle:<n>", "glue:<aspect>",
# "sm247:<remark>". Keys are stored with users' plans: never rename one.
LEVELS: tuple[int, ...] = (2, 3, 4, 5)  # the levels a dimension can be lifted to
NO_SUPPORT, ALLOWS_IT = 0, 1  # the management answers that call for a move


def _dimension(key: str, level: int, title: str, why: str, action: str, advice: bool) -> Move:
    return Move(f"dimension:{key}:{level}", title, why, action, advice)


# -- SSRM dimensions (seed 001) ------------------------------------------------------------------
_DIMENSION_MOVES: tuple[Move, ...] = (
    # Phase 2 · Basic Publishing
    _dimension(
        "media", 2,
        N_("Run company profiles where your audience is"),
        N_("SSRM, Media at phase 2 · Basic Publishing: your presence rests on owned media, your company profiles, still without support from employees or paid channels."),
        N_("This week: find out on which one or two channels your target group is most active, and set up or complete your company profile there: name, picture, description and a link to your website."),
        True,
    ),
    _dimension(
        "approach", 2,
        N_("Make a content plan with fixed themes"),
        N_("SSRM, Approach at phase 2 · Basic Publishing: a basic content calendar ensures a regular posting schedule and consistent visibility."),
        N_("This week: block an hour to plan the next four weeks of posts in a shared spreadsheet: fixed posting days, one theme per day and a name next to each post."),
        False,
    ),
    _dimension(
        "application", 2,
        N_("Share product news and updates on your profiles"),
        N_("SSRM, Application at phase 2 · Basic Publishing: the company profiles become the main channel, with informative content such as product news and updates."),
        N_("This week: ask colleagues in sales, product and service for one news item each (a new product, an update, a finished project) and turn them into three posts for your company profiles."),
        True,
    ),
    _dimension(
        "technology", 2,
        N_("Schedule your posts with a planning tool"),
        N_("SSRM, Technology at phase 2 · Basic Publishing: basic social media planning tools schedule posts and make publishing simpler and better organised."),
        N_("This week: pick one basic social media planning tool, connect your company profiles to it and schedule the next two weeks of posts in one sitting."),
        False,
    ),
    _dimension(
        "impact", 2,
        N_("Post consistently and become recognisable"),
        N_("SSRM, Impact at phase 2 · Basic Publishing: consistent posting gives a stable, recognisable presence that helps build the brand, although interaction stays limited."),
        N_("This week: make one post template in your own colours with your logo, agree with whoever posts to keep it and the same rhythm for eight weeks, and then compare the reach with the eight weeks before."),
        True,
    ),
    # Phase 3 · Experimentation
    _dimension(
        "media", 3,
        N_("Add earned media: staff and managers share"),
        N_("SSRM, Media at phase 3 · Experimentation: owned media are joined by earned media, through the personal profiles of employees and management."),
        N_("This week: ask one manager and four colleagues to share next week’s company post from their own profile, then compare the reach of their shares with that of the company post alone."),
        True,
    ),
    _dimension(
        "approach", 3,
        N_("Encourage managers and selected staff to share"),
        N_("SSRM, Approach at phase 3 · Experimentation: management and selected employees are actively encouraged to share content, and management sets the example, which boosts employee involvement."),
        N_("This week: pick five colleagues who are already active online, send them two ready-made posts with a suggested line of their own, and ask one manager to share first so that they can follow."),
        True,
    ),
    _dimension(
        "application", 3,
        N_("Use staff and leaders’ profiles for credibility"),
        N_("SSRM, Application at phase 3 · Experimentation: besides the company profiles, the personal profiles of employees and leaders are used to add credibility to the brand message."),
        N_("This week: sit down for twenty minutes each with one leader and two colleagues to update their professional profile (photo, headline, link to your organisation), so that what they share comes from a credible, recognisable person."),
        True,
    ),
    _dimension(
        "technology", 3,
        N_("Introduce an employee advocacy tool"),
        N_("SSRM, Technology at phase 3 · Experimentation: an employee advocacy tool helps employees share content easily, alongside content creation tools for visual, varied content."),
        N_("This week: shortlist two employee advocacy tools, start a trial of one with five colleagues, and load it with three posts, one of them with a visual made in a content creation tool."),
        False,
    ),
    _dimension(
        "impact", 3,
        N_("Try new formats and learn what works"),
        N_("SSRM, Impact at phase 3 · Experimentation: employees and management make the brand more authentic, and experimenting with content formats such as video and stories gives insights to optimise."),
        N_("This week: film a one-minute video of a colleague explaining their work, post it next to your usual format, and note the reach and reactions of both in a shared spreadsheet."),
        True,
    ),
    # Phase 4 · Collaborate
    _dimension(
        "media", 4,
        N_("Put staff or partner profiles centre stage"),
        N_("SSRM, Media at phase 4 · Collaborate: owned and earned media are used strategically, with the profiles of employees or local partners taking centre stage."),
        N_("This week: choose your route, a larger group of employees or your local partners such as dealers or franchisees, and list the twenty people whose profiles should carry next month’s message."),
        True,
    ),
    _dimension(
        "approach", 4,
        N_("Give ambassadors one consistent brand message"),
        N_("SSRM, Approach at phase 4 · Collaborate: a broader group of employees as ambassadors, or local partners as brand representatives, work together on a consistent and effective brand message."),
        N_("This week: write a one-page brief for your ambassadors (this quarter’s three themes, what to share and what to leave alone, where to find ready posts) and invite them to a 30-minute kick-off."),
        True,
    ),
    _dimension(
        "application", 4,
        N_("Let local profiles personalise your message"),
        N_("SSRM, Application at phase 4 · Collaborate: the personal and local profiles of employees and partners are actively used to reach a wider audience and personalise the brand message."),
        N_("This week: take one company post and ask two local partners or regional teams to rewrite its opening line for their own area before they share it; compare the reactions with those to the original."),
        True,
    ),
    _dimension(
        "technology", 4,
        N_("Make sharing easy: mobile app, Canva, WhatsApp"),
        N_("SSRM, Technology at phase 4 · Collaborate: a mobile app for easy sharing, Canva integrations for content creation and WhatsApp for direct communication support the broader effort."),
        N_("This week: start a WhatsApp group for your ambassadors, post this week’s shareable content there with the links, and make one Canva template they can adapt with their own name or location."),
        False,
    ),
    _dimension(
        "impact", 4,
        N_("Link your ambassadors’ efforts to a business goal"),
        N_("SSRM, Impact at phase 4 · Collaborate: by involving a larger group, social media becomes a cost-effective tool that strategically supports business goals and increases brand credibility."),
        N_("This week: agree with the sales or HR lead on one business goal, such as applicants for one vacancy, and on how you will count what your ambassadors’ shares bring in against the hours they cost."),
        True,
    ),
    # Phase 5 · Performance-Driven (no Media bullet in the source: its Approach and Impact
    # bullets state owned, earned and paid media)
    _dimension(
        "media", 5,
        N_("Reinforce your organic reach with paid media"),
        N_("SSRM, phase 5 · Performance-Driven: owned, earned and paid media work together, as paid advertising strengthens the efforts of employees and local partners by reaching specific audiences directly."),
        N_("This week: pick last month’s best-performing post by an employee or local partner, and set a budget to take the same message, as an ad, to one specific audience that your organic reach misses."),
        False,
    ),
    _dimension(
        "approach", 5,
        N_("Measure and optimise every campaign"),
        N_("SSRM, Approach at phase 5 · Performance-Driven: the focus is on measuring and optimising performance with detailed analysis and BI tools, while paid advertising strengthens the efforts of employees and partners."),
        N_("This week: put last month’s campaigns in one overview (a BI dashboard, or a spreadsheet to start with) with reach and results per channel, and set a fixed monthly meeting to decide what to stop, keep or boost."),
        True,
    ),
    _dimension(
        "application", 5,
        N_("Target specific audiences across all your profiles"),
        N_("SSRM, Application at phase 5 · Performance-Driven: company, local and personal profiles are used in full, with a targeted approach for specific audiences, supported by paid campaigns."),
        N_("This week: for your next campaign, write down which audience each kind of profile reaches (company, local, personal) and which audience none of them reaches: that gap is where the paid campaign goes."),
        True,
    ),
    _dimension(
        "technology", 5,
        N_("Connect social media to your CRM and ATS"),
        N_("SSRM, Technology at phase 5 · Performance-Driven: BI tools and integrations with CRM and ATS systems link social media directly to core processes such as sales and recruitment."),
        N_("This week: ask whoever manages your CRM or ATS to record the source of every new lead or applicant, and give every post a tracking link (UTM tags) so that each lead can be traced back to a post."),
        True,
    ),
    _dimension(
        "impact", 5,
        N_("Show management the leads each post brings"),
        N_("SSRM, Impact at phase 5 · Performance-Driven: with CRM and ATS integrations, leads are linked directly to specific posts, and BI tools give data-driven insights that contribute structurally to the organisation’s success."),
        N_("This week: make a one-page overview of last quarter’s leads and hires that came in through social media, per post and per channel (owned, earned, paid), and present it at the next management meeting."),
        True,
    ),
)
DIMENSION_MOVES: dict[tuple[str, int], Move] = {
    (move.key.split(":")[1], int(move.key.split(":")[2])): move for move in _DIMENSION_MOVES
}


# -- management support (seed 001) --------------------------------------------------------------
MANAGEMENT_MOVES: dict[int, Move] = {
    # "No, not really": start from zero, from management's own goals
    NO_SUPPORT: Move(
        "management:0",
        N_("Win management over through its business goals"),
        N_("SSRM: management support is essential, and only when management sees social media as a channel that supports recruitment, HR, sales and marketing objectives can the organisation use its full impact."),
        N_("This week: book twenty minutes with one director, show on one page which recruitment, HR, sales or marketing goal social media could support, and ask for one small, visible start, such as one post of their own."),
        True,
    ),
    # "They allow it": from allowing to driving, prioritising and taking part
    ALLOWS_IT: Move(
        "management:1",
        N_("Get management to drive it, not just allow it"),
        N_("SSRM: progress needs active support and prioritisation from management, and from Experimentation on management sets the example, for instance as thought leaders (executive profiling)."),
        N_("This week: ask one director to put social media on the next management agenda with one goal and one owner, and offer them a ready post on their own field of expertise to share from their profile."),
        True,
    ),
}


# -- Social Media Cycle (seed 002) --------------------------------------------------------------
_CYCLE_MOVES: tuple[Move, ...] = (
    Move(
        "cycle:1",
        N_("Turn business goals into SMART social objectives"),
        N_("Social Media Cycle, step 1 · Objectives: set your objectives and translate them into social media objectives, SMART and defined with the four-stage model."),
        N_("This week: book 30 minutes with the marketing lead to list your three main business goals and write one SMART social media objective for each, on the four stages: exposure, engagement, influence, action."),
        False,
    ),
    Move(
        "cycle:2",
        N_("Define social personas and spot your ambassadors"),
        N_("Social Media Cycle, step 2 · Target groups: define your target groups, for instance with social personas, and recognise your ambassadors and where they are."),
        N_("This week: write two social personas of half a page each (who they are, what they need, where they are online), and list ten people who already share your posts or recommend you, with the channel where you found them."),
        False,
    ),
    Move(
        "cycle:3",
        N_("Decide which content fits your target groups"),
        N_("Social Media Cycle, step 3 · Content strategy: decide which content you want to spread and whether it fits the target groups you defined."),
        N_("This week: go through your last twenty posts, note which persona each one serves, and choose three content themes that fit your personas; drop what serves none of them."),
        True,
    ),
    Move(
        "cycle:4",
        N_("Choose the channels where your target group is"),
        N_("Social Media Cycle, step 4 · Media and means: define which social media channels you use to spread your content, and make sure they match where your target group is."),
        N_("This week: make a table of your personas against the channels you use or could use, tick where each persona really is, and pause one channel where none of them is."),
        True,
    ),
    Move(
        "cycle:5",
        N_("Boost owned media with paid to get earned media"),
        N_("Social Media Cycle, step 5 · Cross-media integration: use paid media, such as social advertising, to boost your owned media, so that more people talk about you (earned media)."),
        N_("This week: set a small test budget to promote one well-performing post to your target group with social advertising, and afterwards count the shares and mentions it earned, not only the clicks."),
        False,
    ),
    Move(
        "cycle:6",
        N_("Connect your fans and make them ambassadors"),
        N_("Social Media Cycle, step 6 · Connect: connect your fans and make sure they become your ambassadors, something they enjoy too."),
        N_("This week: send the ten fans on your list from step 2 a personal message, thank them for sharing and invite them to a small group (on LinkedIn or WhatsApp, for instance) where they hear news first."),
        True,
    ),
    Move(
        "cycle:7",
        N_("Give your ambassadors something to share"),
        N_("Social Media Cycle, step 7 · Activate: ambassadors need activating, with content developed for sharing or interactive formats such as a poll, discussions, articles or video."),
        N_("This week: send your ambassadors one article or short video to share, with a suggested line of their own, and post one poll or discussion question they can answer and pass on."),
        False,
    ),
    Move(
        "cycle:8",
        N_("Make a plan to grow your community"),
        N_("Social Media Cycle, step 8 · Growth: make a plan to grow your community, with good content and with creative means such as (cross-media) campaigns."),
        N_("This week: write a half-page growth plan: how many followers or members you want by the end of the quarter, which content will draw them, and one campaign, paid or cross-media, to speed it up."),
        False,
    ),
    Move(
        "cycle:9",
        N_("Turn fans and ambassadors into customers"),
        N_("Social Media Cycle, step 9 · Conversion: look back at your social media objectives and ask how you convince ambassadors and fans to buy, and whether your objectives are met."),
        N_("This week: make one offer just for your fans and ambassadors (a trial, a demo or a personal discount code), share it with them, and count how many use it against your objective from step 1."),
        True,
    ),
    Move(
        "cycle:10",
        N_("Analyse what social media yields: your ROI"),
        N_("Social Media Cycle, step 10 · Analysis: analyse your social media efforts, what they yield financially and for your reputation, and determine your ROI."),
        N_("This week: set last quarter’s costs (hours, tools, advertising) against what came back (leads, sales, applicants) and what people said about you: a first ROI figure and a reputation check."),
        False,
    ),
    Move(
        "cycle:11",
        N_("Equip colleagues and make internal agreements"),
        N_("Social Media Cycle, step 11 · Facilitate: make sure employees become enthusiastic, facilitate them with tools and technology, and make internal agreements."),
        N_("This week: hold a 30-minute session in which colleagues share a post from their phone on the spot, and put three agreements on one page: what they may share, who answers questions, and how fast."),
        True,
    ),
    Move(
        "cycle:12",
        N_("Divide the social media tasks into roles"),
        N_("Social Media Cycle, step 12 · Organise: when much changes, divide the tasks into roles and responsibilities, and perhaps new positions."),
        N_("This week: list every recurring social media task (planning, writing, answering, advertising, reporting) and put one name next to each; the tasks left without a name show whether you need a new role."),
        False,
    ),
)
CYCLE_MOVES: dict[int, Move] = {int(move.key.split(":")[1]): move for move in _CYCLE_MOVES}


# -- Social Media Glue Model (seed 004) ---------------------------------------------------------
GLUE_MOVES: dict[int, Move] = {
    1: Move(
        "glue:1",
        N_("Keep up your network through content planning"),
        N_("Social Media Glue Model, the base: you keep up and build your social media network (SMN) through content planning that sets out what relevant content you offer, how you handle interaction and which actions you run."),
        N_("This week: write a one-page content plan for the next month: which relevant content goes out each week, who answers comments and messages, and within how many hours, and which action (a poll, a contest) you run."),
        False,
    ),
    2: Move(
        "glue:2",
        N_("Link your content planning to your campaigns"),
        N_("Social Media Glue Model, second aspect: linked to your content planning, every campaign gives your network a boost, and relevant content keeps most of the new relations afterwards."),
        N_("This week: put your next campaign into your content plan, and plan four weeks of follow-up posts for the new followers it brings, so that you keep them when the campaign ends."),
        False,
    ),
    3: Move(
        "glue:3",
        N_("Launch campaigns through your own network first"),
        N_("Social Media Glue Model, third aspect: a growing social media network makes campaigns catch on faster and better with consumers and media, because new messages reach a bigger base."),
        N_("This week: plan a preview of your next campaign for your followers and ambassadors a few days before the launch, and ask them to pass the campaign on as soon as it goes live."),
        True,
    ),
}


# -- Social Media 24/7 (seed 000) ---------------------------------------------------------------
SM247_MOVES: dict[str, Move] = {
    "sending_only": Move(
        "sm247:sending_only",
        N_("Answer and start conversations, not only send"),
        N_("Social Media 24/7: many brands never get beyond sending information, let alone relevant conversations, while service (conversing) is the complex cell of communicating."),
        N_("This week: agree per channel who answers comments and messages, and within how many hours on working days, and end two posts with a question you really want answered."),
        True,
    ),
    "selling_without_experience": Move(
        "sm247:selling_without_experience",
        N_("Share experiences alongside your sales posts"),
        N_("Social Media 24/7: a good distribution process through social media needs the previous steps, experiencing among them."),
        N_("This week: ask three customers whether you may share their experience with your product in their own words, and plan those posts between your sales posts in your content plan."),
        False,
    ),
    "cocreation_without_experience": Move(
        "sm247:cocreation_without_experience",
        N_("Find the fans who carry your brand first"),
        N_("Social Media 24/7: co-creation needs an experience to find the passionate people who carry your brand, and a relevant proposition needs an understanding of your online audience’s preferences."),
        N_("This week: go through three months of reactions, pick the five people who share their experiences with you most often, and ask them about their preferences before you invite them to co-create."),
        False,
    ),
    "nothing_structural": Move(
        "sm247:nothing_structural",
        N_("Pick one 24/7 cell and make it structural"),
        N_("Social Media 24/7: the model is about the structural use of social media, and nothing in your profile is structural yet."),
        N_("This week: choose the cell that serves your goals best, informing or service for instance, and give it a fixed weekly slot and one owner in your content plan for the next three months."),
        True,
    ),
}
ALL_MOVES: dict[str, Move] = {
    move.key: move
    for group in (DIMENSION_MOVES, MANAGEMENT_MOVES, CYCLE_MOVES, GLUE_MOVES, SM247_MOVES)
    for move in group.values()
}


def dimension_move(dimension: str, level: int) -> Move:
    """The move that lifts ``dimension`` (an SSRM dimension key) to ``level`` (2..5)."""
    if dimension not in DIMENSION_KEYS:
        raise ValueError(f"unknown SSRM dimension: {dimension!r}")
    if level not in LEVELS:
        raise ValueError(f"a dimension is lifted to level 2..5, not {level!r}")
    return DIMENSION_MOVES[(dimension, level)]
