"""The socket.io channel the web widget talks through, with the guard rails of channels/guard.py.

Configure it in credentials.yml in place of `socketio:` as `channels.socket_io.CappedSocketIOInput:`
with the same settings; its name, path and events are Rasa's, so rasa-webchat needs no change.

Stock Rasa 3.6 runs NLU on messages of any size (a 50 KB paste held every user up for ~13 s),
raises inside the event handler on data of the wrong shape (a string, a numeric message, a list as
session id, metadata that is not JSON), and sends nothing when the action server is down. This
channel drops malformed events with a log line, caps the size and answers TROUBLE instead of silence.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput

from channels.guard import (
    OnNewMessage,
    admit,
    message_cap,
    prepare,
    run_turn,
    should_apologise,
    too_long,
    trouble,
)

logger = logging.getLogger(__name__)


def malformed(data: Any, session_persistence: bool) -> str | None:
    """Why a user-message event cannot be handled, or None when it can."""
    if not isinstance(data, dict):
        return "the data is not an object"
    if not isinstance(data.get("message", ""), str):
        return "the message is not text"
    session_id = data.get("session_id")
    if session_persistence and not (isinstance(session_id, str) and session_id.strip()):
        return "there is no session id"
    metadata = data.get("metadata", {})
    if isinstance(metadata, str):
        try:
            metadata = json.loads(metadata)
        except ValueError:
            return "the metadata is not JSON"
    if not isinstance(metadata, dict):
        return "the metadata is not an object"
    return None


class _CountingOutput(SocketIOOutput):
    """Rasa's socket.io output that counts what it sends."""

    def __init__(self, output: SocketIOOutput) -> None:
        super().__init__(output.sio, output.bot_message_evt)
        self.sent = 0

    async def _send_message(self, socket_id: str, response: Any) -> None:
        self.sent += 1
        await super()._send_message(socket_id, response)


class CappedSocketIOInput(SocketIOInput):
    """Rasa's socket.io channel (same name, path and events) with a size cap, checked events and no silence."""

    def __init__(self, *args: Any, max_chars: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.max_chars = message_cap(max_chars)

    @classmethod
    def name(cls) -> str:
        return "socketio"

    def guarded(self, on_new_message: OnNewMessage) -> OnNewMessage:
        """on_new_message behind the size cap, answering TROUBLE when a turn fails in silence."""

        async def handle(message: UserMessage) -> None:
            output = message.output_channel
            text = admit(message.text or "", self.max_chars)
            if text is None:
                await output.send_text_message(message.sender_id, too_long(self.max_chars))
                return
            counting = _CountingOutput(output) if isinstance(output, SocketIOOutput) else None
            message.text, message.output_channel = text, counting or output
            turn = await run_turn(on_new_message, message)
            if counting is not None and not counting.sent and should_apologise(text, turn):
                await output.send_text_message(message.sender_id, trouble(turn))

        return handle

    def blueprint(self, on_new_message: OnNewMessage) -> SocketBlueprint:
        """Rasa's socket.io blueprint, with user messages checked before its handler sees them."""
        prepare()
        blueprint = super().blueprint(self.guarded(on_new_message))
        namespace = self.namespace or "/"
        stock_handler = self.sio.handlers[namespace][self.user_message_evt]

        @self.sio.on(self.user_message_evt, namespace=namespace)
        async def handle_message(sid: str, data: Any) -> None:
            problem = malformed(data, self.session_persistence)
            if problem is not None:
                logger.warning("A socket.io message was dropped: %s.", problem)
                return
            await stock_handler(sid, data)

        return blueprint
