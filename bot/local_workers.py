"""``make workers N=…``: try production mode on this machine — a local PostgreSQL (from the
``pgserver`` wheel, its data kept in ``.advisor-postgres/`` between runs) and N webhook workers
on one port, exactly as ``python -m bot`` runs them in production.

Telegram delivers webhooks to a public https address only, so this needs the bot's token and
such an address forwarding to the port (a tunnel, e.g. ``cloudflared tunnel --url
http://localhost:8080``). A secret is made up when none is set.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import warnings
from pathlib import Path

from bot.config import read_dotenv

DATA = Path(".advisor-postgres")


def main() -> int:
    given = {**read_dotenv(Path(".env")), **os.environ}  # a .env file counts, as it does for make run
    workers = given.get("N") or given.get("ADVISOR_WORKERS") or "2"
    missing = [name for name in ("TELEGRAM_BOT_TOKEN", "ADVISOR_WEBHOOK_URL") if not given.get(name)]
    if missing:
        print(
            f"make workers needs {' and '.join(missing)}: the bot's token from @BotFather, and a public https\n"
            "address that forwards to this machine's port 8080 (for instance: cloudflared tunnel --url\n"
            "http://localhost:8080). Then: TELEGRAM_BOT_TOKEN=… ADVISOR_WEBHOOK_URL=https://… make workers N=2",
            file=sys.stderr,
        )
        return 2
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # platformdirs warns where XDG_RUNTIME_DIR is unset
        import pgserver

        server = pgserver.get_server(DATA.resolve(), cleanup_mode="stop")
    env = {
        **given,
        "ADVISOR_DB": server.get_uri(),
        "ADVISOR_WORKERS": workers,
        "ADVISOR_WEBHOOK_SECRET": given.get("ADVISOR_WEBHOOK_SECRET") or secrets.token_urlsafe(24),
    }
    listen = env.get("ADVISOR_WEBHOOK_LISTEN", "0.0.0.0:8080")
    print(f"PostgreSQL in {DATA}/, {workers} workers on {listen}", flush=True)
    workers_process = subprocess.Popen([sys.executable, "-m", "bot"], env=env)
    try:
        return workers_process.wait()
    except KeyboardInterrupt:  # Ctrl-C reaches the workers too: they finish what they have in hand
        return workers_process.wait()
    finally:
        server.cleanup()  # stops the server; the data stays for the next run


if __name__ == "__main__":
    raise SystemExit(main())
