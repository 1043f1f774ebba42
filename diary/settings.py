"""The diary's settings from the environment, read in this one place.

CHECKIN_DELAY_SECONDS  seconds from "remind me" to the first check-in, and between check-ins (default 2 days)
CHECKIN_QUIET_HOURS    "START-END" in whole hours of the server's time zone when no check-in is asked
                       (default 21-8: from 21:00 to 07:59); an empty value turns quiet hours off
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

DELAY_VARIABLE = "CHECKIN_DELAY_SECONDS"
QUIET_HOURS_VARIABLE = "CHECKIN_QUIET_HOURS"
DEFAULT_DELAY = timedelta(days=2)
DEFAULT_QUIET_HOURS = "21-8"
HOURS = re.compile(r"\s*(\d{1,2})\s*-\s*(\d{1,2})\s*")
HOURS_IN_A_DAY = 24


class SettingsError(ValueError):
    """A diary setting in the environment has a value it cannot use."""


@dataclass(frozen=True)
class QuietHours:
    """Whole hours of the day when no check-in is asked: from `start` up to, not including, `end`."""

    start: int
    end: int

    def contains(self, local: datetime) -> bool:
        """True when a local time falls in the quiet hours (which may run over midnight)."""
        if self.start < self.end:
            return self.start <= local.hour < self.end
        return local.hour >= self.start or local.hour < self.end


@dataclass(frozen=True)
class CheckinSettings:
    """How check-ins are timed; `zone` None is the server's own time zone."""

    delay: timedelta
    quiet_hours: QuietHours | None
    zone: tzinfo | None = None


def quiet_hours(value: str) -> QuietHours | None:
    """Quiet hours from "START-END" (hours 0-23, START not END); None for an empty value; SettingsError else."""
    if not value.strip():
        return None
    match = HOURS.fullmatch(value)
    hours = tuple(int(hour) for hour in match.groups()) if match else ()
    if not hours or max(hours) >= HOURS_IN_A_DAY or hours[0] == hours[1]:
        raise SettingsError(
            f"{QUIET_HOURS_VARIABLE} must be two different hours from 0 to 23 as START-END (like 21-8), "
            f"or empty to turn quiet hours off; got {value!r}"
        )
    return QuietHours(*hours)


def delay(value: str) -> timedelta:
    """The check-in delay from a number of seconds greater than 0; SettingsError else."""
    try:
        seconds = float(value)
        if seconds > 0:
            return timedelta(seconds=seconds)
    except (ValueError, OverflowError):
        pass
    raise SettingsError(f"{DELAY_VARIABLE} must be a number of seconds greater than 0; got {value!r}")


def checkin_settings(environ: Mapping[str, str] = os.environ) -> CheckinSettings:
    """The check-in settings in the environment, defaults where unset; SettingsError for a bad value."""
    raw_delay = environ.get(DELAY_VARIABLE, "").strip()
    return CheckinSettings(
        delay=delay(raw_delay) if raw_delay else DEFAULT_DELAY,
        quiet_hours=quiet_hours(environ.get(QUIET_HOURS_VARIABLE, DEFAULT_QUIET_HOURS)),
    )
