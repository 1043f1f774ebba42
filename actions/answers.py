"""Actions that answer from the guidance: greeting, help, topics and a user's own description."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.diary import ask_due_checkin
from actions.knowledge import section_for_intent
from actions.own_pain import may_start_symptom_check, needs_emergency_screen, wants_own_pain_assessed
from actions.own_pain_words import tells_own_pain_now
from actions.replies import (
    FIRST_TOPICS,
    PRODUCT_SECTION,
    TOPICS,
    disclaim_once,
    latest_intent,
    latest_text,
    offer_topics,
    section_reply,
)
from actions.search import ActionGuideSearch, asks_about_products, looks_english
from actions.triage import remind_of_tier, screen_first


class ActionGreet(Action):
    """Greet, say that it reads only English when the greeting was in another language ("Guten Tag! Wie geht's?"),
    say what the assistant can do, and say once that it is not a doctor."""

    def name(self) -> str:
        return "action_greet"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        dispatcher.utter_message(response="utter_greet")
        if not looks_english(latest_text(tracker)):
            dispatcher.utter_message(response="utter_english_only")
        events = disclaim_once(dispatcher, tracker)
        offer_topics(dispatcher, tracker, {"response": "utter_what_to_ask"}, FIRST_TOPICS)
        return events + ask_due_checkin(tracker)


class ActionSayGoodbye(Action):
    """Say goodbye; but one's own pain, there now, taken for a goodbye ("back gone again 😭 cant get up"), starts the
    symptom check instead: nobody in pain is waved off."""

    def name(self) -> str:
        return "action_say_goodbye"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        if tells_own_pain_now(latest_text(tracker)) and may_start_symptom_check(tracker):
            return [FollowupAction("action_start_symptom_check")]
        dispatcher.utter_message(response="utter_goodbye")
        return []


class ActionShowHelp(Action):
    """List every topic the assistant can answer, as buttons."""

    def name(self) -> str:
        return "action_show_help"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        offer_topics(dispatcher, tracker, {"response": "utter_help"}, TOPICS)
        return ask_due_checkin(tracker)


def asked_for_products(text: str) -> bool:
    """True for the products button ("/ask_hemp_products") or words about products: the classifier's guess
    alone never shows the article's products."""
    return text.startswith("/") or asks_about_products(text)


class ActionAnswerTopic(Action):
    """Answer a topic question from its guidance section, then offer related topics; a question about one's own
    pain starts the symptom check instead."""

    def name(self) -> str:
        return "action_answer_topic"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        section = section_for_intent(latest_intent(tracker))
        if wants_own_pain_assessed(tracker, section.id if section else None):
            return [FollowupAction("action_start_symptom_check")]
        text = latest_text(tracker)
        if section is not None and section.id == PRODUCT_SECTION and not asked_for_products(text):
            return ActionGuideSearch().run(dispatcher, tracker, domain)
        if section is None:
            dispatcher.utter_message(response="utter_topic_lost")
            offer_topics(dispatcher, tracker, {"response": "utter_topics"}, TOPICS)
            return []
        if needs_emergency_screen(tracker, section.id):
            return screen_first(section)
        events = disclaim_once(dispatcher, tracker)
        remind_of_tier(dispatcher, tracker)
        offer_topics(dispatcher, tracker, section_reply(section), section.related)
        return events + ask_due_checkin(tracker)
