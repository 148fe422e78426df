"""The Strategy Hexagon (Axel Schultze's Social Media Strategy Framework), seed 003: the
strategy team and six components — goals, mission, benefits, resources, actions/methods,
reporting — written by the user, part by part, with the source's questions and examples.

The checks are the advisor's advice, drawn from the source's own warnings ("Increasing brand
value may be YOUR goal, but who else cares?", "revenue is NOT part of the reporting", ...);
they never block: the user keeps their text if they want.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dialogs.i18n import N_


@dataclass(frozen=True)
class Part:
    key: str
    name: str
    question: str  # the source's question(s)
    guidance: str  # what the source asks of it
    example: str  # the source's own example (or, where it gives none, its description)
    limit: int  # characters: room for a real answer, and the whole part fits one Telegram message


ORGANISATION = "organisation"  # not a part of the hexagon: the name on the document, if given
ORGANISATION_LIMIT = 80

PARTS: tuple[Part, ...] = (
    Part(
        "team",
        N_("Strategy team"),
        N_("Who develops the strategy with you?"),
        N_(
            "The source’s first “OMG”: unlike a traditional business strategy made in a board room, a "
            "social media strategy includes customer and partner representatives from the start. "
            "“You will fail if you ignore this first major requirement.” Name the people and their role."
        ),
        N_(
            "Not in the source by name. For instance: our marketing lead, two product managers, three "
            "customers from our user group and one reseller."
        ),
        1000,
    ),
    Part(
        "goals",
        N_("Goals"),
        N_("What is the strategy’s goal — what is completion?"),
        N_(
            "A strategy executed WITH the market, not a promotion AT it: include goals that resonate with "
            "your customers, partners and other market constituencies. Make it measurable and give it a "
            "timeline."
        ),
        N_(
            "Creating a better customer experience, measured by reaching 1,000 positive public feedbacks "
            "from customers by the end of the year. (In the customer’s interest and the company’s; "
            "measurable by sentiment analysis; with a definite timeline.)"
        ),
        600,
    ),
    Part(
        "mission",
        N_("Mission"),
        N_("What are you going to do to achieve this goal?"),
        N_(
            "Describe in easy sentences what you want and need to do. Your market representatives are part "
            "of the execution, and your assessment tells you what your market wants and needs."
        ),
        N_(
            "The mission is to engage in the social web across departments and company boundaries. We want "
            "to learn from the market to build better products and return better services to the market. We "
            "want to ease administration to reduce cost and make it easier to work with us. We want to "
            "augment our support with highly experienced customers, for better support at a lower average cost."
        ),
        1500,
    ),
    Part(
        "benefits",
        N_("Benefits"),
        N_("How will your ecosystem and the company benefit? What are the actual improvements?"),
        N_(
            "Mark the main benefits for both company and customer, and show the improvements clearly. The "
            "source writes each one as “Unlike … now we …”, so that people outside the strategy team know "
            "what they need to do to make the difference."
        ),
        N_(
            "Customers get more influence on product design. Unlike in the past, when we explored customer "
            "needs through surveys, now we work with interested customers on product co-creation, and they "
            "help us launch the new product.\n"
            "Unlike in the past, when there were only customer-driven forums, now we build a support "
            "community where engaged customers answer questions too, and we honour their support."
        ),
        2000,
    ),
    Part(
        "resources",
        N_("Resources"),
        N_("Who are the participants, influencers and leaders?"),
        N_(
            "A list of key resources by name and social web presence: people, NOT companies or departments. "
            "Other resources can be places (physical or virtual). Name the leadership too, with customer "
            "representatives among it, in contribution and oversight."
        ),
        N_(
            "The source gives no example here. For instance: Anna de Vries (head of support, LinkedIn), "
            "Tom Jansen (customer, runs the user group), our online community as the place to meet."
        ),
        1500,
    ),
    Part(
        "actions",
        N_("Actions and methods"),
        N_("Which programs will make it happen, and what will change (before and after)?"),
        N_(
            "Define the programs the strategy needs, not the programs themselves: “we don’t want to develop "
            "the actual programs” — that is for the departments, customers and partners. Every program leads "
            "to the goal and fits the mission; everything else goes in the “nice to have” box."
        ),
        N_(
            "Support community program: an online support community where customers help customers, the "
            "most supportive rewarded.\nProduct co-creation program: direct feedback from selected customers "
            "to product management, and a product design community.\nProduct launch program: a framework to "
            "launch products with customer advocates and influencers.\nCustomer administration program: "
            "customers help uncover what makes doing business with you hard.\nCustomer advocacy program: "
            "monitor and encourage customers who advocate your products."
        ),
        2500,
    ),
    Part(
        "reporting",
        N_("Reporting"),
        N_("How do you measure progress and success?"),
        N_(
            "Define the key performance indicators first, then choose tools to report on them. Revenue is "
            "NOT part of the reporting: it is an after-the-fact measure. Social media lets you track impact "
            "long before revenue is affected."
        ),
        N_(
            "How many customers talk about our products, and how that grows over time. The sentiment of the "
            "discussion, and how it improves. How many suggestions are made, and how that grows. In the "
            "example: 1,000 positive public feedbacks from customers."
        ),
        1500,
    ),
)
PARTS_BY_KEY = {part.key: part for part in PARTS}
PART_KEYS = tuple(PARTS_BY_KEY)

# The source's five programs, to start the actions from.
PROGRAMS: tuple[tuple[str, str, str], ...] = (
    ("support", N_("Support community program"),
     N_("An online support community where customers help customers; the most supportive recognised with rewards and reputation.")),
    ("cocreation", N_("Product co-creation program"),
     N_("Direct feedback from selected customers to product management, and a product design community that helps test the first prototypes.")),
    ("launch", N_("Product launch program"),
     N_("A framework to launch products the social media way, with customer advocates, co-creation participants and market influencers.")),
    ("administration", N_("Customer administration program"),
     N_("Customers help uncover, through feedback, what makes doing business with you hard.")),
    ("advocacy", N_("Customer advocacy program"),
     N_("Monitor and encourage customers who advocate your products and services.")),
)
PROGRAMS_BY_KEY = {key: (name, text) for key, name, text in PROGRAMS}

# The source's caveats, said where they apply.
CAVEATS = (
    N_("It assumes you have assessed where your customers are and what they talk about, your brand’s presence, your partners’ presence and your competitors."),
    N_("By its author’s own words, it “may not apply to a small business below 20 people” — but the components can still help."),
)

# -- the checks: advice, never a block ------------------------------------------------------------

CHECKS: dict[str, str] = {
    "goal_no_number": N_("Your goal has no number: how will you know it is reached? The source’s goal counts 1,000 positive public feedbacks."),
    "goal_no_deadline": N_("Your goal has no deadline: the source’s example has “by the end of the year”."),
    "goal_company_only": N_("Your goal only mentions the company. “Increasing brand value may be YOUR goal, but who else cares?” Add what your customers or partners gain."),
    "benefits_form": N_("Try writing each benefit as “Unlike …, now we …”: it shows people outside the team what changes."),
    "resources_departments": N_("You name departments or teams. The source asks for people by name (and their presence on the social web), not companies or departments."),
    "actions_detail": N_("This reads like execution detail. The source defines the programs the strategy needs and leaves the programs themselves to the departments, customers and partners."),
    "reporting_revenue": N_("Revenue is NOT part of the reporting, says the source: it comes too late. Measure what happens before it, such as recommendations and sentiment."),
    "team_no_customers": N_("No customers or partners in your team? The source: include them from the start — “you will fail if you ignore this”."),
}

# A number in digits, or in words ("two thousand", "tweeduizend", "double"); not "one"/"een",
# which are as often "a" as a count.
_NUMBER = re.compile(
    r"\d|%|\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"hundred|thousand|million|dozen|double|twice|half|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|"
    r"elf|twaalf|twintig|dertig|veertig|vijftig|dubbel|verdubbel\w*|helft)\b|honderd|duizend|miljoen",
    re.IGNORECASE,
)
_DEADLINE = re.compile(
    r"\b(20\d\d|q[1-4]|before|end of|within|deadline|month|months|week|weeks|year|quarter|"
    r"januar[iy]|februar[iy]|march|maart|april|mei|june|juni|july|juli|august|augustus|september|"
    r"october|oktober|november|december|eind|einde|binnen|jaar|kwartaal|maand|maanden|weken|"
    r"uiterlijk|vóór)\b"
    r"|(?-i:\bMay\b)",  # the month, capitalised: "may" is also "might"
    re.IGNORECASE,
)
_MARKET = re.compile(
    r"\b(customers?|clients?|partners?|users?|market|community|members?|dealers?|resellers?|distributors?|"
    r"patients?|citizens?|klant\w*|partner\w*|gebruiker\w*|markt|leden|dealers?|wederverkoper\w*|"
    r"reseller\w*|bezoekers?|burgers?)\b",
    re.IGNORECASE,
)
_UNLIKE = re.compile(r"\b(unlike|anders dan|in plaats van)\b", re.IGNORECASE)
_NOW = re.compile(r"\b(now|nu)\b", re.IGNORECASE)
_DEPARTMENT = re.compile(
    r"\b(departments?|afdeling\w*|marketing|sales|hr|finance|communications?|communicatie|"
    r"management|board|directie|team)\b",
    re.IGNORECASE,
)
_IT_DEPARTMENT = re.compile(r"\bIT\b")  # capitals only: "it" is a word
_PERSON = re.compile(r"\b[A-Z][a-zà-ÿ]+ (?:(?:de|van|der|den|ter|te|van de|van der) )?[A-Z][a-zà-ÿ]+")
_DETAIL = re.compile(
    r"\b(post(?:s|ing)? (?:daily|every|each|on)|every (?:day|monday|tuesday|wednesday|thursday|friday)|"
    r"hashtags?|\d{1,2}[:.]\d\d|per dag|elke (?:dag|maandag|dinsdag|woensdag|donderdag|vrijdag)|dagelijks)\b",
    re.IGNORECASE,
)
_PROGRAM = re.compile(r"\b(programs?|programmes?|programma\w*)\b", re.IGNORECASE)
_REVENUE = re.compile(r"\b(revenue|turnover|sales figures|income|omzet|opbrengst\w*|inkomsten)\b", re.IGNORECASE)


def checks(part: str, text: str) -> tuple[str, ...]:
    """The advice that applies to ``text`` for ``part`` (keys of ``CHECKS``), in English or Dutch."""
    found = []
    if part == "goals":
        if not _NUMBER.search(text):
            found.append("goal_no_number")
        if not _DEADLINE.search(text):
            found.append("goal_no_deadline")
        if not _MARKET.search(text):
            found.append("goal_company_only")
    elif part == "benefits":
        if not (_UNLIKE.search(text) and _NOW.search(text)):
            found.append("benefits_form")
    elif part == "resources":
        if (_DEPARTMENT.search(text) or _IT_DEPARTMENT.search(text)) and not _PERSON.search(text):
            found.append("resources_departments")
    elif part == "actions":
        if _DETAIL.search(text) and not _PROGRAM.search(text):
            found.append("actions_detail")
    elif part == "reporting":
        if _REVENUE.search(text):
            found.append("reporting_revenue")
    elif part == "team" and not _MARKET.search(text):
        found.append("team_no_customers")
    return tuple(found)


@dataclass
class Draft:
    """A user's strategy as written so far: parts by key, and the organisation's name."""

    parts: dict[str, str] = field(default_factory=dict)
    organisation: str | None = None
    updated_at: str | None = None

    @property
    def written(self) -> tuple[str, ...]:
        return tuple(key for key in PART_KEYS if self.parts.get(key))

    @property
    def next_empty(self) -> str | None:
        return next((key for key in PART_KEYS if not self.parts.get(key)), None)

    def combined(self, part: str, text: str, append: bool) -> str:
        """The part's text after writing ``text``: it replaces, or follows on a new line."""
        current = self.parts.get(part) or ""
        return f"{current}\n{text}" if append and current else text
