"""Soak: 500 messages from 50 senders through the REST channel (`make soak`: 10,000 from 1,000), bounded in time,
watching the server's memory."""

from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from testbed.replies import failure
from testbed.servers import Assistant
from tests.hardening.helpers import rss_bytes, user_texts, webhook

CONVERSATION = [
    "hello",
    "what exactly is a back spasm",
    "should I ice my back",
    "would a hot water bottle help",
    "can I take ibuprofen for it",
    "how do I stop this happening again",
    "when should I see a doctor about my back",
    "my back keeps me awake, how can I sleep",
    "thanks",
    "bye",
]
MESSAGES = int(os.environ.get("SOAK_MESSAGES", "500"))
SENDERS = max(1, MESSAGES // len(CONVERSATION))
WORKERS = 5
DEADLINE_S = max(150.0, MESSAGES * 0.3)
MAX_RSS_GROWTH = 0.10


def _converse(url: str, sender: str, deadline: float) -> list[str]:
    """One sender's whole conversation, in order; the problems found (empty, failed or apologetic replies)."""
    problems = []
    with requests.Session() as session:
        for text in CONVERSATION:
            if time.monotonic() > deadline:
                return [*problems, f"{sender}: out of time"]
            response = session.post(url, json={"sender": sender, "message": text}, timeout=30)
            replies = response.json() if response.ok else None
            problem = failure(replies or []) if isinstance(replies, list) else "not a list of replies"
            if problem:
                problems.append(f"{sender} {text!r}: HTTP {response.status_code}, {problem}")
    return problems


def _run(assistant: Assistant, senders: list[str], deadline: float) -> list[str]:
    with ThreadPoolExecutor(WORKERS) as pool:
        results = pool.map(lambda sender: _converse(webhook(assistant), sender, deadline), senders)
        return [problem for problems in results for problem in problems]


@pytest.mark.slow
def test_soak(assistant: Assistant, capsys: pytest.CaptureFixture[str]) -> None:
    """Every reply is a real answer, memory stays flat after warm-up, every conversation is stored whole."""
    assert assistant.rasa is not None
    run = f"soak-{time.time_ns()}"
    start = time.monotonic()
    assert _run(assistant, [f"{run}-warmup-{n}" for n in range(WORKERS)], start + 60) == []
    rss_before = rss_bytes(assistant.rasa.pid)

    senders = [f"{run}-{n}" for n in range(SENDERS)]
    soak_start = time.monotonic()
    problems = _run(assistant, senders, soak_start + DEADLINE_S)
    elapsed = time.monotonic() - soak_start
    rss_after = rss_bytes(assistant.rasa.pid)
    growth = rss_after / rss_before - 1
    messages = SENDERS * len(CONVERSATION)
    with capsys.disabled():  # the numbers are the point, so show them even when the test passes
        print(
            f"\nsoak: {messages} messages from {SENDERS} senders ({WORKERS} at a time) in {elapsed:.1f} s "
            f"({messages / elapsed:.1f} msg/s); Rasa RSS {rss_before / 2**20:.0f} MiB after warm-up, "
            f"{rss_after / 2**20:.0f} MiB after the soak ({growth:+.1%})"
        )
    assert problems == [], problems[:10]
    assert growth <= MAX_RSS_GROWTH
    missing = [sender for sender in senders if user_texts(assistant.tracker(sender)) != CONVERSATION]
    assert missing == [], f"{len(missing)} conversations are not whole in the tracker store: {missing[:5]}"
