"""The symptom check: a form that asks a few questions and ends in the right level of care."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge import bullets, guidance
from actions.replies import disclaim_once, latest_intent, section_text
from actions.triage import TIER_SECTIONS

SEE_DOCTOR_AFTER_DAYS = 14
SELF_CARE_SECTION, SAFETY_NET_SECTION, SEE_DOCTOR_SECTION = "self_care_plan", "safety_net", "when_to_see_doctor"
YES_NO_SLOTS = ("recurring", "not_improving", "emergency_signs", "urgent_signs")
SUMMARY_SLOT = "care_summary"
WARNING_SIGNS_SECTION = "warning_signs"
SIGNS_BUTTONS = [
    {"title": "Yes, one of these", "payload": "/affirm"},
    {"title": "No, none of these", "payload": "/deny"},
]
NO_SUMMARY = (
    'I haven\'t made a summary yet. Tell me about your back pain, or ask "is this serious?", '
    "and I'll go through a few quick questions with you."
)
BARE_NUMBER = re.compile(r"\b(10|[0-9])(?:\.\d)?\b")


def describe_situation(body_part: str | None, duration_days: float | None, pain_level: float | None) -> str:
    """One sentence that repeats back what the user told us, so they know it was understood."""
    details = []
    if body_part:
        details.append(f"your {body_part}")
    if duration_days is not None:
        details.append(f"for about {format_days(duration_days)}")
    if pain_level is not None:
        details.append(f"at {pain_level:g} out of 10")
    if not details:
        return "I'm sorry you're in pain."
    return "I'm sorry you're in pain: " + " ".join(details) + "."


def format_days(days: float) -> str:
    """Say a duration in days the way a person would."""
    if days < 1:
        return "less than a day"
    if days >= 14 and days % 7 == 0:
        return f"{days / 7:g} weeks"
    return "1 day" if days == 1 else f"{days:g} days"


def situation(tracker: Tracker) -> str:
    """What the user has told us so far, said back in one sentence."""
    return describe_situation(
        tracker.get_slot("body_part"), tracker.get_slot("duration_days"), tracker.get_slot("pain_level")
    )


class ActionStartSymptomCheck(Action):
    """Say what was understood so far and that a few quick questions follow."""

    def name(self) -> str:
        return "action_start_symptom_check"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        events = disclaim_once(dispatcher, tracker)
        dispatcher.utter_message(
            text=f"{situation(tracker)} A few quick questions will help me point you to the right advice. "
            "You can say stop at any time."
        )
        return events


class ValidateSymptomCheckForm(FormValidationAction):
    """Check the answers of the symptom check and read a bare number as the pain score."""

    def name(self) -> str:
        return "validate_symptom_check_form"

    async def extract_pain_level(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        if tracker.get_slot("requested_slot") != "pain_level" or tracker.get_slot("pain_level") is not None:
            return {}
        if latest_intent(tracker) == "report_red_flag":
            return {}
        match = BARE_NUMBER.search(tracker.latest_message.get("text") or "")
        return {"pain_level": float(match.group(0))} if match else {}

    def validate_pain_level(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        try:
            score = float(value)
        except (TypeError, ValueError):
            score = -1.0
        if 0 <= score <= 10:
            return {"pain_level": score}
        dispatcher.utter_message(text="Please give a number from 0 to 10.")
        return {"pain_level": None}

    def validate_duration_days(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        try:
            days = float(value)
        except (TypeError, ValueError):
            days = -1.0
        if days >= 0:
            return {"duration_days": days}
        dispatcher.utter_message(text='Sorry, I didn\'t catch how long. Try something like "3 days" or "two weeks".')
        return {"duration_days": None}


class ActionAskSigns(Action, ABC):
    """Ask whether any sign on one of the guide's warning-sign lists applies, with yes/no buttons.

    The lists are the warning_signs section's, so the question and the guide always name the same signs.
    """

    @property
    @abstractmethod
    def slot(self) -> str:
        """The form slot asked for, which is also the name of the list in the warning_signs section."""

    @property
    @abstractmethod
    def question(self) -> str:
        """The words before the list."""

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        signs = guidance()[WARNING_SIGNS_SECTION].lists[self.slot]
        dispatcher.utter_message(text=f"{self.question}\n{bullets(signs)}", buttons=SIGNS_BUTTONS)
        return []


class ActionAskEmergencySigns(ActionAskSigns):
    slot = "emergency_signs"
    question = "Do you have any of these?"


class ActionAskUrgentSigns(ActionAskSigns):
    slot = "urgent_signs"
    question = "And any of these?"


def see_doctor_reasons(tracker: Tracker) -> list[str]:
    """Why the guide's advice is to see a doctor: too long, recurring, or not responding."""
    reasons = []
    if (tracker.get_slot("duration_days") or 0) > SEE_DOCTOR_AFTER_DAYS:
        reasons.append("it has lasted more than two weeks")
    if tracker.get_slot("recurring"):
        reasons.append("it keeps coming back")
    if tracker.get_slot("not_improving"):
        reasons.append("it isn't easing with simple treatment")
    return reasons


def outcome_messages(tracker: Tracker) -> list[str]:
    """The messages that end the symptom check, most serious outcome first."""
    sections = guidance()
    if tracker.get_slot("emergency_signs"):
        return [section_text(sections[TIER_SECTIONS["emergency"]], lead="You said yes to one of the emergency signs.")]
    if tracker.get_slot("urgent_signs"):
        return [section_text(sections[TIER_SECTIONS["urgent"]], lead="You said yes to one of the urgent signs.")]
    reasons = see_doctor_reasons(tracker)
    if reasons:
        lead = f"{situation(tracker)} Because {' and '.join(reasons)}, the guide's advice is to see a doctor."
        return [section_text(sections[SEE_DOCTOR_SECTION], lead=lead)]
    lead = f"{situation(tracker)} Nothing you told me points to a warning sign. Here is a plan from the guide:"
    return [section_text(sections[SELF_CARE_SECTION], lead=lead), section_text(sections[SAFETY_NET_SECTION])]


class ActionSymptomOutcome(Action):
    """End the symptom check with its outcome, and keep it so the user can ask for it again."""

    def name(self) -> str:
        return "action_symptom_outcome"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        messages = outcome_messages(tracker)
        for message in messages:
            dispatcher.utter_message(text=message)
        return [SlotSet(SUMMARY_SLOT, "\n\n".join(messages)), *[SlotSet(slot, None) for slot in YES_NO_SLOTS]]


class ActionShowSummary(Action):
    """Repeat the outcome of the last symptom check."""

    def name(self) -> str:
        return "action_show_summary"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        summary = tracker.get_slot(SUMMARY_SLOT)
        if summary:
            dispatcher.utter_message(text=f"Here is your summary again:\n\n{summary}")
        else:
            dispatcher.utter_message(text=NO_SUMMARY)
        return []
