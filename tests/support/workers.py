"""Webhook workers as separate processes (``python -m bot`` in webhook mode), for the end-to-end
tests and the bench: their environment, a free port, and waiting until they answer."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.error
import urllib.request

WEBHOOK_URL = "https://advisor.example"  # Telegram's side is played locally: never called


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def webhook_env(token: str, base_url: str, secret: str, database: str, port: int, workers: int = 1) -> dict:
    """The environment of ``python -m bot`` serving the webhook on ``port`` against a Bot API stand-in."""
    return {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": token,
        "TELEGRAM_BASE_URL": base_url,
        "ADVISOR_DB": database,
        "ADVISOR_WEBHOOK_URL": WEBHOOK_URL,
        "ADVISOR_WEBHOOK_SECRET": secret,
        "ADVISOR_WEBHOOK_LISTEN": f"127.0.0.1:{port}",
        "ADVISOR_WORKERS": str(workers),
    }


def wait_until_up(port: int, process: subprocess.Popen, seconds: float = 30) -> None:
    """Until ``GET /healthz`` answers 200 (the worker listens and its database answers)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the worker stopped with exit code {process.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    raise TimeoutError("the worker did not come up")
