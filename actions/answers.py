"""Actions that answer from the guidance: greeting, help, topics and a user's own description."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.diary import ask_due_checkin
from actions.knowledge import section_for_intent
from actions.own_pain import (
    asks_about_own_pain,
    asks_home_care_again,
    needs_emergency_screen,
    reports_own_pain_now,
    symptom_check_started_before,
    tells_own_pain,
    told_own_pain_before,
)
from actions.replies import FIRST_TOPICS, TOPICS, disclaim_once, latest_intent, offer_topics, section_reply
from actions.search import PRODUCT_SECTION, ActionGuideSearch, asks_about_products
from actions.symptom_check import SUMMARY_SLOT
from actions.triage import remind_of_tier, screen_first


class ActionGreet(Action):
    """Greet, say what the assistant can do, and say once that it is not a doctor."""

    def name(self) -> str:
        return "action_greet"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        dispatcher.utter_message(response="utter_greet")
        events = disclaim_once(dispatcher, tracker)
        offer_topics(dispatcher, tracker, {"response": "utter_what_to_ask"}, FIRST_TOPICS)
        return events + ask_due_checkin(tracker)


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


def wants_own_pain_assessed(tracker: Tracker) -> bool:
    """Outside a symptom check and before one has answered: one's own pain told with how long or how bad ("my
    back has hurt for 3 days, heat or ice?"), or with "is that bad?"; a second home-care question, or "should I
    see my GP?", from someone who tells of their own pain now or did before. The check's questions come first;
    the topic is answered after."""
    if (
        (tracker.active_loop or {}).get("name")
        or tracker.get_slot(SUMMARY_SLOT)
        or symptom_check_started_before(tracker)
    ):
        return False
    asked = section_for_intent(latest_intent(tracker))
    if asks_about_own_pain(tracker) or reports_own_pain_now(tracker):
        return True
    if asked is not None and asks_home_care_again(tracker, asked.id):
        return True
    return latest_intent(tracker) == "ask_when_to_see_doctor" and (
        tells_own_pain(tracker.latest_message.get("text") or "") or told_own_pain_before(tracker)
    )


class ActionAnswerTopic(Action):
    """Answer a topic question from its guidance section, then offer related topics; a question about one's own
    pain starts the symptom check instead."""

    def name(self) -> str:
        return "action_answer_topic"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        if wants_own_pain_assessed(tracker):
            return [FollowupAction("action_start_symptom_check")]
        section = section_for_intent(latest_intent(tracker))
        text = tracker.latest_message.get("text") or ""
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
