"""Callback data: one typed codec for every button.

Each kind of button is a frozen dataclass with a prefix (``<namespace><version>``); ``encode``
turns it into the plain string Telegram keeps with the button (so buttons survive a restart)
and checks Telegram's 64-byte limit; ``decode`` turns a string back into the dataclass, or
None for anything this codec would not have produced: unknown prefixes, missing or extra
parts, values outside their choices, numbers that are not plain ASCII digits or are too long
for the database. Bump a prefix's version when its format changes, so that an older
release's buttons are recognised as stale instead of misread.

Formats (a field per ``:``-separated part, in order; trailing optional parts may be absent):

- ``m1:<action>``                            the menu and its entries
- ``l1:<language>``                          language choice
- ``q1|f1:<session>:<step>:<action>``        a flow's buttons (see ``FlowTap``)
- ``r1:<session>:<part>``                    a part of a stored result
- ``p1:<plan>:<rank>:<0|1>`` · ``n1:ask|4|8|12|off``   tick a move of the plan; the reminder
- ``s1:<action>[:<part>[:<item>]]``          the strategy builder
- ``g1:<action>[:<team>[:<key>[:<up|down>]]]`` team checks
- ``x1:privacy|export|delete|deleted``       the user's own data
- ``t1:roles`` · ``t1:<role>`` · ``t1:<role>:<phase>:<page>[:n]``   advocacy tips
- ``w1:days:<role>:<phase>`` · ``w1:on:<role>:<phase>:<weekday>`` · ``w1:off``   the weekly tip
- ``d1:<tip>``                               "✓ Done" under a tip: the user acted on it
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from functools import cache
from typing import ClassVar, get_type_hints

from bot.i18n import LANGUAGES
from dialogs import advocacy, full_assessment, hexagon, quick_check, ssrm

MAX_BYTES = 64  # Telegram's limit for callback_data
# Ids are SQLite rowids or PostgreSQL BIGINT identities: twelve digits stay far inside 64 bits (and Python's int()
# is only ever given ASCII digits, never "²" or "٣", which str.isdigit() would let through).
_NUMBER = re.compile(r"[0-9]{1,12}")
_FLAG = "n"


def choices(*values: str, default=dataclasses.MISSING):
    """A text part that must be one of ``values``."""
    return field(default=default, metadata={"choices": frozenset(values)})


def digits(most: int, default=dataclasses.MISSING):
    """A number part of at most ``most`` digits (a part with a default may be left out)."""
    return field(default=default, metadata={"digits": most})


def pattern(regex: str):
    return field(metadata={"pattern": re.compile(regex)})


_KINDS: dict[str, list[type[CallbackData]]] = {}


@dataclass(frozen=True)
class CallbackData:
    """A button's data. Subclasses name their prefix: ``class X(CallbackData, prefix="x1")``;
    several may share one when their first part (a fixed choice) tells them apart."""

    PREFIX: ClassVar[str]

    def __init_subclass__(cls, prefix: str | None = None, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if prefix is not None:
            cls.PREFIX = prefix
            _KINDS.setdefault(prefix, []).append(cls)

    def encode(self) -> str:
        parts = [self.PREFIX]
        for item in dataclasses.fields(self):
            value = getattr(self, item.name)
            parts.append("" if value is None or value is False else _FLAG if value is True else str(value))
        while parts[-1] == "":  # optional parts at the end are left out; one in between stays empty
            parts.pop()
        data = ":".join(parts)
        if len(data.encode()) > MAX_BYTES:
            raise ValueError(f"callback data over {MAX_BYTES} bytes: {data!r}")
        return data


def decode(data: str | None) -> CallbackData | None:
    """The button ``data`` stands for, or None when this codec did not make it."""
    if not data:
        return None
    prefix, _, rest = data.partition(":")
    parts = rest.split(":") if rest else []
    for kind in _KINDS.get(prefix, ()):
        decoded = _decode_as(kind, parts)
        if decoded is not None:
            return decoded
    return None


@cache
def _parts_of(kind: type[CallbackData]) -> tuple[tuple[dataclasses.Field, object], ...]:
    """A kind's parts with their types, worked out once (a tap decodes one on every update)."""
    hints = get_type_hints(kind)
    return tuple((item, hints[item.name]) for item in dataclasses.fields(kind) if item.init)


