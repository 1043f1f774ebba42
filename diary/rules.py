"""Episodes of pain in a diary, and the guide's rule: see a doctor when spasms last or keep coming back.

The guide (guidance/when_to_see_doctor.yml) says to see a doctor if spasms last more than two weeks,
keep coming back, or don't improve with simple home treatments. The diary reads that as: an
episode (a run of entries with pain >= 1, no gap longer than 7 days) that lasts more than 14 days
and whose latest pain is not lower than its first; or a new episode that starts within 4 weeks of
the end of the last one. The advice and its source are the guide's section, not restated here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from actions.knowledge import Section, guidance
from diary.store import Entry

SEE_A_DOCTOR = "when_to_see_doctor"  # the guidance section with the rule and its source
EPISODE_GAP = timedelta(days=7)  # the longest gap between two entries of one episode
LASTING = timedelta(days=14)  # "spasms last more than two weeks"
COMING_BACK = timedelta(weeks=4)  # "keep coming back": a new episode this soon after the last one ended


@dataclass(frozen=True)
class Episode:
    """A run of entries with pain >= 1 and no gap longer than EPISODE_GAP, oldest first."""

    entries: tuple[Entry, ...]

    @property
    def start(self) -> datetime:
        return self.entries[0].logged_at

    @property
    def end(self) -> datetime:
        return self.entries[-1].logged_at

    @property
    def duration(self) -> timedelta:
        return self.end - self.start


class Reason(Enum):
    """Which half of the rule an episode crossed."""

    LASTING = "lasting"  # more than 14 days and not getting better
    COMING_BACK = "coming_back"  # a new episode within 4 weeks of the last


@dataclass(frozen=True)
class Crossing:
    """The episode that crossed the guide's rule, and how."""

    reason: Reason
    episode: Episode


def episodes(entries: Iterable[Entry]) -> list[Episode]:
    """The episodes in a diary: an entry with pain 0, or a gap longer than EPISODE_GAP, ends one."""
    runs: list[list[Entry]] = []
    current: list[Entry] = []
    for entry in sorted(entries, key=lambda entry: entry.logged_at):
        if current and (entry.pain < 1 or entry.logged_at - current[-1].logged_at > EPISODE_GAP):
            runs.append(current)
            current = []
        if entry.pain >= 1:
            current.append(entry)
    if current:
        runs.append(current)
    return [Episode(tuple(run)) for run in runs]


def crossing(entries: Iterable[Entry], now: datetime) -> Crossing | None:
    """How the episode going on now crosses the guide's rule; None when it does not, or none is going on.

    An episode is going on when the diary's latest entry up to now has pain >= 1 and is no older
    than EPISODE_GAP. Entries after `now` are not read.
    """
    past = sorted((entry for entry in entries if entry.logged_at <= now), key=lambda entry: entry.logged_at)
    if not past or past[-1].pain < 1 or now - past[-1].logged_at > EPISODE_GAP:
        return None
    found = episodes(past)
    current = found[-1]
    if current.duration > LASTING and current.entries[-1].pain >= current.entries[0].pain:
        return Crossing(Reason.LASTING, current)
    if len(found) > 1 and current.start - found[-2].end <= COMING_BACK:
        return Crossing(Reason.COMING_BACK, current)
    return None


def advice() -> Section:
    """The guide's see-a-doctor section: its answer and source are what a crossing is told."""
    return guidance()[SEE_A_DOCTOR]
