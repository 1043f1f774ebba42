"""Logging a message into the diary and showing the diary (diary/log.py, diary/service.py)."""

from __future__ import annotations

from pathlib import Path

from diary.chart import WINDOW
from diary.log import Logged, log_message
from diary.parse import Correction, Reason
from diary.rules import Reason as RuleReason
from diary.service import show
from diary.store import Entry
from tests.unit.diary_entries import SENDER, T0, at, entry, tracker_store


def test_a_message_is_logged_with_its_note_at_the_time_given(tmp_path: Path) -> None:
    _, store = tracker_store(tmp_path)
    logged = log_message(store, SENDER, "/log 6 stiff after gardening", T0)
    assert logged == Logged(Entry(SENDER, 6.0, "stiff after gardening", T0), None)
    assert store.entries(SENDER) == [logged.entry]


def test_a_bad_value_stores_nothing(tmp_path: Path) -> None:
    _, store = tracker_store(tmp_path)
    assert log_message(store, SENDER, "pain 12", T0) == Correction(Reason.OUT_OF_RANGE, 12.0)
    assert store.entries(SENDER) == []


def test_the_entry_that_brings_the_pain_back_within_four_weeks_crosses_the_rule(tmp_path: Path) -> None:
    _, store = tracker_store(tmp_path)
    for days, text in [(0, "pain 5"), (2, "pain 0")]:
        assert log_message(store, SENDER, text, at(days)).crossing is None
    logged = log_message(store, SENDER, "it's a 4 again", at(20))
    assert logged.crossing is not None and logged.crossing.reason is RuleReason.COMING_BACK


def test_the_diary_shown_is_that_of_the_chart_window(tmp_path: Path) -> None:
    _, store = tracker_store(tmp_path)
    assert show(store, SENDER, T0) is None
    for item in [entry(0, 8), entry(31, 7, "gardening"), entry(35, 4), entry(35, 9, sender_id="telegram-2")]:
        store.add(item)
    view = show(store, SENDER, at(35))
    assert at(35) - WINDOW > at(0)
    assert view.summary == "2 entries over 4 days: down from 7 to 4."
    assert view.sparkline() == "▆▄"
    assert view.png().startswith(b"\x89PNG")
