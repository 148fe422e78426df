"""A Bot API inside the process, and a chat that taps its buttons.

``LocalBotApi`` stands in for python-telegram-bot's HTTP client: it answers each Bot API method
the advisor calls, keeps the chat's messages (with their edits and keyboards) and records every
call. ``ChatSimulator`` plays the user: it sends text and taps buttons as Telegram would deliver
them. The console chat, the integration tests and the benchmark all drive the real Application
and handlers through these two.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from telegram import Update
from telegram.error import TimedOut
from telegram.ext import Application
from telegram.request import BaseRequest, RequestData

from bot.app import running  # noqa: F401 - where the console, tests and bench have always taken it
from bot.replies import plain

TIMEOUT = 0  # a Failure status: no answer at all, as when Telegram does not respond in time
BOT_USER = {"id": 100, "is_bot": True, "first_name": "Advisor", "username": "advisor_bot"}


@dataclass
class ChatMessage:
    """A message in the chat as the user sees it now (edits applied)."""

    chat_id: int
    message_id: int
    text: str
    keyboard: list[list[dict]] = field(default_factory=list)
    photo: bytes | None = None
    document: bytes | None = None
    document_name: str | None = None

    @property
    def buttons(self) -> list[dict]:
        return [button for row in self.keyboard for button in row]

    @property
    def labels(self) -> list[list[str]]:
        return [[button["text"] for button in row] for row in self.keyboard]

    def as_telegram(self) -> dict:
        message: dict[str, Any] = {
            "message_id": self.message_id,
            "date": int(time.time()),
            "chat": {"id": self.chat_id, "type": "private"},
            "from": BOT_USER,
            "text": plain(self.text),  # as Telegram gives it back: parsed, without our HTML
        }
        if self.keyboard:
            message["reply_markup"] = {"inline_keyboard": self.keyboard}
        if self.photo is not None:
            del message["text"]
            message["caption"] = self.text
            message["photo"] = [{"file_id": f"photo-{self.message_id}", "file_unique_id": f"p{self.message_id}",
                                 "width": 1080, "height": 1350}]
        if self.document is not None:
            message.pop("text", None)
            message["caption"] = self.text
            message["document"] = {"file_id": f"document-{self.message_id}", "file_unique_id": f"d{self.message_id}",
                                   "file_name": self.document_name, "file_size": len(self.document)}
        return message


@dataclass
class Failure:
    status: int
    description: str
    retry_after: int | None = None


class LocalBotApi(BaseRequest):
    """Answers the Bot API methods the advisor uses, in memory: instantly, or after ``rtt``
    seconds (the round trip to Telegram, for the latency benchmark)."""

    def __init__(self, record_calls: bool = True, rtt: float = 0.0, inline_mode: bool = False) -> None:
        # The benchmark turns the recording off: the double's memory is not the advisor's.
        self.record_calls = record_calls
        self.inline_mode = inline_mode  # as switched on with @BotFather's /setinline
        self.rtt = rtt  # 0: no sleep at all, so the per-tap CPU comparison is unchanged
        self.calls: list[tuple[str, dict]] = []
        self.messages: dict[tuple[int, int], ChatMessage] = {}
        self._chats: dict[int, list[ChatMessage]] = defaultdict(list)  # in the order they were sent
        self.toasts: list[str | None] = []
        self.inline_answers: list[list[dict]] = []  # the results of each answerInlineQuery
        self.listeners: list[Callable[[str, dict, ChatMessage | None], None]] = []
        self._failures: dict[str, deque[Failure]] = defaultdict(deque)
        self.files: dict[str, bytes] = {}  # file_id -> the bytes uploaded with it
        self.file_names: dict[str, str] = {}  # file_id -> the name a document was uploaded with
        self._message_ids = itertools.count(1000)

    # -- BaseRequest ---------------------------------------------------------------------------

    @property
    def read_timeout(self) -> float | None:
        return None

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None, *args, **kwargs):
        bot_method = url.rsplit("/", 1)[-1]
        params = request_data.parameters if request_data else {}
        if request_data is not None and request_data.contains_files:
            # Uploaded files travel as multipart parts (file name, bytes, MIME type): keep their bytes
            # where the test can look, and their names beside them.
            parts = request_data.multipart_data
            params = {**params, **{name: part[1] for name, part in parts.items()}}
            params["_file_names"] = {name: part[0] for name, part in parts.items()}
        if self.record_calls:
            self.calls.append((bot_method, params))
        # A failure is claimed when the request arrives, so that under a round trip it still
        # hits the request it was meant for, not whichever one of its method answers first.
        failures = self._failures.get(bot_method)
        failure = failures.popleft() if failures else None
        if self.rtt:
            await asyncio.sleep(self.rtt)
        if failure is not None:
            if failure.status == TIMEOUT:
                raise TimedOut("the request timed out")
            body: dict[str, Any] = {"ok": False, "error_code": failure.status, "description": failure.description}
            if failure.retry_after is not None:
                body["parameters"] = {"retry_after": failure.retry_after}
            return failure.status, json.dumps(body).encode()
        result, message = self.answer(bot_method, params)
        for listener in self.listeners:
            listener(bot_method, params, message)
        return 200, json.dumps({"ok": True, "result": result}).encode()

    # -- the Bot API ---------------------------------------------------------------------------

    def fail(self, bot_method: str, status: int, description: str, retry_after: int | None = None) -> None:
        """Make the next call of ``bot_method`` fail as Telegram would."""
        self._failures[bot_method].append(Failure(status, description, retry_after))

    def answer(self, bot_method: str, params: dict) -> tuple[Any, ChatMessage | None]:
        """The result Telegram would give, and the message it concerns (if any)."""
        if bot_method == "getMe":
            return BOT_USER | {"supports_inline_queries": self.inline_mode}, None
        if bot_method == "answerInlineQuery":
            results = params.get("results")
            self.inline_answers.append(json.loads(results) if isinstance(results, str) else results)
            return True, None
        if bot_method in ("sendMessage", "sendPhoto", "sendDocument"):
            document = self._upload(params.get("document"))
            message = ChatMessage(
                chat_id=int(params["chat_id"]),
                message_id=next(self._message_ids),
                text=params.get("text") or params.get("caption") or "",
                keyboard=_keyboard(params),
                photo=self._upload(params.get("photo")),
                document=document,
                document_name=self._document_name(params) if document is not None else None,
            )
            self.messages[(message.chat_id, message.message_id)] = message
            self._chats[message.chat_id].append(message)
            if message.photo is not None:
                self.files.setdefault(f"photo-{message.message_id}", message.photo)
            if message.document is not None:
                self.files.setdefault(f"document-{message.message_id}", message.document)
                self.file_names.setdefault(f"document-{message.message_id}", message.document_name)
            return message.as_telegram(), message
        if bot_method in ("editMessageText", "editMessageReplyMarkup", "editMessageCaption"):
            message = self.messages[(int(params["chat_id"]), int(params["message_id"]))]
            if "text" in params:
                message.text = params["text"]
            message.keyboard = _keyboard(params)
            return message.as_telegram(), message
        if bot_method == "answerCallbackQuery":
            if self.record_calls:
                self.toasts.append(params.get("text"))
            return True, None
        if bot_method == "getUpdates":
            return [], None
        # setMyCommands, setMyDescription, deleteWebhook, sendChatAction, ...: accepted.
        return True, None

    def _upload(self, upload: bytes | str | None) -> bytes | None:
        """An upload's bytes, or those of the upload a file_id names."""
        if isinstance(upload, str):
            return self.files.get(upload)
        return upload

    def _document_name(self, params: dict) -> str:
        """The name a document was uploaded with, or that of the upload its file_id names."""
        if isinstance(params["document"], str):
            return self.file_names.get(params["document"], "document")
        return params.get("_file_names", {}).get("document") or "document"

    # -- reading the chat ------------------------------------------------------------------------

    def chat(self, chat_id: int) -> list[ChatMessage]:
        """The chat's messages, oldest first."""
        return self._chats[chat_id]

    def calls_of(self, bot_method: str) -> list[dict]:
        return [params for name, params in self.calls if name == bot_method]


