"""The capped REST channel (channels/rest.py) before a fake agent: size cap, 400s, no silence, no logged text."""

from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path

import pytest
import yaml
from rasa.core.channels.channel import UserMessage

from channels.guard import max_message_chars
from channels.rest import CappedRestInput
from channels.texts import TOO_LONG, TROUBLE
from testbed.servers import ROOT
from tests.hardening.channel_harness import LIMIT, ChannelClient, serve_channel

MARKER = "zq-private-7f3a"


def texts(replies: list[dict]) -> list[str]:
    return [reply.get("text", "") for reply in replies]


async def echo_text(message: UserMessage, text: str) -> None:
    await message.output_channel.send_text_message(message.sender_id, text)


async def test_a_message_goes_to_the_assistant_and_its_replies_come_back(channel: ChannelClient) -> None:
    assert await channel.say("my back hurts", sender="alice") == [
        {"recipient_id": "alice", "text": "You said: my back hurts"}
    ]
    [message] = channel.agent.received
    assert (message.sender_id, message.text, message.input_channel) == ("alice", "my back hurts", "rest")


@pytest.mark.parametrize(
    ("sent", "passed_on"),
    [
        ("/log 6 stiff after gardening", "log 6 stiff after gardening"),
        ("/ my back hurts", "my back hurts"),
        ("/greet", "/greet"),
        ("/chitchat/ask_name", "/chitchat/ask_name"),
        ('/describe_pain{"body_part": "lower back"}', '/describe_pain{"body_part": "lower back"}'),
        ("/affirm@0.9", "/affirm@0.9"),
    ],
)
async def test_a_slash_before_words_is_dropped_and_intent_shortcuts_pass(
    channel: ChannelClient, sent: str, passed_on: str
) -> None:
    """Rasa logs a message that starts with "/" and is no intent shortcut whole, as a bad shortcut."""
    await channel.say(sent, sender="alice")
    assert [message.text for message in channel.agent.received] == [passed_on]


async def test_the_health_check_keeps_the_rest_url(channel: ChannelClient) -> None:
    async with channel.session.get(f"{channel.url}/") as response:
        assert response.status == 200 and await response.json() == {"status": "ok"}


async def test_a_message_at_the_limit_goes_through(channel: ChannelClient) -> None:
    text = "é" * LIMIT
    assert texts(await channel.say(text)) == [f"You said: {text}"]


@pytest.mark.parametrize("size", [LIMIT + 1, 10_000, 100_000])
async def test_a_message_over_the_limit_is_answered_without_the_assistant(channel: ChannelClient, size: int) -> None:
    replies = await channel.say("x" * size, sender="bob")
    assert replies == [{"recipient_id": "bob", "text": TOO_LONG.format(limit=LIMIT)}]
    assert "2,000 characters" in replies[0]["text"]
    assert channel.agent.received == []


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"{",
        b"\xff\xfe",
        b"[]",
        b"null",
        b'"hello"',
        b"42",
        b"[" * 100_000 + b"]" * 100_000,
        b'{"sender": "s", "message": "\\ud800"}',
        json.dumps({"message": "hi"}).encode(),
        json.dumps({"sender": None, "message": "hi"}).encode(),
        json.dumps({"sender": "  ", "message": "hi"}).encode(),
        json.dumps({"sender": ["a"], "message": "hi"}).encode(),
        json.dumps({"sender": {"id": 1}, "message": "hi"}).encode(),
        json.dumps({"sender": True, "message": "hi"}).encode(),
        json.dumps({"sender": 1.5, "message": "hi"}).encode(),
        json.dumps({"sender": "s" * 256, "message": "hi"}).encode(),
        json.dumps({"sender": "s"}).encode(),
        json.dumps({"sender": "s", "message": None}).encode(),
        json.dumps({"sender": "s", "message": 7}).encode(),
        json.dumps({"sender": "s", "message": ["hi"]}).encode(),
        json.dumps({"sender": "s", "message": {"text": "hi"}}).encode(),
        json.dumps({"sender": "s", "message": "hi", "metadata": 5}).encode(),
        json.dumps({"sender": "s", "message": "hi", "metadata": [1]}).encode(),
        json.dumps({"sender": "s", "message": "hi", "input_channel": [1]}).encode(),
    ],
)
async def test_a_malformed_body_is_a_400_with_a_reason(channel: ChannelClient, body: bytes) -> None:
    status, answer = await channel.post(body, raw=True)
    assert status == 400
    assert answer["status"] == 400 and answer["message"]
    assert channel.agent.received == []


async def test_a_numeric_sender_is_taken_as_text(channel: ChannelClient) -> None:
    status, replies = await channel.post({"sender": 12345, "message": "hi", "metadata": {"k": "v"}})
    assert status == 200 and replies[0]["recipient_id"] == "12345"
    assert channel.agent.received[-1].metadata == {"k": "v"}


