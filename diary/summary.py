"""The diary in one line: how many entries over how many days, and the trend from the first to the latest."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from diary.store import Entry

DAY = timedelta(days=1)


@dataclass(frozen=True)
class Summary:
    """Entries counted, the time from the first to the latest, and their scores."""

    count: int
    span: timedelta
    first: float
    latest: float


def summarize(entries: Sequence[Entry]) -> Summary | None:
    """The summary of entries given oldest first; None when there are none."""
    if not entries:
        return None
    first, latest = entries[0], entries[-1]
    return Summary(len(entries), latest.logged_at - first.logged_at, first.pain, latest.pain)


def days(span: timedelta) -> str:
    """A span in whole days, as words: "less than a day", "1 day", "9 days"."""
    count = round(span / DAY)
    if count == 0:
        return "less than a day"
    return f"{count} day" if count == 1 else f"{count} days"


def trend(summary: Summary) -> str:
    """From the first score to the latest: "down from 7 to 4", "up from 3 to 6", "steady at 5"."""
    if summary.latest < summary.first:
        return f"down from {summary.first:g} to {summary.latest:g}"
    if summary.latest > summary.first:
        return f"up from {summary.first:g} to {summary.latest:g}"
    return f"steady at {summary.latest:g}"


def summary_line(entries: Sequence[Entry]) -> str | None:
    """ "6 entries over 9 days: down from 7 to 4." ("1 entry: pain 5."); None when there are none."""
    summary = summarize(entries)
    if summary is None:
        return None
    if summary.count == 1:
        return f"1 entry: pain {summary.latest:g}."
    return f"{summary.count} entries over {days(summary.span)}: {trend(summary)}."
