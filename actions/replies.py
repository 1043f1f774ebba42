"""How sections become chat messages: the answer, its source line and follow-up buttons."""

from __future__ import annotations

from typing import Any, Iterable

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge import Section, guidance, section_for_intent

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


def topic_ids(domain: dict[str, Any]) -> list[str]:
    """The sections a user can ask for, in domain order: every ask_<id> intent that has a section."""
    names = [intent if isinstance(intent, str) else next(iter(intent)) for intent in domain.get("intents", [])]
    return [section.id for name in names if (section := section_for_intent(name))]


def disclaim_once(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """Say once per conversation that the assistant is not a doctor."""
    if tracker.get_slot(DISCLAIMER_SLOT):
        return []
    dispatcher.utter_message(text=DISCLAIMER)
    return [SlotSet(DISCLAIMER_SLOT, True)]
