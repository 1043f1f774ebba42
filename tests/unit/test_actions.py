"""Every action, run on trackers from JSON snapshots: exact events and exact messages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import GREETING, ActionAnswerTopic, ActionGreet, ActionShowHelp
from actions.knowledge import guidance
from actions.replies import DISCLAIMER, TOPICS, section_text, topic_buttons
from actions.search import ActionGuideSearch
from actions.triage import (
    TIER_REMINDERS,
    ActionAfterSafetyQuestion,
    ActionRedFlag,
    ActionSafetyQuestion,
    red_flags_by_id,
)

Load = Callable[[str], Tracker]


def texts(dispatcher: CollectingDispatcher) -> list[str]:
    return [message.get("text") or "" for message in dispatcher.messages]


def test_greet_says_what_it_does_and_that_it_is_not_a_doctor(
    tracker_from: Load, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    events = ActionGreet().run(dispatcher, tracker_from("greet"), domain)
    assert events == [SlotSet("disclaimer_shown", True)]
    assert texts(dispatcher)[:2] == [GREETING, DISCLAIMER]
    assert dispatcher.messages[2]["buttons"] == topic_buttons(
        ["relief", "cold_therapy", "when_to_see_doctor", "warning_signs"]
    )


def test_greet_again_does_not_repeat_the_disclaimer(
    tracker_from: Load, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    events = ActionGreet().run(dispatcher, tracker_from("greet_again"), domain)
    assert events == []
    assert texts(dispatcher) == [GREETING, "What would you like to know?"]


def test_topic_answer_comes_from_its_section_with_source_and_related_buttons(
    tracker_from: Load, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    events = ActionAnswerTopic().run(dispatcher, tracker_from("ask_cold_therapy"), domain)
    cold = guidance()["cold_therapy"]
    assert events == [SlotSet("disclaimer_shown", True)]
    assert dispatcher.messages[0]["text"] == DISCLAIMER
    assert dispatcher.messages[1]["text"] == section_text(cold)
    assert "15 to 20 minutes" in dispatcher.messages[1]["text"]
    assert dispatcher.messages[1]["text"].endswith(
        f"Source: Cold therapy, from {cold.source.name} ({cold.source.section})."
    )
    assert [button["payload"] for button in dispatcher.messages[1]["buttons"]] == [
        f"/ask_{related}" for related in cold.related
    ]


def test_unknown_topic_offers_the_topics(
    tracker_from: Load, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    assert ActionAnswerTopic().run(dispatcher, tracker_from("ask_unknown_topic"), domain) == []
    assert len(dispatcher.messages) == 1
    assert len(dispatcher.messages[0]["buttons"]) == 14


def test_help_lists_every_topic_in_menu_order(
    tracker_from: Load, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    ActionShowHelp().run(dispatcher, tracker_from("greet_again"), domain)
    payloads = [button["payload"] for button in dispatcher.messages[0]["buttons"]]
    assert payloads == [f"/ask_{topic}" for topic in TOPICS]
    assert payloads[0] == "/ask_what_is_spasm" and len(payloads) == 14


def test_emergency_red_flag_names_the_words_in_order_and_gives_no_home_tip(
    tracker_from: Load, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    events = ActionRedFlag().run(dispatcher, tracker_from("red_flag_emergency"), domain)
    assert events == [SlotSet("triage_tier", "emergency"), SlotSet("safety_flag", None)]
    [message] = dispatcher.messages
    assert message["text"] == section_text(
        guidance()["emergency_care"], lead="You mentioned “peed myself” and “both legs are numb”."
    )
    assert not message["buttons"]
    for home_tip in ("ice", "heat", "ibuprofen", "walk"):
        assert f" {home_tip} " not in message["text"].lower()


def test_urgent_red_flag_gets_the_urgent_tier(
    tracker_from: Load, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    events = ActionRedFlag().run(dispatcher, tracker_from("red_flag_urgent"), domain)
    assert texts(dispatcher) == [
        section_text(guidance()["urgent_care"], lead="You mentioned “worse at night” and “had cancer”.")
    ]
    assert events == [SlotSet("triage_tier", "urgent"), SlotSet("safety_flag", None)]


def with_slots(tracker: Tracker, **slots: Any) -> Tracker:
    tracker.slots.update(slots)
    return tracker


def test_an_earlier_emergency_is_never_downgraded_by_a_later_urgent_flag(
    tracker_from: Load, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = with_slots(tracker_from("red_flag_urgent"), triage_tier="emergency")
    events = ActionRedFlag().run(dispatcher, tracker, domain)
    assert events[0] == SlotSet("triage_tier", "emergency")
    assert texts(dispatcher) == [
        section_text(
            guidance()["emergency_care"],
            lead="You mentioned “worse at night” and “had cancer”. Together with what you told me earlier, "
            "this still needs emergency care.",
        )
    ]


def message_tracker(text: str, intent: str, entities: list[dict[str, Any]], **slots: Any) -> Tracker:
    ranking = [{"name": intent, "confidence": 0.7}, {"name": "ask_cold_therapy", "confidence": 0.2}]
    latest = {"text": text, "intent": ranking[0], "intent_ranking": ranking, "entities": entities}
    return Tracker("user", slots, latest, [], False, None, {}, "action_listen")


def test_a_near_red_flag_gets_one_safety_question_and_keeps_what_was_asked(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    near = {"entity": "possible_red_flag", "value": "saddle_numbness", "start": 0, "end": 30}
    tracker = message_tracker("it feels odd down below, is ice ok?", "possible_red_flag", [near])
    events = ActionSafetyQuestion().run(dispatcher, tracker, domain)
    assert events == [SlotSet("safety_flag", "saddle_numbness"), SlotSet("deferred_intent", "ask_cold_therapy")]
    [question] = dispatcher.messages
    checklist = red_flags_by_id()["saddle_numbness"].checklist
    assert question["text"] == f"Just to be safe, before anything else: does this apply to you?\n• {checklist}"
    assert [button["payload"] for button in question["buttons"]] == ["/affirm", "/deny"]
    assert "ice" not in question["text"].lower()


def test_yes_to_the_safety_question_gets_the_flag_s_tier(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = message_tracker("yes", "affirm", [], safety_flag="saddle_numbness")
    events = ActionRedFlag().run(dispatcher, tracker, domain)
    checklist = red_flags_by_id()["saddle_numbness"].checklist
    assert texts(dispatcher) == [section_text(guidance()["emergency_care"], lead=f"You said yes to: {checklist}.")]
    assert events == [SlotSet("triage_tier", "emergency"), SlotSet("safety_flag", None)]


def test_no_to_the_safety_question_answers_what_was_asked(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = message_tracker("no", "deny", [], safety_flag="saddle_numbness", deferred_intent="ask_cold_therapy")
    events = ActionAfterSafetyQuestion().run(dispatcher, tracker, domain)
    assert texts(dispatcher) == [
        "Thank you, that's good to hear.",
        DISCLAIMER,
        section_text(guidance()["cold_therapy"]),
    ]
    assert events[:2] == [SlotSet("safety_flag", None), SlotSet("deferred_intent", None)]


def test_no_to_the_safety_question_in_a_symptom_check_carries_on_with_it(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = message_tracker("no", "deny", [], safety_flag="both_legs", deferred_intent="symptom_check")
    events = ActionAfterSafetyQuestion().run(dispatcher, tracker, domain)
    assert events[-1] == FollowupAction("action_start_symptom_check")


def test_a_topic_answer_after_an_emergency_repeats_the_tier_first(
    tracker_from: Load, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = with_slots(tracker_from("ask_cold_therapy"), triage_tier="emergency", disclaimer_shown=True)
    ActionAnswerTopic().run(dispatcher, tracker, domain)
    assert texts(dispatcher) == [TIER_REMINDERS["emergency"], section_text(guidance()["cold_therapy"])]


def test_search_offers_the_matching_guide_passage(
    tracker_from: Load, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    assert ActionGuideSearch().run(dispatcher, tracker_from("search_match"), domain) == []
    [message] = dispatcher.messages
    assert message["text"].startswith("I'm not completely sure what you mean, but the guide says:")
    assert "Source: Cold therapy" in message["text"]


def test_search_without_a_match_says_so_and_lists_topics(
    tracker_from: Load, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    ActionGuideSearch().run(dispatcher, tracker_from("search_no_match"), domain)
    [message] = dispatcher.messages
    assert message["text"].startswith("Sorry, I don't know that one")
    assert "Source:" not in message["text"]
    assert len(message["buttons"]) == 14


def test_search_on_empty_text_asks_for_words(
    tracker_from: Load, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    ActionGuideSearch().run(dispatcher, tracker_from("search_empty"), domain)
    assert texts(dispatcher) == ["I didn't get any words there. What would you like to know about back spasms?"]


def test_search_on_another_language_says_english_only(
    tracker_from: Load, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    ActionGuideSearch().run(dispatcher, tracker_from("search_foreign"), domain)
    assert texts(dispatcher) == ["Sorry, I can only read English for now. Here is what I can help with:"]


def test_search_without_a_match_offers_the_topics_the_classifier_half_believed(
    tracker_from: Load, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    assert ActionGuideSearch().run(dispatcher, tracker_from("search_candidates"), domain) == []
    [message] = dispatcher.messages
    assert message["text"] == "I'm not sure I understood. Did you mean one of these?"
    assert [button["payload"] for button in message["buttons"]] == ["/ask_relief", "/ask_causes"]


@pytest.mark.parametrize(
    ("text", "shows_products"),
    [("haven't really tried either yet", False), ("does CBD cream help?", True), ("/ask_hemp_products", True)],
)
def test_products_only_for_someone_who_asks_about_products(
    dispatcher: CollectingDispatcher, domain: dict[str, Any], text: str, shows_products: bool
) -> None:
    ActionAnswerTopic().run(dispatcher, message_tracker(text, "ask_hemp_products", []), domain)
    products = guidance()["hemp_products"].answer
    assert any(products in reply for reply in texts(dispatcher)) is shows_products


def test_an_unsure_description_of_one_s_own_pain_starts_the_symptom_check(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    place = {"entity": "body_part", "value": "lower back", "start": 0, "end": 10}
    statement = message_tracker("lower back spasm, can barely get out of bed", "nlu_fallback", [place])
    assert ActionGuideSearch().run(dispatcher, statement, domain) == [FollowupAction("action_start_symptom_check")]
    question = message_tracker("what helps a lower back spasm?", "nlu_fallback", [place])
    assert ActionGuideSearch().run(dispatcher, question, domain) != [FollowupAction("action_start_symptom_check")]


def test_describing_a_near_sign_again_after_the_safety_question_is_a_yes(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    near = {"entity": "possible_red_flag", "value": "iv_drugs", "start": 0, "end": 20}
    tracker = message_tracker("I inject, yeah. heroin", "possible_red_flag", [near], safety_flag="iv_drugs")
    events = ActionRedFlag().run(dispatcher, tracker, domain)
    assert events[0] == SlotSet("triage_tier", "urgent")
    assert texts(dispatcher)[0].startswith("You said yes to: injecting drugs.")