def _keyboard(params: dict) -> list[list[dict]]:
    markup = params.get("reply_markup")
    if isinstance(markup, str):
        markup = json.loads(markup)
    return (markup or {}).get("inline_keyboard", [])


class ChatSimulator:
    """One Telegram user in a chat with the bot, sending and tapping like the app does."""

    def __init__(
        self,
        application: Application,
        api: LocalBotApi,
        user_id: int = 1,
        first_name: str = "Ada",
        language_code: str | None = "en",
        chat_type: str = "private",
        chat_id: int | None = None,
    ) -> None:
        self.application = application
        self.api = api
        self.user = {"id": user_id, "is_bot": False, "first_name": first_name}
        if language_code:
            self.user["language_code"] = language_code
        self.chat = {"id": chat_id if chat_id is not None else user_id, "type": chat_type}
        if chat_type == "private":
            self.chat["first_name"] = first_name
        else:
            self.chat["title"] = "Marketing team"
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)

    # -- what the user sees --------------------------------------------------------------------

    @property
    def messages(self) -> list[ChatMessage]:
        return self.api.chat(self.chat["id"])

    @property
    def last(self) -> ChatMessage:
        """The bot's latest message."""
        return self.messages[-1]

    @property
    def screen(self) -> ChatMessage:
        """The latest message with buttons: the one the user would tap."""
        return next(m for m in reversed(self.messages) if m.keyboard)

    # -- what the user does --------------------------------------------------------------------

    async def send(self, text: str) -> None:
        await self.send_nowait(text)

    def send_nowait(self, text: str) -> Awaitable[None]:
        """``send``, as part of a batch: see ``tap_data_nowait``."""
        message: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            command = text.split()[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return self._deliver({"message": self._user_message(message)})

    async def inline_query(self, text: str = "") -> None:
        """Type ``@bot text`` in any chat (the chat picker of a Share button does the same)."""
        query = {"id": str(next(self._update_ids) + 20_000), "from": self.user, "query": text, "offset": ""}
        await self._deliver({"inline_query": query})

    async def block(self, blocked: bool = True) -> None:
        """Block (or unblock) the bot: Telegram tells it with a my_chat_member update."""
        member = {"user": BOT_USER, "status": "kicked" if blocked else "member"}
        if blocked:
            member["until_date"] = 0
        old = {"user": BOT_USER, "status": "member" if blocked else "kicked"}
        if not blocked:
            old["until_date"] = 0
        change = {"chat": self.chat, "from": self.user, "date": int(time.time()),
                  "old_chat_member": old, "new_chat_member": member}
        await self._deliver({"my_chat_member": change})

    async def send_sticker(self) -> None:
        sticker = {
            "file_id": "sticker", "file_unique_id": "sticker", "width": 512, "height": 512,
            "is_animated": False, "is_video": False, "type": "regular",
        }
        await self._deliver({"message": self._user_message({"sticker": sticker})})

    async def tap(self, label: str | int, message: ChatMessage | None = None) -> None:
        """Tap a button of ``message`` (default: the latest one with buttons) by its label,
        or by its 1-based position as the console numbers them."""
        message = message or self.screen
        buttons = message.buttons
        if isinstance(label, int):
            button = buttons[label - 1]
        else:
            matches = [b for b in buttons if b["text"] == label]
            if not matches:
                raise LookupError(f"no button {label!r} in {message.labels}")
            button = matches[0]
        await self.tap_data(button["callback_data"], message)

    async def tap_data(self, data: str, message: ChatMessage | None = None) -> None:
        """Deliver a callback query with ``data`` (which may be stale or forged)."""
        await self.tap_data_nowait(data, message)

    def tap_data_nowait(self, data: str, message: ChatMessage | None = None) -> Awaitable[None]:
        """The tap as Telegram would queue it, delivered when awaited. Taps (and ``send_nowait``)
        gathered with ``asyncio.gather`` arrive as one batch of getUpdates does: handled
        concurrently, in the order they are listed. ``message`` defaults to the screen now."""
        message = message or self.screen
        query = {
            "id": str(next(self._update_ids) + 10_000),
            "from": self.user,
            "chat_instance": f"chat-{self.chat['id']}",
            "data": data,
            "message": {**message.as_telegram(), "chat": self.chat},  # in this user's chat (private or a group)
        }
        return self._deliver({"callback_query": query})

    def _user_message(self, content: dict) -> dict:
        return {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": self.chat,
            "from": self.user,
            **content,
        }

    def _deliver(self, payload: dict) -> Awaitable[None]:
        """The update built now; handled, when awaited, the way python-telegram-bot's poller
        hands it over: through the Application's update processor."""
        update = Update.de_json({"update_id": next(self._update_ids), **payload}, self.application.bot)
        return self.application.update_processor.process_update(update, self.application.process_update(update))
