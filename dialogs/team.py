"""Team checks: the team's picture from its members' results, and where the team disagrees.

Only aggregates ever leave this module, and only once at least ``MINIMUM`` members finished:
the phase distribution, the median per SSRM dimension (and, for the full assessment, per 24/7
cell and Cycle step), and the dimensions where answers spread most, with what the two ends of
the room said. The advisor's own rules: the median as the team's level, the spread (highest
minus lowest level) as the measure of disagreement.
"""

from __future__ import annotations

import re
import secrets
from collections import Counter
from dataclasses import dataclass
from statistics import median_low

from dialogs import cycle, sm247, ssrm

MINIMUM = 3  # members who finished before any aggregate is shown: no one can be singled out
BENCHMARK_MINIMUM = 30  # organisations before the "compared with everyone" distribution is shown
NAME_LIMIT = 60
TOKEN_PREFIX = "t_"
_NAME_ALLOWED = re.compile(r"[^<>\n\r\t]+")


def new_token() -> str:
    """An opaque, unguessable deep-link payload (Telegram allows 64 characters of A-Za-z0-9_-)."""
    return TOKEN_PREFIX + secrets.token_urlsafe(24)  # 32 characters of A-Za-z0-9_-


TOKEN = re.compile(r"t_[A-Za-z0-9_-]{32}")


def clean_name(text: str) -> str | None:
    """A team name as typed, trimmed; None when it is empty, too long, or looks like markup."""
    name = " ".join(text.split())
    if not name or len(name) > NAME_LIMIT or not _NAME_ALLOWED.fullmatch(name):
        return None
    return name


@dataclass(frozen=True)
class Spread:
    dimension: str
    low: int  # the lowest level a member chose
    high: int  # the highest

    @property
    def width(self) -> int:
        return self.high - self.low


@dataclass(frozen=True)
class TeamPicture:
    finished: int
    phases: dict[int, int]  # phase number -> members in it
    medians: dict[str, int]  # SSRM dimension -> the median level
    spreads: tuple[Spread, ...]  # widest first, only where members differ
    cells: dict[str, int] | None = None  # full assessment: the median 24/7 level per cell
    steps_in_place: dict[int, int] | None = None  # full assessment: Cycle step -> members with it in place

    @property
    def team_result(self) -> ssrm.SsrmResult:
        """The SSRM result of the median levels (the starting point for the agreed levels)."""
        return ssrm.score({key: level - 1 for key, level in self.medians.items()})


def picture(scores: list[dict]) -> TeamPicture | None:
    """The team's picture from its members' stored scores; None below ``MINIMUM`` finished."""
    if len(scores) < MINIMUM:
        return None
    phases = Counter(score["phase"] for score in scores)
    medians = {key: median_low(score["levels"][key] for score in scores) for key in ssrm.DIMENSION_KEYS}
    spreads = []
    for key in ssrm.SUCCESS_ORDER:
        levels = [score["levels"][key] for score in scores]
        if max(levels) > min(levels):
            spreads.append(Spread(key, min(levels), max(levels)))
    spreads.sort(key=lambda spread: -spread.width)  # stable: ties stay in the order of success
    full = [score for score in scores if "cells" in score]
    cells = steps = None
    if len(full) == len(scores):
        cells = {key: median_low(score["cells"][key] for score in full) for key in sm247.CELL_KEYS}
        steps = {step.number: sum(step.number in score["cycle_in_place"] for score in full) for step in cycle.STEPS}
    return TeamPicture(len(scores), dict(sorted(phases.items())), medians, tuple(spreads), cells, steps)


def distribution(phases: list[int]) -> dict[int, int] | None:
    """The phase distribution over many organisations' latest results, or None below the minimum."""
    if len(phases) < BENCHMARK_MINIMUM:
        return None
    counts = Counter(phases)
    return {number: counts.get(number, 0) for number in range(1, len(ssrm.PHASES) + 1)}

