"""Every action, run on trackers from JSON snapshots: exact events, the responses it names and what they say."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.after_safety_question import ActionAfterSafetyQuestion
from actions.answers import ActionAnswerTopic, ActionGreet, ActionSayGoodbye, ActionShowHelp
from actions.knowledge import guidance
from actions.own_pain_words import tells_own_pain, tells_own_pain_and_asks_whether_to_worry
from actions.replies import TOPICS, section_reply, topic_buttons
from actions.search import ActionGuideSearch
from actions.triage import ActionRedFlag, ActionSafetyQuestion, red_flags_by_id
from tests.unit.said import responses

Load = Callable[[str], Tracker]
Render = Callable[[CollectingDispatcher], list[str]]


def test_greet_says_what_it_does_and_that_it_is_not_a_doctor(
    tracker_from: Load, dispatcher: CollectingDispatcher, domain: dict[str, Any], render: Render
) -> None:
    events = ActionGreet().run(dispatcher, tracker_from("greet"), domain)
    assert events == [SlotSet("disclaimer_shown", True)]
    assert responses(dispatcher) == ["utter_greet", "utter_disclaimer", "utter_what_to_ask"]
    assert "not a doctor" in render(dispatcher)[1]
    assert dispatcher.messages[2]["buttons"] == topic_buttons(
        ["relief", "cold_therapy", "when_to_see_doctor", "warning_signs"]
    )


def test_a_greeting_in_another_language_is_greeted_and_told_english_only(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    ActionGreet().run(dispatcher, message_tracker("Buenos días, ¿cómo está usted?", "greet", []), domain)
    assert responses(dispatcher)[:3] == ["utter_greet", "utter_english_only", "utter_disclaimer"]


def test_greet_again_does_not_repeat_the_disclaimer(
    tracker_from: Load, dispatcher: CollectingDispatcher, domain: dict[str, Any], render: Render
) -> None:
    events = ActionGreet().run(dispatcher, tracker_from("greet_again"), domain)
    assert events == []
    assert responses(dispatcher) == ["utter_greet", "utter_what_to_ask"]
    assert render(dispatcher)[1] == "What would you like to know?"


def test_topic_answer_comes_from_its_section_with_source_and_related_buttons(
    tracker_from: Load, dispatcher: CollectingDispatcher, domain: dict[str, Any], render: Render
) -> None:
    events = ActionAnswerTopic().run(dispatcher, tracker_from("ask_cold_therapy"), domain)
    cold = guidance()["cold_therapy"]
    assert events == [SlotSet("disclaimer_shown", True)]
    assert responses(dispatcher) == ["utter_disclaimer", "utter_section"]
    assert dispatcher.messages[1]["answer"] == cold.answer
    answer = render(dispatcher)[1]
    assert answer.startswith(cold.answer) and "15 to 20 minutes" in answer
    assert answer.endswith(f"\n\nSource: Cold therapy, from {cold.source.name} ({cold.source.section}).")
    assert [button["payload"] for button in dispatcher.messages[1]["buttons"]] == [
        f"/ask_{related}" for related in cold.related
    ]


def test_unknown_topic_offers_the_topics(
    tracker_from: Load, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    assert ActionAnswerTopic().run(dispatcher, tracker_from("ask_unknown_topic"), domain) == []
    assert responses(dispatcher) == ["utter_topic_lost", "utter_topics"]
    assert len(dispatcher.messages[1]["buttons"]) == 14


def test_help_lists_every_topic_in_menu_order(
    tracker_from: Load, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    ActionShowHelp().run(dispatcher, tracker_from("greet_again"), domain)
    payloads = [button["payload"] for button in dispatcher.messages[0]["buttons"]]
    assert payloads == [f"/ask_{topic}" for topic in TOPICS]
    assert payloads[0] == "/ask_what_is_spasm" and len(payloads) == 14


def test_emergency_red_flag_names_the_words_in_order_and_gives_no_home_tip(
    tracker_from: Load, dispatcher: CollectingDispatcher, domain: dict[str, Any], render: Render
) -> None:
    events = ActionRedFlag().run(dispatcher, tracker_from("red_flag_emergency"), domain)
    assert events == [SlotSet("triage_tier", "emergency"), SlotSet("safety_flag", None)]
    assert responses(dispatcher) == ["utter_red_flag_mentioned", "utter_section"]
    assert dispatcher.messages[1]["answer"] == guidance()["emergency_care"].answer
    said = render(dispatcher)
    assert said[0] == "You mentioned “peed myself” and “both legs are numb”."
    assert not any(message["buttons"] for message in dispatcher.messages)
    for home_tip in ("ice", "heat", "ibuprofen", "walk"):
        assert f" {home_tip} " not in " ".join(said).lower()


def test_urgent_red_flag_gets_the_urgent_tier(
    tracker_from: Load, dispatcher: CollectingDispatcher, domain: dict[str, Any], render: Render
) -> None:
    events = ActionRedFlag().run(dispatcher, tracker_from("red_flag_urgent"), domain)
    assert responses(dispatcher) == ["utter_red_flag_mentioned", "utter_section"]
    assert render(dispatcher)[0] == "You mentioned “worse at night” and “had cancer”."
    assert dispatcher.messages[1] == {**dispatcher.messages[1], **section_reply(guidance()["urgent_care"])}
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
    assert responses(dispatcher) == ["utter_red_flag_mentioned", "utter_still_emergency", "utter_section"]
    assert dispatcher.messages[2]["answer"] == guidance()["emergency_care"].answer


def message_tracker(text: str, intent: str, entities: list[dict[str, Any]], **slots: Any) -> Tracker:
    ranking = [{"name": intent, "confidence": 0.7}, {"name": "ask_cold_therapy", "confidence": 0.2}]
    latest = {"text": text, "intent": ranking[0], "intent_ranking": ranking, "entities": entities}
    return Tracker("user", slots, latest, [], False, None, {}, "action_listen")


@pytest.mark.parametrize(
    ("text", "starts_the_check"),
    [
        ("back gone again 😭 cant get up", True),  # one's own pain, taken for a goodbye (session 38)
        ("my back's killing me, bye", True),
        ("bye for now", False),
        ("back's loads better, ta, see you", False),
        ("my back went last month but it's fine now, bye", False),  # over: a goodbye
    ],
)
def test_goodbye_waves_off_nobody_in_pain(
    dispatcher: CollectingDispatcher, domain: dict[str, Any], text: str, starts_the_check: bool
) -> None:
    events = ActionSayGoodbye().run(dispatcher, message_tracker(text, "goodbye", []), domain)
    if starts_the_check:
        assert (events, dispatcher.messages) == ([FollowupAction("action_start_symptom_check")], [])
    else:
        assert (events, responses(dispatcher)) == ([], ["utter_goodbye"])


def test_a_near_red_flag_gets_one_safety_question_and_keeps_what_was_asked(
    dispatcher: CollectingDispatcher, domain: dict[str, Any], render: Render
) -> None:
    near = {"entity": "possible_red_flag", "value": "saddle_numbness", "start": 0, "end": 30}
    tracker = message_tracker("it feels odd down below, is ice ok?", "possible_red_flag", [near])
    events = ActionSafetyQuestion().run(dispatcher, tracker, domain)
    assert events == [SlotSet("safety_flag", "saddle_numbness"), SlotSet("deferred_intent", "ask_cold_therapy")]
    [question] = dispatcher.messages
    checklist = red_flags_by_id()["saddle_numbness"].checklist
    assert (question["response"], question["checklist"]) == ("utter_safety_question", checklist)
    [text] = render(dispatcher)
    assert text == f"Just to be safe, before anything else: does this apply to you?\n• {checklist}"
    assert [button["payload"] for button in question["buttons"]] == ["/affirm", "/deny"]
    assert "ice" not in text.lower()


def test_yes_to_the_safety_question_gets_the_flag_s_tier(
    dispatcher: CollectingDispatcher, domain: dict[str, Any], render: Render
) -> None:
    tracker = message_tracker("yes", "affirm", [], safety_flag="saddle_numbness")
    events = ActionRedFlag().run(dispatcher, tracker, domain)
    checklist = red_flags_by_id()["saddle_numbness"].checklist
    assert responses(dispatcher) == ["utter_red_flag_said_yes", "utter_section"]
    assert render(dispatcher)[0] == f"You said yes to: {checklist}."
    assert dispatcher.messages[1]["answer"] == guidance()["emergency_care"].answer
    assert events == [SlotSet("triage_tier", "emergency"), SlotSet("safety_flag", None)]


def test_no_to_the_safety_question_answers_what_was_asked(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = message_tracker("no", "deny", [], safety_flag="saddle_numbness", deferred_intent="ask_cold_therapy")
    events = ActionAfterSafetyQuestion().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_good_to_hear", "utter_disclaimer", "utter_section"]
    assert dispatcher.messages[2]["answer"] == guidance()["cold_therapy"].answer
    assert events[:2] == [SlotSet("safety_flag", None), SlotSet("deferred_intent", None)]


def test_no_to_the_safety_question_in_a_symptom_check_carries_on_with_it(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = message_tracker("no", "deny", [], safety_flag="both_legs", deferred_intent="symptom_check")
    events = ActionAfterSafetyQuestion().run(dispatcher, tracker, domain)
    assert events[-1] == FollowupAction("action_start_symptom_check")


def test_no_to_the_safety_question_after_ones_own_pain_with_no_topic_starts_the_symptom_check(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    told = "I'm 72 and my back went into spasm while I was hoovering, it's sore. What now?"
    tracker = conversation_tracker([(told, "nlu_fallback")], "no", "deny", safety_flag="age_onset")
    events = ActionAfterSafetyQuestion().run(dispatcher, tracker, domain)
    assert events[-1] == FollowupAction("action_start_symptom_check")


def test_no_to_a_flag_s_question_from_someone_in_pain_asking_for_home_care_gets_the_emergency_question_next(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    told = "my back's been in spasm all week and it woke me at 4, what's a good way to lie?"
    earlier = [(told, "ask_sleep")]
    tracker = conversation_tracker(earlier, "no", "deny", safety_flag="night_pain", deferred_intent="ask_sleep")
    events = ActionAfterSafetyQuestion().run(dispatcher, tracker, domain)
    assert events[-3:] == [
        SlotSet("safety_flag", "emergency_checklist"),
        SlotSet("deferred_intent", "ask_sleep"),
        FollowupAction("action_safety_question"),
    ]
    assert responses(dispatcher) == ["utter_good_to_hear"]


def test_a_topic_answer_after_an_emergency_repeats_the_tier_first(
    tracker_from: Load, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = with_slots(tracker_from("ask_cold_therapy"), triage_tier="emergency", disclaimer_shown=True)
    ActionAnswerTopic().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_tier_reminder_emergency", "utter_section"]
    assert dispatcher.messages[1]["answer"] == guidance()["cold_therapy"].answer


def test_search_offers_the_matching_guide_passage(
    tracker_from: Load, dispatcher: CollectingDispatcher, domain: dict[str, Any], render: Render
) -> None:
    assert ActionGuideSearch().run(dispatcher, tracker_from("search_match"), domain) == []
    assert responses(dispatcher) == ["utter_guide_says", "utter_section"]
    assert dispatcher.messages[1]["title"] == "Cold therapy"
    assert render(dispatcher)[0] == "I'm not completely sure what you mean, but the guide says:"


def test_search_without_a_match_says_so_and_lists_topics(
    tracker_from: Load, dispatcher: CollectingDispatcher, domain: dict[str, Any], render: Render
) -> None:
    ActionGuideSearch().run(dispatcher, tracker_from("search_no_match"), domain)
    [message] = dispatcher.messages
    assert message["response"] == "utter_dont_know"
    assert render(dispatcher)[0].startswith("Sorry, I don't know that one")
    assert len(message["buttons"]) == 14


def test_search_on_empty_text_asks_for_words(
    tracker_from: Load, dispatcher: CollectingDispatcher, domain: dict[str, Any], render: Render
) -> None:
    ActionGuideSearch().run(dispatcher, tracker_from("search_empty"), domain)
    assert responses(dispatcher) == ["utter_no_words", "utter_what_about_back_spasms"]
    assert render(dispatcher) == ["I didn't get any words there.", "What would you like to know about back spasms?"]


def test_search_on_another_language_says_english_only(
    tracker_from: Load, dispatcher: CollectingDispatcher, domain: dict[str, Any], render: Render
) -> None:
    ActionGuideSearch().run(dispatcher, tracker_from("search_foreign"), domain)
    assert responses(dispatcher) == ["utter_english_only", "utter_topics"]
    assert render(dispatcher) == ["Sorry, I can only read English for now.", "Here is what I can help with:"]


def test_search_without_a_match_offers_the_topics_the_classifier_half_believed(
    tracker_from: Load, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    assert ActionGuideSearch().run(dispatcher, tracker_from("search_candidates"), domain) == []
    [message] = dispatcher.messages
    assert message["response"] == "utter_did_you_mean"
    assert [button["payload"] for button in message["buttons"]] == ["/ask_relief", "/ask_causes"]


@pytest.mark.parametrize(
    ("text", "shows_products"),
    [
        ("haven't really tried either yet", False),
        ("does CBD cream help?", True),
        ("/ask_hemp_products", True),
        ("does a menthol rub work?", True),
        ("is see bee dee any use for my back?", True),  # CBD dictated
        ("I can see the bee hive from my window", False),
    ],
)
def test_products_only_for_someone_who_asks_about_products(
    dispatcher: CollectingDispatcher, domain: dict[str, Any], text: str, shows_products: bool
) -> None:
    ActionAnswerTopic().run(dispatcher, message_tracker(text, "ask_hemp_products", []), domain)
    products = guidance()["hemp_products"].answer
    assert any(message.get("answer") == products for message in dispatcher.messages) is shows_products


def test_an_unsure_description_of_one_s_own_pain_starts_the_symptom_check(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    place = {"entity": "body_part", "value": "lower back", "start": 0, "end": 10}
    statement = message_tracker("lower back spasm, can barely get out of bed", "nlu_fallback", [place])
    assert ActionGuideSearch().run(dispatcher, statement, domain) == [FollowupAction("action_start_symptom_check")]
    question = message_tracker("what helps a lower back spasm?", "nlu_fallback", [place])
    assert ActionGuideSearch().run(dispatcher, question, domain) != [FollowupAction("action_start_symptom_check")]
    texted = message_tracker("wot brings on a back spasm mate", "nlu_fallback", [place])  # a question, texted
    assert ActionGuideSearch().run(dispatcher, texted, domain) != [FollowupAction("action_start_symptom_check")]


@pytest.mark.parametrize(
    ("text", "intent", "starts"),
    [
        ("could we run the symptom checker for my grandad", "nlu_fallback", True),
        ("symptom check please, my back's been off for days", "ask_when_to_see_doctor", True),
        ("symptom checker?", "nlu_fallback", True),
        ("is the symptom checker any good?", "nlu_fallback", False),
        ("don't want the symptom check, just tell me about heat", "ask_heat_therapy", False),
        ("Not sure what's wrong with my back, can we do the symptom check?", "nlu_fallback", True),
        ("I don't really want to do the symptom checker", "nlu_fallback", False),
        ("skip the symptom check please, what helps a spasm?", "nlu_fallback", False),
    ],
)
def test_the_symptom_check_asked_for_by_name_starts_it(
    text: str, intent: str, starts: bool, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = conversation_tracker([], text, intent)
    action = ActionGuideSearch() if intent == "nlu_fallback" else ActionAnswerTopic()
    started = action.run(dispatcher, tracker, domain) == [FollowupAction("action_start_symptom_check")]
    assert started is starts


def test_describing_a_near_sign_again_after_the_safety_question_is_a_yes(
    dispatcher: CollectingDispatcher, domain: dict[str, Any], render: Render
) -> None:
    near = {"entity": "possible_red_flag", "value": "iv_drugs", "start": 0, "end": 20}
    tracker = message_tracker("I inject, yeah. heroin", "possible_red_flag", [near], safety_flag="iv_drugs")
    events = ActionRedFlag().run(dispatcher, tracker, domain)
    assert events[0] == SlotSet("triage_tier", "urgent")
    assert render(dispatcher)[0] == "You said yes to: injecting drugs."


def conversation_tracker(earlier: list[tuple[str, str]], text: str, intent: str, **slots: Any) -> Tracker:
    """A tracker whose user said `earlier` (text, intent) before the latest message."""
    events = [
        {"event": "user", "text": said, "parse_data": {"intent": {"name": name}, "entities": []}}
        for said, name in earlier
    ]
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": []}
    events.append({"event": "user", "text": text, "parse_data": latest})
    return Tracker("user", slots, latest, events, False, None, {}, "action_listen")


@pytest.mark.parametrize(
    "opening", ["having back spasms after gardening, what helps?", "my lower back went this morning"]
)
def test_asking_about_a_doctor_after_telling_of_ones_own_pain_starts_the_symptom_check(
    opening: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = conversation_tracker([(opening, "ask_relief")], "should I see my GP?", "ask_when_to_see_doctor")
    assert ActionAnswerTopic().run(dispatcher, tracker, domain) == [FollowupAction("action_start_symptom_check")]
    assert dispatcher.messages == []


@pytest.mark.parametrize(
    ("earlier", "slots"),
    [
        ([], {}),  # a first message: the general answer
        ([("what causes back spasms?", "ask_causes")], {}),  # no pain of one's own told
        ([("my back went this morning", "describe_pain")], {"care_summary": [{"response": "utter_self_care"}]}),
    ],
)
def test_asking_about_a_doctor_otherwise_gets_the_general_answer(
    earlier: list[tuple[str, str]], slots: dict[str, Any], dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = conversation_tracker(earlier, "when should I see a doctor?", "ask_when_to_see_doctor", **slots)
    ActionAnswerTopic().run(dispatcher, tracker, domain)
    assert [message.get("answer") for message in dispatcher.messages if message.get("answer")] == [
        guidance()["when_to_see_doctor"].answer
    ]


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("I pulled something in my back at the gym, it hurts when I bend. Is that bad?", "ask_rest_and_movement"),
        ("my lower back's gone stiff after a long drive, should I be concerned?", "ask_causes"),
    ],
)
def test_ones_own_pain_told_with_is_that_bad_starts_the_symptom_check(
    text: str, intent: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = conversation_tracker([], text, intent)
    assert ActionAnswerTopic().run(dispatcher, tracker, domain) == [FollowupAction("action_start_symptom_check")]


def test_a_general_is_that_bad_question_gets_the_topic(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = conversation_tracker([], "is it bad to sit all day with back spasms?", "ask_causes")
    ActionAnswerTopic().run(dispatcher, tracker, domain)
    assert guidance()["causes"].answer in [message.get("answer") for message in dispatcher.messages]


def test_a_doctor_question_that_says_how_long_starts_the_symptom_check(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    duration = {"entity": "duration", "value": 21.0, "start": 40, "end": 56}
    text = "I've had a nagging ache in my back for about three weeks, should I see someone?"
    tracker = message_tracker(text, "ask_when_to_see_doctor", [duration])
    assert ActionAnswerTopic().run(dispatcher, tracker, domain) == [FollowupAction("action_start_symptom_check")]


def test_a_doctor_question_with_a_duration_in_general_gets_the_general_answer(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    duration = {"entity": "duration", "value": 14.0, "start": 25, "end": 32}
    tracker = message_tracker(
        "if it's still bad after 2 weeks should I get it checked", "ask_when_to_see_doctor", [duration]
    )
    ActionAnswerTopic().run(dispatcher, tracker, domain)
    assert guidance()["when_to_see_doctor"].answer in [message.get("answer") for message in dispatcher.messages]


@pytest.mark.parametrize(
    ("earlier", "text", "intent"),
    [
        ([], "Is it ok to sleep on my back? Is that bad for it?", "ask_sleep"),  # "my back" is no pain of one's own
        ([("how can I relieve back spasms?", "ask_relief")], "when should I see a doctor?", "ask_when_to_see_doctor"),
        ([], "if my back still hurts after 2 weeks, is that bad?", "ask_when_to_see_doctor"),
    ],
)
def test_general_questions_about_backs_get_the_topic(
    earlier: list[tuple[str, str]], text: str, intent: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = conversation_tracker(earlier, text, intent)
    assert ActionAnswerTopic().run(dispatcher, tracker, domain) != [FollowupAction("action_start_symptom_check")]


def test_a_symptom_check_stopped_once_is_not_started_again_by_a_doctor_question(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = conversation_tracker(
        [("my back went this morning", "describe_pain")], "when should I see a GP?", "ask_when_to_see_doctor"
    )
    tracker.events.insert(1, {"event": "action", "name": "action_start_symptom_check"})
    assert ActionAnswerTopic().run(dispatcher, tracker, domain) != [FollowupAction("action_start_symptom_check")]


def test_an_unsure_question_about_ones_own_pain_starts_the_symptom_check(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    text = "sat at my desk all week and now my lower back is in spasm. Do I need to worry?"
    tracker = conversation_tracker([], text, "nlu_fallback")
    assert ActionGuideSearch().run(dispatcher, tracker, domain) == [FollowupAction("action_start_symptom_check")]


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("my back has been in spasm for four days now, any stretches you'd recommend?", "ask_rest_and_movement"),
        ("I have pain in my back from one week. What medicine is good?", "ask_medication"),
        ("bk spasms r killing me since tues, wat helps??", "ask_relief"),
        # pain that comes and goes, there now too
        ("My back spasms every few months and it's gone again this morning, what do I do about it?", "ask_relief"),
        ("It eased off after a week but my back still hurts, what can I take for it?", "ask_medication"),
    ],
)
def test_ones_own_pain_told_with_how_long_and_a_topic_question_starts_the_symptom_check(
    text: str, intent: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    duration = {"entity": "duration", "value": 4.0, "start": 0, "end": 1}
    tracker = message_tracker(text, intent, [duration])
    assert ActionAnswerTopic().run(dispatcher, tracker, domain) == [FollowupAction("action_start_symptom_check")]
    assert dispatcher.messages == []


def test_an_unsure_question_that_tells_how_long_one_has_had_pain_starts_the_symptom_check(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    duration = {"entity": "duration", "value": 3.0, "start": 0, "end": 1}
    tracker = message_tracker("my lower back has been sore for 3 days, anything I can do?", "nlu_fallback", [duration])
    assert ActionGuideSearch().run(dispatcher, tracker, domain) == [FollowupAction("action_start_symptom_check")]


def test_a_doctor_question_that_tells_of_ones_own_pain_starts_the_symptom_check(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    text = "How long should a spasm take to settle? Mine's mid back and quite achy."
    tracker = conversation_tracker([], text, "ask_when_to_see_doctor")
    assert ActionAnswerTopic().run(dispatcher, tracker, domain) == [FollowupAction("action_start_symptom_check")]


@pytest.mark.parametrize(
    ("text", "intent", "section"),
    [
        ("My back went into spasm twice last year and it's fine now, what brings them on?", "ask_causes", "causes"),
        ("Whenever my back spasms my wife says stay in bed for days, is that right?", "ask_rest_and_movement",
         "rest_and_movement"),
        ("They keep coming back every couple of months. When should I get it looked at?", "ask_when_to_see_doctor",
         "when_to_see_doctor"),
        ("I've had two back spasms over the past few years, both cleared up in a week. What sets them off?",
         "ask_causes", "causes"),
        # session 30: spasms that come and go, and a habit told mid-sentence
        ("I'm 58 and my back spasms come and go. When is it worth seeing the GP?", "ask_when_to_see_doctor",
         "when_to_see_doctor"),
        ("I drive a bus and when my back flares into a spasm I can't sit. When should I see a doctor?",
         "ask_when_to_see_doctor", "when_to_see_doctor"),
    ],
)  # fmt: skip
def test_pain_that_is_over_or_comes_and_goes_gets_the_topic_not_the_symptom_check(
    text: str, intent: str, section: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    duration = {"entity": "duration", "value": 365.0, "start": 0, "end": 1}
    tracker = message_tracker(text, intent, [duration])
    ActionAnswerTopic().run(dispatcher, tracker, domain)
    assert guidance()[section].answer in [message.get("answer") for message in dispatcher.messages]


# ---------------------------------------------------------------- the emergency question before home-care tips


def test_ones_own_pain_told_with_a_home_care_question_gets_the_emergency_question_first(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = conversation_tracker(
        [], "my back's gone into spasm, lower down. would a heat pad help?", "ask_heat_therapy"
    )
    assert ActionAnswerTopic().run(dispatcher, tracker, domain) == [
        SlotSet("safety_flag", "emergency_checklist"),
        SlotSet("deferred_intent", "ask_heat_therapy"),
        FollowupAction("action_safety_question"),
    ]
    assert dispatcher.messages == []


def test_the_emergency_question_lists_every_emergency_sign_with_yes_and_no(
    dispatcher: CollectingDispatcher, domain: dict[str, Any], render: Render
) -> None:
    tracker = message_tracker(
        "my back's in spasm, heat or ice?", "ask_heat_therapy", [], safety_flag="emergency_checklist"
    )
    assert ActionSafetyQuestion().run(dispatcher, tracker, domain) == []
    [question] = dispatcher.messages
    assert question["response"] == "utter_emergency_screen"
    emergency = [flag.checklist for flag in red_flags_by_id().values() if flag.tier == "emergency"]
    assert render(dispatcher)[0].splitlines()[1:] == [f"• {sign}" for sign in emergency]
    assert [button["payload"] for button in question["buttons"]] == ["/affirm", "/deny"]


def test_yes_to_the_emergency_question_gets_the_emergency_advice(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = message_tracker("yes", "affirm", [], safety_flag="emergency_checklist")
    events = ActionRedFlag().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_said_yes_to_emergency_signs", "utter_section"]
    assert dispatcher.messages[1]["answer"] == guidance()["emergency_care"].answer
    assert events == [SlotSet("triage_tier", "emergency"), SlotSet("safety_flag", None)]


@pytest.mark.parametrize(
    ("earlier", "text", "intent"),
    [
        ([], "is heat or ice better for a back spasm?", "ask_heat_therapy"),  # no pain of one's own
        ([], "my back's gone into spasm, what causes that?", "ask_causes"),  # no home-care tips asked for
    ],
)
def test_general_or_non_home_care_questions_get_their_answer_at_once(
    earlier: list[tuple[str, str]], text: str, intent: str, dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = conversation_tracker(earlier, text, intent)
    ActionAnswerTopic().run(dispatcher, tracker, domain)
    assert responses(dispatcher)[-1] == "utter_section"


def test_the_emergency_question_is_asked_once_then_a_further_home_care_question_starts_the_check(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = conversation_tracker(
        [("my back's gone into spasm, would a heat pad help?", "ask_heat_therapy")],
        "should I rest it?",
        "ask_rest_and_movement",
    )
    tracker.events.insert(1, {"event": "action", "name": "action_safety_question"})
    assert ActionAnswerTopic().run(dispatcher, tracker, domain) == [FollowupAction("action_start_symptom_check")]


def test_a_typographic_apostrophe_reads_as_the_plain_one(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    # phones type "’": "back’s gone again" tells of one's own pain as "back's gone again" does
    tracker = conversation_tracker([], "back\u2019s gone again, would a hot bath help?", "ask_heat_therapy")
    assert ActionAnswerTopic().run(dispatcher, tracker, domain)[0] == SlotSet("safety_flag", "emergency_checklist")


def test_an_unsure_home_care_question_about_ones_own_pain_gets_the_emergency_question_first(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    text = "my back's been killing me, is an ice pack on the sore spot ok?"
    tracker = conversation_tracker([], text, "nlu_fallback")
    events = ActionGuideSearch().run(dispatcher, tracker, domain)
    assert events[0] == SlotSet("safety_flag", "emergency_checklist")
    assert events[-1] == FollowupAction("action_safety_question")
    assert dispatcher.messages == []


def test_an_unsure_doctor_question_after_telling_of_ones_own_pain_starts_the_symptom_check(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    earlier = [("is it ok to stretch when my back is spasming?", "ask_rest_and_movement")]
    tracker = conversation_tracker(earlier, "do you think I need a doctor or what?", "nlu_fallback")
    assert ActionGuideSearch().run(dispatcher, tracker, domain) == [FollowupAction("action_start_symptom_check")]


@pytest.mark.parametrize(
    "text",
    [
        "can you tell me what helps back pain?",
        "give me some tips for back spasms",
        "is this back stretch safe?",
        "my friend has back pain, what should I do?",
        "remind me what to do for a spasm",
        "would ice help?",
        "would ice help",
        "back spasm remedies please help",
        "what do you suggest for a back spasm?",
        "what happens if I put my back out?",
        # session 30: no pain now, said outright, beside spasms of the past
        "I've had spasms for years but I'm not in pain at the moment, what should I do when one starts?",
        "help me understand what a spasm is",
    ],
)
def test_general_questions_are_not_ones_own_pain(text: str) -> None:
    assert not tells_own_pain_and_asks_whether_to_worry(text)
    assert not (tells_own_pain(text) and "my friend" not in text)


@pytest.mark.parametrize(
    "text",
    [
        # session 31: another person's back, with or without the apostrophe, or a client's
        "would heat help my dads back spasm, he did it lifting a sofa",
        "is ice ok for my wife's back pain? she's been stuck in bed",
        "my client keeps getting back spasms, when should she see someone?",
        # session 32: a health worker's words about spasms
        "my physio talked about back spasms last week, what causes them?",
    ],
)
def test_someone_elses_back_is_not_ones_own_pain(text: str) -> None:
    assert not tells_own_pain(text)


def test_ones_own_back_told_beside_someone_elses_is() -> None:
    assert tells_own_pain("my sons back is fine but my back is killing me")


@pytest.mark.parametrize(
    "text",
    [
        "MY BACK HAS SEIZED UP HELP",
        "my back's gone, help!",
        "back's killing me, help me please",
        "back spasm right now, help",  # told without the "my"
        "Threw my back out shifting a wardrobe. Any suggestions?",
        "lower back's locked up again, so now what?",
        "I've pulled something in my back bending over, it aches. What would you recommend?",
        # session 29: a ninth blind set's wording, in other words
        "I reckon I threw my back out moving the fridge. Thoughts?",
        "Me back's all in knots since breakfast, what do you make of that?",
        "bak spasmin since lunch, wat do i do",
        "my back's locked up, is it a pulled muscle or is it serious?",
        # session 30: a tenth blind set's wording, in other words
        "Help, my lower back has gone into spasm",
        "Reached for the remote and I'm stuck bent double. What now?",
    ],
)
def test_own_pain_with_a_cry_for_help_asks_for_the_check(text: str) -> None:
    assert tells_own_pain_and_asks_whether_to_worry(text)


@pytest.mark.parametrize(
    "text",
    [
        "can I lie on my front with a back spasm or is that bad?",
        "should i carry on at the gym with my sore back or is it dangerous",
    ],
)
def test_asking_whether_something_done_is_bad_is_no_worry_about_the_pain(text: str) -> None:
    assert tells_own_pain(text)
    assert not tells_own_pain_and_asks_whether_to_worry(text)


def test_the_emergency_question_counts_as_asked_only_when_its_checklist_was_put(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    text = "my back's gone into spasm, would a heat pad help?"
    urgent_question = conversation_tracker([("I get night sweats", "possible_red_flag")], text, "ask_heat_therapy")
    urgent_question.events.insert(1, {"event": "action", "name": "action_safety_question"})
    urgent_question.events.insert(2, {"event": "slot", "name": "safety_flag", "value": "fever"})
    assert ActionAnswerTopic().run(dispatcher, urgent_question, domain)[0] == SlotSet(
        "safety_flag", "emergency_checklist"
    )
    screened = conversation_tracker([("my back hurts, is ice ok?", "ask_cold_therapy")], text, "ask_heat_therapy")
    screened.events.insert(1, {"event": "slot", "name": "safety_flag", "value": "emergency_checklist"})
    assert ActionAnswerTopic().run(dispatcher, screened, domain) == [FollowupAction("action_start_symptom_check")]


def test_the_guide_search_does_not_restart_a_check_that_was_stopped(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    tracker = conversation_tracker(
        [("my back went this morning", "describe_pain")], "my back is still sore and stiff", "nlu_fallback"
    )
    tracker.events.insert(1, {"event": "action", "name": "action_start_symptom_check"})
    assert FollowupAction("action_start_symptom_check") not in ActionGuideSearch().run(dispatcher, tracker, domain)
