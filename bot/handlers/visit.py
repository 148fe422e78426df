"""Per-update context: who is tapping, in which language, with which stored session."""

from __future__ import annotations

from dataclasses import dataclass

from babel.support import NullTranslations
from telegram import Update
from telegram.ext import ContextTypes

from bot.i18n import language_for, translations
from bot.storage import Storage, UserRecord

STORAGE = "storage"


def storage_of(context: ContextTypes.DEFAULT_TYPE) -> Storage:
    return context.bot_data[STORAGE]


@dataclass
class Visit:
    user_id: int
    first_name: str | None
    language: str
    tr: NullTranslations
    record: UserRecord
    storage: Storage


async def load_visit(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Visit:
    """Load the user (registering them on first contact) with their open sessions."""
    storage = storage_of(context)
    user = update.effective_user
    record = await storage.load_user(user.id)
    if record is None:
        await storage.add_user(user.id)
        record = UserRecord(user.id, None)
    language = language_for(record.language, user.language_code)
    return Visit(user.id, user.first_name, language, translations(language), record, storage)
