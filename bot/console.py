"""The console chat: the advisor in a terminal, with no token and no network.

The same Application and handlers as in Telegram, driven through the in-process Bot API:
each message is printed with its buttons numbered; type a number to tap, anything else is
sent as a message (commands too). Ctrl-D or ``/quit`` ends the chat. Photos (the result card)
and documents (the PDFs) are written to a folder beside the database (in the working directory
for a PostgreSQL database), ``advisor-files/``, and their path printed, so that they can be opened.
"""

from __future__ import annotations

import asyncio
import html
import os
import re
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bot.app import build_application
from bot.config import Settings
from bot.simulator import ChatMessage, ChatSimulator, LocalBotApi, running
from bot.storage import is_postgres

_TAGS = re.compile(r"</?(?:b|i|u|s|code|pre|a)(?:\s[^>]*)?>")
FILES_FOLDER = "advisor-files"
_UNSAFE = re.compile(r"[^\w.\-]+")


def plain(text: str) -> str:
    """Telegram HTML as a terminal shows it."""
    return html.unescape(_TAGS.sub("", text))


def files_folder(database: str | Path) -> Path:
    """Where the console chat writes the photos and documents it receives: beside the database
    file, or in the working directory when the database is PostgreSQL's."""
    if is_postgres(database):
        return Path.cwd() / FILES_FOLDER
    return Path(database).resolve().parent / FILES_FOLDER


def shown_database(database: str) -> str:
    """The database as the console names it: a PostgreSQL URL without its password."""
    if not is_postgres(database):
        return database
    parts = urlsplit(database)
    if parts.password is None:
        return database
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def save_file(folder: Path, bot_method: str, message: ChatMessage | None) -> Path | None:
    """Write a sent photo or document to ``folder`` and return its path (None: nothing to write).
    A document keeps its name (a later one of the same name replaces it); a photo is named by
    its message."""
    if message is None or bot_method not in ("sendPhoto", "sendDocument"):
        return None
    if message.document is not None:
        name = _UNSAFE.sub("_", Path(message.document_name or "document").name).strip("._") or "document"
        content = message.document
    elif message.photo is not None:
        extension = ".png" if message.photo.startswith(b"\x89PNG") else ".jpg"
        name, content = f"photo-{message.message_id}{extension}", message.photo
    else:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(content)
    return path


def render(bot_method: str, params: dict, message: ChatMessage | None, saved: Path | None = None) -> str | None:
    """What the console prints for one Bot API call (None: nothing to show); ``saved``: where
    the photo or document it sent was written."""
    if bot_method == "answerCallbackQuery":
        return f"  ({params['text']})" if params.get("text") else None
    if message is None:
        return None
    lines = ["", ("✎ " if bot_method.startswith("edit") else "") + plain(message.text)]
    if saved is not None:
        lines.append(f"  {'📎' if message.document is not None else '🖼'} {saved}")
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
    folder = files_folder(settings.database)
    api.listeners.append(lambda method, params, message: _show(folder, method, params, message))
    application = build_application(settings, request=api)
    async with running(application):
        user = ChatSimulator(application, api, first_name=os.environ.get("USER", "").title(),
                             language_code=_console_language())
        print(f"Console chat with the advisor (database: {shown_database(settings.database)}; photos and documents "
              f"go to {folder}). Type a number to tap a button, text to send it, /quit to leave.")
        await user.send("/start")
        while True:
            try:
                line = (await asyncio.to_thread(input, "> ")).strip()
            except EOFError:  # Ctrl-D, or the end of piped input: leave on a line of its own
                print()
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


def _show(folder: Path, bot_method: str, params: dict, message: ChatMessage | None) -> None:
    try:
        saved = save_file(folder, bot_method, message)
    except OSError as error:  # the chat goes on without the file
        saved = None
        _print(f"  (could not write the file to {folder}: {error.strerror})")
    _print(render(bot_method, params, message, saved))


def _print(text: str | None) -> None:
    if text is not None:
        print(text, flush=True)
