"""The red-flag reply: what triggered it, the level of care it needs, and nothing else beside it."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge import guidance
from actions.replies import section_text

RED_FLAG_ENTITY = "red_flag"
EMERGENCY, URGENT = "emergency", "urgent"
TIER_SECTIONS = {EMERGENCY: "emergency_care", URGENT: "urgent_care"}


def red_flags(tracker: Tracker) -> list[dict[str, Any]]:
    """The red-flag entities the NLU component found in the latest message."""
    return [entity for entity in tracker.latest_message.get("entities", []) if entity.get("entity") == RED_FLAG_ENTITY]


def triage_tier(flags: list[dict[str, Any]]) -> str:
    """The most serious tier among the flags: any emergency flag makes it an emergency."""
    return EMERGENCY if any(flag.get("role") == EMERGENCY for flag in flags) else URGENT


def trigger_phrases(flags: list[dict[str, Any]]) -> list[str]:
    """The user's own words that raised each flag, once each, in the order they were written."""
    phrases: list[str] = []
    for flag in sorted(flags, key=lambda flag: flag.get("start", 0)):
        phrase = str(flag.get("text") or flag.get("value"))
        if phrase not in phrases:
            phrases.append(phrase)
    return phrases


def mentioned(phrases: list[str]) -> str:
    """'You mentioned "a", "b" and "c".'"""
    quoted = [f"“{phrase}”" for phrase in phrases]
    listed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]
    return f"You mentioned {listed}."


class ActionRedFlag(Action):
    """Answer a red flag with emergency or urgent advice only, naming the words that triggered it."""

    def name(self) -> str:
        return "action_red_flag"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        flags = red_flags(tracker)
        section = guidance()[TIER_SECTIONS[triage_tier(flags)]]
        lead = mentioned(trigger_phrases(flags)) if flags else ""
        dispatcher.utter_message(text=section_text(section, lead=lead))
        return []
