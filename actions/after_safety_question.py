"""After a no to the safety question: what the person wanted, or the emergency question first for someone in pain."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge import section_for_intent
from actions.own_pain import emergency_asked_before
from actions.own_pain_words import told_own_pain_before
from actions.replies import HOME_CARE_TOPICS, disclaim_once, offer_topics, section_reply
from actions.triage import (
    DEFERRED_INTENT_SLOT,
    SAFETY_FLAG_SLOT,
    STARTS_SYMPTOM_CHECK,
    SYMPTOM_CHECK,
    TIER_SLOT,
    screen_first,
)


class ActionAfterSafetyQuestion(Action):
    """After a no to the safety question: carry on with what the person wanted; the symptom check for someone who
    told of their own pain with no topic question ("I'm 72 and my back has gone into spasm. What should I do?"); and
    for someone in pain who asked for home care, the emergency question before the tips, as without the safety
    question ("my back spasm keeps waking me up, any tips for sleep?" is asked about night pain, then the checklist)."""

    def name(self) -> str:
        return "action_after_safety_question"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        wanted = tracker.get_slot(DEFERRED_INTENT_SLOT)
        events: list[EventType] = [SlotSet(SAFETY_FLAG_SLOT, None), SlotSet(DEFERRED_INTENT_SLOT, None)]
        dispatcher.utter_message(response="utter_good_to_hear")
        section = section_for_intent(wanted)
        in_pain = told_own_pain_before(tracker)
        if wanted == SYMPTOM_CHECK or wanted in STARTS_SYMPTOM_CHECK or (section is None and in_pain):
            return [*events, FollowupAction("action_start_symptom_check")]
        if section is None:
            dispatcher.utter_message(response="utter_what_about_back_spasms")
            return events
        if (
            section.id in HOME_CARE_TOPICS
            and in_pain
            and not tracker.get_slot(TIER_SLOT)
            and not emergency_asked_before(tracker)
        ):
            return [*events, *screen_first(section)]
        events += disclaim_once(dispatcher, tracker)
        offer_topics(dispatcher, tracker, section_reply(section), section.related)
        return events
