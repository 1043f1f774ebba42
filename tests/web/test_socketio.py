"""The socket.io channel the widget talks through: replies arrive, and bad input does not stop them."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
import requests

from actions.knowledge import guidance
from channels.guard import max_message_chars
from channels.texts import TOO_LONG
from testbed.replies import answered
from testbed.servers import Assistant
from testbed.web import SocketUser


async def test_socket_user_gets_a_reply(socket_user: SocketUser) -> None:
    """Fails if the python-socketio trap returns (RasaHQ/rasa#13027): with 5.10+ and session_persistence the
    session room is never joined (`enter_room` not awaited) and bot_uttered never reaches the browser."""
    assert len(socket_user.session_id) == 32
    await socket_user.say("hello")
    try:
        reply = await socket_user.reply(timeout=5)
    except asyncio.TimeoutError:
        pytest.fail("no bot_uttered within 5 s: is python-socketio newer than 5.9.0? (RasaHQ/rasa#13027)")
    answered([reply])


def _oversized() -> str:
    """About 50,000 characters of words, as a paste accident would send."""
    return "my back hurts when I bend " * 1_900


async def test_an_over_long_message_is_kindly_refused(socket_user: SocketUser) -> None:
    await socket_user.say(_oversized())
    answer = await socket_user.reply(timeout=10)
    assert answer["text"] == TOO_LONG.format(limit=max_message_chars())


async def test_a_red_flag_deep_inside_an_over_long_message_still_gets_the_emergency_advice(
    socket_user: SocketUser,
) -> None:
    filler = "My back has been sore on and off and I have tried stretching every morning. " * 40
    await socket_user.say(filler + "Since lunch I can't feel my bum at all. " + filler)
    trigger = await socket_user.reply(lambda message: "can't feel my bum" in message.get("text", ""), timeout=60)
    assert trigger["text"]
    first_line = guidance()["emergency_care"].answer.strip().split("\n\n")[0]
    advice = await socket_user.reply(lambda message: first_line in message.get("text", ""), timeout=30)
    assert advice["text"]


async def test_bad_input_leaves_the_channel_answering(assistant: Assistant, socket_user: SocketUser) -> None:
    """Oversized, unknown and malformed events are survived; the next normal message is answered."""
    session = socket_user.session_id
    bad: list[tuple[str, Any]] = [
        ("user_uttered", {"message": _oversized(), "session_id": session}),
        ("no_such_event", {"message": "hello", "session_id": session}),
        ("user_uttered", "a string instead of an object"),
        ("user_uttered", 42),
        ("user_uttered", {"session_id": session}),
        ("user_uttered", {"message": 42, "session_id": session}),
        ("user_uttered", {"message": "hello", "session_id": ["not", "a", "string"]}),
        ("user_uttered", {"message": "hello", "session_id": session, "metadata": "{not json"}),
        ("session_request", "a string instead of an object"),
    ]
    for event, data in bad:
        await socket_user.client.emit(event, data)
    await socket_user.say("how long should I ice my back?")
    answer = await socket_user.reply(lambda message: "minutes" in message.get("text", ""), timeout=60)
    assert answer["text"]
    assert assistant.rasa is not None and assistant.rasa.poll() is None, assistant.log_tail("rasa")
    status = requests.get(f"{assistant.rasa_url}/status", params={"token": assistant.token}, timeout=10)
    assert status.ok
    async with SocketUser(assistant.rasa_url) as newcomer:
        await newcomer.say("hello")
        assert (await newcomer.reply()).get("text")
