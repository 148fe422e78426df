"""The per-update context: who is tapping, in which language, with the advisor's storage.

python-telegram-bot builds one context per update (``ContextTypes``, as its
``contexttypesbot.py`` example shows); this one carries typed shared data instead of string
keys: ``bot_data`` is the ``Advisor`` (settings, storage, clock), ``chat_data`` a ``ChatData``.
The user is loaded at most once per update, and only when a handler asks: a tap's single
statement returns the language itself, so the fast path never loads the user.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, ClassVar

from babel.support import NullTranslations
from telegram import Update, User
from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot

from bot.config import Settings
from bot.i18n import language_for, translations
from bot.storage import Storage, UserRecord

if TYPE_CHECKING:
    from bot.postgres_storage import PostgresStorage


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Advisor:
    """What the whole advisor shares (python-telegram-bot's ``bot_data``): built empty by
    python-telegram-bot, filled in by ``bot.app``."""

    settings: Settings | None = None
    storage: Storage | PostgresStorage | None = None  # as ADVISOR_DB says: the same methods
    clock: Callable[[], datetime] = _now  # UTC; the tests pass a fixed one to build_application
    card_file_ids: dict[tuple[str, str], str] = field(default_factory=dict)  # Telegram's ids of sent cards
    weekly_tips_paused_until: datetime | None = None  # flood control on the weekly tip
    shared: bool = False  # several workers: a chat's state lives in the database, not in memory


@dataclass
class ChatData:
    """What the advisor keeps per chat between updates: in memory with one process (safe to
    lose on a restart), in the database when several workers share it (``Advisor.shared``)."""

    question_shown: int | None = None  # the session whose question this update put on screen
    question_on_screen: int | None = None  # ... and the one the previous update left there
    group_answered_at: float | None = None  # Unix time of the last pointer to the private chat
    text_wanted_shown: tuple[str, bool] | None = None  # a strategy part this update asked text for (append?)
    text_wanted: tuple[str, bool] | None = None  # ... and the one the previous update asked for
    pending_team_name: str | None = None  # a new team's name, until its check is chosen
    pending_group_chat_id: int | None = None  # the group a new team is set up from
    menu_sent: bool = False  # this update sent the menu in a new message (Menu under a result)
    menu_just_sent: bool = False  # ... and the previous update did: a second tap sends no second menu

    KEPT: ClassVar[tuple[str, ...]] = (
        "question_on_screen", "group_answered_at", "text_wanted", "pending_team_name", "pending_group_chat_id",
        "menu_just_sent",
    )

    def kept(self) -> dict:
        """What the next update needs (stored between updates when workers share the chat)."""
        return {name: getattr(self, name) for name in self.KEPT}

    def restore(self, state: dict) -> None:
        for name in self.KEPT:
            value = state.get(name)
            setattr(self, name, tuple(value) if isinstance(value, list) else value)

    def turn(self) -> None:
        """After an update: what it put on screen is what the next update sees; anything else
        clears it (a number answers only the question on screen; text fills only the part asked)."""
        self.question_on_screen, self.question_shown = self.question_shown, None
        self.text_wanted, self.text_wanted_shown = self.text_wanted_shown, None
        self.menu_just_sent, self.menu_sent = self.menu_sent, False


@dataclass
class Visit:
    """The user with their open sessions, loaded once per update."""

    user_id: int
    first_name: str | None
    language: str
    tr: NullTranslations
    record: UserRecord


class AdvisorContext(CallbackContext[ExtBot, dict, ChatData, Advisor]):
    def __init__(self, application: Application, chat_id: int | None = None, user_id: int | None = None) -> None:
        super().__init__(application=application, chat_id=chat_id, user_id=user_id)
        self.user: User | None = None
        self.language: str | None = None
        self.chat_state_loaded: dict | None = None  # the chat's state as loaded (workers sharing it)
        self._visit: Visit | None = None

    @classmethod
    def from_update(cls, update: object, application: Application) -> AdvisorContext:
        context = super().from_update(update, application)
        if isinstance(update, Update):
            context.user = update.effective_user
        return context

    @property
    def advisor(self) -> Advisor:
        return self.bot_data

    @property
    def storage(self) -> Storage | PostgresStorage:
        return self.bot_data.storage

    @property
    def tr(self) -> NullTranslations:
        """The user's translations; the language must be known (``use_language`` or ``visit``)."""
        return translations(self.language)

    def use_language(self, stored: str | None) -> str:
        """The user's language from their stored choice, else their Telegram app's."""
        self.language = language_for(stored, self.user.language_code if self.user else None)
        return self.language

    async def visit(self) -> Visit:
        """Load the user (registering them on first contact) with their open sessions; once per update."""
        if self._visit is None:
            record = await self.storage.load_user(self.user.id)
            if record is None:
                await self.storage.add_user(self.user.id)
                record = UserRecord(self.user.id, None)
            self.use_language(record.language)
            self._visit = Visit(self.user.id, self.user.first_name, self.language, self.tr, record)
        return self._visit

    def forget_visit(self) -> None:
        """The user's sessions changed since they were loaded: load them again when asked."""
        self._visit = None

    async def stored_language(self) -> str:
        """The user's language without registering them (a group member may never have started the bot)."""
        if self.language is None:
            record = await self.storage.load_user(self.user.id) if self.user else None
            self.use_language(record.language if record else None)
        return self.language


CONTEXT_TYPES = ContextTypes(context=AdvisorContext, bot_data=Advisor, chat_data=ChatData)
