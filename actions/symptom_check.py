"""The symptom check: a form that asks a few questions and ends in the right level of care."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.diary import offer_to_keep
from actions.knowledge import bullets, guidance, section_for_intent
from actions.own_pain_words import OPENS_WITH_BACK_PAIN, tells_own_pain, told_own_pain_before
from actions.replies import (
    EASING_CHOICES,
    PRODUCT_SECTION,
    RECURRING_CHOICES,
    SIGNS_CHOICES,
    Buttons,
    ask_choice,
    disclaim_once,
    latest_intent,
    latest_text,
    section_reply,
)
from actions.triage import (
    EMERGENCY,
    RED_FLAG_ACTION,
    RED_FLAG_INTENTS,
    TIER_SECTIONS,
    TIER_SLOT,
    URGENT,
    entities_named,
    near_flag,
)
from actions.typed_answers import acknowledges_only, body_part, is_easing, keeps_coming_back, pain_score, yes_or_no
from components.pain_scale import PAIN_SCALE_MAX

SEE_DOCTOR_AFTER_DAYS = 14
VERY_BAD_PAIN = 8  # NHS: see a GP if the pain is very bad
SELF_CARE_SECTION, SAFETY_NET_SECTION, SEE_DOCTOR_SECTION = "self_care_plan", "safety_net", "when_to_see_doctor"
YES_NO_SLOTS = ("recurring", "not_improving", "emergency_signs", "urgent_signs")
SUMMARY_SLOT, PENDING_TOPIC_SLOT = "care_summary", "pending_topic"
WARNING_SIGNS_SECTION = "warning_signs"
IS_SERIOUS_INTENT = "ask_is_serious"  # starts the symptom check (data/rules/symptom_check.yml)
# Topics not kept for after the check: its own questions and outcome answer these, and products never come
# up in a health flow.
NOT_KEPT_FOR_AFTER = frozenset({SEE_DOCTOR_SECTION, WARNING_SIGNS_SECTION, PRODUCT_SECTION})
Reply = dict[str, Any]


def describe_details(body_part: str | None, duration_days: float | None, pain_level: float | None) -> str:
    """What the user told us in a few words ("your neck for 3 days at 6 out of 10"); empty when nothing."""
    details = []
    if body_part:
        details.append(f"your {body_part}")
    if duration_days is not None:
        details.append(format_duration(duration_days))
    if pain_level is not None:
        details.append(f"at {pain_level:g} out of {PAIN_SCALE_MAX}")
    return " ".join(details)


def format_duration(days: float) -> str:
    """How long, the way a person says it: "since today", "for 3 days", "for about 2 months"."""
    if days < 1:
        return "since today"
    if days < 14:
        return "for 1 day" if round(days) == 1 else f"for {round(days)} days"
    unit, length = ("week", 7) if days < 30 else ("month", 30) if days < 365 else ("year", 365)
    count = round(days / length)
    return f"for about {count} {unit}{'' if count == 1 else 's'}"


def situation(tracker: Tracker) -> Reply:
    """The reply that says back what the user has told us so far, so they know it was understood."""
    details = describe_details(
        tracker.get_slot("body_part"), tracker.get_slot("duration_days"), tracker.get_slot("pain_level")
    )
    if not details:
        return {"response": "utter_sorry_in_pain"}
    return {"response": "utter_sorry_in_pain_details", "details": details}


def asks_in_general(tracker: Tracker) -> bool:
    """ "Is a back spasm something serious?": asked by someone who has told of no pain of their own."""
    text = latest_text(tracker)
    return latest_intent(tracker) == IS_SERIOUS_INTENT and not (
        tells_own_pain(text) or OPENS_WITH_BACK_PAIN.search(text) or told_own_pain_before(tracker)
    )


class ActionStartSymptomCheck(Action):
    """Say what was understood so far and that a few quick questions follow."""

    def name(self) -> str:
        return "action_start_symptom_check"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        events = disclaim_once(dispatcher, tracker)
        if not asks_in_general(tracker):
            dispatcher.utter_message(**situation(tracker))
        dispatcher.utter_message(response="utter_symptom_check_intro")
        # Nothing is left from a check stopped before: its answers are asked again, and its topic is gone.
        events += [SlotSet(slot, None) for slot in YES_NO_SLOTS]
        asked = section_for_intent(latest_intent(tracker))
        if asked is None or asked.id in NOT_KEPT_FOR_AFTER:
            return [*events, SlotSet(PENDING_TOPIC_SLOT, None)]
        dispatcher.utter_message(response="utter_topic_after_check", topic=asked.title.lower())
        return [*events, SlotSet(PENDING_TOPIC_SLOT, asked.id)]


def reached_tier(tracker: Tracker) -> str | None:
    """The most urgent tier reached so far: the conversation's tier or a yes to a checklist in this check."""
    tier = tracker.get_slot(TIER_SLOT)
    if tier == EMERGENCY or tracker.get_slot("emergency_signs"):
        return EMERGENCY
    if tier == URGENT or tracker.get_slot("urgent_signs"):
        return URGENT
    return None


