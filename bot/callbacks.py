"""Callback data: compact, versioned strings that stay under Telegram's 64-byte limit.

Formats (the digit after the namespace is its version; bump it when a format changes, so that
buttons of an older release are recognised as stale instead of misread):

- ``m1:<action>``                     menu entries (``menu``, ``quick``, ``retake``, ``language``)
- ``l1:<language>``                   language choice
- ``q1:<session>:<step>:<action>``    quick check: step is the question number (1-5); action is
                                      an option index, ``b`` back, ``c`` continue, ``n`` start over
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MENU = "m1"
LANGUAGE = "l1"
QUICK = "q1"

MENU_ACTIONS = frozenset({"menu", "quick", "retake", "language"})
QUICK_ACTIONS = re.compile(r"^(?:[0-9]|b|c|n)$")
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


def menu(action: str) -> str:
    return _checked(f"{MENU}:{action}")


def language(code: str) -> str:
    return _checked(f"{LANGUAGE}:{code}")


def quick(session: int, step: int, action: str | int) -> str:
    return _checked(f"{QUICK}:{session}:{step}:{action}")


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


def parse_flow_tap(data: str, namespace: str = QUICK) -> FlowTap | None:
    """A flow tap, or None for anything malformed or forged."""
    parts = data.split(":")
    if len(parts) != 4 or parts[0] != namespace:
        return None
    _, session, step, action = parts
    if not (session.isdigit() and step.isdigit() and QUICK_ACTIONS.match(action)):
        return None
    return FlowTap(int(session), int(step), action)
