"""The red-flag replies: the tier's advice with what triggered it, and the safety question for a near match."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge import Section, bullets, guidance, red_flag_lists
from actions.replies import (
    SIGNS_CHOICES,
    YES_NO,
    ask_choice,
    latest_intent,
    section_reply,
)
from components.red_flags import RedFlag, load_red_flags

RED_FLAG_ENTITY, POSSIBLE_RED_FLAG = "red_flag", "possible_red_flag"
RED_FLAG_INTENTS = frozenset({"report_red_flag", POSSIBLE_RED_FLAG})
EMERGENCY, URGENT = "emergency", "urgent"
TIERS = (EMERGENCY, URGENT)  # most urgent first
TIER_SECTIONS = {EMERGENCY: "emergency_care", URGENT: "urgent_care"}
TIER_SLOT, SAFETY_FLAG_SLOT, DEFERRED_INTENT_SLOT = "triage_tier", "safety_flag", "deferred_intent"
SAFETY_QUESTION_ACTION = "action_safety_question"
RED_FLAG_ACTION = "action_red_flag"
# The safety flag slot's value while the safety question is the whole emergency checklist (screen_first).
EMERGENCY_SCREEN = "emergency_checklist"
# What the safety question interrupted: a symptom check, or the start of one.
SYMPTOM_CHECK = "symptom_check"
STARTS_SYMPTOM_CHECK = ("describe_pain", "ask_is_serious")


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


def quoted(phrases: list[str]) -> str:
    """'“a”, “b” and “c”': the person's own words, for utter_red_flag_mentioned."""
    marked = [f"“{phrase}”" for phrase in phrases]
    return marked[0] if len(marked) == 1 else ", ".join(marked[:-1]) + " and " + marked[-1]


def remind_of_tier(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """Repeat the conversation's tier in one line (utter_tier_reminder_<tier>), if it reached one.

    Said before any later answer, so the tier a person reached is never lost from view.
    """
    tier = tracker.get_slot(TIER_SLOT)
    if tier in TIERS:
        dispatcher.utter_message(response=f"utter_tier_reminder_{tier}")


def near_flag(tracker: Tracker) -> RedFlag | None:
    """The red flag the latest message came close to, if the semantic layer found one."""
    near = entities_named(tracker, POSSIBLE_RED_FLAG)
    return red_flags_by_id().get(near[0].get("value")) if near else None


def screen_first(asked: Section) -> list[EventType]:
    """Put the emergency checklist as the safety question, and keep the home-care topic asked for after a no."""
    return [
        SlotSet(SAFETY_FLAG_SLOT, EMERGENCY_SCREEN),
        SlotSet(DEFERRED_INTENT_SLOT, asked.intent),
        FollowupAction(SAFETY_QUESTION_ACTION),
    ]


def said_yes_to_the_screen(tracker: Tracker) -> bool:
    """A yes to the emergency checklist put as the safety question."""
    return tracker.get_slot(SAFETY_FLAG_SLOT) == EMERGENCY_SCREEN and latest_intent(tracker) == "affirm"


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
        return RED_FLAG_ACTION

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        flags, confirmed = red_flags(tracker), confirmed_safety_flag(tracker)
        if flags:
            stated = triage_tier(flags)
            dispatcher.utter_message(response="utter_red_flag_mentioned", phrases=quoted(trigger_phrases(flags)))
        elif confirmed:
            stated = confirmed.tier
            dispatcher.utter_message(response="utter_red_flag_said_yes", checklist=confirmed.checklist)
        elif said_yes_to_the_screen(tracker):
            stated = EMERGENCY
            dispatcher.utter_message(response="utter_said_yes_to_emergency_signs")
        else:
            stated = URGENT
        tier = most_urgent(stated, tracker.get_slot(TIER_SLOT)) or stated
        if tier != stated:
            dispatcher.utter_message(response="utter_still_emergency")
        dispatcher.utter_message(**section_reply(guidance()[TIER_SECTIONS[tier]]))
        return [SlotSet(TIER_SLOT, tier), SlotSet(SAFETY_FLAG_SLOT, None)]


def deferred_intent(tracker: Tracker) -> str | None:
    """What the person wanted before the safety question: the classifier's best intent that is not a red flag."""
    if tracker.latest_action_name == "action_deactivate_loop":
        return SYMPTOM_CHECK
    ranking = tracker.latest_message.get("intent_ranking") or []
    return next((entry["name"] for entry in ranking if entry.get("name") not in RED_FLAG_INTENTS), None)


class ActionSafetyQuestion(Action):
    """Ask one yes-or-no question about the red flag a message came close to, or the emergency checklist for
    one's own pain told with a home-care question, before any home advice."""

    def name(self) -> str:
        return SAFETY_QUESTION_ACTION

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        flag = near_flag(tracker)
        if flag is None and tracker.get_slot(SAFETY_FLAG_SLOT) == EMERGENCY_SCREEN:
            signs = bullets(red_flag_lists()[f"{EMERGENCY}_signs"])
            ask_choice(dispatcher, tracker, {"response": "utter_emergency_screen", "signs": signs}, SIGNS_CHOICES)
            return []
        if flag is None:
            return [FollowupAction("action_guide_search")]
        ask_choice(dispatcher, tracker, {"response": "utter_safety_question", "checklist": flag.checklist}, YES_NO)
        return [SlotSet(SAFETY_FLAG_SLOT, flag.id), SlotSet(DEFERRED_INTENT_SLOT, deferred_intent(tracker))]
