"""How actions speak: domain.yml responses, with guidance sections as variables and buttons where a channel has them.

Every text an action sends is a response in domain.yml (docs/replies.md). rasa shell's menu of buttons
makes typing a question take several arrow presses, so there the buttons become one line of text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge import Section, guidance
from components.language import with_plain_apostrophes

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
PRODUCT_SECTION = "hemp_products"  # the article's products: shown only to someone who asks about products
# The topics that tell a person how to look after their back at home.
HOME_CARE_TOPICS = ("relief", "cold_therapy", "heat_therapy", "rest_and_movement", "medication", "sleep", "prevention")
DISCLAIMER_SLOT = "disclaimer_shown"
# rasa shell's input channel (rasa/core/channels/console.py): it shows buttons as a menu that typing must leave.
SHELL_CHANNEL = "cmdline"
SUGGESTION_SEPARATOR = " · "
Buttons = list[dict[str, Any]]


def latest_text(tracker: Tracker) -> str:
    """The latest message, with "can’t" read as "can't", as the rules read it."""
    return with_plain_apostrophes(tracker.latest_message.get("text") or "")


def latest_intent(tracker: Tracker) -> str | None:
    """The intent NLU gave the latest message (after our red-flag override), fallback included."""
    return (tracker.latest_message.get("intent") or {}).get("name")


def section_reply(section: Section) -> dict[str, Any]:
    """utter_section with a section's answer and where its facts come from."""
    return {
        "response": "utter_section",
        "answer": section.answer,
        "title": section.title,
        "source": section.source.name,
        "source_section": section.source.section,
    }


def topic_buttons(section_ids: Iterable[str]) -> Buttons:
    """Buttons that ask for each section; the payload is the section's intent."""
    sections = guidance()
    return [
        {"title": sections[section_id].title, "payload": f"/{sections[section_id].intent}"}
        for section_id in section_ids
    ]


def in_shell(tracker: Tracker) -> bool:
    """True when the latest message came from rasa shell."""
    return tracker.get_latest_input_channel() == SHELL_CHANNEL


def utter_with_buttons(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    reply: dict[str, Any],
    buttons: Buttons,
    as_text: str = "utter_suggestions",
) -> None:
    """Send a reply ({"response": ..., **variables}) with buttons; in rasa shell, the reply and then
    `as_text`, a response that lists the buttons' titles in one line."""
    if not in_shell(tracker):
        dispatcher.utter_message(**reply, buttons=buttons)
        return
    dispatcher.utter_message(**reply)
    dispatcher.utter_message(
        response=as_text, suggestions=SUGGESTION_SEPARATOR.join(button["title"] for button in buttons)
    )


def offer_topics(
    dispatcher: CollectingDispatcher, tracker: Tracker, reply: dict[str, Any], section_ids: Iterable[str]
) -> None:
    """Send a reply with the sections as suggestions to ask next."""
    utter_with_buttons(dispatcher, tracker, reply, topic_buttons(section_ids))


def ask_choice(dispatcher: CollectingDispatcher, tracker: Tracker, reply: dict[str, Any], choices: Buttons) -> None:
    """Ask a question with its answers as buttons (in rasa shell, listed as answers one can type)."""
    utter_with_buttons(dispatcher, tracker, reply, choices, as_text="utter_choices")


def disclaim_once(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """Say once per conversation that the assistant is not a doctor."""
    if tracker.get_slot(DISCLAIMER_SLOT):
        return []
    dispatcher.utter_message(response="utter_disclaimer")
    return [SlotSet(DISCLAIMER_SLOT, True)]


def yes_no(yes: str, no: str) -> Buttons:
    """Two answers as buttons: the first means yes (/affirm), the second no (/deny)."""
    return [{"title": yes, "payload": "/affirm"}, {"title": no, "payload": "/deny"}]


# The answers the yes-or-no questions offer. Not in domain.yml, because Rasa sends a response's own buttons on
# every channel, rasa shell included; here they become buttons or, in rasa shell, a line of text.
YES_NO = yes_no("Yes", "No")
SIGNS_CHOICES = yes_no("Yes, one of these", "No, none of these")
RECURRING_CHOICES = yes_no("Yes, it keeps coming back", "No, this is new")
EASING_CHOICES = yes_no("Yes, it's easing", "No, nothing helps")