def _decode_as(kind: type[CallbackData], parts: list[str]) -> CallbackData | None:
    items = _parts_of(kind)
    values = {}
    if len(parts) > len(items):
        return None
    for index, (item, hint) in enumerate(items):
        if index >= len(parts) or parts[index] == "":
            if item.default is dataclasses.MISSING:
                return None
            continue
        value = _value(item, hint, parts[index])
        if value is None:
            return None
        values[item.name] = value
    try:
        return kind(**values)
    except ValueError:  # the dataclass's own check (__post_init__) refused the combination
        return None


def _value(item: dataclasses.Field, hint, text: str):
    metadata = item.metadata
    if hint is bool:
        return True if text == _FLAG else None
    if "digits" in metadata:
        if not _NUMBER.fullmatch(text) or len(text) > metadata["digits"]:
            return None
        return int(text)
    if "choices" in metadata:
        return text if text in metadata["choices"] else None
    if "pattern" in metadata:
        return text if metadata["pattern"].fullmatch(text) else None
    raise TypeError(f"{item.name}: give the part choices, digits or a pattern")


# -- the buttons ----------------------------------------------------------------------------------

MENU_ACTIONS = (
    "menu", "home", "quick", "full", "retake", "retake_full", "full_new", "language", "results", "plan", "settings",
    "strategy", "team",
)


@dataclass(frozen=True)
class MenuTap(CallbackData, prefix="m1"):
    """``menu``; ``home``: the menu in a new message (a result stays); a flow; a retake; ..."""

    action: str = choices(*MENU_ACTIONS)


@dataclass(frozen=True)
class LanguageTap(CallbackData, prefix="l1"):
    code: str = choices(*LANGUAGES)


# A flow's actions: an option index, b(ack), c(ontinue), n (start over), g (begin),
# d(one with the checklist), s<nn><0|1> (mark Cycle step nn as not / in place), k(eep the
# answers as they are), e<question> (correct that answer).
FLOW_ACTIONS = r"[0-9]|[bcngdk]|s[0-9]{2}[01]|e[a-z]{1,20}"
TRIGGERS = {"b": "back", "g": "begin", "d": "finish", "k": "keep"}


@dataclass(frozen=True)
class FlowTap(CallbackData):
    """A tap on a button of screen ``step`` (0: an intro) of one session of a flow. Each flow
    has its own subclass (its prefix), declared with the flow in ``bot.flows.registry``."""

    session: int = digits(12)
    step: int = digits(2)
    action: str = pattern(FLOW_ACTIONS)

    @property
    def option(self) -> int | None:
        return int(self.action) if self.action.isdigit() else None

    @property
    def trigger(self) -> tuple[str, tuple] | None:
        """The flow trigger this tap fires, with its arguments; None for Continue / Start over,
        which are not moves on the flow."""
        if self.option is not None:
            return "answer", (self.option,)
        if self.action.startswith("s"):
            return "mark_step", (int(self.action[1:3]), self.action[3] == "1")
        if self.action in TRIGGERS:
            return TRIGGERS[self.action], ()
        if self.action.startswith("e"):
            return "correct_" + self.action[1:], ()  # the flow's machine says whether it has one
        return None

    def with_action(self, action: str | int) -> FlowTap:
        return dataclasses.replace(self, action=str(action))


@dataclass(frozen=True)
class QuickTap(FlowTap, prefix="q1"):
    pass


@dataclass(frozen=True)
class FullTap(FlowTap, prefix="f1"):
    pass


RESULT_PARTS = ("sum", "ssrm", "sm247", "cycle", "glue", "report")


@dataclass(frozen=True)
class ResultTap(CallbackData, prefix="r1"):
    """A part of a stored result: the ``sum``mary or one model in detail."""

    session: int = digits(12)
    part: str = choices(*RESULT_PARTS)


@dataclass(frozen=True)
class PlanTap(CallbackData, prefix="p1"):
    """Tick a move of a kept plan as done (1) or not yet (0)."""

    plan: int = digits(12)
    rank: int = digits(1)
    done: int = digits(1)

    def __post_init__(self) -> None:
        if not (1 <= self.rank <= 3 and self.done in (0, 1)):
            raise ValueError("rank 1-3, done 0 or 1")


