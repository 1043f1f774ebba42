"""The diary's actions on a real SQLite store, with the clock fixed: what is stored and what is said."""

from __future__ import annotations

import base64
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

import actions.diary
from actions.diary import (
    KEEP_CHOICES,
    ActionCheckinOff,
    ActionCheckinOn,
    ActionKeepPainScore,
    ActionLogPain,
    ActionShowDiary,
    ValidateCheckinForm,
    ask_due_checkin,
    delay_words,
    offer_to_keep,
)
from actions.replies import SHELL_CHANNEL
from diary import checkins
from diary.chart import HEIGHT_PX, WIDTH_PX
from diary.store import DiaryStore
from tests.unit.diary_entries import SENDER, at, entry, tracker_store
from tests.unit.said import responses, sent

Render = Callable[[CollectingDispatcher], list[str]]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> DiaryStore:
    """The actions' diary: an SQLite tracker store of its own, and the clock at T0 plus one day."""
    _, diary_store = tracker_store(tmp_path)
    monkeypatch.setattr(actions.diary, "diary_store", lambda: diary_store)
    monkeypatch.setattr(actions.diary, "utc_now", lambda: at(1))
    return diary_store


def tracker(
    text: str = "", intent: str = "log_pain", slots: dict[str, Any] | None = None, channel: str = "rest", loop: str = ""
) -> Tracker:
    """A tracker of the diary's sender whose latest message is `text`, from `channel`."""
    message = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": []}
    events = [{"event": "user", "text": text, "input_channel": channel}]
    active_loop = {"name": loop} if loop else {}
    return Tracker(SENDER, slots or {}, message, events, False, None, active_loop, "action_listen")


