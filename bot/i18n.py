"""Translations: one compiled gettext catalog per language, chosen per update."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel.support import NullTranslations, Translations

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
LANGUAGES = ("en", "nl")  # English is the source language: its msgids are the English texts
DEFAULT_LANGUAGE = "en"
LANGUAGE_NAMES = {"en": "English", "nl": "Nederlands"}  # each in its own language: not translated


@cache
def translations(language: str) -> NullTranslations:
    """The catalog for ``language``; English (the msgids) for anything else."""
    if language == DEFAULT_LANGUAGE or language not in LANGUAGES:
        return NullTranslations()
    catalog = Translations.load(LOCALES_DIR, [language], domain="messages")
    if not isinstance(catalog, Translations):
        raise RuntimeError(f"no compiled catalog for {language!r}: run `make catalogs`")
    return catalog


def language_for(stored: str | None, telegram_language_code: str | None) -> str:
    """The user's stored choice, else Telegram's app language (nl -> Dutch), else English."""
    if stored in LANGUAGES:
        return stored
    if telegram_language_code and telegram_language_code.lower().split("-")[0] == "nl":
        return "nl"
    return DEFAULT_LANGUAGE
