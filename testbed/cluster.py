"""What the cluster tests and the benchmark drive: a cluster on free ports, a REST client that notes which
replica answered, a load run that keeps what was acknowledged, and the conversations stored in PostgreSQL."""

from __future__ import annotations

import asyncio
import json
import secrets
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import requests
import sqlalchemy
from sqlalchemy.engine import URL

from cluster.debian import find_binaries
from cluster.haproxy import BACKEND_HEADER
from cluster.settings import Settings
from cluster.supervisor import Cluster, log_to, stop_logging
from testbed.replies import failure
from testbed.servers import ROOT, RasaApi, free_port

WEBHOOK = "/webhooks/rest/webhook"
REQUEST_SECONDS = 30.0  # longer than a conversation can wait for the lock a killed replica held


@contextmanager
def running_cluster(replicas: int = 2, action_servers: int = 2) -> Iterator[Cluster]:
    """A cluster with its HTTP API on (a random token), HAProxy on a free port and its state in var/; its
    database and lock files are removed on the way out, its logs kept."""
    binaries = find_binaries()  # MissingPackages names the apt-get line
    (ROOT / "var").mkdir(exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="cluster-test-", dir=ROOT / "var"))
    workdir.chmod(0o755)
    settings = Settings(replicas, action_servers, free_port(), workdir, rasa_token=secrets.token_hex(16))
    handlers = log_to(workdir / "logs" / "cluster.log")
    cluster = Cluster(settings, binaries)
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()
        stop_logging(handlers)
        for folder in (cluster.postgres.home, workdir / "postgres", workdir / "redis"):
            if folder.is_symlink():
                folder.unlink()
            shutil.rmtree(folder, ignore_errors=True)


@dataclass(frozen=True)
class Turn:
    """The replies to one message, and the Rasa server that made them (HAProxy's header)."""

    replies: list[dict[str, Any]]
    backend: str


def talk(cluster: Cluster, sender: str, message: str) -> Turn:
    """One message through HAProxy's REST front end."""
    response = requests.post(
        f"{cluster.url}{WEBHOOK}", json={"sender": sender, "message": message}, timeout=REQUEST_SECONDS
    )
    response.raise_for_status()
    return Turn(response.json(), response.headers.get(BACKEND_HEADER, ""))


def tracker(cluster: Cluster, sender: str) -> dict[str, Any]:
    """A stored conversation, through HAProxy and Rasa's HTTP API."""
    return RasaApi(cluster.url, cluster.settings.rasa_token).tracker(sender)


def stored_user_texts(database: URL, senders: set[str]) -> dict[str, list[str]]:
    """What each sender said, as the tracker store's database holds it, in the order stored."""
    query = sqlalchemy.text(
        "SELECT sender_id, data FROM events WHERE type_name = 'user' AND sender_id = ANY(:senders) ORDER BY id"
    )
    engine = sqlalchemy.create_engine(database)
    try:
        with engine.connect() as connection:
            rows = connection.execute(query, {"senders": sorted(senders)}).all()
    finally:
        engine.dispose()
    stored: dict[str, list[str]] = {sender: [] for sender in senders}
    for sender, data in rows:
        stored[sender].append(json.loads(data)["text"])
    return stored


@dataclass
class Delivery:
    """A load run: each message acknowledged (a real answer) with the replica that answered, the attempts that
    got an error or an apology instead (each was tried again), and the messages never acknowledged."""

    acknowledged: list[tuple[str, str, str]] = field(default_factory=list)  # sender, text, backend
    failed_attempts: int = 0
    lost: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0


async def _send(session: aiohttp.ClientSession, url: str, sender: str, text: str) -> str | None:
    """One attempt: the replica that answered, or None when it was not a real answer."""
    try:
        async with session.post(url, json={"sender": sender, "message": text}) as response:
            replies = await response.json(content_type=None) if response.status == 200 else None
            backend = response.headers.get(BACKEND_HEADER, "")
    except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
        return None
    return backend if isinstance(replies, list) and failure(replies) is None else None


async def deliver(
    url: str,
    users: list[list[tuple[str, str]]],
    at: Mapping[int, Callable[[], None]] | None = None,
    attempts: int = 6,
) -> Delivery:
    """Every user's messages, each sent after the previous one was acknowledged, each tried up to `attempts`
    times, waiting 0.5 s, 1 s, 2 s, ... in between (as a client does after an error); `at` maps an
    acknowledged count to what to do then (kill a replica, say)."""
    run, pending = Delivery(), dict(at or {})
    timeout = aiohttp.ClientTimeout(total=REQUEST_SECONDS)

    async def user(session: aiohttp.ClientSession, messages: list[tuple[str, str]]) -> None:
        for sender, text in messages:
            for attempt in range(attempts):
                backend = await _send(session, f"{url}{WEBHOOK}", sender, text)
                if backend is not None:
                    run.acknowledged.append((sender, text, backend))
                    if (action := pending.pop(len(run.acknowledged), None)) is not None:
                        action()
                    break
                run.failed_attempts += 1
                await asyncio.sleep(0.5 * 2**attempt)
            else:
                run.lost.append((sender, text))

    started = time.perf_counter()
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=len(users)), timeout=timeout) as session:
        await asyncio.gather(*(user(session, messages) for messages in users))
    run.seconds = time.perf_counter() - started
    return run


def unstored(database: URL, run: Delivery) -> list[tuple[str, str]]:
    """The acknowledged messages that the database does not hold (each stored message matches one acknowledgement)."""
    stored = stored_user_texts(database, {sender for sender, _, _ in run.acknowledged})
    missing = []
    for sender, text, _ in run.acknowledged:
        if text in stored[sender]:
            stored[sender].remove(text)
        else:
            missing.append((sender, text))
    return missing
