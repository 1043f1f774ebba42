"""The symptom check: its start, its validation, each outcome and the summary, on tracker snapshots."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.knowledge import guidance
from actions.replies import section_text
from actions.symptom_check import (
    NO_SUMMARY,
    ActionAskEmergencySigns,
    ActionAskUrgentSigns,
    ActionShowSummary,
    ActionStartSymptomCheck,
    ActionSymptomOutcome,
    ValidateSymptomCheckForm,
    format_days,
)

Load = Callable[[str], Tracker]
RESETS = [SlotSet(slot, None) for slot in ("recurring", "not_improving", "emergency_signs", "urgent_signs")]


def texts(dispatcher: CollectingDispatcher) -> list[str]:
    return [message.get("text") or "" for message in dispatcher.messages]


def test_start_says_back_what_it_understood(tracker_from: Load, dispatcher: CollectingDispatcher) -> None:
    assert ActionStartSymptomCheck().run(dispatcher, tracker_from("symptom_check_start"), {}) == []
    assert texts(dispatcher) == [
        "I'm sorry you're in pain: your lower back for about 3 days at 6 out of 10. A few quick questions will help "
        "me point you to the right advice. You can say stop at any time."
    ]


def test_format_days() -> None:
    assert [format_days(days) for days in (0.5, 1, 3, 14, 30)] == [
        "less than a day",
        "1 day",
        "3 days",
        "2 weeks",
        "30 days",
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
        lead="I'm sorry you're in pain: your lower back for about "
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
        "two weeks and it keeps coming back, the guide's advice is to see a doctor."
    )
    assert texts(dispatcher) == [section_text(guidance()["when_to_see_doctor"], lead=lead)]


def test_an_emergency_sign_gets_only_the_emergency_advice(tracker_from: Load, dispatcher: CollectingDispatcher) -> None:
    ActionSymptomOutcome().run(dispatcher, tracker_from("symptom_check_emergency"), {})
    assert texts(dispatcher) == [
        section_text(guidance()["emergency_care"], lead="You said yes to one of the emergency signs.")
    ]


def test_an_urgent_sign_gets_the_urgent_advice(tracker_from: Load, dispatcher: CollectingDispatcher) -> None:
    ActionSymptomOutcome().run(dispatcher, tracker_from("symptom_check_urgent"), {})
    assert texts(dispatcher) == [
        section_text(guidance()["urgent_care"], lead="You said yes to one of the urgent signs.")
    ]


def test_the_summary_is_repeated(tracker_from: Load, dispatcher: CollectingDispatcher) -> None:
    ActionShowSummary().run(dispatcher, tracker_from("summary_saved"), {})
    assert texts(dispatcher) == ["Here is your summary again:\n\nPlan text"]


def test_no_summary_yet_says_how_to_get_one(tracker_from: Load, dispatcher: CollectingDispatcher) -> None:
    ActionShowSummary().run(dispatcher, tracker_from("summary_missing"), {})
    assert texts(dispatcher) == [NO_SUMMARY]


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
    assert emergency["text"] == (
        "Do you have any of these?\n"
        "• loss of bladder or bowel control, or trouble peeing\n"
        "• numbness or tingling around the genitals, buttocks or inner thighs\n"
        "• weakness, numbness or tingling in both legs\n"
        "• chest pain, or pain after a serious accident, fall or blow"
    )
    assert urgent["text"].startswith("And any of these?\n• a fever, or feeling hot and shivery\n")
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
