"""Callback data: compact, versioned strings that stay under Telegram's 64-byte limit.

Formats (the digit after the namespace is its version; bump it when a format changes, so that
buttons of an older release are recognised as stale instead of misread):

- ``m1:<action>``                     menu entries (``menu``; ``home``: the menu in a new message,
                                      so that a result stays; ``quick``, ``full``, ``retake``,
                                      ``retake_full``, ``results``, ``language``)
- ``l1:<language>``                   language choice
- ``q1:<session>:<step>:<action>``    quick check: step is the question number (1-5)
- ``f1:<session>:<step>:<action>``    full assessment: step is the question number (0: the intro)
                                      actions: an option index, ``b`` back, ``c`` continue,
                                      ``n`` start over, ``g`` begin, ``d`` done (checklist),
                                      ``s<nn><0|1>`` mark Cycle step nn as not / in place
- ``t1:roles`` · ``t1:<role>`` · ``t1:<role>:<phase>:<page>``
                                      advocacy tips: the role choice, a role (placing the
                                      organisation if needed), a page of the role's tips
- ``w1:days:<role>:<phase>`` · ``w1:on:<role>:<phase>:<weekday>`` · ``w1:off``
                                      the weekly tip: pick a day, subscribe, stop
- ``r1:<session>:<part>``             a stored result: ``sum``mary, ``ssrm``, ``sm247``, ``cycle``,
                                      ``glue``
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MENU = "m1"
LANGUAGE = "l1"
QUICK = "q1"
FULL = "f1"
RESULT = "r1"
TIPS = "t1"
WEEKLY = "w1"

MENU_ACTIONS = frozenset({"menu", "home", "quick", "full", "retake", "retake_full", "full_new", "language", "results"})
FLOW_ACTIONS = re.compile(r"^(?:[0-9]|b|c|n|g|d|s[0-9]{2}[01])$")
RESULT_PARTS = frozenset({"sum", "ssrm", "sm247", "cycle", "glue"})
MAX_BYTES = 64


@dataclass(frozen=True)
class FlowTap:
    """A tap on a button of one step of one session."""

    session: int
    step: int
    action: str

    @property
    def option(self) -> int | None:
        return int(self.action) if self.action.isdigit() else None

    @property
    def marked_step(self) -> tuple[int, bool] | None:
        """For ``s<nn><v>``: the Cycle step and whether it is now in place."""
        if self.action.startswith("s"):
            return int(self.action[1:3]), self.action[3] == "1"
        return None


@dataclass(frozen=True)
class ResultTap:
    session: int
    part: str


def menu(action: str) -> str:
    return _checked(f"{MENU}:{action}")


def language(code: str) -> str:
    return _checked(f"{LANGUAGE}:{code}")


def flow(namespace: str, session: int, step: int, action: str | int) -> str:
    return _checked(f"{namespace}:{session}:{step}:{action}")


def quick(session: int, step: int, action: str | int) -> str:
    return flow(QUICK, session, step, action)


def mark_step(session: int, step: int, number: int, in_place: bool) -> str:
    return flow(FULL, session, step, f"s{number:02d}{int(in_place)}")


def result(session: int, part: str) -> str:
    return _checked(f"{RESULT}:{session}:{part}")


def _checked(data: str) -> str:
    if len(data.encode()) > MAX_BYTES:
        raise ValueError(f"callback data over {MAX_BYTES} bytes: {data!r}")
    return data


def parse_menu(data: str) -> str | None:
    namespace, _, action = data.partition(":")
    return action if namespace == MENU and action in MENU_ACTIONS else None


def parse_language(data: str) -> str | None:
    namespace, _, code = data.partition(":")
    return code if namespace == LANGUAGE else None


def parse_flow_tap(data: str) -> tuple[str, FlowTap] | None:
    """The flow's namespace and the tap, or None for anything malformed or forged."""
    parts = data.split(":")
    if len(parts) != 4 or parts[0] not in (QUICK, FULL):
        return None
    namespace, session, step, action = parts
    if not (session.isdigit() and step.isdigit() and FLOW_ACTIONS.match(action)):
        return None
    return namespace, FlowTap(int(session), int(step), action)


def parse_result_tap(data: str) -> ResultTap | None:
    parts = data.split(":")
    if len(parts) != 3 or parts[0] != RESULT or not parts[1].isdigit() or parts[2] not in RESULT_PARTS:
        return None
    return ResultTap(int(parts[1]), parts[2])


@dataclass(frozen=True)
class TipsTap:
    role: str | None = None  # None: the role choice
    phase: int | None = None  # None: not placed yet
    page: int = 0
    new_message: bool = False  # from the weekly tip, which stays in the chat


def tips(role: str | None = None, phase: int | None = None, page: int = 0, new_message: bool = False) -> str:
    if role is None:
        return _checked(f"{TIPS}:roles")
    if phase is None:
        return _checked(f"{TIPS}:{role}")
    return _checked(f"{TIPS}:{role}:{phase}:{page}" + (":n" if new_message else ""))


def parse_tips(data: str, roles: frozenset[str]) -> TipsTap | None:
    parts = data.split(":")
    new_message = len(parts) == 5 and parts[4] == "n"
    if new_message:
        parts = parts[:4]
    if parts[0] != TIPS or len(parts) not in (2, 4):
        return None
    if parts[1] == "roles" and len(parts) == 2:
        return TipsTap()
    if parts[1] not in roles:
        return None
    if len(parts) == 2:
        return TipsTap(parts[1])
    if not (parts[2] in "12345" and len(parts[2]) == 1 and parts[3].isdigit()):
        return None
    return TipsTap(parts[1], int(parts[2]), int(parts[3]), new_message)


@dataclass(frozen=True)
class WeeklyTap:
    action: str  # "days", "on" or "off"
    role: str | None = None
    phase: int | None = None
    weekday: int | None = None


def weekly(action: str, role: str | None = None, phase: int | None = None, weekday: int | None = None) -> str:
    parts = [WEEKLY, action] + [str(part) for part in (role, phase, weekday) if part is not None]
    return _checked(":".join(parts))


def parse_weekly(data: str, roles: frozenset[str]) -> WeeklyTap | None:
    parts = data.split(":")
    if parts[0] != WEEKLY:
        return None
    if parts[1:] == ["off"]:
        return WeeklyTap("off")
    if len(parts) < 4 or parts[2] not in roles or not (len(parts[3]) == 1 and parts[3] in "12345"):
        return None
    if parts[1] == "days" and len(parts) == 4:
        return WeeklyTap("days", parts[2], int(parts[3]))
    if parts[1] == "on" and len(parts) == 5 and len(parts[4]) == 1 and parts[4] in "0123456":
        return WeeklyTap("on", parts[2], int(parts[3]), int(parts[4]))
    return None
