"""Has the person told of their own pain earlier in this conversation? Then "should I see my GP?" is about them."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

# Intents and entities that only a description of one's own pain carries.
OWN_PAIN_INTENTS = frozenset({"describe_pain", "ask_is_serious"})
OWN_PAIN_ENTITIES = frozenset({"duration", "pain_level"})
# "my back went", "having back spasms", "I've got a sore back", "im in agony"
FIRST_PERSON_PAIN = re.compile(
    r"\b(?:my|i|i'm|im|i've|ive|having|got)\b[^.?!]{0,25}?\b(?:back|spasm\w*|pain\w*|ache\w*|hurt\w*|sore|agony)\b",
    re.IGNORECASE,
)


def _tells_own_pain(event: dict[str, Any]) -> bool:
    parse = event.get("parse_data") or {}
    if (parse.get("intent") or {}).get("name") in OWN_PAIN_INTENTS:
        return True
    if any(entity.get("entity") in OWN_PAIN_ENTITIES for entity in parse.get("entities") or []):
        return True
    return bool(FIRST_PERSON_PAIN.search(event.get("text") or ""))


def told_own_pain_before(tracker: Tracker) -> bool:
    """True when a message before the latest one described the person's own pain."""
    earlier = [event for event in tracker.events if event.get("event") == "user"][:-1]
    return any(_tells_own_pain(event) for event in earlier)
