"""The diary's store (diary/store.py) in an SQLite tracker store: round trips, forgetting, and a restart."""

from __future__ import annotations

from datetime import timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError, StatementError

from diary.service import open_store
from diary.store import CheckIn, Entry
from testbed.telegram.harness import endpoints_for, senders
from tests.unit.diary_entries import SENDER, T0, at, entry, tracker_store

OTHER = "telegram-2"


def test_entries_come_back_oldest_first_with_their_zone_and_note(tmp_path: Path) -> None:
    _, store = tracker_store(tmp_path)
    later = entry(2, 4, "better after a walk")
    local_noon = Entry(SENDER, 6.5, None, T0.astimezone(timezone(timedelta(hours=2))))
    store.add(later)
    store.add(local_noon)
    store.add(entry(1, 9, sender_id=OTHER))
    read = store.entries(SENDER)
    assert read == [local_noon, later]  # aware datetimes compare by instant
    assert all(item.logged_at.utcoffset() == timedelta(0) for item in read)
    assert store.entries(SENDER, since=at(1)) == [later]


def test_a_time_without_a_zone_is_refused(tmp_path: Path) -> None:
    _, store = tracker_store(tmp_path)
    with pytest.raises(StatementError, match="time zone"):
        store.add(Entry(SENDER, 5, None, T0.replace(tzinfo=None)))


def test_a_checkin_is_replaced_and_only_running_ones_are_active(tmp_path: Path) -> None:
    _, store = tracker_store(tmp_path)
    store.save_checkin(CheckIn(SENDER, at(2), T0, None, stopped=False))
    moved = CheckIn(SENDER, at(3), T0, at(2), stopped=False)
    store.save_checkin(moved)
    store.save_checkin(CheckIn(OTHER, at(2), T0, None, stopped=True))
    assert store.checkin(SENDER) == moved
    assert store.active_checkins("") == [moved]
    assert store.checkin("nobody") is None


@pytest.mark.parametrize(
    ("prefix", "found"),
    [
        ("telegram-", ["telegram-1", "telegram-_9"]),
        ("telegram-_", ["telegram-_9"]),  # `_` is a character, not LIKE's any-one-character
        ("telegram%", []),  # nor is `%` any characters
        ("", ["TELEGRAM-2", "telegram-1", "telegram-_9", "telegramX1", "widget-7c1f"]),
    ],
)
def test_active_checkins_are_those_whose_sender_starts_with_the_prefix(
    tmp_path: Path, prefix: str, found: list[str]
) -> None:
    _, store = tracker_store(tmp_path)
    for sender in ("telegram-1", "telegram-_9", "telegramX1", "TELEGRAM-2", "widget-7c1f"):
        store.save_checkin(CheckIn(sender, at(2), T0, None, stopped=False))
    store.save_checkin(CheckIn("telegram-3", at(2), T0, None, stopped=True))
    assert sorted(checkin.sender_id for checkin in store.active_checkins(prefix)) == found


def test_the_diary_survives_a_restart_beside_the_conversations(tmp_path: Path) -> None:
    endpoints, store = tracker_store(tmp_path)
    store.add(entry(0, 5, "stiff"))
    store.save_checkin(CheckIn(SENDER, at(2), T0, None, stopped=False))
    store.engine.dispose()
    reopened = open_store(endpoints)
    assert reopened.entries(SENDER) == [entry(0, 5, "stiff")]
    assert reopened.checkin(SENDER) == CheckIn(SENDER, at(2), T0, None, stopped=False)
    assert senders(tmp_path / "tracker.db") == [OTHER]  # Rasa's events are where they were


def test_forget_deletes_one_persons_entries_and_checkins_only(tmp_path: Path) -> None:
    _, store = tracker_store(tmp_path)
    store.add(entry(0, 5))
    store.add(entry(1, 4))
    store.add(entry(1, 7, sender_id=OTHER))
    store.save_checkin(CheckIn(SENDER, at(2), T0, None, stopped=False))
    store.save_checkin(CheckIn(OTHER, at(2), T0, None, stopped=False))
    assert store.forget(SENDER) == 3
    assert store.entries(SENDER) == []
    assert store.checkin(SENDER) is None
    assert store.entries(OTHER) == [entry(1, 7, sender_id=OTHER)]
    assert store.checkin(OTHER) is not None


def test_a_missing_database_is_an_error_not_a_new_file(tmp_path: Path) -> None:
    store = open_store(endpoints_for(tmp_path / "nowhere.db"))
    with pytest.raises(OperationalError):
        store.entries(SENDER)
    assert not (tmp_path / "nowhere.db").exists()
