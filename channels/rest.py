"""The REST channel with guard rails: a size cap, 400 for bad bodies and a reply when the assistant fails.

Configure it in credentials.yml in place of `rest:` as `channels.rest.CappedRestInput:`; its name is
still "rest", so the webhook stays at /webhooks/rest/webhook and clients need no change.

Stock Rasa 3.6 answers 500 to a body that is not a JSON object, runs NLU on messages of any size,
writes the user's text into the log when handling fails, and answers `[]` (silence) when the
action server is down, because the processor logs the failure and carries on. This channel
answers 400 with a reason when the body is not a JSON object with a text `message` and a `sender`
(a missing sender would put every anonymous user in one shared conversation), and applies the
size cap and the no-silence rule of channels/guard.py to the rest.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import rasa.utils.endpoints
from rasa.core.channels.channel import CollectingOutputChannel, OutputChannel, UserMessage
from rasa.core.channels.rest import QueueOutputChannel, RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse, ResponseStream

from channels.guard import (
    OnNewMessage,
    Turn,
    admit,
    message_cap,
    prepare,
    run_turn,
    should_apologise,
    too_long,
    trouble,
)

MAX_SENDER_CHARS = 255  # the width of sender_id in Rasa's SQL tracker store
_DONE = object()


class BadRequest(ValueError):
    """The request body is not a message this channel accepts; the text is safe to show the client."""


@dataclass(frozen=True)
class Incoming:
    """A validated request: who sent what, with optional metadata and channel name."""

    sender: str
    text: str
    metadata: dict[str, Any] | None = None
    input_channel: str | None = None


def parse_body(body: bytes) -> Incoming:
    """The message in a request body; BadRequest when it is not a JSON object of the right shape."""
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        raise BadRequest("The body must be JSON.") from None
    if not isinstance(data, dict):
        raise BadRequest('The body must be a JSON object like {"sender": "...", "message": "..."}.')
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (an escaped U+D800, say) can be neither stored nor answered
        raise BadRequest("The body must be valid Unicode.") from None
    sender = data.get("sender")
    if isinstance(sender, int) and not isinstance(sender, bool):
        sender = str(sender)
    if not isinstance(sender, str) or not sender.strip():
        raise BadRequest('"sender" must be a non-empty string.')
    if len(sender) > MAX_SENDER_CHARS:
        raise BadRequest(f'"sender" must be at most {MAX_SENDER_CHARS} characters.')
    text = data.get("message")
    if not isinstance(text, str):
        raise BadRequest('"message" must be a string.')
    metadata = data.get("metadata")
    if metadata is not None and not isinstance(metadata, dict):
        raise BadRequest('"metadata" must be a JSON object.')
    input_channel = data.get("input_channel")
    if input_channel is not None and not isinstance(input_channel, str):
        raise BadRequest('"input_channel" must be a string.')
    return Incoming(sender, text, metadata, input_channel or None)


class CappedRestInput(RestInput):
    """Rasa's REST channel (same name and URL) with a size cap, 400s for bad bodies and no silent failures."""

    def __init__(self, max_chars: int | None = None) -> None:
        self.max_chars = message_cap(max_chars)

    @classmethod
    def name(cls) -> str:
        return "rest"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> CappedRestInput:
        """The channel takes no credentials; the cap comes from MAX_MESSAGE_CHARS."""
        return cls()

    def too_long(self, sender: str) -> list[dict[str, Any]]:
        """The reply to a message over the cap."""
        return [{"recipient_id": sender, "text": too_long(self.max_chars)}]

    def user_message(self, incoming: Incoming, text: str, output: OutputChannel) -> UserMessage:
        """The admitted text of `incoming` as Rasa's UserMessage."""
        return UserMessage(
            text,
            output,
            incoming.sender,
            input_channel=incoming.input_channel or self.name(),
            metadata=incoming.metadata,
        )

    async def reply(self, on_new_message: OnNewMessage, incoming: Incoming) -> list[dict[str, Any]]:
        """The assistant's replies to one message, TOO_LONG when over the cap, TROUBLE instead of silence."""
        text = admit(incoming.text, self.max_chars)
        if text is None:
            return self.too_long(incoming.sender)
        collector = CollectingOutputChannel()
        turn = await run_turn(on_new_message, self.user_message(incoming, text, collector))
        if not collector.messages and should_apologise(text, turn):
            return [{"recipient_id": incoming.sender, "text": trouble(turn)}]
        return collector.messages

    def stream(self, on_new_message: OnNewMessage, incoming: Incoming) -> Callable[[Any], Awaitable[None]]:
        """Write each reply as a line of JSON as it comes, with the same cap and TROUBLE as `reply`."""

        text = admit(incoming.text, self.max_chars)

        async def write(resp: Any) -> None:
            if text is None:
                for message in self.too_long(incoming.sender):
                    await resp.write(json.dumps(message) + "\n")
                return
            queue: asyncio.Queue = asyncio.Queue()

            async def run() -> Turn:
                try:
                    return await run_turn(on_new_message, self.user_message(incoming, text, QueueOutputChannel(queue)))
                finally:
                    await queue.put(_DONE)

            task = asyncio.ensure_future(run())
            written = 0
            while (message := await queue.get()) is not _DONE:
                await resp.write(json.dumps(message) + "\n")
                written += 1
            turn = await task
            if not written and should_apologise(text, turn):
                await resp.write(json.dumps({"recipient_id": incoming.sender, "text": trouble(turn)}) + "\n")

        return write

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        """GET / for health and POST /webhook for messages, under /webhooks/rest/."""
        prepare()
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse | ResponseStream:
            try:
                incoming = parse_body(request.body)
            except BadRequest as error:
                return response.json({"status": 400, "message": str(error)}, status=400)
            if rasa.utils.endpoints.bool_arg(request, "stream", default=False):
                return response.stream(self.stream(on_new_message, incoming), content_type="text/event-stream")
            return response.json(await self.reply(on_new_message, incoming))

        return webhook
