"""The socket.io channel's guard rails (channels/socket_io.py) before a fake socket server and a fake assistant."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOOutput

from channels.socket_io import CappedSocketIOInput, malformed
from channels.texts import TOO_LONG, TROUBLE

LIMIT = 40


@dataclass
class FakeSocketServer:
    """Records what would be emitted to the browser."""

    emitted: list[tuple[str, Any, str | None]] = field(default_factory=list)

    async def emit(self, event: str, data: Any, room: str | None = None) -> None:
        self.emitted.append((event, data, room))

    def texts(self) -> list[str]:
        return [data["text"] for _, data, _ in self.emitted]


@dataclass
class FakeAssistant:
    """Records what it is given and answers as told: echo, silence or an exception."""

    behaviour: str = "echo"
    received: list[str] = field(default_factory=list)

    async def __call__(self, message: UserMessage) -> None:
        self.received.append(message.text)
        if self.behaviour == "raise":
            raise RuntimeError("the assistant broke")
        if self.behaviour == "echo":
            await message.output_channel.send_text_message(message.sender_id, f"You said: {message.text}")


async def send(text: str, assistant: FakeAssistant) -> FakeSocketServer:
    server = FakeSocketServer()
    handle = CappedSocketIOInput(session_persistence=True, max_chars=LIMIT).guarded(assistant)
    await handle(UserMessage(text, SocketIOOutput(server, "bot_uttered"), "session-1", input_channel="socketio"))
    return server


async def test_a_message_within_the_cap_reaches_the_assistant_and_its_answer_the_browser() -> None:
    assistant = FakeAssistant()
    server = await send("my back hurts", assistant)
    assert assistant.received == ["my back hurts"]
    assert server.emitted == [("bot_uttered", {"text": "You said: my back hurts"}, "session-1")]


async def test_a_message_over_the_cap_is_answered_without_the_assistant() -> None:
    assistant = FakeAssistant()
    server = await send("ouch " * 20, assistant)
    assert assistant.received == []
    assert server.texts() == [TOO_LONG.format(limit=LIMIT)]


async def test_only_the_red_flag_sentence_of_an_over_long_message_goes_on() -> None:
    assistant = FakeAssistant(behaviour="silent")
    await send("My back is sore today. I wet myself this morning. It is cold out.", assistant)
    assert assistant.received == ["I wet myself this morning."]


@pytest.mark.parametrize("behaviour", ["raise", "silent"])
async def test_a_failed_or_silent_turn_is_answered_with_trouble(behaviour: str) -> None:
    server = await send("hello", FakeAssistant(behaviour=behaviour))
    assert server.texts() == [TROUBLE]


async def test_a_silent_command_stays_silent() -> None:
    server = await send("/restart", FakeAssistant(behaviour="silent"))
    assert server.emitted == []


@pytest.mark.parametrize(
    "data",
    [
        "a string",
        42,
        None,
        ["message"],
        {"message": 42, "session_id": "s"},
        {"message": ["hi"], "session_id": "s"},
        {"message": "hi"},
        {"message": "hi", "session_id": ""},
        {"message": "hi", "session_id": ["not", "a", "string"]},
        {"message": "hi", "session_id": "s", "metadata": "{not json"},
        {"message": "hi", "session_id": "s", "metadata": "[1, 2]"},
        {"message": "hi", "session_id": "s", "metadata": 5},
    ],
)
def test_malformed_events_are_named(data: Any) -> None:
    assert malformed(data, session_persistence=True)


@pytest.mark.parametrize(
    "data",
    [
        {"message": "hi", "session_id": "s"},
        {"session_id": "s"},
        {"message": "hi", "session_id": "s", "metadata": '{"page": "/back"}'},
        {"message": "hi", "session_id": "s", "metadata": {"page": "/back"}},
    ],
)
def test_well_formed_events_pass(data: Any) -> None:
    assert malformed(data, session_persistence=True) is None


def test_without_session_persistence_no_session_id_is_needed() -> None:
    assert malformed({"message": "hi"}, session_persistence=False) is None
