"""What an action's messages name, for asserting replies by their domain.yml response and variables."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher


def _message_keys() -> frozenset[str]:
    """The keys rasa-sdk puts in every message besides `response`: text, buttons, image and the like."""
    probe = CollectingDispatcher()
    probe.utter_message(response="utter_probe")
    return frozenset(probe.messages[0]) - {"response"}


MESSAGE_KEYS = _message_keys()


def responses(dispatcher: CollectingDispatcher) -> list[str | None]:
    """The domain response each message an action sent names, in order."""
    return [message.get("response") for message in dispatcher.messages]


def sent(dispatcher: CollectingDispatcher) -> list[dict[str, Any]]:
    """Each message as the action passed it: its response and its variables."""
    return [
        {key: value for key, value in message.items() if key not in MESSAGE_KEYS} for message in dispatcher.messages
    ]
