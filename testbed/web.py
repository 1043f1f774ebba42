"""What the web tests drive: the widget's static server, a socket.io user as the widget is one, the tracker file."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

import requests
import socketio

from testbed.servers import ROOT, Assistant


class Site(Protocol):
    """What the widget's server is started for: an Assistant, or a cluster's front end."""

    web_port: int
    web_url: str
    rasa_url: str
    endpoints: Path
    workdir: Path


class WebServer:
    """web/serve.py, serving the demo page and /forget for the session's assistant (or another Site)."""

    def __init__(self, assistant: Site) -> None:
        self.url = assistant.web_url
        self.log = assistant.workdir / "web.log"
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "web.serve",
                    "--port",
                    str(assistant.web_port),
                    "--socket-url",
                    assistant.rasa_url,
                    "--endpoints",
                    str(assistant.endpoints),
                ],
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                if requests.get(self.url, timeout=2).ok:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"web/serve.py did not start:\n{self.log.read_text(errors='replace')[-2000:]}")

    def stop(self) -> None:
        """Stop the server."""
        self.process.terminate()
        self.process.wait(timeout=10)


def run_widget_spec(page_url: str, screenshot: Path) -> dict[str, Any]:
    """Drive the demo page in chromium with web/tests/widget.spec.mjs, saving `screenshot` of the widget mid-talk;
    what the run measured (its last line of JSON), or {"ok": False, "error": ...} when it printed none."""
    screenshot.parent.mkdir(parents=True, exist_ok=True)
    run = subprocess.run(
        ["node", "tests/widget.spec.mjs", page_url, str(screenshot)],
        cwd=ROOT / "web",
        capture_output=True,
        text=True,
        timeout=300,
    )
    lines = run.stdout.strip().splitlines()
    return json.loads(lines[-1]) if lines else {"ok": False, "error": run.stderr[-3000:]}


class SocketUser:
    """A socket.io user as rasa-webchat is one: session_request, then user_uttered with the confirmed session id."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.client = socketio.AsyncClient(reconnection=False)
        self.replies: asyncio.Queue[Any] = asyncio.Queue()
        self.confirmed: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self.session_id = ""
        self.client.on("session_confirm", self._confirm)
        self.client.on("bot_uttered", self.replies.put)

    async def _confirm(self, session_id: Any) -> None:
        if not self.confirmed.done():
            self.confirmed.set_result(session_id)

    async def __aenter__(self) -> SocketUser:
        # Long-polling only: python-engineio 4.15's asyncio websocket needs aiohttp>=3.10, and Rasa 3.6 pins 3.9.
        # The browser test covers the websocket upgrade.
        await self.client.connect(self.url, socketio_path="/socket.io", transports=["polling"], wait_timeout=10)
        await self.client.emit("session_request", {"session_id": None})
        self.session_id = await asyncio.wait_for(self.confirmed, timeout=10)
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.client.disconnect()

    async def say(self, text: str) -> None:
        """Send one message as the widget does."""
        await self.client.emit("user_uttered", {"message": text, "session_id": self.session_id})

    async def reply(self, matches: Callable[[dict[str, Any]], bool] = lambda _: True, timeout: float = 10) -> Any:
        """The next bot message that `matches`, skipping others; asyncio.TimeoutError if none comes in time."""
        return await asyncio.wait_for(self._next(matches), timeout)

    async def _next(self, matches: Callable[[dict[str, Any]], bool]) -> Any:
        while not matches(message := await self.replies.get()):
            pass
        return message


def stored_events(assistant: Assistant, sender: str) -> list[tuple[str, str]]:
    """(type, JSON data) of every event the SQLite tracker store holds for one sender, oldest first."""
    with sqlite3.connect(assistant.tracker_db) as db:
        return db.execute("SELECT type_name, data FROM events WHERE sender_id = ? ORDER BY id", (sender,)).fetchall()
