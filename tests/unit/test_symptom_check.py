"""The symptom check: its start, its validation, each outcome and the summary, on tracker snapshots."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.diary import KEEP_CHOICES
from actions.knowledge import bullets, guidance, red_flag_lists
from actions.replies import section_reply
from actions.symptom_check import (
    SUMMARY_SLOT,
    ActionAskEmergencySigns,
    ActionAskNotImproving,
    ActionAskRecurring,
    ActionAskUrgentSigns,
    ActionShowSummary,
    ActionStartSymptomCheck,
    ActionSymptomOutcome,
    ValidateSymptomCheckForm,
    format_duration,
    outcome,
)
from tests.unit.said import responses, sent

Load = Callable[[str], Tracker]
Render = Callable[[CollectingDispatcher], list[str]]
RESETS = [
    SlotSet(slot, None) for slot in ("recurring", "not_improving", "emergency_signs", "urgent_signs", "pending_topic")
]


def test_start_says_back_what_it_understood(
    tracker_from: Load, dispatcher: CollectingDispatcher, render: Render
) -> None:
    assert ActionStartSymptomCheck().run(dispatcher, tracker_from("symptom_check_start"), {}) == [
        *RESETS  # no answer or topic left over from a check stopped before
    ]
    assert responses(dispatcher) == ["utter_sorry_in_pain_details", "utter_symptom_check_intro"]
    assert render(dispatcher) == [
        "I'm sorry you're in pain (your lower back for 3 days at 6 out of 10).",
        "A few quick questions will help me point you to the right advice. You can say stop at any time.",
    ]


def test_start_without_details_just_says_sorry(dispatcher: CollectingDispatcher, render: Render) -> None:
    ActionStartSymptomCheck().run(dispatcher, tracker({"disclaimer_shown": True}), {})
    assert render(dispatcher)[0] == "I'm sorry you're in pain."


def test_a_general_question_is_not_told_sorry_for_pain_it_never_mentioned(dispatcher: CollectingDispatcher) -> None:
    asked = tracker(
        {"disclaimer_shown": True, "body_part": "back"}, "is a back spasm something serious?", "ask_is_serious"
    )
    ActionStartSymptomCheck().run(dispatcher, asked, {})
    assert responses(dispatcher) == ["utter_symptom_check_intro"]


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
    assert responses(dispatcher) == ["utter_pain_out_of_range"]
    assert form.validate_pain_level("4", dispatcher, tracker, {}) == {"pain_level": 4.0}


def test_nothing_serious_gives_the_self_care_plan_and_one_safety_net(
    tracker_from: Load, dispatcher: CollectingDispatcher, render: Render
) -> None:
    events = ActionSymptomOutcome().run(dispatcher, tracker_from("symptom_check_self_care"), {})
    replies = [
        {"response": "utter_sorry_in_pain_details", "details": "your lower back for 3 days at 6 out of 10"},
        {"response": "utter_self_care_plan"},
        section_reply(guidance()["self_care_plan"]),
        section_reply(guidance()["safety_net"]),
    ]
    offer = {"response": "utter_ask_keep_score", "pain": "6"}
    assert sent(dispatcher) == [*replies, offer]
    assert dispatcher.messages[-1]["buttons"] == KEEP_CHOICES
    assert render(dispatcher)[1] == "Nothing you told me points to a warning sign. Here is a plan from the guide:"
    assert "15 to 20 minutes" in render(dispatcher)[2]
    assert events == [
        SlotSet("care_summary", replies),
        *RESETS,
        SlotSet("offered_score", 6.0),
        SlotSet("diary_offered", True),
    ]


def test_long_or_recurring_pain_is_sent_to_a_doctor(
    tracker_from: Load, dispatcher: CollectingDispatcher, render: Render
) -> None:
    ActionSymptomOutcome().run(dispatcher, tracker_from("symptom_check_long_and_recurring"), {})
    assert responses(dispatcher) == [
        "utter_sorry_in_pain_details",
        "utter_see_doctor_because",
        "utter_section",
        "utter_ask_keep_score",
    ]
    assert render(dispatcher)[:2] == [
        "I'm sorry you're in pain (your neck for about 3 weeks at 4 out of 10).",
        "Because it has lasted more than two weeks and it keeps coming back, the advice is to see a doctor.",
    ]
    assert dispatcher.messages[2]["answer"] == guidance()["when_to_see_doctor"].answer


def test_an_emergency_sign_gets_only_the_emergency_advice(tracker_from: Load, dispatcher: CollectingDispatcher) -> None:
    ActionSymptomOutcome().run(dispatcher, tracker_from("symptom_check_emergency"), {})
    assert sent(dispatcher) == [{"response": "utter_tier_lead_emergency"}, section_reply(guidance()["emergency_care"])]


def test_an_urgent_sign_gets_the_urgent_advice(tracker_from: Load, dispatcher: CollectingDispatcher) -> None:
    ActionSymptomOutcome().run(dispatcher, tracker_from("symptom_check_urgent"), {})
    assert sent(dispatcher) == [{"response": "utter_tier_lead_urgent"}, section_reply(guidance()["urgent_care"])]


def test_the_summary_is_repeated(tracker_from: Load, dispatcher: CollectingDispatcher, render: Render) -> None:
    tracker = tracker_from("summary_saved")
    ActionShowSummary().run(dispatcher, tracker, {})
    assert sent(dispatcher) == [{"response": "utter_summary_again"}, *tracker.get_slot("care_summary")]
    assert render(dispatcher)[2] == "Plan text\n\nSource: Urgent care, from NHS (Back pain)."


def test_no_summary_yet_starts_the_symptom_check(tracker_from: Load, dispatcher: CollectingDispatcher) -> None:
    events = ActionShowSummary().run(dispatcher, tracker_from("summary_missing"), {})
    assert responses(dispatcher) == ["utter_no_summary_yet"]
    assert events == [FollowupAction("action_start_symptom_check")]


def test_a_text_summary_from_before_replies_were_responses_is_no_summary(dispatcher: CollectingDispatcher) -> None:
    events = ActionShowSummary().run(dispatcher, tracker({"care_summary": "Plan text"}), {})
    assert responses(dispatcher) == ["utter_no_summary_yet"]
    assert events == [FollowupAction("action_start_symptom_check")]


def test_the_yes_or_no_questions_offer_their_answers(dispatcher: CollectingDispatcher, domain: dict[str, Any]) -> None:
    for action in (ActionAskRecurring(), ActionAskNotImproving()):
        assert action.run(dispatcher, tracker({}), domain) == []
        assert action.name() in domain["actions"]
    recurring, easing = dispatcher.messages
    assert responses(dispatcher) == ["utter_ask_recurring", "utter_ask_not_improving"]
    assert [(button["title"], button["payload"]) for button in recurring["buttons"]] == [
        ("Yes, it keeps coming back", "/affirm"),
        ("No, this is new", "/deny"),
    ]
    assert [button["payload"] for button in easing["buttons"]] == ["/affirm", "/deny"]


def test_domain_asks_every_form_slot(domain: dict[str, Any]) -> None:
    for slot in domain["forms"]["symptom_check_form"]["required_slots"]:
        assert f"utter_ask_{slot}" in domain["responses"] or f"action_ask_{slot}" in domain["actions"], slot


def test_the_checklist_questions_list_the_guide_s_warning_signs(
    tracker_from: Load, dispatcher: CollectingDispatcher, render: Render
) -> None:
    tracker = tracker_from("symptom_check_start")
    assert ActionAskEmergencySigns().run(dispatcher, tracker, {}) == []
    assert ActionAskUrgentSigns().run(dispatcher, tracker, {}) == []
    emergency, urgent = dispatcher.messages
    lists = red_flag_lists()
    assert responses(dispatcher) == ["utter_ask_emergency_signs", "utter_ask_urgent_signs"]
    assert render(dispatcher) == [
        "Do you have any of these right now?\n" + bullets(lists["emergency_signs"]),
        "Last question: do you have any of these?\n" + bullets(lists["urgent_signs"]),
    ]
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
    # The questions answered stay listed, so that rasa_sdk validates and returns their answers.
    assert await form.required_slots(FORM_SLOTS, dispatcher, tracker({"urgent_signs": True}), domain) == [
        "emergency_signs",
        "urgent_signs",
    ]
    assert await form.required_slots(FORM_SLOTS, dispatcher, tracker({"emergency_signs": True}), domain) == [
        "emergency_signs"
    ]
    assert await form.required_slots(FORM_SLOTS, dispatcher, tracker({"triage_tier": "emergency"}), domain) == []


def answered(requested: str, text: str, intent: str = "nlu_fallback", **slots: Any) -> Tracker:
    """The tracker rasa_sdk's form validation gets: the question asked, then a typed answer to it."""
    filled = {slot: None for slot in FORM_SLOTS} | slots | {"requested_slot": requested}
    message = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": []}
    events = [{"event": "user", "text": text, "parse_data": message}]
    return Tracker("user", filled, message, events, False, None, {"name": "symptom_check_form"}, "action_listen")


