"""The REST channel with guard rails: a size cap, 400 for bad bodies and a reply when the assistant fails.

Configure it in credentials.yml in place of `rest:` as `channels.rest.CappedRestInput:`; its name is
still "rest", so the webhook stays at /webhooks/rest/webhook and clients need no change.

Stock Rasa 3.6 answers 500 to a body that is not a JSON object, runs NLU on messages of any size,
writes the user's text into the log when handling fails, and answers `[]` (silence) when the
action server is down, because the processor logs the failure and carries on. This channel:

* answers 400 with a reason when the body is not a JSON object with a text `message` and a
  `sender` (a missing sender would put every anonymous user in one shared conversation);
* answers messages longer than MAX_MESSAGE_CHARS (environment, default 2000, as for the Telegram
  bot) with TOO_LONG, without passing them to the assistant, unless they hold a red flag: then only
  the sentences with the warning signs go on, so the emergency advice is never refused;
* answers TROUBLE when the assistant said nothing and something went wrong (an exception, or an
  ERROR logged by Rasa while it handled the message), or said nothing to a typed message;
  a silent answer to a command payload such as "/restart" stays silent;
* never logs message text or sender ids, only the kind of failure.
"""

from __future__ import annotations

import asyncio
import contextvars
import json
import logging
import os
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import rasa.utils.endpoints
from rasa.core.channels.channel import CollectingOutputChannel, OutputChannel, UserMessage
from rasa.core.channels.rest import QueueOutputChannel, RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse, ResponseStream

from channels.excerpt import red_flag_excerpt

logger = logging.getLogger(__name__)

DEFAULT_MAX_MESSAGE_CHARS = 2000
MAX_SENDER_CHARS = 255  # the width of sender_id in Rasa's SQL tracker store
TOO_LONG = "That message is too long for me. Please keep it under {limit:,} characters."
TROUBLE = "Sorry, I'm having trouble right now, please try again in a minute."
_DONE = object()

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


class BadRequest(ValueError):
    """The request body is not a message this channel accepts; the text is safe to show the client."""


@dataclass(frozen=True)
class Incoming:
    """A validated request: who sent what, with optional metadata and channel name."""

    sender: str
    text: str
    metadata: dict[str, Any] | None = None
    input_channel: str | None = None


@dataclass
class Turn:
    """What went wrong while the assistant handled one message: names of loggers that logged an ERROR."""

    errors: list[str] = field(default_factory=list)
    exception: str | None = None

    @property
    def failed(self) -> bool:
        return bool(self.errors) or self.exception is not None


_current_turn: contextvars.ContextVar[Turn | None] = contextvars.ContextVar("capped_rest_turn", default=None)


class _ErrorWatcher(logging.Handler):
    """Notes ERROR records logged inside a turn (Rasa logs and swallows a failed custom action)."""

    def emit(self, record: logging.LogRecord) -> None:
        turn = _current_turn.get()
        if turn is not None:
            turn.errors.append(record.name)


_WATCHER = _ErrorWatcher(logging.ERROR)


def watch_rasa_errors() -> None:
    """Attach the error watcher to the `rasa` logger, once."""
    rasa_logger = logging.getLogger("rasa")
    if _WATCHER not in rasa_logger.handlers:
        rasa_logger.addHandler(_WATCHER)


def max_message_chars(env: Mapping[str, str] = os.environ) -> int:
    """MAX_MESSAGE_CHARS from the environment (default 2000); a clear error when it is not a positive number."""
    raw = env.get("MAX_MESSAGE_CHARS", "").strip()
    if not raw:
        return DEFAULT_MAX_MESSAGE_CHARS
    try:
        limit = int(raw)
    except ValueError:
        raise ValueError(f"MAX_MESSAGE_CHARS must be a whole number of characters, not {raw!r}") from None
    if limit < 1:
        raise ValueError(f"MAX_MESSAGE_CHARS must be at least 1, not {limit}")
    return limit


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


def describe(error: BaseException) -> str:
    """The kind of an error without its message, which may quote the user (SQL parameters, for one)."""
    cause = getattr(error, "orig", None)  # SQLAlchemy: the database's own error, without the statement
    return f"{type(error).__name__}: {cause}" if isinstance(cause, Exception) else type(error).__name__


