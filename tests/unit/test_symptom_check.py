"""The symptom check: its start, its validation, each outcome and the summary, on tracker snapshots."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge import bullets, guidance, red_flag_lists
from actions.replies import section_text
from actions.symptom_check import (
    NO_SUMMARY,
    TIER_LEADS,
    ActionAskEmergencySigns,
    ActionAskUrgentSigns,
    ActionShowSummary,
    ActionStartSymptomCheck,
    ActionSymptomOutcome,
    ValidateSymptomCheckForm,
    format_duration,
)

Load = Callable[[str], Tracker]
RESETS = [SlotSet(slot, None) for slot in ("recurring", "not_improving", "emergency_signs", "urgent_signs")]


def texts(dispatcher: CollectingDispatcher) -> list[str]:
    return [message.get("text") or "" for message in dispatcher.messages]


def test_start_says_back_what_it_understood(tracker_from: Load, dispatcher: CollectingDispatcher) -> None:
    assert ActionStartSymptomCheck().run(dispatcher, tracker_from("symptom_check_start"), {}) == []
    assert texts(dispatcher) == [
        "I'm sorry you're in pain: your lower back for 3 days at 6 out of 10. A few quick questions will help "
        "me point you to the right advice. You can say stop at any time."
    ]


def test_durations_are_said_back_in_plain_words() -> None:
    assert [format_duration(days) for days in (0.25, 1, 2, 3.5, 14, 21, 30, 60, 90, 400, 1095)] == [
        "since today",
        "for 1 day",
        "for 2 days",
        "for 4 days",
        "for about 2 weeks",
        "for about 3 weeks",
        "for about 1 month",
        "for about 2 months",
        "for about 3 months",
        "for about 1 year",
        "for about 3 years",
    ]


async def test_a_bare_number_answers_the_pain_question(tracker_from: Load, dispatcher: CollectingDispatcher) -> None:
    form = ValidateSymptomCheckForm()
    assert await form.extract_pain_level(dispatcher, tracker_from("symptom_check_pain_answer"), {}) == {
        "pain_level": 7.0
    }


def test_pain_outside_0_to_10_is_asked_again(tracker_from: Load, dispatcher: CollectingDispatcher) -> None:
    form = ValidateSymptomCheckForm()
    tracker = tracker_from("symptom_check_pain_answer")
    assert form.validate_pain_level("11", dispatcher, tracker, {}) == {"pain_level": None}
    assert texts(dispatcher) == ["Please give a number from 0 to 10."]
    assert form.validate_pain_level("4", dispatcher, tracker, {}) == {"pain_level": 4.0}


def test_nothing_serious_gives_the_self_care_plan_and_one_safety_net(
    tracker_from: Load, dispatcher: CollectingDispatcher
) -> None:
    events = ActionSymptomOutcome().run(dispatcher, tracker_from("symptom_check_self_care"), {})
    plan = section_text(
        guidance()["self_care_plan"],
        lead="I'm sorry you're in pain: your lower back for "
        "3 days at 6 out of 10. Nothing you told me points to a warning sign. Here is a plan from the guide:",
    )
    safety_net = section_text(guidance()["safety_net"])
    assert texts(dispatcher) == [plan, safety_net]
    assert "15 to 20 minutes" in plan
    assert events == [SlotSet("care_summary", f"{plan}\n\n{safety_net}"), *RESETS]


def test_long_or_recurring_pain_is_sent_to_a_doctor(tracker_from: Load, dispatcher: CollectingDispatcher) -> None:
    ActionSymptomOutcome().run(dispatcher, tracker_from("symptom_check_long_and_recurring"), {})
    lead = (
        "I'm sorry you're in pain: your neck for about 3 weeks at 4 out of 10. Because it has lasted more than "
        "two weeks and it keeps coming back, the advice is to see a doctor."
    )
    assert texts(dispatcher) == [section_text(guidance()["when_to_see_doctor"], lead=lead)]


def test_an_emergency_sign_gets_only_the_emergency_advice(tracker_from: Load, dispatcher: CollectingDispatcher) -> None:
    ActionSymptomOutcome().run(dispatcher, tracker_from("symptom_check_emergency"), {})
    assert texts(dispatcher) == [section_text(guidance()["emergency_care"], lead=TIER_LEADS["emergency"])]


def test_an_urgent_sign_gets_the_urgent_advice(tracker_from: Load, dispatcher: CollectingDispatcher) -> None:
    ActionSymptomOutcome().run(dispatcher, tracker_from("symptom_check_urgent"), {})
    assert texts(dispatcher) == [section_text(guidance()["urgent_care"], lead=TIER_LEADS["urgent"])]


def test_the_summary_is_repeated(tracker_from: Load, dispatcher: CollectingDispatcher) -> None:
    ActionShowSummary().run(dispatcher, tracker_from("summary_saved"), {})
    assert texts(dispatcher) == ["Here is your summary again:\n\nPlan text"]


def test_no_summary_yet_starts_the_symptom_check(tracker_from: Load, dispatcher: CollectingDispatcher) -> None:
    events = ActionShowSummary().run(dispatcher, tracker_from("summary_missing"), {})
    assert texts(dispatcher) == [NO_SUMMARY]
    assert events == [FollowupAction("action_start_symptom_check")]


def test_domain_asks_every_form_slot(domain: dict[str, Any]) -> None:
    for slot in domain["forms"]["symptom_check_form"]["required_slots"]:
        assert f"utter_ask_{slot}" in domain["responses"] or f"action_ask_{slot}" in domain["actions"], slot


def test_the_checklist_questions_list_the_guide_s_warning_signs(
    tracker_from: Load, dispatcher: CollectingDispatcher
) -> None:
    tracker = tracker_from("symptom_check_start")
    assert ActionAskEmergencySigns().run(dispatcher, tracker, {}) == []
    assert ActionAskUrgentSigns().run(dispatcher, tracker, {}) == []
    emergency, urgent = dispatcher.messages
    lists = red_flag_lists()
    assert emergency["text"] == "Do you have any of these right now?\n" + bullets(lists["emergency_signs"])
    assert urgent["text"] == "Last question: do you have any of these?\n" + bullets(lists["urgent_signs"])
    assert lists["emergency_signs"][0] == "loss of bladder or bowel control"
    assert "injecting drugs" in lists["urgent_signs"]
    assert [ActionAskEmergencySigns().name(), ActionAskUrgentSigns().name()] == [
        "action_ask_emergency_signs",
        "action_ask_urgent_signs",
    ]
    for message in (emergency, urgent):
        assert [(button["title"], button["payload"]) for button in message["buttons"]] == [
            ("Yes, one of these", "/affirm"),
            ("No, none of these", "/deny"),
        ]


def test_the_guide_s_warning_signs_answer_and_the_checklists_share_their_lists() -> None:
    section = guidance()["warning_signs"]
    for name in ("emergency_signs", "urgent_signs"):
        for sign in section.lists[name]:
            assert f"• {sign}\n" in section.answer + "\n"


def tracker(slots: dict[str, Any], text: str = "", intent: str = "nlu_fallback") -> Tracker:
    """A tracker in the middle of the symptom check, with these slots and this latest message."""
    message = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": []}
    return Tracker("user", slots, message, [], False, None, {"name": "symptom_check_form"}, "action_listen")


FORM_SLOTS = [
    "emergency_signs",
    "body_part",
    "duration_days",
    "recurring",
    "pain_level",
    "not_improving",
    "urgent_signs",
]


async def test_the_emergency_question_comes_first_and_a_tier_ends_the_questions(
    dispatcher: CollectingDispatcher, domain: dict[str, Any]
) -> None:
    form = ValidateSymptomCheckForm()
    assert domain["forms"]["symptom_check_form"]["required_slots"] == FORM_SLOTS
    assert await form.required_slots(FORM_SLOTS, dispatcher, tracker({}), domain) == FORM_SLOTS
    urgent = tracker({"triage_tier": "urgent"})
    assert await form.required_slots(FORM_SLOTS, dispatcher, urgent, domain) == ["emergency_signs"]
    assert await form.required_slots(FORM_SLOTS, dispatcher, tracker({"urgent_signs": True}), domain) == [
        "emergency_signs"
    ]
    assert await form.required_slots(FORM_SLOTS, dispatcher, tracker({"emergency_signs": True}), domain) == []


def test_a_yes_to_a_checklist_raises_the_tier_and_never_lowers_it(dispatcher: CollectingDispatcher) -> None:
    form = ValidateSymptomCheckForm()
    assert form.validate_emergency_signs(True, dispatcher, tracker({}), {}) == {
        "emergency_signs": True,
        "triage_tier": "emergency",
    }
    assert form.validate_emergency_signs(False, dispatcher, tracker({}), {}) == {"emergency_signs": False}
    assert form.validate_urgent_signs(True, dispatcher, tracker({}), {}) == {
        "urgent_signs": True,
        "triage_tier": "urgent",
    }
    emergency = tracker({"triage_tier": "emergency"})
    assert form.validate_urgent_signs(True, dispatcher, emergency, {}) == {"urgent_signs": True}


async def test_typed_answers_are_read_for_the_question_asked(dispatcher: CollectingDispatcher) -> None:
    form = ValidateSymptomCheckForm()
    nothing_helps = tracker(
        {"requested_slot": "not_improving"}, "Tried ice and painkillers and nothing helps", "ask_medication"
    )
    assert await form.extract_not_improving(dispatcher, nothing_helps, {}) == {"not_improving": True}
    typed_button = tracker({"requested_slot": "recurring"}, "Yes, it keeps coming back", "ask_prevention")
    assert await form.extract_recurring(dispatcher, typed_button, {}) == {"recurring": True}
    assert await form.extract_emergency_signs(
        dispatcher, tracker({"requested_slot": "emergency_signs"}, "nah"), {}
    ) == {"emergency_signs": False}
    words = tracker({"requested_slot": "pain_level"}, "about a seven", "describe_pain")
    assert await form.extract_pain_level(dispatcher, words, {}) == {"pain_level": 7.0}
    # Another question's slot, an answer the intent already gives, or a red flag: nothing is read.
    assert await form.extract_recurring(dispatcher, tracker({"requested_slot": "pain_level"}, "yes"), {}) == {}
    assert await form.extract_recurring(dispatcher, tracker({"requested_slot": "recurring"}, "yes", "affirm"), {}) == {}
    flagged = tracker({"requested_slot": "pain_level"}, "8, and I wet myself", "report_red_flag")
    assert await form.extract_pain_level(dispatcher, flagged, {}) == {}


def test_very_bad_pain_alone_is_a_reason_to_see_a_doctor(dispatcher: CollectingDispatcher) -> None:
    slots = {"body_part": "lower back", "duration_days": 1.0, "pain_level": 9.0, "recurring": False,
             "not_improving": False, "emergency_signs": False, "urgent_signs": False}  # fmt: skip
    ActionSymptomOutcome().run(dispatcher, tracker(slots), {})
    lead = (
        "I'm sorry you're in pain: your lower back for 1 day at 9 out of 10. Because the pain is very bad, "
        "the advice is to see a doctor."
    )
    assert texts(dispatcher) == [section_text(guidance()["when_to_see_doctor"], lead=lead)]


def test_an_earlier_emergency_wins_over_a_later_calm_check(dispatcher: CollectingDispatcher) -> None:
    slots = {"triage_tier": "emergency", "duration_days": 2.0, "emergency_signs": False, "urgent_signs": False}
    ActionSymptomOutcome().run(dispatcher, tracker(slots), {})
    assert texts(dispatcher) == [section_text(guidance()["emergency_care"], lead=TIER_LEADS["emergency"])]


def test_after_an_urgent_sign_the_emergency_question_says_why_it_is_asked(dispatcher: CollectingDispatcher) -> None:
    ActionAskEmergencySigns().run(dispatcher, tracker({"triage_tier": "urgent"}), {})
    assert texts(dispatcher)[0].startswith("One more question, to be safe: do you have any of these right now?\n")


async def test_describing_a_sign_of_the_checklist_asked_is_a_yes(dispatcher: CollectingDispatcher) -> None:
    form = ValidateSymptomCheckForm()
    near = tracker({"requested_slot": "urgent_signs"}, "I inject, yeah. heroin", "possible_red_flag")
    near.latest_message["entities"] = [{"entity": "possible_red_flag", "value": "iv_drugs"}]
    assert await form.extract_urgent_signs(dispatcher, near, {}) == {"urgent_signs": True}
    near.slots["requested_slot"] = "emergency_signs"  # an urgent sign does not answer the emergency checklist
    assert await form.extract_emergency_signs(dispatcher, near, {}) == {}
    typo = tracker({"requested_slot": "body_part"}, "lowr back")
    assert await form.extract_body_part(dispatcher, typo, {}) == {"body_part": "lower back"}
