"""A bounded asyncio load generator for Rasa's REST channel (POST /webhooks/rest/webhook), loopback only."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import aiohttp

from bench.messages import script

REQUEST_TIMEOUT = 30.0  # seconds per message
PHASE_TIMEOUT = 900.0  # seconds per measured phase, whatever the message count
WEBHOOK = "/webhooks/rest/webhook"


def parse_path(token: str) -> str:
    """The HTTP API's NLU-only endpoint, with the server's token."""
    return f"/model/parse?token={token}"


@dataclass
class Run:
    """One phase: latency per answered message (ms), unanswered and empty answers, wall time (s)."""

    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    empty: int = 0
    seconds: float = 0.0

    @property
    def per_second(self) -> float:
        """Answered messages per second of wall time."""
        return len(self.latencies_ms) / self.seconds if self.seconds else float("nan")

    def extend(self, other: Run) -> None:
        """Add another run's samples (for a phase measured in blocks)."""
        self.latencies_ms += other.latencies_ms
        self.errors += other.errors
        self.empty += other.empty
        self.seconds += other.seconds


def _url(base_url: str, path: str) -> str:
    """A URL on a server; refuse anything but loopback."""
    if urlsplit(base_url).hostname not in ("127.0.0.1", "localhost"):
        raise ValueError(f"only loopback targets are allowed, not {base_url}")
    return f"{base_url}{path}"


def _session(users: int) -> aiohttp.ClientSession:
    connector = aiohttp.TCPConnector(limit=users)
    return aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=REQUEST_TIMEOUT))


async def _send(session: aiohttp.ClientSession, url: str, sender: str, text: str, run: Run) -> None:
    """One message; its latency goes into run when it is answered (200 and JSON).

    To the REST channel (sender and message; the answer is a list of replies), or to /model/parse (text
    only; the answer is the parse, and counts as empty without an intent).
    """
    parse = "/model/parse" in url
    payload = {"text": text} if parse else {"sender": sender, "message": text}
    started = time.perf_counter()
    try:
        async with session.post(url, json=payload) as response:
            answer = await response.json(content_type=None) if response.status == 200 else None
    except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
        return
    if not isinstance(answer, dict if parse else list):
        return
    run.latencies_ms.append((time.perf_counter() - started) * 1000)
    run.empty += not (answer.get("intent") if parse else answer)


async def _user(session: aiohttp.ClientSession, url: str, messages: list[tuple[str, str]], run: Run) -> None:
    """One user: each message only after the previous one was answered, as a person chatting would."""
    for sender, text in messages:
        await _send(session, url, sender, text, run)


async def sequential(base_url: str, messages: list[tuple[str, str]], path: str = WEBHOOK) -> Run:
    """Send messages one at a time over one keep-alive connection."""
    return await concurrent(base_url, [messages], path)


async def concurrent(base_url: str, users: list[list[tuple[str, str]]], path: str = WEBHOOK) -> Run:
    """Every user's messages at once, one connection per user; bounded by PHASE_TIMEOUT.

    path is WEBHOOK (the REST channel, the whole turn) or parse_path(token) (NLU only, nothing stored).
    """
    url, run = _url(base_url, path), Run()
    async with _session(len(users)) as session:
        started = time.perf_counter()
        tasks = [asyncio.create_task(_user(session, url, messages, run)) for messages in users]
        _, pending = await asyncio.wait(tasks, timeout=PHASE_TIMEOUT)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        run.seconds = time.perf_counter() - started
    run.errors = sum(map(len, users)) - len(run.latencies_ms)  # failed, or not sent within PHASE_TIMEOUT
    return run


def users_script(users: int, total: int, prefix: str) -> list[list[tuple[str, str]]]:
    """total messages split as evenly as possible over users, each user with its own senders."""
    return [script(total // users + (u < total % users), f"{prefix}-u{u}") for u in range(users)]
