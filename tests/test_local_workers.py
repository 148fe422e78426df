"""``make workers``: a local PostgreSQL and N webhook workers, for trying production mode."""

import os
import signal
import subprocess
import sys
import time

from tests.support.fake_bot_api import FakeBotApi
from tests.support.workers import free_port, wait_until_up

TOKEN = "777:local-workers"


def run_local_workers(env: dict, cwd) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "bot.local_workers"], cwd=cwd, env={**os.environ, **env}, start_new_session=True,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )


def test_without_a_token_and_address_it_says_what_to_set(tmp_path):
    env = {"TELEGRAM_BOT_TOKEN": "", "ADVISOR_WEBHOOK_URL": ""}
    process = run_local_workers(env, tmp_path)
    output, _ = process.communicate(timeout=30)
    assert process.returncode == 2
    assert output.startswith("make workers needs TELEGRAM_BOT_TOKEN and ADVISOR_WEBHOOK_URL: the bot's token")
    assert not (tmp_path / ".advisor-postgres").exists()  # nothing started


def test_two_workers_on_a_local_postgresql_then_ctrl_c(tmp_path):
    port = free_port()
    with FakeBotApi(TOKEN) as bot_api:
        env = {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_BASE_URL": bot_api.base_url, "N": "2",
               "ADVISOR_WEBHOOK_URL": "https://advisor.example", "ADVISOR_WEBHOOK_LISTEN": f"127.0.0.1:{port}"}
        process = run_local_workers(env, tmp_path)
        try:
            # each worker registers the webhook when it is up, with a secret made up for the run
            hooks = bot_api.wait_for(lambda chat: len(calls := chat.calls_of("setWebhook")) >= 2 and calls, 60)
            assert {hook["url"] for hook in hooks} == {"https://advisor.example/telegram"}
            assert len({hook["secret_token"] for hook in hooks}) == 1 and len(hooks[0]["secret_token"]) >= 24
            wait_until_up(port, process)  # /healthz: 200, the database answers
        finally:
            os.killpg(process.pid, signal.SIGINT)  # Ctrl-C in the terminal reaches the whole group
            output, _ = process.communicate(timeout=60)
    assert process.returncode == 0, output
    assert output.startswith("PostgreSQL in .advisor-postgres/, 2 workers on 127.0.0.1:")
    assert (tmp_path / ".advisor-postgres" / "PG_VERSION").exists()  # kept for the next run
    deadline = time.monotonic() + 10
    while (tmp_path / ".advisor-postgres" / "postmaster.pid").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not (tmp_path / ".advisor-postgres" / "postmaster.pid").exists()  # the server stopped