class CappedRestInput(RestInput):
    """Rasa's REST channel (same name and URL) with a size cap, 400s for bad bodies and no silent failures."""

    def __init__(self, max_chars: int | None = None) -> None:
        self.max_chars = max_message_chars() if max_chars is None else max_chars
        if self.max_chars < 1:
            raise ValueError(f"max_chars must be at least 1, not {self.max_chars}")

    @classmethod
    def name(cls) -> str:
        return "rest"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> CappedRestInput:
        """The channel takes no credentials; the cap comes from MAX_MESSAGE_CHARS."""
        return cls()

    def admitted(self, incoming: Incoming) -> Incoming | None:
        """The message to pass on: as it is, or for one over the cap its red-flag sentences; None to refuse it."""
        if len(incoming.text) <= self.max_chars:
            return incoming
        excerpt = red_flag_excerpt(incoming.text, self.max_chars)
        return None if excerpt is None else replace(incoming, text=excerpt)

    def too_long(self, sender: str) -> list[dict[str, Any]]:
        """The reply to a message over the cap."""
        return [{"recipient_id": sender, "text": TOO_LONG.format(limit=self.max_chars)}]

    async def handle(self, on_new_message: OnNewMessage, incoming: Incoming, output: OutputChannel) -> Turn:
        """Pass one message to the assistant and report what went wrong, logging no text."""
        turn = Turn()
        token = _current_turn.set(turn)
        try:
            await on_new_message(
                UserMessage(
                    incoming.text,
                    output,
                    incoming.sender,
                    input_channel=incoming.input_channel or self.name(),
                    metadata=incoming.metadata,
                )
            )
        except asyncio.CancelledError:
            turn.exception = "CancelledError"
            logger.error("The assistant timed out on a message.")
        except Exception as error:
            turn.exception = describe(error)
            logger.error("The assistant failed on a message (%s).", turn.exception)
            logger.debug("The failure in full:", exc_info=True)
        finally:
            _current_turn.reset(token)
        return turn

    @staticmethod
    def should_apologise(incoming: Incoming, turn: Turn) -> bool:
        """After a silent turn: yes when something failed, or when the user typed text (not a /command)."""
        return turn.failed or not incoming.text.strip().startswith("/")

    def _trouble(self, incoming: Incoming, turn: Turn) -> dict[str, Any]:
        if turn.failed:
            what = ", ".join([*turn.errors, *([turn.exception] if turn.exception else [])])
            logger.warning("The assistant said nothing after a failure (%s); answered TROUBLE.", what)
        else:
            logger.warning("The assistant said nothing to a typed message; answered TROUBLE.")
        return {"recipient_id": incoming.sender, "text": TROUBLE}

    async def reply(self, on_new_message: OnNewMessage, incoming: Incoming) -> list[dict[str, Any]]:
        """The assistant's replies to one message, TOO_LONG when over the cap, TROUBLE instead of silence."""
        admitted = self.admitted(incoming)
        if admitted is None:
            return self.too_long(incoming.sender)
        incoming = admitted
        collector = CollectingOutputChannel()
        turn = await self.handle(on_new_message, incoming, collector)
        if not collector.messages and self.should_apologise(incoming, turn):
            return [self._trouble(incoming, turn)]
        return collector.messages

    def stream(self, on_new_message: OnNewMessage, incoming: Incoming) -> Callable[[Any], Awaitable[None]]:
        """Write each reply as a line of JSON as it comes, with the same cap and TROUBLE as `reply`."""

        admitted = self.admitted(incoming)

        async def write(resp: Any) -> None:
            if admitted is None:
                for message in self.too_long(incoming.sender):
                    await resp.write(json.dumps(message) + "\n")
                return
            queue: asyncio.Queue = asyncio.Queue()

            async def run() -> Turn:
                try:
                    return await self.handle(on_new_message, admitted, QueueOutputChannel(queue))
                finally:
                    await queue.put(_DONE)

            task = asyncio.ensure_future(run())
            written = 0
            while (message := await queue.get()) is not _DONE:
                await resp.write(json.dumps(message) + "\n")
                written += 1
            turn = await task
            if not written and self.should_apologise(admitted, turn):
                await resp.write(json.dumps(self._trouble(admitted, turn)) + "\n")

        return write

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        """GET / for health and POST /webhook for messages, under /webhooks/rest/."""
        watch_rasa_errors()
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
