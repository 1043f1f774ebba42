"""How a test reads the assistant's replies, and knows that it really answered."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from channels.texts import TROUBLE

# What a channel or the Telegram bridge says when the assistant itself failed: neither is an answer.
FAILURE_TEXTS = (TROUBLE, "Traceback")


def joined(replies: Sequence[Mapping[str, Any]]) -> str:
    """All reply texts, one per line."""
    return "\n".join(reply.get("text") or "" for reply in replies)


def failure(replies: Sequence[Mapping[str, Any]]) -> str | None:
    """Why these replies are not an answer (none, blank, an apology or an error), or None when they are one."""
    text = joined(replies)
    if not text.strip():
        return f"no answer: {list(replies)!r}"
    apology = next((failed for failed in FAILURE_TEXTS if failed in text), None)
    return f"an error reply instead of an answer: {text[:300]!r}" if apology else None


def answered(replies: Sequence[Mapping[str, Any]]) -> str:
    """The replies' text, after asserting that the assistant really answered."""
    problem = failure(replies)
    assert problem is None, problem
    return joined(replies)