def slot_events(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {event["name"]: event["value"] for event in events if event["event"] == "slot"}


@pytest.mark.parametrize(
    ("requested", "text", "slots", "expected"),
    [
        ("emergency_signs", "I think so", {}, {"emergency_signs": True, "triage_tier": "emergency"}),
        (
            "urgent_signs",
            "yeah one of those",
            {"emergency_signs": False, "body_part": "back", "duration_days": 2.0, "recurring": False,
             "pain_level": 4.0, "not_improving": False},
            {"urgent_signs": True, "triage_tier": "urgent"},
        ),
    ],
)  # fmt: skip
async def test_a_typed_yes_that_reaches_a_tier_is_kept_and_ends_the_questions(
    requested: str, text: str, slots: dict[str, Any], expected: dict[str, Any], domain: dict[str, Any]
) -> None:
    """The whole validation run, as the action server does it: the yes and its tier are returned, and no
    question is left (the outcome then gives the tier's advice, not the self-care plan)."""
    events = await ValidateSymptomCheckForm().run(CollectingDispatcher(), answered(requested, text, **slots), domain)
    returned = slot_events(events)
    assert returned.items() >= expected.items() and returned.get("requested_slot") is None


async def test_an_acknowledgement_answers_no_checklist(domain: dict[str, Any]) -> None:
    events = await ValidateSymptomCheckForm().run(
        CollectingDispatcher(), answered("emergency_signs", "ok thanks", "thank"), domain
    )
    assert slot_events(events) == {}


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
    assert sent(dispatcher) == [
        {"response": "utter_sorry_in_pain_details", "details": "your lower back for 1 day at 9 out of 10"},
        {"response": "utter_see_doctor_because", "reasons": "the pain is very bad"},
        section_reply(guidance()["when_to_see_doctor"]),
        {"response": "utter_ask_keep_score", "pain": "9"},
    ]


def test_an_earlier_emergency_wins_over_a_later_calm_check(dispatcher: CollectingDispatcher) -> None:
    slots = {"triage_tier": "emergency", "duration_days": 2.0, "emergency_signs": False, "urgent_signs": False}
    ActionSymptomOutcome().run(dispatcher, tracker(slots), {})
    assert sent(dispatcher) == [{"response": "utter_tier_lead_emergency"}, section_reply(guidance()["emergency_care"])]


def test_after_an_urgent_sign_the_emergency_question_says_why_it_is_asked(
    dispatcher: CollectingDispatcher, render: Render
) -> None:
    ActionAskEmergencySigns().run(dispatcher, tracker({"triage_tier": "urgent"}), {})
    assert responses(dispatcher) == ["utter_ask_emergency_signs_to_be_safe"]
    assert render(dispatcher)[0].startswith("One more question, to be safe: do you have any of these right now?\n")


async def test_describing_a_sign_of_the_checklist_asked_is_a_yes(dispatcher: CollectingDispatcher) -> None:
    form = ValidateSymptomCheckForm()
    near = tracker({"requested_slot": "urgent_signs"}, "I inject, yeah. heroin", "possible_red_flag")
    near.latest_message["entities"] = [{"entity": "possible_red_flag", "value": "iv_drugs"}]
    assert await form.extract_urgent_signs(dispatcher, near, {}) == {"urgent_signs": True}
    near.slots["requested_slot"] = "emergency_signs"  # an urgent sign does not answer the emergency checklist
    assert await form.extract_emergency_signs(dispatcher, near, {}) == {}
    typo = tracker({"requested_slot": "body_part"}, "lowr back")
    assert await form.extract_body_part(dispatcher, typo, {}) == {"body_part": "lower back"}
    read_as_yes = tracker({"requested_slot": "body_part"}, "lower bk", "affirm")  # a place is no yes or no
    assert await form.extract_body_part(dispatcher, read_as_yes, {}) == {"body_part": "lower back"}


def test_a_topic_asked_while_telling_of_ones_pain_is_kept_for_after_the_check(
    dispatcher: CollectingDispatcher, render: Render
) -> None:
    asked = tracker({"disclaimer_shown": True}, "my back has ached for 4 days, heat or ice?", "ask_heat_therapy")
    kept = [*RESETS[:-1], SlotSet("pending_topic", "heat_therapy")]
    assert ActionStartSymptomCheck().run(dispatcher, asked, {}) == kept
    assert render(dispatcher)[-1] == (
        "I'll answer your question about heat therapy after these questions, once I know it's safe to look after "
        "this at home."
    )


def test_products_and_the_check_s_own_topics_are_not_kept_for_after_it(dispatcher: CollectingDispatcher) -> None:
    for intent in ("ask_hemp_products", "ask_when_to_see_doctor", "ask_warning_signs", "describe_pain"):
        asked = tracker({"disclaimer_shown": True}, "my back has ached for 4 days", intent)
        assert ActionStartSymptomCheck().run(dispatcher, asked, {}) == RESETS


CALM = {"body_part": "lower back", "duration_days": 2.0, "pain_level": 4.0, "recurring": False,
        "not_improving": False, "emergency_signs": False, "urgent_signs": False}  # fmt: skip


def test_the_kept_topic_is_answered_after_a_self_care_or_see_a_doctor_outcome(
    dispatcher: CollectingDispatcher, render: Render
) -> None:
    for slots in (CALM, {**CALM, "duration_days": 40.0}):
        dispatcher.messages.clear()
        events = ActionSymptomOutcome().run(dispatcher, tracker({**slots, "pending_topic": "medication"}), {})
        assert sent(dispatcher)[-3:-1] == [
            {"response": "utter_topic_now", "topic": "medicines"},
            section_reply(guidance()["medication"]),
        ]
        assert SlotSet("pending_topic", None) in events


def test_emergency_or_urgent_advice_stands_alone_without_the_kept_topic(dispatcher: CollectingDispatcher) -> None:
    for tier in ("emergency", "urgent"):
        dispatcher.messages.clear()
        slots = {**CALM, "triage_tier": tier, "pending_topic": "heat_therapy"}
        events = ActionSymptomOutcome().run(dispatcher, tracker(slots), {})
        assert sent(dispatcher) == [{"response": f"utter_tier_lead_{tier}"}, section_reply(guidance()[f"{tier}_care"])]
        assert SlotSet("pending_topic", None) in events


def test_a_tier_advised_in_this_very_turn_is_not_said_twice(dispatcher: CollectingDispatcher) -> None:
    """An urgent sign told once the emergency question was answered: the red-flag answer gave the advice, so
    the check that ends in the same turn keeps it as its summary without saying it again. A tier advised in
    an earlier turn, reached by a yes to a checklist, or a higher tier reached since, is said."""
    slots = {**CALM, "emergency_signs": False, "triage_tier": "urgent"}
    user = {"event": "user", "text": "I've had a fever with it"}
    red_flag = {"event": "action", "name": "action_red_flag"}
    form = {"event": "action", "name": "symptom_check_form"}
    advised = {"event": "slot", "name": "triage_tier", "value": "urgent"}
    turns = (
        ([user, red_flag, advised, form], False),
        ([red_flag, advised, user, form], True),  # advised in an earlier turn
        ([user, form, advised], True),  # a yes to the urgent checklist sets the tier but advises nothing
    )
    for events, said_again in turns:
        dispatcher.messages.clear()
        turn = Tracker("user", slots, {}, events, False, None, {"name": "symptom_check_form"}, "symptom_check_form")
        kept = ActionSymptomOutcome().run(dispatcher, turn, {})
        assert bool(dispatcher.messages) is said_again
        assert SlotSet(SUMMARY_SLOT, outcome(turn)) in kept
    dispatcher.messages.clear()
    higher = Tracker("user", {**slots, "emergency_signs": True}, {}, [user, red_flag, advised], False, None, None, "")
    ActionSymptomOutcome().run(dispatcher, higher, {})
    assert sent(dispatcher)[0] == {"response": "utter_tier_lead_emergency"}


@pytest.mark.parametrize("slot", ["emergency_signs", "urgent_signs", "recurring", "not_improving"])
@pytest.mark.parametrize("value", [True, False])
async def test_a_bare_ok_answers_no_yes_or_no_question(slot: str, value: bool, domain: dict[str, Any]) -> None:
    """The classifier may read "okay" as a yes (affirm); the question is asked again instead."""
    form = ValidateSymptomCheckForm()
    validate = getattr(form, f"validate_{slot}")
    assert validate(value, CollectingDispatcher(), tracker({"requested_slot": slot}, "okay", "affirm"), domain) == {
        slot: None
    }
    answered_yes = validate(value, CollectingDispatcher(), tracker({"requested_slot": slot}, "yes", "affirm"), domain)
    assert answered_yes[slot] is value
