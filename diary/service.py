"""What a channel calls to reach the diary: the store beside the conversations, and the diary to show.

Light to import (no spaCy): the Telegram bot can use it, and diary.checkins, without loading the NLU.
Logging a message is diary.log's, in the action server.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path

import sqlalchemy

from diary.chart import WINDOW, png, sparkline
from diary.store import DiaryStore, Entry
from diary.summary import summary_line
from privacy.tracker_store import tracker_store_url


def open_store(endpoints: Path) -> DiaryStore:
    """The diary in the database of the tracker store an endpoints file names (endpoints.yml, endpoints.scaled.yml)."""
    return DiaryStore(sqlalchemy.create_engine(tracker_store_url(endpoints)))


@dataclass(frozen=True)
class DiaryView:
    """A person's entries of the chart's window, to show as a summary line, a PNG chart or a sparkline."""

    entries: tuple[Entry, ...]
    summary: str
    now: datetime
    zone: tzinfo | None

    def png(self) -> bytes:
        """The chart (for Telegram's sendPhoto, with the summary as its caption, or the widget's image)."""
        return png(self.entries, self.now, self.zone)

    def sparkline(self) -> str:
        """The entries as one line of blocks (for `rasa shell`, after the summary)."""
        return sparkline(self.entries)


def show(store: DiaryStore, sender_id: str, now: datetime, zone: tzinfo | None = None) -> DiaryView | None:
    """A person's diary over the chart's window up to now; None when it holds no entry there."""
    entries = tuple(store.entries(sender_id, since=now - WINDOW))
    summary = summary_line(entries)
    return None if summary is None else DiaryView(entries, summary, now, zone)
