"""Diary entries for the diary's tests: a fixed clock, and entries placed by days from it."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from diary.service import open_store
from diary.store import DiaryStore, Entry
from testbed.telegram.harness import endpoints_for, tracker_db

T0 = datetime(2026, 11, 2, 9, 30, tzinfo=timezone.utc)
SENDER = "telegram-1"


def at(days: float) -> datetime:
    """T0 plus some days."""
    return T0 + timedelta(days=days)


def entry(days: float, pain: float, note: str | None = None, sender_id: str = SENDER) -> Entry:
    """An entry logged `days` after T0."""
    return Entry(sender_id, pain, note, at(days))


def diary(days_and_pains: list[tuple[float, float]]) -> list[Entry]:
    """Entries from (days after T0, pain) pairs."""
    return [entry(days, pain) for days, pain in days_and_pains]


def tracker_store(directory: Path) -> tuple[Path, DiaryStore]:
    """An SQLite tracker store laid out like Rasa's, its endpoints file, and the diary opened from that file."""
    endpoints = endpoints_for(tracker_db(directory / "tracker.db", ["telegram-2"]))
    return endpoints, open_store(endpoints)
