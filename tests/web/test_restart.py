"""A conversation outlives the Rasa server: the SQLite tracker store keeps its messages and slots."""

from __future__ import annotations

from typing import Any

from testbed.servers import Assistant


def _user_texts(tracker: dict[str, Any]) -> list[str]:
    return [event["text"] for event in tracker["events"] if event["event"] == "user"]


def test_conversation_survives_a_restart(assistant: Assistant, sender: str) -> None:
    """Messages and slots from before a restart are in the tracker after it, and the talk goes on."""
    assistant.talk(sender, "/greet")
    assistant.talk(sender, '/describe_pain{"body_part": "lower back", "pain_level": 6}')
    before = assistant.tracker(sender)
    assert _user_texts(before)[-2:] == ["/greet", '/describe_pain{"body_part": "lower back", "pain_level": 6}']
    assert before["slots"]["body_part"] == "lower back"
    assert before["slots"]["pain_level"] == 6

    assistant.stop_rasa()
    assistant.start_rasa()

    after = assistant.tracker(sender)
    assert _user_texts(after) == _user_texts(before)
    assert after["slots"] == before["slots"]
    assistant.talk(sender, "how long should I ice my back?")
    assert _user_texts(assistant.tracker(sender)) == [*_user_texts(before), "how long should I ice my back?"]
