"""Running `python -m bot` as a subprocess against the stand-in, and talking to its webhook."""

from __future__ import annotations

import asyncio
import itertools
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import aiohttp

from testbed.servers import CHECKIN_TEST_DELAY_SECONDS, ROOT, Assistant, free_port
from testbed.telegram.standin import REPLY_METHODS, TOKEN, BotApiStandIn, Call

SECRET = "s3cret-for-the-test_webhook"


def bot_env(api_url: str, rasa_url: str, **overrides: str) -> dict[str, str]:
    """The environment of a bot process: this one's, minus any real bot settings, plus the test's."""
    own = ("TELEGRAM_", "RASA_", "LOG_LEVEL")
    env = {key: value for key, value in os.environ.items() if not key.startswith(own)}
    return {**env, "TELEGRAM_TOKEN": TOKEN, "TELEGRAM_API_URL": api_url, "RASA_URL": rasa_url, **overrides}


def diary_env(assistant: Assistant) -> dict[str, str]:
    """A bot's diary settings: the assistant's database, and check-ins timed as its action server times them."""
    return {
        "RASA_ENDPOINTS": str(assistant.endpoints),
        "CHECKIN_DELAY_SECONDS": CHECKIN_TEST_DELAY_SECONDS,
        "CHECKIN_QUIET_HOURS": "",
    }


def webhook_env(path: str = "/telegram/hook") -> dict[str, str]:
    """Settings for webhook mode on a free local port."""
    port = free_port()
    return {
        "TELEGRAM_WEBHOOK_URL": f"https://bot.example.org:8443{path}",
        "TELEGRAM_WEBHOOK_SECRET": SECRET,
        "TELEGRAM_WEBHOOK_LISTEN": "127.0.0.1",
        "TELEGRAM_WEBHOOK_PORT": str(port),
    }


class BotProcess:
    """`python -m bot` with its output in a log file."""

    def __init__(self, env: dict[str, str], log_path: Path) -> None:
        self.env = env
        self.log_path = log_path
        self.process: subprocess.Popen[bytes] | None = None
        self.started_at = 0.0

    def start(self) -> None:
        self.started_at = time.perf_counter()  # calls to the stand-in from before this belong to another bot
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bot"], cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
            )

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self, timeout: float = 15) -> int | None:
        """SIGTERM, then SIGKILL after timeout; return the exit code."""
        if self.process is None:
            return None
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    @property
    def webhook_url(self) -> str:
        """The local URL the bot's webhook server listens on."""
        return f"http://127.0.0.1:{self.env['TELEGRAM_WEBHOOK_PORT']}/telegram/hook"

    async def until(self, condition: Callable[[], bool], timeout: float, what: str) -> None:
        """Wait for condition while the process runs; fail with its log if it exits or time runs out."""
        deadline = time.monotonic() + timeout
        while not condition():
            if not self.running():
                raise AssertionError(f"the bot exited before {what}:\n{self.log()[-3000:]}")
            if time.monotonic() > deadline:
                raise AssertionError(f"no {what} within {timeout} s:\n{self.log()[-3000:]}")
            await asyncio.sleep(0.05)


async def wait_ready(bot: BotProcess, telegram: BotApiStandIn, timeout: float = 30) -> None:
    """Until the bot polls, or its webhook is set and its server accepts connections (calls since it started)."""

    def called(method: str) -> bool:
        return any(call.at >= bot.started_at for call in telegram.calls_to(method))

    if "TELEGRAM_WEBHOOK_URL" not in bot.env:
        await bot.until(lambda: called("getUpdates"), timeout, "getUpdates call")
        return
    await bot.until(lambda: called("setWebhook"), timeout, "setWebhook call")
    await bot.until(lambda: _accepts(int(bot.env["TELEGRAM_WEBHOOK_PORT"])), timeout, "webhook server")


def _accepts(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.2)
        return probe.connect_ex(("127.0.0.1", port)) == 0


async def post_update(url: str, update: dict[str, Any], secret: str | None = SECRET, update_id: int = 1) -> int:
    """POST an update to a webhook as Telegram does; return the HTTP status."""
    headers = {} if secret is None else {"X-Telegram-Bot-Api-Secret-Token": secret}
    timeout = aiohttp.ClientTimeout(total=10)
    async with (
        aiohttp.ClientSession(timeout=timeout) as session,
        session.post(url, json={"update_id": update_id, **update}, headers=headers) as response,
    ):
        return response.status


class ChatUser:
    """One user in one chat: delivers updates (by the stand-in's queue or the webhook) and collects replies."""

    def __init__(self, bot: BotProcess, telegram: BotApiStandIn, chat_id: int) -> None:
        self.bot = bot
        self.telegram = telegram
        self.chat_id = chat_id
        self._update_ids = itertools.count(1)

    def replies(self) -> list[Call]:
        """Every sendMessage and sendPhoto to this chat so far."""
        return [call for call in self.telegram.calls_to(*REPLY_METHODS) if call.params.get("chat_id") == self.chat_id]

    async def deliver(self, update: dict[str, Any]) -> None:
        """Hand an update to the bot as Telegram would."""
        if "TELEGRAM_WEBHOOK_URL" in self.bot.env:
            assert await post_update(self.bot.webhook_url, update, update_id=next(self._update_ids)) == 200
        else:
            self.telegram.push(update)

    async def send(self, update: dict[str, Any], replies: int | None = None, timeout: float = 15) -> list[Call]:
        """Deliver update, wait for `replies` new messages (or until 0.5 s pass quietly), return the new ones."""
        seen = len(self.replies())
        await self.deliver(update)
        await self.telegram.wait_for(
            REPLY_METHODS, seen + (replies or 1), timeout, lambda call: call.params.get("chat_id") == self.chat_id
        )
        if replies is None:
            while True:
                count = len(self.replies())
                await asyncio.sleep(0.5)
                if len(self.replies()) == count:
                    break
        return self.replies()[seen:]


def tracker_db(path: Path, senders: list[str]) -> Path:
    """A database with Rasa's events table and one event per sender."""
    with closing(sqlite3.connect(path)) as db, db:
        db.execute(
            "CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255) NOT NULL, type_name VARCHAR(255),"
            " timestamp FLOAT, intent_name VARCHAR(255), action_name VARCHAR(255), data TEXT)"
        )
        db.executemany(
            "INSERT INTO events (sender_id, type_name, data) VALUES (?, 'user', '{}')",
            [(sender,) for sender in senders],
        )
    return path


def endpoints_for(db: Path) -> Path:
    """An endpoints file beside db that names it as Rasa's SQLite tracker store."""
    endpoints = db.with_suffix(".endpoints.yml")
    endpoints.write_text(f"tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {db}\n")
    return endpoints


def senders(path: Path) -> list[str]:
    """The sender of every stored event, oldest first."""
    with closing(sqlite3.connect(path)) as db:
        return [row[0] for row in db.execute("SELECT sender_id FROM events ORDER BY id")]
