"""Every tap-driven flow, declared once.

A flow is its domain module (``dialogs/``: the ``transitions`` machine whose triggers are the
user's actions, the answers, the scoring), its screens module (``bot/screens/``), and one
entry here. Handler patterns, deep links, menu entries and result names are read from here;
``bot.flows.runner`` drives every flow the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType

from bot.callback_data import FlowTap, FullTap, QuickTap
from bot.screens import full_assessment as full_screens
from bot.screens import quick_check as quick_screens
from dialogs import full_assessment, plan, quick_check, results
from dialogs.flow import Flow
from dialogs.i18n import N_
from dialogs.plan import Plan


@dataclass(frozen=True)
class FlowEntry:
    name: str  # stored with its sessions and results; also its deep link (t.me/<bot>?start=<name>)
    title: str  # marked for translation: how /results names its results
    tap: type[FlowTap]  # its buttons (their prefix)
    model: type[Flow]
    # screen(tr, session, flow): the open screen; resume(...): Continue / Start over;
    # result(tr, session, result, moves): the result with its plan; optionally details(tr, stored, part)
    screens: ModuleType
    load_result: Callable[[dict, int], object]  # stored scores and version -> the result its screens show
    plan: Callable[[object, tuple[int, ...]], Plan]  # the plan a result leads to (and the Cycle steps in place)
    scoring_version: int
    with_card: bool = False  # the result is followed by the result card (PNG)
    plan_reads: str | None = None  # a flow whose latest result the plan takes into account
    # menu actions that open it: "open", "open_new" (in a new message, so that a result stays)
    # or "retake" (a new session straight away)
    menu: dict[str, str] = field(default_factory=dict)

    def start(self) -> Flow:
        return self.model(self.model.MACHINE.initial)

    def at(self, state: str, answers: dict[str, int] | None = None) -> Flow:
        return self.model(state, dict(answers or {}))

    def state_at(self, step: int) -> str | None:
        """The state a button of screen ``step`` was shown in (0: the first screen, when it is
        not numbered, such as an intro)."""
        screens = self.model.SCREENS
        if step == 0:
            first = self.model.MACHINE.initial
            return first if first not in screens else None
        return screens[step - 1] if step <= len(screens) else None

    @property
    def has_details(self) -> bool:
        return hasattr(self.screens, "details")


QUICK = FlowEntry(
    name=quick_check.FLOW,
    title=N_("Quick phase check"),
    tap=QuickTap,
    model=quick_check.QuickCheck,
    screens=quick_screens,
    load_result=results.quick_result,
    plan=plan.for_quick_check,
    plan_reads=full_assessment.FLOW,  # the Cycle steps its latest result says are in place
    scoring_version=results.SCORING_VERSIONS[quick_check.FLOW],
    menu={"quick": "open", "retake": "retake"},
)
FULL = FlowEntry(
    name=full_assessment.FLOW,
    title=N_("Full assessment"),
    tap=FullTap,
    model=full_assessment.FullAssessment,
    screens=full_screens,
    load_result=results.full_result,
    plan=plan.for_full_assessment,
    scoring_version=results.SCORING_VERSIONS[full_assessment.FLOW],
    with_card=True,
    menu={"full": "open", "full_new": "open_new", "retake_full": "retake"},
)

FLOWS: tuple[FlowEntry, ...] = (QUICK, FULL)
BY_NAME = {entry.name: entry for entry in FLOWS}
BY_TAP = {entry.tap: entry for entry in FLOWS}
MENU_ACTIONS = {action: (entry, how) for entry in FLOWS for action, how in entry.menu.items()}
TAP_PATTERN = "^(?:" + "|".join(entry.tap.PREFIX for entry in FLOWS) + "):"
