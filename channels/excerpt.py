"""The part of an over-long message that must not be refused: the sentences that hold a red flag."""

from __future__ import annotations

import re

from components.extractor import RED_FLAG_ENTITY, find_entities
from components.language import MAX_CHARS, build_pipeline

SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


def red_flag_excerpt(text: str, max_chars: int) -> str | None:
    """The sentences of `text` that hold a non-negated red flag, joined and cut to `max_chars`; None if none do.

    A channel that refuses a message for its length passes this excerpt on instead, so a warning
    sign buried in a long message still gets the emergency or urgent advice.
    """
    text = text[:MAX_CHARS]
    flags = [entity for entity in find_entities(build_pipeline()(text)) if entity["entity"] == RED_FLAG_ENTITY]
    if not flags:
        return None
    sentences = [
        match.group().strip()
        for match in SENTENCE.finditer(text)
        if any(match.start() <= flag["start"] < match.end() for flag in flags)
    ]
    return " ".join(sentences)[:max_chars]
