"""Is a question about the person's own pain? Then the symptom check answers it, not a general passage."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.replies import HOME_CARE_TOPICS
from actions.symptom_check import SEE_DOCTOR_SECTION, SUMMARY_SLOT, ActionAskEmergencySigns, ActionStartSymptomCheck
from actions.triage import EMERGENCY_SCREEN, SAFETY_FLAG_SLOT, TIER_SLOT
from components.red_flags import lexicon

OWN_PAIN_INTENT = "describe_pain"
# How long or how bad: said of one's own pain, they make it a report ("my back has ached for 3 weeks").
OWN_PAIN_ENTITIES = frozenset({"duration", "pain_level"})
# Someone else's: "my friend has back pain" is not the speaker's.
SOMEONE_ELSES = "|".join(sorted(lexicon("third_parties"), key=len, reverse=True))
# "my back went", "my back has been aching", "mine's achy", "having back spasms", "I've got a sore back", "I pulled
# something in my back ... it hurts"; not "my back" alone ("is it ok to sleep on my back?"), "what can I do for
# back pain?" nor "my friend has back pain"
FIRST_PERSON_PAIN = re.compile(
    rf"\b(?:my(?! (?:{SOMEONE_ELSES})\b)|me (?:lower |upper |bad )?back|mine|i'm|im|i've|ive|i have|i am|i've got"
    r"|i got|having|got|i (?:pulled|strained|tweaked|hurt|twisted|injured|put|did))\b"
    r"[^.?!]{0,40}?\b(?:spasm\w*|pain\w*|ache[sd]?|aching|achy|hurt\w*|sore|agony|went|gone|seized|locked|twing\w*"
    r"|killing|stiff|tight|tighten\w*|throbbing|cramp\w*)\b"
    # said without the "I": "pulled something in my back", "at the end of my tether with this back"
    r"|^\W*(?:pulled|strained|tweaked|twisted|injured|done|did) (?:my|something|summat)\b"
    r"|\b(?:with|of) this (?:\w+ )?back\b|\bthis (?:bad|stupid|damn|bloody|dodgy) back\b"
    # "back's gone again", "back hurts like hell", "lower back seized up this morning"
    r"|^\W*(?:(?:lower|upper|bad|stupid) )?back'?s? (?:has |is |just |keeps |went )?"
    r"(?:gone|went|seized|locked|hurts|hurting|killing|spasming|playing up|agony|in spasm)\b",
    re.IGNORECASE,
)
# A report without the "I", that says how long: "back spasm since friday", "lower back pain for 3 weeks".
OPENS_WITH_BACK_PAIN = re.compile(
    r"^\W*(?:(?:lower|upper|bad|sore|my|me) )?(?:back|spine)'?s? ?(?:spasm\w*|pain\w*|ache\w*|hurt\w*|went|gone"
    r"|seized|locked|been)",
    re.IGNORECASE,
)
CONDITIONAL = re.compile(r"^\W*(?:if|when|whenever|once)\b", re.IGNORECASE)
# "is that bad?", "should I be concerned?", "do I need to worry?", "what now?", "is it ok to ignore?", and what to
# do about it: "what do I do?", "anything I should be doing?", "HELP"
ASKS_WHETHER_TO_WORRY = re.compile(
    r"\b(?:is (?:that|this|it) (?:something )?(?:bad|serious|dangerous|a problem|something to worry)"
    r"|wh?at (?:do|should) i do|what to do|anything i should (?:be )?do\w*"
    r"|should i (?:be )?(?:worried|concerned|worry)|(?:do i )?need to (?:worry|be worried|be concerned)"
    r"|what now|what should i do now|(?:ok|okay|safe) to ignore|anything to worry|cause for concern)\b",
    re.IGNORECASE,
)
# A cry for help at the end ("MY BACK HAS SEIZED UP HELP", "can't straighten up 😭 help"), not a question whether
# something helps ("would a heat pad help?", "does it help").
CRY_FOR_HELP = re.compile(r"\bhelp(?: me)?(?: pls| please)?\W*$", re.IGNORECASE)
HELPS_AS_A_VERB = re.compile(
    r"\b(?:would|will|does|do|can(?!'t|not)|could|might|it|that|this|which|what)\b(?:\W+\w+){0,3}\W+help\b",
    re.IGNORECASE,
)
START_ACTION, ASK_EMERGENCY_ACTION = ActionStartSymptomCheck().name(), ActionAskEmergencySigns().name()


def tells_own_pain(text: str) -> bool:
    """A statement of one's own pain, not a conditional ("if my back still hurts after 2 weeks ...")."""
    return bool(FIRST_PERSON_PAIN.search(text)) and not CONDITIONAL.search(text)


def tells_own_pain_and_asks_whether_to_worry(text: str) -> bool:
    """ "Pulled something at the gym, my back hurts when I move. Is that bad?": a question for the symptom
    check, whatever topic its words are near."""
    cries_for_help = bool(CRY_FOR_HELP.search(text)) and not HELPS_AS_A_VERB.search(text)
    return tells_own_pain(text) and (bool(ASKS_WHETHER_TO_WORRY.search(text)) or cries_for_help)


def asks_about_own_pain(tracker: Tracker) -> bool:
    """The latest message tells of one's own pain and asks whether to worry."""
    return tells_own_pain_and_asks_whether_to_worry(tracker.latest_message.get("text") or "")


def _says_how_long_or_bad(parse: dict[str, Any]) -> bool:
    return any(entity.get("entity") in OWN_PAIN_ENTITIES for entity in parse.get("entities") or [])


def reports_own_pain_now(tracker: Tracker) -> bool:
    """True when the latest message tells of one's own pain and says how long or how bad: "I've had a nagging
    pain in my back for about three weeks", "back spasm since friday" (not "if it's still bad after 2 weeks")."""
    latest = tracker.latest_message
    text = latest.get("text") or ""
    return _says_how_long_or_bad(latest) and (tells_own_pain(text) or bool(OPENS_WITH_BACK_PAIN.search(text)))


def told_own_pain_before(tracker: Tracker) -> bool:
    """True when a message before the latest one described the person's own pain."""
    earlier = [event for event in tracker.events if event.get("event") == "user"][:-1]
    return any(
        ((event.get("parse_data") or {}).get("intent") or {}).get("name") == OWN_PAIN_INTENT
        or tells_own_pain(event.get("text") or "")
        for event in earlier
    )


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
    text = tracker.latest_message.get("text") or ""
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
    or ice?"), or with "is that bad?"; a second home-care question, or a question about seeing a doctor, from
    someone who tells of their own pain now or did before. The check's questions come first; the topic is
    answered after."""
    if not may_start_symptom_check(tracker):
        return False
    if asks_about_own_pain(tracker) or reports_own_pain_now(tracker):
        return True
    if topic is not None and asks_home_care_again(tracker, topic):
        return True
    return topic == SEE_DOCTOR_SECTION and (
        tells_own_pain(tracker.latest_message.get("text") or "") or told_own_pain_before(tracker)
    )
