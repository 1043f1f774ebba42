"""Is a question about the person's own pain? Then the symptom check answers it, not a general passage."""

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


# "is that bad?", "should I be concerned?", "do I need to worry?", "what now?", "is it ok to ignore?"
ASKS_WHETHER_TO_WORRY = re.compile(
    r"\b(?:is (?:that|this|it) (?:bad|serious|dangerous|normal|ok|okay|a problem|something)"
    r"|should i (?:be )?(?:worried|concerned|worry)|(?:do i )?need to (?:worry|be worried|be concerned)"
    r"|what now|what should i do now|(?:ok|okay|safe) to ignore|anything to worry|cause for concern)\b",
    re.IGNORECASE,
)


def tells_own_pain_and_asks_whether_to_worry(text: str) -> bool:
    """ "Pulled something at the gym, my back hurts when I move. Is that bad?": a question for the symptom
    check, whatever topic its words are near."""
    return bool(FIRST_PERSON_PAIN.search(text) and ASKS_WHETHER_TO_WORRY.search(text))


def _tells_own_pain(event: dict[str, Any]) -> bool:
    parse = event.get("parse_data") or {}
    if (parse.get("intent") or {}).get("name") in OWN_PAIN_INTENTS:
        return True
    if any(entity.get("entity") in OWN_PAIN_ENTITIES for entity in parse.get("entities") or []):
        return True
    return bool(FIRST_PERSON_PAIN.search(event.get("text") or ""))


def reports_own_pain_now(tracker: Tracker) -> bool:
    """True when the latest message tells of one's own pain and says how long or how bad: "I've had a nagging
    pain in my back for about three weeks" (not "if it's still bad after 2 weeks")."""
    latest = tracker.latest_message
    says_how_long_or_bad = any(entity.get("entity") in OWN_PAIN_ENTITIES for entity in latest.get("entities") or [])
    return says_how_long_or_bad and bool(FIRST_PERSON_PAIN.search(latest.get("text") or ""))


def told_own_pain_before(tracker: Tracker) -> bool:
    """True when a message before the latest one described the person's own pain."""
    earlier = [event for event in tracker.events if event.get("event") == "user"][:-1]
    return any(_tells_own_pain(event) for event in earlier)