@dataclass(frozen=True)
class RemindTap(CallbackData, prefix="n1"):
    """The reminder to check in on the plan: ``ask`` (choose when), a number of weeks, ``off``."""

    what: str = choices("ask", "4", "8", "12", "off")


STRATEGY_ACTIONS = ("overview", "open", "write", "add", "example", "skip", "programs", "program", "pdf", "md")


@dataclass(frozen=True)
class StrategyTap(CallbackData, prefix="s1"):
    """The strategy builder: the overview; a part opened, written anew or added to, its example;
    a part skipped; the programs to start the actions from (a program or a plan move picked);
    the document as PDF or Markdown."""

    action: str = choices(*STRATEGY_ACTIONS)
    part: str | None = choices(*hexagon.PART_KEYS, hexagon.ORGANISATION, default=None)
    item: str | None = choices(*hexagon.PROGRAMS_BY_KEY, "move1", "move2", "move3", default=None)


TEAM_ACTIONS = (
    "home", "new", "flow", "view", "refresh", "agree", "level", "agreed", "remind", "close", "reopen", "delete",
    "deleted", "post", "join", "leave", "left", "card",
)


@dataclass(frozen=True)
class TeamTap(CallbackData, prefix="g1"):
    """Team checks: the teams list, a new team (its flow), a team's view and what its owner can
    do with it (agree levels up or down, remind, close, delete, post to the group), and a member
    joining or leaving."""

    action: str = choices(*TEAM_ACTIONS)
    team: int | None = digits(12, default=None)
    key: str | None = choices(quick_check.FLOW, full_assessment.FLOW, *ssrm.DIMENSION_KEYS, default=None)
    value: str | None = choices("up", "down", default=None)


@dataclass(frozen=True)
class PrivacyTap(CallbackData, prefix="x1"):
    """The privacy screen, the user's data as a file, deleting it (asked, then confirmed)."""

    action: str = choices("privacy", "export", "delete", "deleted")


ROLES = tuple(advocacy.ROLES)
PHASE = ("1", "2", "3", "4", "5")


@dataclass(frozen=True)
class TipRoles(CallbackData, prefix="t1"):
    """The role choice of the advocacy tips."""

    what: str = choices("roles", default="roles")


@dataclass(frozen=True)
class TipsTap(CallbackData, prefix="t1"):
    """A role's tips: without a phase, the organisation is placed first; ``new_message`` for a
    page opened from the weekly tip, which stays in the chat."""

    role: str = choices(*ROLES)
    phase: int | None = digits(1, default=None)
    page: int | None = digits(3, default=None)
    new_message: bool = False

    def __post_init__(self) -> None:
        if (self.phase is None) != (self.page is None) or (self.phase is not None and not 1 <= self.phase <= 5):
            raise ValueError("a page needs a phase 1-5")


@dataclass(frozen=True)
class WeeklyDays(CallbackData, prefix="w1"):
    """Pick the weekday of the weekly tip."""

    what: str = choices("days")
    role: str = choices(*ROLES)
    phase: int = digits(1)

    def __post_init__(self) -> None:
        if not 1 <= self.phase <= 5:
            raise ValueError("phase 1-5")


@dataclass(frozen=True)
class WeeklyOn(CallbackData, prefix="w1"):
    what: str = choices("on")
    role: str = choices(*ROLES)
    phase: int = digits(1)
    weekday: int = digits(1)

    def __post_init__(self) -> None:
        if not (1 <= self.phase <= 5 and 0 <= self.weekday <= 6):
            raise ValueError("phase 1-5, weekday 0-6")


@dataclass(frozen=True)
class WeeklyOff(CallbackData, prefix="w1"):
    what: str = choices("off", default="off")


TIP_KEYS = tuple(tip.key for tip in advocacy.TIPS)


@dataclass(frozen=True)
class TipDone(CallbackData, prefix="d1"):
    """"✓ Done" under a tip (a page of tips or the weekly tip). Only the keys of today's tips
    decode: a forged key, or a tip dropped since the button was sent, is refused as stale."""

    tip: str = choices(*TIP_KEYS)


def menu(action: str) -> str:
    return MenuTap(action).encode()
