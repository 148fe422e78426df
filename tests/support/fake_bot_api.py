"""A Bot API over real HTTP for end-to-end tests: the bot polls it as it would poll Telegram.

It serves getUpdates from a queue the test fills, and answers every other method with
``LocalBotApi``'s in-memory chat, so the test reads the same messages and keyboards.
"""

from __future__ import annotations

import json
import threading
import time
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl

from bot.simulator import LocalBotApi


def _decode(value: str):
    """Form values arrive JSON-encoded when they are objects or lists."""
    if value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _parameters(content_type: str, body: bytes) -> dict:
    if content_type.startswith("application/json"):
        return json.loads(body or b"{}")
    if content_type.startswith("multipart/form-data"):
        message = BytesParser(policy=HTTP).parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode() + body)
        fields = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True)
            fields[name] = payload if part.get_filename() else _decode(payload.decode())
        return fields
    return {key: _decode(value) for key, value in parse_qsl(body.decode())}


class _Server(ThreadingHTTPServer):
    # Room for many connections at once (the default backlog of 5 drops the rest, which then
    # wait a second for TCP to try again), as workers under load open them.
    request_queue_size = 256
    daemon_threads = True


class FakeBotApi:
    """``rtt``: seconds every method but getUpdates waits before it answers, as Telegram's round
    trip would (the bench's webhook path; the tests answer at once)."""

    def __init__(self, token: str, rtt: float = 0.0) -> None:
        self.token = token
        self.rtt = rtt
        self.chat = LocalBotApi()
        self.updates: list[dict] = []
        self._next_update_id = 1
        self._lock = threading.Condition()
        self.server = _Server(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}/bot"

    def __enter__(self) -> FakeBotApi:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    # -- the test's side ---------------------------------------------------------------------

    def push(self, payload: dict) -> None:
        with self._lock:
            self.updates.append({"update_id": self._next_update_id, **payload})
            self._next_update_id += 1
            self._lock.notify_all()

    def wait_for(self, predicate, timeout: float = 20.0):
        """Wait until ``predicate(self.chat)`` is truthy; returns its value."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                value = predicate(self.chat)
                if value:
                    return value
                self._lock.wait(0.05)
        raise TimeoutError("the bot did not do what was expected in time")

    # -- the bot's side ----------------------------------------------------------------------

    def _get_updates(self, params: dict) -> list[dict]:
        offset = int(params.get("offset", 0) or 0)
        # Hold the poll briefly (like Telegram's long polling), but not so long that stopping waits.
        deadline = time.monotonic() + min(float(params.get("timeout", 0) or 0), 1.0)
        with self._lock:
            while True:
                pending = [u for u in self.updates if u["update_id"] >= offset]
                remaining = deadline - time.monotonic()
                if pending or remaining <= 0:
                    return pending
                self._lock.wait(remaining)

    def _handler(self):
        api = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as Telegram's servers: no connection per call

            def do_POST(self) -> None:
                prefix, _, method = self.path.rpartition("/")
                if prefix != f"/bot{api.token}":
                    self._reply(404, {"ok": False, "error_code": 404, "description": "Not Found"})
                    return
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                params = _parameters(self.headers.get("Content-Type", ""), body)
                if method == "getUpdates":
                    self._reply(200, {"ok": True, "result": api._get_updates(params)})
                    return
                if api.rtt:
                    time.sleep(api.rtt)  # this request's own thread: other requests go on meanwhile
                with api._lock:
                    api.chat.calls.append((method, params))
                    result, _message = api.chat.answer(method, params)
                    api._lock.notify_all()
                self._reply(200, {"ok": True, "result": result})

            def _reply(self, status: int, body: dict) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args) -> None:
                pass

        return Handler