def typed_answer(tracker: Tracker, slot: str, read: Callable[[str], Any], skip: frozenset[str]) -> dict[str, Any]:
    """The requested slot read from the typed words, unless the intent already answers it or is a red flag."""
    if tracker.get_slot("requested_slot") != slot or latest_intent(tracker) in skip:
        return {}
    value = read(latest_text(tracker))
    return {} if value is None else {slot: value}


ANSWERED_BY_INTENT = frozenset({"affirm", "deny", *RED_FLAG_INTENTS})


def bare_acknowledgement(tracker: Tracker) -> bool:
    """True when the latest message is only "ok", "okay" or the like: the question is asked again."""
    return acknowledges_only(latest_text(tracker))


def near_sign_of_tier(tracker: Tracker, tier: str) -> bool:
    """True when the answer to a checklist describes, in its own words, a sign of that checklist's tier."""
    flag = near_flag(tracker)
    return flag is not None and flag.tier == tier


def checklist_answer(tracker: Tracker, slot: str, tier: str) -> dict[str, Any]:
    """A yes or no in words, or a description of one of the checklist's signs (a yes)."""
    if tracker.get_slot("requested_slot") == slot and near_sign_of_tier(tracker, tier):
        return {slot: True}
    return typed_answer(tracker, slot, yes_or_no, ANSWERED_BY_INTENT)


