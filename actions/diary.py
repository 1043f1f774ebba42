"""The pain diary's actions: log a score, show the chart, turn check-ins on and off, and ask one that is due.

The diary lives in the conversations' database (diary/, docs/diary.md), which this process finds in
the endpoints file RASA_ENDPOINTS names, as Rasa does. Every text is a domain.yml response.
"""

from __future__ import annotations

import base64
import logging
from datetime import timedelta
from functools import lru_cache
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from actions.replies import ask_choice, in_shell, latest_intent, section_reply, yes_no
from diary import checkins, rules
from diary.checkins import utc_now
from diary.log import Logged, log_entry, log_message
from diary.parse import Correction, read_entry
from diary.service import open_store, show
from diary.settings import checkin_settings
from diary.store import DiaryStore, Entry
from diary.summary import days
from privacy.tracker_store import endpoints_file

logger = logging.getLogger(__name__)
SETTINGS = checkin_settings()  # read at start, so that a bad CHECKIN_* value stops the action server at once
CHECKIN_FORM, CHECKIN_SLOT = "checkin_form", "checkin_score"
OFFERED_SLOT, OFFERED_ONCE_SLOT = "offered_score", "diary_offered"
KEEP_CHOICES = yes_no("Yes, keep it", "No, thanks")
CROSSING_RESPONSES = {
    rules.Reason.LASTING: "utter_diary_lasting",
    rules.Reason.COMING_BACK: "utter_diary_coming_back",
}


@lru_cache(maxsize=1)
def diary_store() -> DiaryStore:
    """The diary beside the conversations, opened on first use."""
    return open_store(endpoints_file())


def score(pain: float) -> str:
    """A score as people write it: 6, 6.5."""
    return f"{pain:g}"


def confirm(dispatcher: CollectingDispatcher, logged: Logged) -> None:
    """Say what was stored and, when the diary crosses the guide's rule, the see-a-doctor advice with its source."""
    entry = logged.entry
    if entry.note:
        dispatcher.utter_message(response="utter_diary_logged_note", pain=score(entry.pain), note=entry.note)
    else:
        dispatcher.utter_message(response="utter_diary_logged", pain=score(entry.pain))
    if logged.crossing is not None:
        dispatcher.utter_message(response=CROSSING_RESPONSES[logged.crossing.reason])
        dispatcher.utter_message(**section_reply(rules.advice()))


def correct(dispatcher: CollectingDispatcher, correction: Correction) -> None:
    """A friendly correction for a message that gave no score to log; nothing was stored."""
    number = "" if correction.number is None else score(correction.number)
    dispatcher.utter_message(response=f"utter_diary_{correction.reason.value}", number=number)


class ActionLogPain(Action):
    """Log "pain 6 today", "/log 6 stiff after gardening" or the answer to a check-in."""

    def name(self) -> str:
        return "action_log_pain"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        result = log_message(diary_store(), tracker.sender_id, tracker.latest_message.get("text") or "", utc_now())
        if isinstance(result, Correction):
            correct(dispatcher, result)
        else:
            confirm(dispatcher, result)
        return [SlotSet(CHECKIN_SLOT, None)]


class ActionShowDiary(Action):
    """The last 30 days: a summary line with the chart, or in rasa shell with a text sparkline."""

    def name(self) -> str:
        return "action_show_diary"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        view = show(diary_store(), tracker.sender_id, utc_now())
        if view is None:
            dispatcher.utter_message(response="utter_diary_empty")
        elif in_shell(tracker):
            dispatcher.utter_message(response="utter_diary_text", summary=view.summary, sparkline=view.sparkline())
        else:
            chart = "data:image/png;base64," + base64.b64encode(view.png()).decode("ascii")
            dispatcher.utter_message(response="utter_diary", summary=view.summary, chart=chart)
        return []


def delay_words(delay: timedelta) -> str:
    """The check-in delay in words: "2 days", or "3 seconds" when it is shorter than a day (as in the tests)."""
    if delay >= timedelta(days=1):
        return days(delay)
    seconds = round(delay.total_seconds())
    return f"{seconds} second" if seconds == 1 else f"{seconds} seconds"


class ActionCheckinOn(Action):
    """Start check-ins: "remind me in a couple of days", `/checkin on`."""

    def name(self) -> str:
        return "action_checkin_on"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        checkins.turn_on(diary_store(), tracker.sender_id, utc_now(), SETTINGS)
        dispatcher.utter_message(response="utter_checkin_on", delay=delay_words(SETTINGS.delay))
        return []


class ActionCheckinOff(Action):
    """Stop check-ins: "stop the check-ins", `/checkin off`, or stop in answer to one."""

    def name(self) -> str:
        return "action_checkin_off"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        stopped = checkins.turn_off(diary_store(), tracker.sender_id)
        dispatcher.utter_message(response="utter_checkin_off" if stopped else "utter_checkin_none")
        return [SlotSet(CHECKIN_SLOT, None)]


class ValidateCheckinForm(FormValidationAction):
    """Read the answer to "How's your back today?": a score logs it, anything else gets a correction."""

    def name(self) -> str:
        return "validate_checkin_form"

    def validate_checkin_score(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        reading = read_entry(str(value or ""))
        if isinstance(reading, Correction):
            correct(dispatcher, reading)
            return {CHECKIN_SLOT: None}
        return {CHECKIN_SLOT: reading.pain}


def ask_due_checkin(tracker: Tracker) -> list[EventType]:
    """Ask a check-in that has fallen due, after this reply, for channels that cannot start a conversation.

    Telegram's bot asks them on time (bot/); the widget and rasa shell ask them the next time the person
    writes. Never inside a form, and a database that does not answer only skips it.
    """
    if tracker.active_loop.get("name"):
        return []
    try:
        due = checkins.take_due(diary_store(), tracker.sender_id, utc_now(), SETTINGS)
    except SQLAlchemyError:
        logger.exception("check-ins: the diary's database did not answer")
        return []
    return [FollowupAction(CHECKIN_FORM)] if due else []


def offer_to_keep(dispatcher: CollectingDispatcher, tracker: Tracker, pain: float | None) -> list[EventType]:
    """Ask once a conversation whether to keep the symptom check's pain score in the diary."""
    if pain is None or tracker.get_slot(OFFERED_ONCE_SLOT):
        return []
    ask_choice(dispatcher, tracker, {"response": "utter_ask_keep_score", "pain": score(pain)}, KEEP_CHOICES)
    return [SlotSet(OFFERED_SLOT, pain), SlotSet(OFFERED_ONCE_SLOT, True)]


class ActionKeepPainScore(Action):
    """Yes or no to keeping the symptom check's score; a plain yes or no when none was offered."""

    def name(self) -> str:
        return "action_keep_pain_score"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        offered = tracker.get_slot(OFFERED_SLOT)
        agreed = latest_intent(tracker) == "affirm"
        if offered is None:
            dispatcher.utter_message(response="utter_affirm_ack" if agreed else "utter_deny_ack")
        elif agreed:
            confirm(dispatcher, log_entry(diary_store(), Entry(tracker.sender_id, float(offered), None, utc_now())))
        else:
            dispatcher.utter_message(response="utter_diary_not_kept")
        return [SlotSet(OFFERED_SLOT, None)]