def run(action: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[Any]:
    return action.run(dispatcher, tracker, {})


def test_a_score_with_a_note_is_stored_and_confirmed(
    store: DiaryStore, dispatcher: CollectingDispatcher, render: Render
) -> None:
    events = run(ActionLogPain(), dispatcher, tracker("/log 6 stiff after gardening"))
    assert store.entries(SENDER) == [entry(1, 6, "stiff after gardening")]
    assert render(dispatcher) == [
        'Noted in your pain diary: 6 out of 10, with your note "stiff after gardening". '
        'Say "show my diary" to see how it goes over the days.'
    ]
    assert events == [SlotSet("checkin_score", None)]


@pytest.mark.parametrize(
    ("text", "response", "number"),
    [("pain 12", "utter_diary_out_of_range", "12"), ("pain lots", "utter_diary_no_number", "")],
)
def test_a_bad_value_gets_a_correction_and_nothing_is_stored(
    store: DiaryStore, dispatcher: CollectingDispatcher, render: Render, text: str, response: str, number: str
) -> None:
    run(ActionLogPain(), dispatcher, tracker(text))
    assert store.entries(SENDER) == []
    assert sent(dispatcher) == [{"response": response, "number": number}]
    assert "haven't saved" in render(dispatcher)[0]


def test_a_score_that_crosses_the_two_week_rule_gets_the_see_a_doctor_section(
    store: DiaryStore, dispatcher: CollectingDispatcher, render: Render, monkeypatch: pytest.MonkeyPatch
) -> None:
    for days in range(0, 15, 3):
        store.add(entry(days, 5))
    monkeypatch.setattr(actions.diary, "utc_now", lambda: at(15))
    run(ActionLogPain(), dispatcher, tracker("pain 6 today"))
    assert responses(dispatcher) == ["utter_diary_logged", "utter_diary_lasting", "utter_section"]
    assert dispatcher.messages[2]["answer"] == actions.diary.rules.advice().answer
    assert "more than two weeks" in render(dispatcher)[1]


def test_the_diary_is_a_chart_with_its_summary(store: DiaryStore, dispatcher: CollectingDispatcher) -> None:
    store.add(entry(0, 7))
    store.add(entry(0.9, 4, "better"))
    run(ActionShowDiary(), dispatcher, tracker("show my diary", "show_diary"))
    [message] = dispatcher.messages
    assert message["response"] == "utter_diary"
    assert message["summary"] == "2 entries over 1 day: down from 7 to 4."
    prefix = "data:image/png;base64,"
    assert message["chart"].startswith(prefix)
    png = base64.b64decode(message["chart"][len(prefix) :])
    assert png.startswith(PNG_SIGNATURE)
    assert (int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")) == (WIDTH_PX, HEIGHT_PX)


def test_rasa_shell_gets_the_summary_and_a_sparkline(store: DiaryStore, dispatcher: CollectingDispatcher) -> None:
    store.add(entry(0, 2))
    store.add(entry(0.9, 8))
    run(ActionShowDiary(), dispatcher, tracker("show my diary", "show_diary", channel=SHELL_CHANNEL))
    assert sent(dispatcher) == [
        {"response": "utter_diary_text", "summary": "2 entries over 1 day: up from 2 to 8.", "sparkline": "▂▇"}
    ]


def test_an_empty_diary_says_how_to_start_one(store: DiaryStore, dispatcher: CollectingDispatcher) -> None:
    store.add(entry(-40, 5))  # older than the chart's 30 days
    run(ActionShowDiary(), dispatcher, tracker("show my diary", "show_diary"))
    assert responses(dispatcher) == ["utter_diary_empty"]


def test_check_ins_turn_on_and_off(store: DiaryStore, dispatcher: CollectingDispatcher, render: Render) -> None:
    run(ActionCheckinOn(), dispatcher, tracker("remind me in a couple of days", "checkin_on"))
    checkin = store.checkin(SENDER)
    assert checkin is not None and not checkin.stopped and checkin.started_at == at(1)
    assert delay_words(actions.diary.SETTINGS.delay) in render(dispatcher)[0]
    run(ActionCheckinOff(), dispatcher, tracker("stop the check-ins", "checkin_off"))
    run(ActionCheckinOff(), dispatcher, tracker("stop the check-ins", "checkin_off"))
    assert responses(dispatcher)[1:] == ["utter_checkin_off", "utter_checkin_none"]
    assert store.checkin(SENDER).stopped


@pytest.mark.parametrize(("seconds", "words"), [(3, "3 seconds"), (1, "1 second"), (172800, "2 days")])
def test_the_delay_in_words(seconds: int, words: str) -> None:
    assert delay_words(timedelta(seconds=seconds)) == words


def test_a_due_check_in_is_asked_after_the_reply_once(store: DiaryStore) -> None:
    settings = actions.diary.SETTINGS
    checkins.turn_on(store, SENDER, at(1) - settings.delay - settings.delay, settings)
    assert ask_due_checkin(tracker("hi", "greet")) == [FollowupAction("checkin_form")]
    assert ask_due_checkin(tracker("hi", "greet")) == []  # marked asked: at most one a day


def test_no_check_in_inside_a_form_or_before_it_is_due(store: DiaryStore) -> None:
    checkins.turn_on(store, SENDER, at(1), actions.diary.SETTINGS)
    assert ask_due_checkin(tracker("hi", "greet")) == []
    assert ask_due_checkin(tracker("6", loop="symptom_check_form")) == []


@pytest.mark.parametrize(("text", "value"), [("3, much better", 3.0), ("zero", 0.0), ("pain 11", None), ("hmm", None)])
def test_the_answer_to_a_check_in_is_read_as_a_score(
    store: DiaryStore, dispatcher: CollectingDispatcher, text: str, value: float | None
) -> None:
    result = ValidateCheckinForm().validate_checkin_score(text, dispatcher, tracker(text), {})
    assert result == {"checkin_score": value}
    assert bool(dispatcher.messages) == (value is None)  # a correction only for what cannot be logged
    assert store.entries(SENDER) == []  # the form's ending logs it (action_log_pain), not the validation


def test_the_symptom_checks_score_is_offered_once_and_kept_on_yes(
    store: DiaryStore, dispatcher: CollectingDispatcher
) -> None:
    events = offer_to_keep(dispatcher, tracker(), 6.0)
    assert sent(dispatcher) == [{"response": "utter_ask_keep_score", "pain": "6"}]
    assert dispatcher.messages[0]["buttons"] == KEEP_CHOICES
    assert events == [SlotSet("offered_score", 6.0), SlotSet("diary_offered", True)]
    assert offer_to_keep(dispatcher, tracker(slots={"diary_offered": True}), 5.0) == []
    kept = run(ActionKeepPainScore(), dispatcher, tracker("yes", "affirm", {"offered_score": 6.0}))
    assert store.entries(SENDER) == [entry(1, 6)]
    assert kept == [SlotSet("offered_score", None)]


@pytest.mark.parametrize(
    ("intent", "slots", "response"),
    [
        ("deny", {"offered_score": 6.0}, "utter_diary_not_kept"),
        ("affirm", {}, "utter_affirm_ack"),
        ("deny", {}, "utter_deny_ack"),
    ],
)
def test_no_or_no_offer_keeps_nothing(
    store: DiaryStore, dispatcher: CollectingDispatcher, intent: str, slots: dict[str, Any], response: str
) -> None:
    run(ActionKeepPainScore(), dispatcher, tracker("", intent, slots))
    assert responses(dispatcher) == [response]
    assert store.entries(SENDER) == []


def test_the_store_is_where_rasa_endpoints_points(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    endpoints, _ = tracker_store(tmp_path)
    monkeypatch.setenv("RASA_ENDPOINTS", str(endpoints))
    actions.diary.diary_store.cache_clear()
    try:
        actions.diary.diary_store().add(entry(0, 4))
        assert actions.diary.diary_store().entries(SENDER, since=datetime.min.replace(tzinfo=at(0).tzinfo))
    finally:
        actions.diary.diary_store.cache_clear()
