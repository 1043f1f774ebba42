"""Check-ins (diary/checkins.py, diary/settings.py): settings, quiet hours, one a day, 14 days, and the loop."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from diary.checkins import (
    LIFETIME,
    asked,
    is_due,
    run_checkins,
    started,
    take_all_due,
    take_due,
    turn_off,
    turn_on,
)
from diary.service import open_store
from diary.settings import (
    CheckinSettings,
    QuietHours,
    SettingsError,
    checkin_settings,
)
from diary.store import CheckIn
from testbed.telegram.harness import endpoints_for, tracker_db
from tests.unit.diary_entries import SENDER, tracker_store

EVENING = datetime(2026, 11, 2, 18, 0, tzinfo=timezone.utc)  # a Monday, 18:00 UTC
QUIET = QuietHours(21, 8)
SETTINGS = CheckinSettings(delay=timedelta(hours=2), quiet_hours=QUIET, zone=timezone.utc)
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)


def test_the_defaults_are_two_days_and_21_to_8() -> None:
    assert checkin_settings({}) == CheckinSettings(delay=timedelta(days=2), quiet_hours=QUIET, zone=None)


def test_settings_are_read_from_the_environment_and_empty_quiet_hours_are_off() -> None:
    settings = checkin_settings({"CHECKIN_DELAY_SECONDS": "3", "CHECKIN_QUIET_HOURS": ""})
    assert settings == CheckinSettings(delay=timedelta(seconds=3), quiet_hours=None, zone=None)
    assert checkin_settings({"CHECKIN_QUIET_HOURS": " 13 - 15 "}).quiet_hours == QuietHours(13, 15)


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("CHECKIN_QUIET_HOURS", "21"),
        ("CHECKIN_QUIET_HOURS", "21-24"),
        ("CHECKIN_QUIET_HOURS", "8-8"),
        ("CHECKIN_QUIET_HOURS", "9pm-8am"),
        ("CHECKIN_DELAY_SECONDS", "0"),
        ("CHECKIN_DELAY_SECONDS", "-5"),
        ("CHECKIN_DELAY_SECONDS", "two days"),
        ("CHECKIN_DELAY_SECONDS", "inf"),
    ],
)
def test_a_bad_setting_is_a_clear_error_naming_the_variable(variable: str, value: str) -> None:
    with pytest.raises(SettingsError, match=f"{variable} must .*got {value!r}"):
        checkin_settings({variable: value})


@pytest.mark.parametrize(("hour", "quiet"), [(20, False), (21, True), (0, True), (7, True), (8, False), (12, False)])
def test_quiet_hours_run_over_midnight(hour: int, quiet: bool) -> None:
    assert QUIET.contains(EVENING.replace(hour=hour, minute=59 if quiet else 0)) is quiet


def test_the_first_checkin_comes_after_the_delay_or_when_quiet_hours_end() -> None:
    assert turn_on_at(EVENING).due_at == EVENING + SETTINGS.delay
    late = EVENING + 2 * HOUR  # due at 22:00, in quiet hours: the next morning at 8
    assert turn_on_at(late).due_at == datetime(2026, 11, 3, 8, 0, tzinfo=timezone.utc)
    assert turn_on_at(late, CheckinSettings(SETTINGS.delay, None, timezone.utc)).due_at == late + SETTINGS.delay


def test_quiet_hours_are_those_of_the_settings_time_zone() -> None:
    two_hours_east = CheckinSettings(SETTINGS.delay, QUIET, timezone(timedelta(hours=2)))
    # 18:00 UTC + 2 h = 20:00 UTC, which is 22:00 two hours east: quiet until 8:00 there, 6:00 UTC
    assert turn_on_at(EVENING, two_hours_east).due_at == datetime(2026, 11, 3, 6, 0, tzinfo=timezone.utc)


def test_a_checkin_that_falls_due_in_quiet_hours_waits_for_them_to_end() -> None:
    checkin = CheckIn(SENDER, EVENING, EVENING, None, stopped=False)
    assert is_due(checkin, EVENING + 2 * HOUR, SETTINGS)
    assert not is_due(checkin, EVENING + 3 * HOUR, SETTINGS)  # 21:00
    assert is_due(checkin, EVENING + 14 * HOUR, SETTINGS)  # 8:00 next day


def test_at_most_one_checkin_a_day_even_with_a_short_delay_or_a_restart(tmp_path: Path) -> None:
    _, store = tracker_store(tmp_path)
    short = CheckinSettings(timedelta(seconds=5), None, timezone.utc)
    turn_on(store, SENDER, EVENING, short)
    assert take_due(store, SENDER, EVENING + timedelta(seconds=5), short)
    assert not take_due(store, SENDER, EVENING + timedelta(seconds=10), short)
    turn_on(store, SENDER, EVENING + HOUR, short)  # "remind me" again: the check-in asked still counts
    assert not take_due(store, SENDER, EVENING + DAY, short)
    assert take_due(store, SENDER, EVENING + DAY + timedelta(seconds=5), short)


def test_checkins_stop_after_14_days() -> None:
    checkin = CheckIn(SENDER, EVENING, EVENING, None, stopped=False)
    assert is_due(checkin, EVENING + LIFETIME - timedelta(seconds=1), CheckinSettings(DAY, None, timezone.utc))
    assert not is_due(checkin, EVENING + LIFETIME, CheckinSettings(DAY, None, timezone.utc))
    last = asked(checkin, EVENING + LIFETIME - DAY, CheckinSettings(DAY, None, timezone.utc))
    assert last.stopped  # the next one would come on day 14


def test_an_expired_schedule_is_stopped_and_a_stopped_one_never_asks(tmp_path: Path) -> None:
    _, store = tracker_store(tmp_path)
    turn_on(store, SENDER, EVENING, SETTINGS)
    turn_on(store, "telegram-2", EVENING, SETTINGS)
    assert turn_off(store, "telegram-2")
    assert not turn_off(store, "telegram-2")
    assert take_all_due(store, EVENING + LIFETIME, SETTINGS, "telegram-") == []
    assert store.active_checkins("") == []
    assert store.checkin(SENDER).stopped


def test_take_all_due_takes_one_channels_checkins_and_leaves_the_others_for_their_next_message(
    tmp_path: Path,
) -> None:
    _, store = tracker_store(tmp_path)
    for sender in (SENDER, "widget-7c1f", "default"):
        store.save_checkin(CheckIn(sender, EVENING, EVENING, None, stopped=False))
    assert take_all_due(store, EVENING + HOUR, SETTINGS, "telegram-") == [SENDER]
    assert store.checkin(SENDER).last_asked_at == EVENING + HOUR
    assert store.checkin("widget-7c1f").last_asked_at is None
    assert take_due(store, "widget-7c1f", EVENING + HOUR, SETTINGS)
    assert take_due(store, "default", EVENING + HOUR, SETTINGS)


async def test_the_loop_sends_the_due_checkin_of_its_channel_and_no_other(tmp_path: Path) -> None:
    _, store = tracker_store(tmp_path)
    now = EVENING + HOUR
    store.save_checkin(CheckIn("telegram-due", EVENING, EVENING, None, stopped=False))
    store.save_checkin(CheckIn("telegram-later", now + HOUR, EVENING, None, stopped=False))
    store.save_checkin(CheckIn("telegram-stopped", EVENING, EVENING, None, stopped=True))
    store.save_checkin(CheckIn("widget-due", EVENING, EVENING, None, stopped=False))
    sent: list[str] = []
    first = asyncio.Event()

    async def send(sender_id: str) -> None:
        sent.append(sender_id)
        first.set()

    loop = asyncio.create_task(run_checkins(store, send, SETTINGS, "telegram-", clock=lambda: now, poll_seconds=0.01))
    await asyncio.wait_for(first.wait(), timeout=5)
    await asyncio.sleep(0.1)  # several more polls: the one asked is not asked again
    loop.cancel()
    assert sent == ["telegram-due"]
    assert store.checkin("telegram-due").last_asked_at == now
    assert store.checkin("widget-due").last_asked_at is None


async def test_a_failing_send_does_not_stop_the_loop(tmp_path: Path) -> None:
    _, store = tracker_store(tmp_path)
    store.save_checkin(CheckIn("first", EVENING, EVENING, None, stopped=False))
    store.save_checkin(CheckIn("second", EVENING, EVENING, None, stopped=False))
    sent: list[str] = []
    both = asyncio.Event()

    async def send(sender_id: str) -> None:
        sent.append(sender_id)
        if len(sent) == 2:
            both.set()
        raise ConnectionError("Telegram is away")

    loop = asyncio.create_task(run_checkins(store, send, SETTINGS, "", clock=lambda: EVENING, poll_seconds=0.01))
    await asyncio.wait_for(both.wait(), timeout=5)
    loop.cancel()
    assert sorted(sent) == ["first", "second"]


def turn_on_at(now: datetime, settings: CheckinSettings = SETTINGS) -> CheckIn:
    """A schedule turned on at `now` with no check-in asked before."""
    return started(SENDER, now, settings, None)


async def test_a_database_that_does_not_answer_is_logged_once_not_at_every_poll_and_then_when_it_answers(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = open_store(endpoints_for(tmp_path / "not-yet-created.db"))
    polls = 0
    several, more = asyncio.Event(), asyncio.Event()

    def clock() -> datetime:
        nonlocal polls
        polls += 1
        if polls == 5:
            several.set()
        if polls == 10:
            more.set()
        return EVENING

    async def send(sender_id: str) -> None:
        raise AssertionError("nothing is due in a database that does not answer")

    with caplog.at_level(logging.INFO, logger="diary.checkins"):
        loop = asyncio.create_task(run_checkins(store, send, SETTINGS, "", clock=clock, poll_seconds=0.01))
        await asyncio.wait_for(several.wait(), timeout=5)
        tracker_db(tmp_path / "not-yet-created.db", [])  # Rasa has started and made it
        await asyncio.wait_for(more.wait(), timeout=5)
        loop.cancel()
    assert [record.levelname for record in caplog.records] == ["ERROR", "INFO"]
