"""The red-flag replies: the tier's advice with what triggered it, and the safety question for a near match."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge import guidance, section_for_intent
from actions.replies import disclaim_once, latest_intent, section_text, topic_buttons
from components.red_flags import RedFlag, load_red_flags

RED_FLAG_ENTITY, POSSIBLE_RED_FLAG = "red_flag", "possible_red_flag"
RED_FLAG_INTENTS = frozenset({"report_red_flag", POSSIBLE_RED_FLAG})
EMERGENCY, URGENT = "emergency", "urgent"
TIERS = (EMERGENCY, URGENT)  # most urgent first
TIER_SECTIONS = {EMERGENCY: "emergency_care", URGENT: "urgent_care"}
TIER_SLOT, SAFETY_FLAG_SLOT, DEFERRED_INTENT_SLOT = "triage_tier", "safety_flag", "deferred_intent"
# What the safety question interrupted: a symptom check, or the start of one.
SYMPTOM_CHECK = "symptom_check"
STARTS_SYMPTOM_CHECK = ("describe_pain", "ask_is_serious")
# Said before any later answer, so the tier a person reached is never lost from view.
TIER_REMINDERS = {
    EMERGENCY: "Please remember: what you told me earlier needs emergency care. Call 999, 911 or your local "
    "emergency number, or go to A&E.",
    URGENT: "Please remember: what you told me earlier means you should see a doctor today, or call 111.",
}
SAFETY_BUTTONS = [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]


@lru_cache(maxsize=1)
def red_flags_by_id() -> dict[str, RedFlag]:
    """Every red flag of data/red_flags.yml, by id."""
    return {flag.id: flag for flag in load_red_flags()}


def most_urgent(*tiers: str | None) -> str | None:
    """The most urgent of some tiers; None when there is none."""
    return next((tier for tier in TIERS if tier in tiers), None)


def entities_named(tracker: Tracker, name: str) -> list[dict[str, Any]]:
    """The entities of one name in the latest message."""
    return [entity for entity in tracker.latest_message.get("entities", []) if entity.get("entity") == name]


def red_flags(tracker: Tracker) -> list[dict[str, Any]]:
    """The red-flag entities the NLU component found in the latest message."""
    return entities_named(tracker, RED_FLAG_ENTITY)


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


def remind_of_tier(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """Repeat the conversation's tier in one line, if it reached one."""
    reminder = TIER_REMINDERS.get(tracker.get_slot(TIER_SLOT))
    if reminder:
        dispatcher.utter_message(text=reminder)


def near_flag(tracker: Tracker) -> RedFlag | None:
    """The red flag the latest message came close to, if the semantic layer found one."""
    near = entities_named(tracker, POSSIBLE_RED_FLAG)
    return red_flags_by_id().get(near[0].get("value")) if near else None


def confirmed_safety_flag(tracker: Tracker) -> RedFlag | None:
    """The flag the safety question asked about, once the person says yes, or describes a near sign again."""
    asked = tracker.get_slot(SAFETY_FLAG_SLOT)
    if not asked:
        return None
    if latest_intent(tracker) == "affirm":
        return red_flags_by_id().get(asked)
    return near_flag(tracker)


class ActionRedFlag(Action):
    """Answer a red flag with its tier's advice only, naming what triggered it; the tier never goes down."""

    def name(self) -> str:
        return "action_red_flag"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        flags, confirmed = red_flags(tracker), confirmed_safety_flag(tracker)
        if flags:
            stated, lead = triage_tier(flags), mentioned(trigger_phrases(flags))
        elif confirmed:
            stated, lead = confirmed.tier, f"You said yes to: {confirmed.checklist}."
        else:
            stated, lead = URGENT, ""
        earlier = tracker.get_slot(TIER_SLOT)
        tier = most_urgent(stated, earlier) or stated
        if tier != stated:
            lead = f"{lead} Together with what you told me earlier, this still needs emergency care.".strip()
        dispatcher.utter_message(text=section_text(guidance()[TIER_SECTIONS[tier]], lead=lead))
        return [SlotSet(TIER_SLOT, tier), SlotSet(SAFETY_FLAG_SLOT, None)]


def deferred_intent(tracker: Tracker) -> str | None:
    """What the person wanted before the safety question: the classifier's best intent that is not a red flag."""
    if tracker.latest_action_name == "action_deactivate_loop":
        return SYMPTOM_CHECK
    ranking = tracker.latest_message.get("intent_ranking") or []
    return next((entry["name"] for entry in ranking if entry.get("name") not in RED_FLAG_INTENTS), None)


class ActionSafetyQuestion(Action):
    """Ask one yes-or-no question about the red flag a message came close to, before any home advice."""

    def name(self) -> str:
        return "action_safety_question"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        flag = near_flag(tracker)
        if flag is None:
            return [FollowupAction("action_guide_search")]
        dispatcher.utter_message(
            text=f"Just to be safe, before anything else: does this apply to you?\n• {flag.checklist}",
            buttons=SAFETY_BUTTONS,
        )
        return [SlotSet(SAFETY_FLAG_SLOT, flag.id), SlotSet(DEFERRED_INTENT_SLOT, deferred_intent(tracker))]


class ActionAfterSafetyQuestion(Action):
    """After a no to the safety question: carry on with what the person wanted."""

    def name(self) -> str:
        return "action_after_safety_question"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        wanted = tracker.get_slot(DEFERRED_INTENT_SLOT)
        events: list[EventType] = [SlotSet(SAFETY_FLAG_SLOT, None), SlotSet(DEFERRED_INTENT_SLOT, None)]
        dispatcher.utter_message(text="Thank you, that's good to hear.")
        if wanted == SYMPTOM_CHECK or wanted in STARTS_SYMPTOM_CHECK:
            return [*events, FollowupAction("action_start_symptom_check")]
        section = section_for_intent(wanted)
        if section is None:
            dispatcher.utter_message(text="What would you like to know about back spasms?")
            return events
        events += disclaim_once(dispatcher, tracker)
        dispatcher.utter_message(text=section_text(section), buttons=topic_buttons(section.related))
        return events
