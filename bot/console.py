"""The console chat: the advisor in a terminal, with no token and no network.

The same Application and handlers as in Telegram, driven through the in-process Bot API:
each message is printed with its buttons numbered; type a number to tap, anything else is
sent as a message (commands too). Ctrl-D or ``/quit`` ends the chat.
"""

from __future__ import annotations

import asyncio
import html
import os
import re

from bot.app import build_application
from bot.config import Settings
from bot.simulator import ChatMessage, ChatSimulator, LocalBotApi, running

_TAGS = re.compile(r"</?(?:b|i|u|s|code|pre|a)(?:\s[^>]*)?>")


def plain(text: str) -> str:
    """Telegram HTML as a terminal shows it."""
    return html.unescape(_TAGS.sub("", text))


def render(bot_method: str, params: dict, message: ChatMessage | None) -> str | None:
    """What the console prints for one Bot API call (None: nothing to show)."""
    if bot_method == "answerCallbackQuery":
        return f"  ({params['text']})" if params.get("text") else None
    if message is None:
        return None
    lines = ["", ("✎ " if bot_method.startswith("edit") else "") + plain(message.text)]
    for number, button in enumerate(message.buttons, start=1):
        target = button.get("url") or ""
        lines.append(f"  [{number}] {button['text']}" + (f"  → {target}" if target else ""))
    return "\n".join(lines)


def _console_language() -> str | None:
    """The terminal's language stands in for the Telegram app's (LANG=nl_NL.UTF-8 -> nl)."""
    lang = os.environ.get("LANG", "")
    return lang.split("_")[0].split(".")[0] or None


async def chat(settings: Settings) -> None:
    api = LocalBotApi()
    api.listeners.append(lambda method, params, message: _print(render(method, params, message)))
    application = build_application(settings, request=api)
    async with running(application):
        user = ChatSimulator(application, api, first_name=os.environ.get("USER", "").title(),
                             language_code=_console_language())
        print(f"Console chat with the advisor (database: {settings.database}). "
              "Type a number to tap a button, text to send it, /quit to leave.")
        await user.send("/start")
        while True:
            try:
                line = (await asyncio.to_thread(input, "> ")).strip()
            except EOFError:
                break
            if line in ("/quit", "/exit"):
                break
            if not line:
                continue
            buttons = _tappable(user)
            if re.fullmatch("[0-9]+", line) and buttons and 1 <= int(line) <= len(buttons.buttons):
                button = buttons.buttons[int(line) - 1]
                if "callback_data" in button:
                    await user.tap(int(line), buttons)
                else:
                    print(f"  (opens {button.get('url')})")
            else:
                await user.send(line)


def _tappable(user: ChatSimulator) -> ChatMessage | None:
    try:
        return user.screen
    except StopIteration:
        return None


def _print(text: str | None) -> None:
    if text is not None:
        print(text, flush=True)
