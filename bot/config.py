"""Settings read once from the environment (a ``.env`` file in the working directory counts)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_BASE_URL = "https://api.telegram.org/bot"


def read_dotenv(path: Path) -> dict[str, str]:
    """``KEY=value`` lines; comments and blank lines ignored. The real environment wins."""
    if not path.is_file():
        return {}
    values = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            values[key.strip()] = value.strip().strip("'\"")
    return values


def _whole_number(name: str, value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise ValueError(f"{name}: a whole number, 1 or more (not {value!r})") from None


@dataclass(frozen=True)
class Settings:
    token: str | None
    base_url: str
    # ADVISOR_DB: a SQLite file's path, or a postgresql:// URL. A Path is taken too (and kept as
    # its text), so that Settings(database=tmp_path / "x.sqlite3") works as before.
    database: str
    timezone: str = "Europe/Amsterdam"  # when "Monday 9:00" is, for the weekly tip
    webhook_url: str | None = None  # public https address: webhook mode instead of polling
    webhook_secret: str | None = None  # Telegram sends it with every update; others are refused
    listen: str = "0.0.0.0:8080"  # where the webhook's web server listens (behind a reverse proxy)
    workers: int = 1  # webhook worker processes; more than one needs PostgreSQL

    @property
    def console(self) -> bool:
        """With no token the advisor runs as a chat in the terminal."""
        return not self.token

    def __post_init__(self) -> None:
        if isinstance(self.database, Path):
            object.__setattr__(self, "database", str(self.database))
        # Fail at start-up, not at the first weekly tip, on a time zone that does not exist.
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValueError(f"ADVISOR_TIMEZONE: no time zone {self.timezone!r}") from error
        if self.webhook_url is not None:
            if not self.webhook_url.startswith("https://"):
                raise ValueError("ADVISOR_WEBHOOK_URL: Telegram delivers webhooks to https addresses only")
            if not self.webhook_secret or not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", self.webhook_secret):
                raise ValueError("ADVISOR_WEBHOOK_SECRET: 1-256 characters of A-Z, a-z, 0-9, _ and - are required")
        host, _, port = self.listen.rpartition(":")
        if not host or not port.isdigit() or not 0 < int(port) < 65536:
            raise ValueError(f"ADVISOR_WEBHOOK_LISTEN: host:port, such as 0.0.0.0:8080 (not {self.listen!r})")
        if self.workers < 1:
            raise ValueError("ADVISOR_WORKERS: a whole number, 1 or more")
        if self.workers > 1 and not self.shared_database:
            raise ValueError("ADVISOR_WORKERS: several workers share one PostgreSQL database (ADVISOR_DB=postgresql://…)")
        if self.workers > 1 and self.webhook_url is None:
            raise ValueError("ADVISOR_WORKERS: several workers serve a webhook (ADVISOR_WEBHOOK_URL); polling is one")

    @property
    def shared_database(self) -> bool:
        """A database server several processes can share (PostgreSQL), not an SQLite file."""
        return str(self.database).startswith(("postgresql://", "postgres://"))

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        env = {**read_dotenv(Path(".env")), **(os.environ if environ is None else environ)}
        return cls(
            token=env.get("TELEGRAM_BOT_TOKEN") or None,
            # The Bot API address up to the token, as python-telegram-bot's base_url takes it.
            base_url=env.get("TELEGRAM_BASE_URL") or DEFAULT_BASE_URL,
            database=env.get("ADVISOR_DB") or "advisor.sqlite3",
            timezone=env.get("ADVISOR_TIMEZONE") or "Europe/Amsterdam",
            webhook_url=(env.get("ADVISOR_WEBHOOK_URL") or "").rstrip("/") or None,
            webhook_secret=env.get("ADVISOR_WEBHOOK_SECRET") or None,
            listen=env.get("ADVISOR_WEBHOOK_LISTEN") or "0.0.0.0:8080",
            workers=_whole_number("ADVISOR_WORKERS", env.get("ADVISOR_WORKERS") or "1"),
        )