class ValidateSymptomCheckForm(FormValidationAction):
    """Ask the emergency question first, stop asking once a tier is reached, and read typed answers."""

    def name(self) -> str:
        return "validate_symptom_check_form"

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[str]:
        """Every question while no tier is reached; once one is, only the emergency question after an urgent
        sign. The questions already answered stay in the list: rasa_sdk validates and returns only the slots
        this list names, so a typed yes that reached the tier in this very turn would otherwise be dropped."""
        tier = reached_tier(tracker)
        if tier is None:
            return domain_slots
        still_asked = {"emergency_signs"} if tier == URGENT else set()
        return [slot for slot in domain_slots if slot in still_asked or tracker.get_slot(slot) is not None]

    async def extract_emergency_signs(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return checklist_answer(tracker, "emergency_signs", EMERGENCY)

    async def extract_urgent_signs(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return checklist_answer(tracker, "urgent_signs", URGENT)

    async def extract_body_part(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if entities_named(tracker, "body_part"):
            return {}
        return typed_answer(tracker, "body_part", body_part, RED_FLAG_INTENTS)

    async def extract_recurring(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return typed_answer(tracker, "recurring", keeps_coming_back, ANSWERED_BY_INTENT)

    async def extract_not_improving(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        easing = typed_answer(tracker, "not_improving", is_easing, ANSWERED_BY_INTENT)
        return {slot: not value for slot, value in easing.items()}

    async def extract_pain_level(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if tracker.get_slot("pain_level") is not None:
            return {}
        return typed_answer(tracker, "pain_level", pain_score, RED_FLAG_INTENTS)

    def validate_emergency_signs(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """A yes makes this an emergency for the rest of the conversation."""
        if bare_acknowledgement(tracker):
            return {"emergency_signs": None}
        return {"emergency_signs": value, **({TIER_SLOT: EMERGENCY} if value else {})}

    def validate_urgent_signs(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """A yes makes this urgent at least, unless it is already an emergency."""
        if bare_acknowledgement(tracker):
            return {"urgent_signs": None}
        raise_tier = value and tracker.get_slot(TIER_SLOT) != EMERGENCY
        return {"urgent_signs": value, **({TIER_SLOT: URGENT} if raise_tier else {})}

    def validate_recurring(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {"recurring": None if bare_acknowledgement(tracker) else value}

    def validate_not_improving(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {"not_improving": None if bare_acknowledgement(tracker) else value}

    def validate_pain_level(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        try:
            score = float(value)
        except (TypeError, ValueError):
            score = -1.0
        if 0 <= score <= PAIN_SCALE_MAX:
            return {"pain_level": score}
        dispatcher.utter_message(response="utter_pain_out_of_range")
        return {"pain_level": None}

    def validate_duration_days(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        try:
            days = float(value)
        except (TypeError, ValueError):
            days = -1.0
        if days >= 0:
            return {"duration_days": days}
        dispatcher.utter_message(response="utter_duration_not_understood")
        return {"duration_days": None}


class ActionAskChoice(Action, ABC):
    """Ask for a yes-or-no form slot with utter_ask_<slot>, offering its answers as buttons."""

    @property
    @abstractmethod
    def slot(self) -> str:
        """The form slot asked for."""

    @property
    @abstractmethod
    def choices(self) -> Buttons:
        """The answers offered: yes first, then no."""

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    def question(self, tracker: Tracker) -> Reply:
        """The question's response and its variables."""
        return {"response": f"utter_ask_{self.slot}"}

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        ask_choice(dispatcher, tracker, self.question(tracker), self.choices)
        return []


class ActionAskRecurring(ActionAskChoice):
    slot = "recurring"
    choices = RECURRING_CHOICES


class ActionAskNotImproving(ActionAskChoice):
    slot = "not_improving"
    choices = EASING_CHOICES


class ActionAskSigns(ActionAskChoice):
    """Ask whether any sign on one of the guide's warning-sign lists applies.

    The lists are the warning_signs section's, so the question and the guide always name the same signs.
    The slot is also the name of the list in the warning_signs section.
    """

    choices = SIGNS_CHOICES

    def question(self, tracker: Tracker) -> Reply:
        signs = guidance()[WARNING_SIGNS_SECTION].lists[self.slot]
        return {**super().question(tracker), "signs": bullets(signs)}


class ActionAskEmergencySigns(ActionAskSigns):
    slot = "emergency_signs"

    def question(self, tracker: Tracker) -> Reply:
        """After an urgent sign, the emergency question says why it is still asked."""
        question = super().question(tracker)
        if reached_tier(tracker) == URGENT:
            question["response"] = "utter_ask_emergency_signs_to_be_safe"
        return question


class ActionAskUrgentSigns(ActionAskSigns):
    slot = "urgent_signs"


def see_doctor_reasons(tracker: Tracker) -> list[str]:
    """Why the advice is to see a doctor: too long, recurring, not responding, or very bad pain."""
    reasons = []
    if (tracker.get_slot("duration_days") or 0) > SEE_DOCTOR_AFTER_DAYS:
        reasons.append("it has lasted more than two weeks")
    if tracker.get_slot("recurring"):
        reasons.append("it keeps coming back")
    if tracker.get_slot("not_improving"):
        reasons.append("it isn't easing with simple treatment")
    if (tracker.get_slot("pain_level") or 0) >= VERY_BAD_PAIN:
        reasons.append("the pain is very bad")
    return reasons


def outcome(tracker: Tracker) -> list[Reply]:
    """The replies that end the symptom check: the most urgent tier reached wins, then the guide's rules."""
    sections = guidance()
    tier = reached_tier(tracker)
    if tier:
        return [{"response": f"utter_tier_lead_{tier}"}, section_reply(sections[TIER_SECTIONS[tier]])]
    reasons = see_doctor_reasons(tracker)
    if reasons:
        because = {"response": "utter_see_doctor_because", "reasons": " and ".join(reasons)}
        return [situation(tracker), because, section_reply(sections[SEE_DOCTOR_SECTION])]
    return [
        situation(tracker),
        {"response": "utter_self_care_plan"},
        section_reply(sections[SELF_CARE_SECTION]),
        section_reply(sections[SAFETY_NET_SECTION]),
    ]


def tier_advised_this_turn(tracker: Tracker, tier: str) -> bool:
    """True when the red-flag answer gave this tier's advice since the latest message: the last tier it set in this
    turn is this one (a yes to a checklist sets the tier too, but gives no advice of its own)."""
    turn = []
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            break
        turn.append(event)
    advised, action = None, None
    for event in reversed(turn):
        if event.get("event") == "action":
            action = event.get("name")
        elif event.get("event") == "slot" and event.get("name") == TIER_SLOT and action == RED_FLAG_ACTION:
            advised = event.get("value")
    return advised == tier


class ActionSymptomOutcome(Action):
    """End the symptom check with its outcome, and keep its replies so the user can ask for them again. An
    outcome whose tier's advice was given a moment ago, in this same turn, is kept but not said twice."""

    def name(self) -> str:
        return "action_symptom_outcome"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        replies = outcome(tracker)
        tier = reached_tier(tracker)
        if not (tier and tier_advised_this_turn(tracker, tier)):
            for reply in replies:
                dispatcher.utter_message(**reply)
        pending = guidance().get(tracker.get_slot(PENDING_TOPIC_SLOT) or "")
        if pending is not None and not tier:  # emergency or urgent advice stands alone
            dispatcher.utter_message(response="utter_topic_now", topic=pending.title.lower())
            dispatcher.utter_message(**section_reply(pending))
        keep = [] if tier else offer_to_keep(dispatcher, tracker, tracker.get_slot("pain_level"))
        cleared = [SlotSet(slot, None) for slot in (*YES_NO_SLOTS, PENDING_TOPIC_SLOT)]
        return [SlotSet(SUMMARY_SLOT, replies), *cleared, *keep]


class ActionShowSummary(Action):
    """Repeat the outcome of the last symptom check."""

    def name(self) -> str:
        return "action_show_summary"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        summary = tracker.get_slot(SUMMARY_SLOT)
        if isinstance(summary, list) and summary:  # a text summary is from before replies were responses
            dispatcher.utter_message(response="utter_summary_again")
            for reply in summary:
                dispatcher.utter_message(**reply)
            return []
        dispatcher.utter_message(response="utter_no_summary_yet")
        return [FollowupAction("action_start_symptom_check")]
