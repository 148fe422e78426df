"""The Social Media Glue Model, seed 004 (Dutch).

The base is the social media network (SMN), kept up and grown by content planning; campaigns
(C1..Cn) give the network a boost; a larger network makes campaigns succeed faster. One
question on how campaigns and everyday posting relate, with the SSRM Approach answer, decides
which of the three aspects the advice stresses.
"""

from __future__ import annotations

from dataclasses import dataclass

from dialogs.i18n import N_

QUESTION = N_("How do campaigns and everyday posting relate in your organisation?")


@dataclass(frozen=True)
class Situation:
    label: str  # button
    wording: str  # in the question text
    aspect: int  # the aspect (1-3) the advice stresses


SITUATIONS: tuple[Situation, ...] = (
    Situation(N_("Quiet between campaigns"),
              N_("We mostly post around campaigns; afterwards the interaction dies down, and each new campaign has to win its followers back."), 1),
    Situation(N_("Few campaigns or posts"),
              N_("We run few campaigns and post irregularly."), 1),
    Situation(N_("Posts and campaigns apart"),
              N_("We post regularly, but campaigns and everyday posts are planned separately."), 2),
    Situation(N_("Campaigns and posts, one plan"),
              N_("Campaigns and everyday posting come from one plan, and campaigns build on our network."), 3),
)

ASPECTS: dict[int, tuple[str, str]] = {
    1: (
        N_("The base: your social media network"),
        N_(
            "Your social media network (SMN) — your followers on the platforms — is the base. "
            "Keep it up and build it with a content plan that says what relevant content you "
            "offer, how you handle interaction and which actions you run. Without it, activating "
            "your followers again for the next campaign can be very hard."
        ),
    ),
    2: (
        N_("Campaigns accelerate your network"),
        N_(
            "Link your content plan to your marketing campaigns: each campaign then gives "
            "your network a boost. After a campaign you may drop back a little, but the base has "
            "grown, and a good, relevant content plan keeps most of the new relations."
        ),
    ),
    3: (
        N_("Your network strengthens campaigns"),
        N_(
            "A growing social media network makes your campaigns catch on faster and better with "
            "consumers and media: the bigger the base, the faster new messages land. Keep both in "
            "balance: steady network management as the glue in your marketing calendar."
        ),
    ),
}


def aspect(situation: int, approach_level: int) -> int:
    """The aspect the advice stresses: the situation's, except that without a content calendar
    (SSRM Approach at phase 1) the base comes first (the advisor's rule)."""
    if approach_level <= 1:
        return 1
    return SITUATIONS[situation].aspect


# Which situations say how regularly the organisation posts: the base of the Glue Model is
# content planning, which the SSRM's Approach answer describes too.
POSTS_REGULARLY = (2, 3)  # "We post regularly ...", "... come from one plan"
POSTS_IRREGULARLY = (0, 1)  # "we mostly post around campaigns ...", "... and post irregularly"


def contradicts_approach(situation: int, approach_level: int) -> bool:
    """Regular posting with an Approach of "posts are shared randomly" (phase 1), or irregular
    posting with a content calendar that "ensures a regular posting schedule" (phase 2 and up)."""
    if approach_level <= 1:
        return situation in POSTS_REGULARLY
    return situation in POSTS_IRREGULARLY
