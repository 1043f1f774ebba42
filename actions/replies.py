"""How sections become chat messages: the answer, its source line and follow-up buttons."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge import Section, guidance

# Every topic a user can ask for (intent ask_<id>), in the order a menu shows them.
TOPICS = (
    "what_is_spasm",
    "symptoms",
    "causes",
    "prevalence",
    "relief",
    "cold_therapy",
    "heat_therapy",
    "rest_and_movement",
    "medication",
    "when_to_see_doctor",
    "warning_signs",
    "prevention",
    "sleep",
    "hemp_products",
)
FIRST_TOPICS = ("relief", "cold_therapy", "when_to_see_doctor", "warning_signs")
DISCLAIMER_SLOT = "disclaimer_shown"
DISCLAIMER = (
    "Please know that I'm an assistant, not a doctor: I share what a trusted guide says, "
    "and I can't examine you or diagnose anything."
)


def latest_intent(tracker: Tracker) -> str | None:
    """The intent NLU gave the latest message (after our red-flag override), fallback included."""
    return (tracker.latest_message.get("intent") or {}).get("name")


def source_line(section: Section) -> str:
    """Name the section and where its facts come from."""
    return f"Source: {section.title}, from {section.source.name} ({section.source.section})."


def section_text(section: Section, lead: str = "") -> str:
    """The answer of a section with its source line, after an optional lead sentence."""
    parts = [lead, section.answer, source_line(section)]
    return "\n\n".join(part for part in parts if part)


def topic_buttons(section_ids: Iterable[str]) -> list[dict[str, Any]]:
    """Buttons that ask for each section; the payload is the section's intent."""
    sections = guidance()
    return [
        {"title": sections[section_id].title, "payload": f"/{sections[section_id].intent}"}
        for section_id in section_ids
    ]


def disclaim_once(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """Say once per conversation that the assistant is not a doctor."""
    if tracker.get_slot(DISCLAIMER_SLOT):
        return []
    dispatcher.utter_message(text=DISCLAIMER)
    return [SlotSet(DISCLAIMER_SLOT, True)]
