"""Logging an entry and checking the guide's rule on it: what the action server calls for "pain 6 today".

Imports the score reader of the symptom check (diary/parse.py), and with it spaCy, which the action
server has loaded already. No entry text is logged to Python's logging.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from diary.parse import Correction, read_entry
from diary.rules import Crossing, crossing
from diary.store import DiaryStore, Entry


@dataclass(frozen=True)
class Logged:
    """The entry stored, and how the episode it belongs to crosses the guide's rule, if it does."""

    entry: Entry
    crossing: Crossing | None


def log_entry(store: DiaryStore, entry: Entry) -> Logged:
    """Store an entry (the symptom check's pain answer, once the person agrees) and check the rule at its time."""
    store.add(entry)
    return Logged(entry, crossing(store.entries(entry.sender_id), entry.logged_at))


def log_message(store: DiaryStore, sender_id: str, text: str, now: datetime) -> Logged | Correction:
    """Log the entry a message gives ("pain 6 today", "/log 6 stiff"), or say why it gives none (nothing stored)."""
    reading = read_entry(text)
    if isinstance(reading, Correction):
        return reading
    return log_entry(store, Entry(sender_id, reading.pain, reading.note, now))
