"""The pain diary through the REST channel, with the real assistant: log, correct, show, check in, forget."""

from __future__ import annotations

import base64
import sqlite3
import time
from contextlib import closing

from actions.knowledge import guidance
from testbed.replies import answered
from testbed.servers import CHECKIN_TEST_DELAY_SECONDS, Assistant

CHART_PREFIX = "data:image/png;base64,"
CHECKIN_QUESTION = "How's your back today?"


def stored_entries(assistant: Assistant, sender: str) -> list[tuple[float, str | None]]:
    """The pain and note of each diary entry the database holds for a sender, oldest first."""
    with closing(sqlite3.connect(assistant.tracker_db)) as db:
        query = "SELECT pain, note FROM diary_entries WHERE sender_id = ? ORDER BY id"
        return db.execute(query, (sender,)).fetchall()


def test_entries_are_logged_and_shown_as_a_chart_with_a_summary(assistant: Assistant, sender: str) -> None:
    assert "Noted in your pain diary: 6 out of 10" in answered(assistant.talk(sender, "pain 6 today"))
    noted = answered(assistant.talk(sender, "/log 4 stiff after gardening"))
    assert 'with your note "stiff after gardening"' in noted
    assert stored_entries(assistant, sender) == [(6.0, None), (4.0, "stiff after gardening")]
    replies = assistant.talk(sender, "show my diary")
    assert "2 entries over less than a day: down from 6 to 4." in answered(replies)
    [chart] = [reply["image"] for reply in replies if reply.get("image")]
    assert chart.startswith(CHART_PREFIX)
    assert base64.b64decode(chart[len(CHART_PREFIX) :]).startswith(b"\x89PNG")


def test_bad_values_are_corrected_and_nothing_is_stored(assistant: Assistant, sender: str) -> None:
    assert "haven't saved 12" in answered(assistant.talk(sender, "pain 12"))
    assert "couldn't find a score" in answered(assistant.talk(sender, "pain lots"))
    assert stored_entries(assistant, sender) == []
    assert "no entries" in answered(assistant.talk(sender, "show my diary"))


def test_a_red_flag_in_a_note_gets_the_emergency_reply(assistant: Assistant, sender: str) -> None:
    reply = answered(assistant.talk(sender, "pain 8 today and I've wet myself without noticing"))
    assert "999" in reply
    assert "Noted in your pain diary" not in reply


def test_a_due_check_in_is_asked_the_next_time_the_person_writes_and_the_answer_is_logged(
    assistant: Assistant, sender: str
) -> None:
    turned_on = answered(assistant.talk(sender, "remind me in a couple of days"))
    assert f"in {CHECKIN_TEST_DELAY_SECONDS} seconds" in turned_on
    time.sleep(float(CHECKIN_TEST_DELAY_SECONDS) + 1)
    greeting = answered(assistant.talk(sender, "hello"))
    assert greeting.rstrip().endswith(
        "How's your back today? Give it a number from 0 (no pain) to 10 (the worst you can imagine), "
        "with a note if you like, or say stop to end the check-ins."
    )
    assert "couldn't find a score" in answered(assistant.talk(sender, "not sure"))
    assert "Noted in your pain diary: 3 out of 10" in answered(assistant.talk(sender, "about a 3, much looser"))
    assert stored_entries(assistant, sender) == [(3.0, "much looser")]
    assert CHECKIN_QUESTION not in answered(assistant.talk(sender, "hello"))  # one a day at most


def test_stop_in_answer_to_a_check_in_ends_them(assistant: Assistant, sender: str) -> None:
    assistant.talk(sender, "remind me in a couple of days")
    time.sleep(float(CHECKIN_TEST_DELAY_SECONDS) + 1)
    assert CHECKIN_QUESTION in answered(assistant.talk(sender, "what helps a back spasm?"))
    assert "no more check-ins" in answered(assistant.talk(sender, "stop"))
    assert "no check-ins running" in answered(assistant.talk(sender, "stop the reminders"))


def test_the_symptom_checks_score_is_kept_on_yes(assistant: Assistant, sender: str) -> None:
    for answer in ("my neck has been in spasm since yesterday", "no", "no", "5", "yes", "no"):
        last = answered(assistant.talk(sender, answer))
    assert "keep your pain score (5 out of 10) in your pain diary" in last
    assert "Noted in your pain diary: 5 out of 10" in answered(assistant.talk(sender, "yes"))
    assert stored_entries(assistant, sender) == [(5.0, None)]


def test_a_diary_crossing_the_two_week_rule_is_told_to_see_a_doctor(assistant: Assistant, sender: str) -> None:
    with closing(sqlite3.connect(assistant.tracker_db)) as db, db:
        db.executemany(
            "INSERT INTO diary_entries (sender_id, pain, note, logged_at) VALUES (?, 5, NULL, datetime('now', ?))",
            [(sender, f"-{days} days") for days in (16, 12, 8, 4)],
        )
    reply = answered(assistant.talk(sender, "pain 6 today"))
    assert "more than two weeks" in reply
    assert guidance()["when_to_see_doctor"].answer.strip() in reply
