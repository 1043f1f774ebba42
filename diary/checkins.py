"""Opt-in check-ins ("How's your back today?"): when each is due, and a small asyncio loop that asks them.

The timing is pure, with the clock passed in: the first check-in comes CHECKIN_DELAY_SECONDS after
it is turned on, the next ones as long after the last, but at most one a day, never in quiet hours,
and none once 14 days have passed since it was turned on or after the person said stop.
The schedule lives in the database (diary/store.py), so a restarted bot picks it up again.
PTB's JobQueue is not used: it needs APScheduler >= 3.10.4, and Rasa 3.6 pins an older one.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import datetime, timedelta, timezone

from sqlalchemy.exc import SQLAlchemyError

from diary.settings import CheckinSettings
from diary.store import CheckIn, DiaryStore

LIFETIME = timedelta(days=14)  # check-ins stop this long after they were turned on
MIN_INTERVAL = timedelta(days=1)  # at most one check-in a day
POLL_SECONDS = 1.0  # how often the loop looks for check-ins that have fallen due

Send = Callable[[str], Awaitable[None]]
Clock = Callable[[], datetime]
logger = logging.getLogger(__name__)


def utc_now() -> datetime:
    """The system clock, in UTC: the loop's clock unless a test passes its own."""
    return datetime.now(timezone.utc)


def in_quiet_hours(moment: datetime, settings: CheckinSettings) -> bool:
    """True when a moment falls in the quiet hours of the settings' time zone."""
    return settings.quiet_hours is not None and settings.quiet_hours.contains(moment.astimezone(settings.zone))


def after_quiet_hours(moment: datetime, settings: CheckinSettings) -> datetime:
    """The moment itself, or the end of the quiet hours it falls in."""
    if settings.quiet_hours is None or not in_quiet_hours(moment, settings):
        return moment
    local = moment.astimezone(settings.zone)
    end = local.replace(hour=settings.quiet_hours.end, minute=0, second=0, microsecond=0)
    return (end if end > local else end + timedelta(days=1)).astimezone(timezone.utc)


def next_due(earliest: datetime, last_asked: datetime | None, settings: CheckinSettings) -> datetime:
    """The first moment from `earliest` on that is a day after the last check-in and out of quiet hours."""
    if last_asked is not None:
        earliest = max(earliest, last_asked + MIN_INTERVAL)
    return after_quiet_hours(earliest, settings)


def started(sender_id: str, now: datetime, settings: CheckinSettings, previous: CheckIn | None) -> CheckIn:
    """A schedule turned on now; a check-in asked under a previous one still counts for the one-a-day limit."""
    last_asked = previous.last_asked_at if previous is not None else None
    return CheckIn(sender_id, next_due(now + settings.delay, last_asked, settings), now, last_asked, stopped=False)


def asked(checkin: CheckIn, now: datetime, settings: CheckinSettings) -> CheckIn:
    """The schedule after a check-in asked now: the next one set, or stopped when it would come too late."""
    due = next_due(now + settings.delay, now, settings)
    return replace(checkin, due_at=due, last_asked_at=now, stopped=due >= checkin.started_at + LIFETIME)


def expired(checkin: CheckIn, now: datetime) -> bool:
    """True once the schedule has run its 14 days."""
    return now >= checkin.started_at + LIFETIME


def is_due(checkin: CheckIn, now: datetime, settings: CheckinSettings) -> bool:
    """True when a check-in should be asked now."""
    return (
        not checkin.stopped
        and not expired(checkin, now)
        and now >= checkin.due_at
        and not in_quiet_hours(now, settings)
    )


def turn_on(store: DiaryStore, sender_id: str, now: datetime, settings: CheckinSettings) -> CheckIn:
    """Start (or restart) a person's check-ins and store the schedule."""
    checkin = started(sender_id, now, settings, store.checkin(sender_id))
    store.save_checkin(checkin)
    return checkin


def turn_off(store: DiaryStore, sender_id: str) -> bool:
    """Stop a person's check-ins; False when none were running."""
    checkin = store.checkin(sender_id)
    if checkin is None or checkin.stopped:
        return False
    store.save_checkin(replace(checkin, stopped=True))
    return True


def _take(store: DiaryStore, checkin: CheckIn, now: datetime, settings: CheckinSettings) -> bool:
    """Mark a check-in asked when it is due (True), or stopped when it has expired."""
    if expired(checkin, now) and not checkin.stopped:
        store.save_checkin(replace(checkin, stopped=True))
    elif is_due(checkin, now, settings):
        store.save_checkin(asked(checkin, now, settings))
        return True
    return False


def take_due(store: DiaryStore, sender_id: str, now: datetime, settings: CheckinSettings) -> bool:
    """True, and the check-in marked asked, when one of this person's has fallen due.

    For channels that cannot start a conversation (the widget, `rasa shell`): ask it the next time
    the person writes.
    """
    checkin = store.checkin(sender_id)
    return checkin is not None and _take(store, checkin, now, settings)


def take_all_due(store: DiaryStore, now: datetime, settings: CheckinSettings, sender_prefix: str) -> list[str]:
    """The people whose sender id starts with `sender_prefix` and whose check-in has fallen due, each marked
    asked; their expired schedules are stopped. Other channels' check-ins are left for take_due."""
    return [
        checkin.sender_id for checkin in store.active_checkins(sender_prefix) if _take(store, checkin, now, settings)
    ]


async def run_checkins(
    store: DiaryStore,
    send: Send,
    settings: CheckinSettings,
    sender_prefix: str,
    clock: Clock = utc_now,
    poll_seconds: float = POLL_SECONDS,
) -> None:
    """Ask every check-in of the senders whose id starts with `sender_prefix` (one channel's) that falls due
    with `send(sender_id)`, until cancelled.

    A check-in is marked asked before it is sent, so a failing send is logged and not retried
    every second; a database that does not answer is tried again at each poll, and logged when it stops
    answering and when it answers again, not at every poll.
    """
    answering = True
    while True:
        try:
            due = await asyncio.to_thread(take_all_due, store, clock(), settings, sender_prefix)
        except SQLAlchemyError:
            if answering:
                logger.exception("check-ins: the diary's database did not answer; trying again every poll")
            answering, due = False, []
        else:
            if not answering:
                logger.info("check-ins: the diary's database answers again")
            answering = True
        for sender_id in due:
            try:
                await send(sender_id)
            except Exception:
                logger.exception("check-ins: a check-in could not be sent")
        await asyncio.sleep(poll_seconds)
