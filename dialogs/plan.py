"""The plan: "do this first" and the next three moves, ranked (the advisor's own, built from
the models; design.md §2 "The plan").

The ranking: what holds the organisation back first (management support, else the SSRM
bottleneck, else the dimension whose next level leads to the next phase), then the Social
Media Cycle step, then the Glue Model or 24/7 move. A move is named by its key
(``dialogs.moves``); the plan is kept per user and its moves ticked off as they are done.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from dialogs import cycle, ssrm

MOVES_IN_A_PLAN = 3


@dataclass(frozen=True)
class Plan:
    moves: tuple[str, ...]  # move keys, the first is "do this first"

    @property
    def first(self) -> str:
        return self.moves[0]


def dimension_key(dimension: str, level: int) -> str:
    return f"dimension:{dimension}:{level}"


def _lifts(result: ssrm.SsrmResult) -> list[str]:
    """Moves that lift the SSRM profile: the bottleneck, else the next lift, to their next level;
    then the other dimensions at the phase, in the order of success (fallbacks)."""
    named = result.bottleneck or result.next_lift
    others = ssrm.in_success_order(
        key for key in ssrm.DIMENSION_KEYS if key not in named and result.levels[key] == result.phase.number
    )
    return [
        dimension_key(key, result.levels[key] + 1) for key in (*named, *others) if result.levels[key] < len(ssrm.PHASES)
    ]


def _cycle_steps_for(pointers: tuple[str, ...], in_place: tuple[int, ...] = ()) -> list[str]:
    """The Cycle steps the pointers lead to (the advisor's mapping), those not in place first."""
    steps = [number for pointer in pointers for number in cycle.BOTTLENECK_STEPS.get(pointer, ())]
    ordered = [n for n in steps if n not in in_place] + [n for n in steps if n in in_place]
    return [f"cycle:{number}" for number in dict.fromkeys(ordered)]


def _ranked(candidates: list[str]) -> Plan:
    moves = tuple(dict.fromkeys(key for key in candidates if key))[:MOVES_IN_A_PLAN]
    return Plan(moves)


# The Always-On phase has nothing left to lift: measuring, facilitating and organising keep it.
ALWAYS_ON_STEPS = ("cycle:10", "cycle:11", "cycle:12")


def for_quick_check(result: ssrm.SsrmResult, cycle_in_place: tuple[int, ...] = ()) -> Plan:
    """The quick check knows only the SSRM: the lifts, and the Cycle steps they point to —
    leaving out the steps the user's latest full assessment says are in place (``cycle_in_place``),
    so that the plan never asks for what they have just said is done."""
    lifts = _lifts(result)
    done = {f"cycle:{number}" for number in cycle_in_place}
    steps = [step for step in _cycle_steps_for(result.bottleneck or result.next_lift) if step not in done]
    # the Always-On steps keep the cycle going even when in place (the source: start again at
    # step 1): last, and only to make up three moves
    always_on = sorted(ALWAYS_ON_STEPS, key=lambda step: step in done)
    return _ranked([*lifts[:1], *steps[:1], *lifts[1:2], *steps[1:], *lifts[2:], *always_on])


def for_full_assessment(result, cycle_in_place: tuple[int, ...] = ()) -> Plan:
    """Management or the bottleneck first, then the Cycle step, then the Glue or 24/7 move
    (``cycle_in_place`` is not needed: the assessment's own answers say which steps are in place)."""
    lifts = _lifts(result.ssrm)
    first = [f"management:{result.management}"] if result.management_holds_back else lifts[:1]
    first_step = cycle.first_of(result.next_step, result.bottleneck_step)
    step = f"cycle:{first_step.number}" if first_step else ""
    third = f"sm247:{result.remarks[0]}" if result.remarks else f"glue:{result.glue_aspect}"
    fallbacks = [*lifts, f"glue:{result.glue_aspect}", *ALWAYS_ON_STEPS]
    return _ranked([*first, step, third, *fallbacks])


@dataclass(frozen=True)
class KeptMove:
    rank: int  # 1..3
    key: str
    done_at: str | None  # UTC, ISO 8601; None while still to do


@dataclass(frozen=True)
class KeptPlan:
    """A user's plan as kept: made with a result, its moves ticked off as they are done."""

    id: int
    flow: str
    session_id: int
    created_at: str
    moves: tuple[KeptMove, ...]

    @property
    def done(self) -> int:
        return sum(1 for move in self.moves if move.done_at)

    @property
    def all_done(self) -> bool:
        return self.done == len(self.moves)


REMINDER_WEEKS = (4, 8, 12)  # "check in again in 4 / 8 / 12 weeks"
CHECK_IN_AT = 9  # the reminder comes at 9:00 local time, as the weekly tip does


def reminder_due(now: datetime, weeks: int, zone: ZoneInfo) -> datetime:
    """The morning ``weeks`` weeks from now, in UTC."""
    day = (now.astimezone(zone) + timedelta(weeks=weeks)).date()
    return datetime(day.year, day.month, day.day, CHECK_IN_AT, tzinfo=zone).astimezone(UTC)
