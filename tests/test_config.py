"""Settings from the environment."""

from pathlib import Path

import pytest

from bot.config import DEFAULT_BASE_URL, Settings


def test_defaults_open_the_console_on_the_embedded_database():
    settings = Settings.from_env({})
    assert settings.console
    assert settings.base_url == DEFAULT_BASE_URL
    assert settings.database == "advisor.sqlite3"
    assert settings.timezone == "Europe/Amsterdam"


def test_a_token_and_a_test_bot_api():
    settings = Settings.from_env(
        {"TELEGRAM_BOT_TOKEN": "1:abc", "TELEGRAM_BASE_URL": "http://127.0.0.1:8081/bot", "ADVISOR_DB": "/tmp/x.db"}
    )
    assert not settings.console
    assert settings.base_url == "http://127.0.0.1:8081/bot"
    assert settings.database == "/tmp/x.db"


def test_the_database_is_a_path_or_a_postgresql_url():
    url = "postgresql://advisor:secret@db.internal:5432/advisor"
    assert Settings.from_env({"ADVISOR_DB": url}).database == url
    # a Path (as the tests pass one) is kept as its text
    assert Settings(token=None, base_url=DEFAULT_BASE_URL, database=Path("/tmp/y.db")).database == "/tmp/y.db"


def test_an_unknown_time_zone_is_refused_at_start_up():
    with pytest.raises(ValueError, match="ADVISOR_TIMEZONE"):
        Settings.from_env({"ADVISOR_TIMEZONE": "Mars/Olympus"})
