"""Settings from the environment."""

from pathlib import Path

import pytest

from bot.config import DEFAULT_BASE_URL, Settings


def test_defaults_open_the_console_on_the_embedded_database():
    settings = Settings.from_env({})
    assert settings.console
    assert settings.base_url == DEFAULT_BASE_URL
    assert settings.database == Path("advisor.sqlite3")
    assert settings.timezone == "Europe/Amsterdam"


def test_a_token_and_a_test_bot_api():
    settings = Settings.from_env(
        {"TELEGRAM_BOT_TOKEN": "1:abc", "TELEGRAM_BASE_URL": "http://127.0.0.1:8081/bot", "ADVISOR_DB": "/tmp/x.db"}
    )
    assert not settings.console
    assert settings.base_url == "http://127.0.0.1:8081/bot"
    assert settings.database == Path("/tmp/x.db")


def test_an_unknown_time_zone_is_refused_at_start_up():
    with pytest.raises(ValueError, match="ADVISOR_TIMEZONE"):
        Settings.from_env({"ADVISOR_TIMEZONE": "Mars/Olympus"})
