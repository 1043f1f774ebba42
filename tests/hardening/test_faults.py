"""Faults: the action server dies, the Rasa server is killed, the tracker store turns read-only.

Each test that stops a server starts it again in `finally`, so later tests find the assistant whole.
"""

from __future__ import annotations

import signal

import pytest

from channels.texts import TROUBLE
from testbed.replies import answered
from testbed.servers import Assistant
from tests.hardening.helpers import ensure_running, log_offset, log_since, read_only, user_texts

ICE_QUESTION = "how long should I put ice on my back?"
ICE_ANSWER = "15 to 20 minutes"


def test_a_dead_action_server_gets_an_apology_not_silence_and_service_resumes(
    assistant: Assistant, sender: str
) -> None:
    """Rasa 3.6 logs the failed custom action and answers `[]`; the capped channel says TROUBLE instead."""
    assert "not a doctor" in answered(assistant.talk(sender, "hello"))
    offset = log_offset(assistant, "rasa")
    try:
        assistant.stop_actions()
        typed = assistant.talk(sender, ICE_QUESTION)
        button = assistant.talk(sender, "/ask_heat_therapy")
        log = log_since(assistant, "rasa", offset)
    finally:
        ensure_running(assistant)
    assert [reply.get("text") for reply in typed] == [TROUBLE], typed
    assert [reply.get("text") for reply in button] == [TROUBLE], button
    assert "Failed to run custom action" in log
    assert ICE_ANSWER in answered(assistant.talk(sender, ICE_QUESTION))


def test_a_killed_rasa_server_comes_back_with_the_conversation(assistant: Assistant, sender: str) -> None:
    """SIGKILL, no clean shutdown: the SQLite tracker store keeps every message, slot and the open form."""
    assistant.talk(sender, "hello")
    opening = answered(assistant.talk(sender, '/describe_pain{"body_part": "lower back", "pain_level": 6}'))
    assert "Do you have any of these right now?" in opening
    before = assistant.tracker(sender)
    assert before["slots"]["body_part"] == "lower back" and before["slots"]["pain_level"] == 6
    assert before["active_loop"]["name"] == "symptom_check_form"
    try:
        assert assistant.rasa is not None
        assistant.rasa.send_signal(signal.SIGKILL)
        assistant.rasa.wait(timeout=30)
        assert assistant.rasa.returncode == -signal.SIGKILL
    finally:
        ensure_running(assistant)
    after = assistant.tracker(sender)
    assert user_texts(after) == user_texts(before)
    assert after["slots"] == before["slots"]
    assert after["active_loop"] == before["active_loop"]
    assert "How long" in answered(assistant.talk(sender, "no")), "the form did not carry on"
    assert "keep coming back" in answered(assistant.talk(sender, "3 days"))
    resumed = assistant.tracker(sender)
    assert user_texts(resumed) == [*user_texts(before), "no", "3 days"]
    assert resumed["slots"]["duration_days"] == 3


def test_a_read_only_tracker_store_still_answers_and_logs_a_clear_error(assistant: Assistant, sender: str) -> None:
    """The user still gets the answer; the turn is lost from the store, and the log says why.

    Rasa's fail-safe tracker store logs "Error happened when trying to save conversation tracker ...
    attempt to write a readonly database", keeps that turn in memory only and carries on; the next
    turn is read from (and saved to) SQLite again once the file is writable.
    """
    marker = "zq-readonly-5e1d"
    assistant.talk(sender, "hello")
    before = user_texts(assistant.tracker(sender))
    offset = log_offset(assistant, "rasa")
    with read_only(assistant.tracker_db) as effective:
        if not effective:
            pytest.skip("this user can write to a read-only file and chattr is unavailable")
        replies = assistant.talk(sender, f"{ICE_QUESTION} {marker}")
    log = log_since(assistant, "rasa", offset)
    assert ICE_ANSWER in answered(replies), replies
    assert "attempt to write a readonly database" in log
    assert marker not in log
    assert user_texts(assistant.tracker(sender)) == before, "the read-only turn was stored after all"
    assistant.talk(sender, "thanks")
    assert user_texts(assistant.tracker(sender)) == [*before, "thanks"]
