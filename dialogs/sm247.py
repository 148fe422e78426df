"""The Social Media 24/7 model (de Lange, Hordijk, Kaasenbrood), seed 000.

Four areas on an axis from communication to transaction — communicating, experiencing,
propositioning, selling — each split into a simple and a complex cell. The advisor asks per
cell how far the organisation is with it: not yet, started, or established. (Not "occasionally"
or "structurally": the source defines promotion *as* occasional and distribution *as*
structural, so that scale would clash with the cells themselves.)

In the model's own voice the areas run from communication to transaction: "the previous steps
are necessary" for selling, and going from perception to proposition "is a big step". Reading
a result as a profile over the eight cells — its makers allow selling without the earlier
areas (seeds/README.md) — is the advisor's reading, and labelled so.
"""

from __future__ import annotations

from dataclasses import dataclass

from dialogs.i18n import N_

NOT_YET, STARTED, ESTABLISHED = 0, 1, 2
LEVEL_LABELS = (N_("Not yet"), N_("Started"), N_("Established"))


@dataclass(frozen=True)
class Area:
    key: str
    name: str


@dataclass(frozen=True)
class Cell:
    key: str
    area: str
    complex: bool  # False: the simple row ("from the brand"); True: complex ("from the user's perspective")
    name: str
    question: str
    explanation: str  # one line from the source


AREAS: tuple[Area, ...] = (
    Area("communicating", N_("Communicating")),
    Area("experiencing", N_("Experiencing")),
    Area("propositioning", N_("Propositioning")),
    Area("selling", N_("Selling")),
)

CELLS: tuple[Cell, ...] = (
    Cell("informing", "communicating", False, N_("Informing"),
         N_("Do you inform your audience through social media (sending messages)?"),
         N_("Communicating, simple: sending information. Many brands never go beyond it.")),
    Cell("service", "communicating", True, N_("Service"),
         N_("Do you enter into conversations: answering questions and giving service?"),
         N_("Communicating, complex: conversing — entering into relevant conversations, not just sending.")),
    Cell("emotion", "experiencing", False, N_("Emotion"),
         N_("Do you share your identity: what the brand stands for and how it feels?"),
         N_("Experiencing, simple: emotion — sharing the brand's identity.")),
    Cell("experience", "experiencing", True, N_("Experience"),
         N_("Do users share their experiences with your brand, and do you give that room?"),
         N_("Experiencing, complex: experience — users sharing their experiences.")),
    Cell("development", "propositioning", False, N_("Development"),
         N_("Do you improve products or services together with your online audience?"),
         N_("Propositioning, simple: development — incremental improvements through co-creation.")),
    Cell("extension", "propositioning", True, N_("Extension"),
         N_("Do you develop new products or services together with your online audience?"),
         N_("Propositioning, complex: extension — radical changes through co-creation.")),
    Cell("promotion", "selling", False, N_("Promotion"),
         N_("Do you run promotions through social media?"),
         N_("Selling, simple: promotion — occasional promotional activities.")),
    Cell("distribution", "selling", True, N_("Distribution"),
         N_("Is social media a sales or distribution channel for you?"),
         N_("Selling, complex: distribution — social media as a structural (extra) distribution channel.")),
)

CELL_KEYS: tuple[str, ...] = tuple(cell.key for cell in CELLS)
CELLS_BY_KEY: dict[str, Cell] = {cell.key: cell for cell in CELLS}


REMARKS: dict[str, str] = {
    "sending_only": N_(
        "You send, but hardly converse. The model notes that many brands never get beyond "
        "sending information, let alone relevant conversations. Just sending is not wrong in "
        "itself (it may work for media, political organisations and celebrities); if it is not "
        "enough for you, service (conversing) is the cell to add."
    ),
    "selling_without_experience": N_(
        "You use social media as a distribution channel without an experiencing base. The model "
        "says the previous steps are necessary to come up with a good distribution process."
    ),
    "cocreation_without_experience": N_(
        "You co-create without an experiencing base. The model says an experience is needed to "
        "find the passionate people who carry your brand, and that a relevant proposition needs "
        "an understanding of your online audience's preferences."
    ),
    "nothing_structural": N_(
        "No cell is established yet. The model is about the structural use of social media: "
        "choose the cell that serves your goals best and make it a fixed part of your work first."
    ),
}


def remarks(cells: dict[str, int]) -> tuple[str, ...]:
    """Which of the source's remarks apply to this profile (keys of ``REMARKS``), in order:
    - sending_only: informing has started but service (conversing) has not;
    - distribution without experiencing: social media as a distribution channel while neither
      emotion nor experience has started ("the previous steps are necessary" for distribution;
      occasional promotion is not held to that);
    - co-creation without experiencing: development or extension without emotion or experience;
    - nothing_structural: no cell is established. (The keys stay as stored with results.)"""
    found = []
    if cells["informing"] > NOT_YET and cells["service"] == NOT_YET:
        found.append("sending_only")
    no_experiencing = cells["emotion"] == NOT_YET and cells["experience"] == NOT_YET
    if no_experiencing and cells["distribution"] > NOT_YET:
        found.append("selling_without_experience")
    if no_experiencing and (cells["development"] > NOT_YET or cells["extension"] > NOT_YET):
        found.append("cocreation_without_experience")
    if all(level < ESTABLISHED for level in cells.values()):
        found.append("nothing_structural")
    return tuple(found)

# The model's own voice on its order (seed 000), and the advisor's reading of a result.
MODEL_ORDER = N_(
    "The model runs from communication to transaction. For selling, “the previous steps are "
    "necessary to come up with a good distribution process”, and going from experiencing to "
    "propositioning “is a big step to take”."
)
PROFILE_READING = N_(
    "Read your result as a profile over the eight cells: its makers allow starting to sell "
    "without the earlier areas, so not every organisation needs every cell."
)


def profile(answers: dict[str, int]) -> dict[str, int]:
    """The eight cells' levels (0 not yet, 1 started, 2 established), in the model's order."""
    return {key: answers[key] for key in CELL_KEYS}