async def test_an_assistant_exception_is_answered_with_trouble_and_logs_no_text(
    channel: ChannelClient, caplog: pytest.LogCaptureFixture
) -> None:
    async def crash(message: UserMessage) -> None:
        raise RuntimeError(f"failed on {message.text}")

    channel.agent.behaviour = crash
    with caplog.at_level(logging.INFO):
        replies = await channel.say(f"my back hurts {MARKER}", sender=f"sender-{MARKER}")
    assert texts(replies) == [TROUBLE]
    assert any(record.levelno == logging.ERROR and "RuntimeError" in record.getMessage() for record in caplog.records)
    assert MARKER not in caplog.text


async def test_an_error_rasa_logs_turns_silence_into_trouble(channel: ChannelClient) -> None:
    """Rasa 3.6 logs a failed custom action (action server down) and carries on with nothing said."""

    async def action_server_down(message: UserMessage) -> None:
        logging.getLogger("rasa.core.processor").error("Encountered an exception while running action 'x'.")

    channel.agent.behaviour = action_server_down
    assert texts(await channel.say("/ask_heat_therapy")) == [TROUBLE]


async def test_silence_after_typed_text_is_trouble(channel: ChannelClient) -> None:
    async def silent(message: UserMessage) -> None:
        return None

    channel.agent.behaviour = silent
    assert texts(await channel.say("hello")) == [TROUBLE]


async def test_a_silent_command_stays_silent(channel: ChannelClient) -> None:
    """ "/restart" says nothing in this domain, and the Telegram bot relies on that."""

    async def silent(message: UserMessage) -> None:
        return None

    channel.agent.behaviour = silent
    assert await channel.say("/restart") == []


async def test_replies_said_before_a_failure_are_kept(channel: ChannelClient) -> None:
    """As when the tracker store cannot save: the answer was already said, so the user gets it."""

    async def answer_then_fail(message: UserMessage) -> None:
        await echo_text(message, "Use an ice pack.")
        raise OSError("attempt to write a readonly database")

    channel.agent.behaviour = answer_then_fail
    assert texts(await channel.say("ice?")) == ["Use an ice pack."]


async def test_a_failure_in_one_conversation_does_not_leak_into_another(channel: ChannelClient) -> None:
    """The failure watch is per request: a concurrent, healthy silent command stays silent."""

    async def mixed(message: UserMessage) -> None:
        await asyncio.sleep(0.2)
        if message.sender_id == "failing":
            logging.getLogger("rasa.core.actions.action").error("Failed to run custom action.")

    channel.agent.behaviour = mixed
    failing, healthy = await asyncio.gather(channel.say("/greet", "failing"), channel.say("/restart", "healthy"))
    assert texts(failing) == [TROUBLE]
    assert healthy == []


async def test_streaming_replies_come_line_by_line_with_the_same_rules(channel: ChannelClient) -> None:
    status, lines = await channel.post({"sender": "s", "message": "hi"}, stream=True)
    assert status == 200 and texts(lines) == ["You said: hi"]
    status, lines = await channel.post({"sender": "s", "message": "x" * (LIMIT + 1)}, stream=True)
    assert status == 200 and texts(lines) == [TOO_LONG.format(limit=LIMIT)]
    assert len(channel.agent.received) == 1

    async def crash(message: UserMessage) -> None:
        raise RuntimeError("boom")

    channel.agent.behaviour = crash
    status, lines = await asyncio.wait_for(channel.post({"sender": "s", "message": "hi"}, stream=True), 10)
    assert status == 200 and texts(lines) == [TROUBLE]


async def test_the_limit_comes_from_max_message_chars(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAX_MESSAGE_CHARS", "10")
    async with serve_channel(CappedRestInput.from_credentials(None)) as client:
        assert texts(await client.say("x" * 10)) == ["You said: " + "x" * 10]
        assert texts(await client.say("x" * 11)) == [TOO_LONG.format(limit=10)]


@pytest.mark.parametrize(("raw", "limit"), [("", 2000), ("  ", 2000), ("500", 500), (" 3000 ", 3000)])
def test_max_message_chars_reads_the_environment(raw: str, limit: int) -> None:
    assert max_message_chars({"MAX_MESSAGE_CHARS": raw}) == limit
    assert max_message_chars({}) == 2000


@pytest.mark.parametrize("raw", ["abc", "0", "-5", "2e3"])
def test_a_bad_max_message_chars_is_a_clear_error(raw: str) -> None:
    with pytest.raises(ValueError, match="MAX_MESSAGE_CHARS"):
        max_message_chars({"MAX_MESSAGE_CHARS": raw})


def test_credentials_use_the_capped_channel() -> None:
    """The guard rails only work when Rasa loads this channel instead of the stock `rest`."""
    channels = yaml.safe_load(Path(ROOT / "credentials.yml").read_text()) or {}
    assert "channels.rest.CappedRestInput" in channels
    assert "rest" not in channels, "two channels named rest would fight over /webhooks/rest/webhook"
