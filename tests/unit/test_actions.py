"""Every action, run on trackers from JSON snapshots: exact events and exact messages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import GREETING, ActionAnswerTopic, ActionGreet, ActionShowHelp
from actions.knowledge import guidance
from actions.replies import DISCLAIMER, TOPICS, section_text, topic_buttons
from actions.search import ActionGuideSearch
from actions.triage import ActionRedFlag

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
    assert ActionRedFlag().run(dispatcher, tracker_from("red_flag_emergency"), domain) == []
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
    ActionRedFlag().run(dispatcher, tracker_from("red_flag_urgent"), domain)
    assert texts(dispatcher) == [
        section_text(guidance()["urgent_care"], lead="You mentioned “worse at night” and “had cancer”.")
    ]


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
