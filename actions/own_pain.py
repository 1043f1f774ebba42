"""Is a question about the person's own pain? Then the symptom check answers it, not a general passage."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from actions.own_pain_words import (
    OPENS_WITH_BACK_PAIN,
    OWN_PAIN_ENTITIES,
    asks_for_the_symptom_check,
    over_or_comes_and_goes,
    tells_own_pain,
    tells_own_pain_and_asks_whether_to_worry,
    tells_own_pain_now,
    told_own_pain_before,
)
from actions.replies import HOME_CARE_TOPICS, latest_text
from actions.symptom_check import SEE_DOCTOR_SECTION, SUMMARY_SLOT, ActionAskEmergencySigns, ActionStartSymptomCheck
from actions.triage import EMERGENCY_SCREEN, SAFETY_FLAG_SLOT, TIER_SLOT

START_ACTION, ASK_EMERGENCY_ACTION = ActionStartSymptomCheck().name(), ActionAskEmergencySigns().name()


def asks_about_own_pain(tracker: Tracker) -> bool:
    """The latest message tells of one's own pain and asks whether to worry."""
    return tells_own_pain_and_asks_whether_to_worry(latest_text(tracker))


def _says_how_long_or_bad(parse: dict[str, Any]) -> bool:
    return any(entity.get("entity") in OWN_PAIN_ENTITIES for entity in parse.get("entities") or [])


def reports_own_pain_now(tracker: Tracker) -> bool:
    """True when the latest message tells of one's own pain, there now, and says how long or how bad: "I've had a
    nagging pain in my back for about three weeks", "back spasm since friday" (not "if it's still bad after 2 weeks",
    nor "it went last month and it's fine now")."""
    latest = tracker.latest_message
    text = latest_text(tracker)
    told = tells_own_pain(text) or bool(OPENS_WITH_BACK_PAIN.search(text))
    return _says_how_long_or_bad(latest) and told and not over_or_comes_and_goes(text)


def emergency_asked_before(tracker: Tracker) -> bool:
    """True once the emergency checklist has been put in this conversation: the symptom check's emergency
    question, or the same list as the safety question before home-care tips."""
    return any(
        (event.get("event") == "action" and event.get("name") == ASK_EMERGENCY_ACTION)
        or (
            event.get("event") == "slot"
            and event.get("name") == SAFETY_FLAG_SLOT
            and event.get("value") == EMERGENCY_SCREEN
        )
        for event in tracker.events
    )


def needs_emergency_screen(tracker: Tracker, topic: str) -> bool:
    """One's own pain told with a home-care question ("my back's gone into spasm, would a heat pad help?"),
    before any emergency question: the emergency question comes before the tips."""
    text = latest_text(tracker)
    return (
        topic in HOME_CARE_TOPICS
        and tells_own_pain(text)
        and not tracker.active_loop_name
        and not tracker.get_slot(TIER_SLOT)
        and not emergency_asked_before(tracker)
    )


def asks_home_care_again(tracker: Tracker, topic: str) -> bool:
    """A second home-care question from someone who told of their own pain: the check's questions now."""
    return topic in HOME_CARE_TOPICS and told_own_pain_before(tracker)


def symptom_check_started_before(tracker: Tracker) -> bool:
    """True once the symptom check has started in this conversation: someone who stopped it is not asked again."""
    return any(event.get("event") == "action" and event.get("name") == START_ACTION for event in tracker.events)


def may_start_symptom_check(tracker: Tracker) -> bool:
    """Outside a symptom check, and before one has started in this conversation: someone who stopped it, or has
    its outcome, is not asked again."""
    return not (tracker.active_loop_name or tracker.get_slot(SUMMARY_SLOT) or symptom_check_started_before(tracker))


def wants_own_pain_assessed(tracker: Tracker, topic: str | None) -> bool:
    """Before any symptom check: one's own pain told with how long or how bad ("my back has hurt for 3 days, heat
    or ice?"), or with "is that bad?"; the check asked for by name ("symptom checker pls"); a second home-care
    question, or a question about seeing a doctor, from someone who tells of their own pain now or did before. The
    check's questions come first; the topic is answered after."""
    if not may_start_symptom_check(tracker):
        return False
    if asks_about_own_pain(tracker) or reports_own_pain_now(tracker):
        return True
    if asks_for_the_symptom_check(latest_text(tracker)):
        return True
    if topic is not None and asks_home_care_again(tracker, topic):
        return True
    return topic == SEE_DOCTOR_SECTION and (tells_own_pain_now(latest_text(tracker)) or told_own_pain_before(tracker))
