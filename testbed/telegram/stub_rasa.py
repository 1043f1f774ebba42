"""A stub of Rasa's REST channel, real HTTP on 127.0.0.1: scripted replies, every message recorded."""

from __future__ import annotations

import asyncio
import base64
import time
from dataclasses import dataclass
from typing import Any

from aiohttp import web

GREETING = "Hi! I'm a bot, not a doctor. I can tell you about back spasms."
GREETING_BUTTONS = [
    {"title": "What is a back spasm?", "payload": "/ask_what_is_spasm"},
    {"title": "Should I use ice?", "payload": "/ask_cold_therapy"},
]
HELP = "You can ask me what a back spasm is, about ice or heat, and when to see a doctor."
LONG = "\n\n".join(["First paragraph. " * 150, "Second paragraph. " * 150, "The end."])
CHART_PNG = base64.b64decode(  # a 1x1 PNG, standing in for the diary's chart
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
DIARY_SUMMARY = "2 entries over 3 days: down from 6 to 4."
CHECKIN_QUESTION = "How's your back today? 0–10, where 0 is no pain."


def scripted(message: str) -> Any:
    """The stub's answer to one message, shaped like Rasa's REST channel output."""
    if message == "/greet":
        return [{"text": GREETING, "buttons": GREETING_BUTTONS}]
    if message == "/help":
        return [{"text": HELP}]
    if message == "/restart":
        return []
    if message.startswith("/ask_"):
        return [{"text": f"Here is what I know about {message[5:]}."}]
    if message == "long answer please":
        return [{"text": LONG, "buttons": [{"title": "More", "payload": "/ask_more"}]}]
    if message == "/show_diary":  # one response with text and image, which Rasa's channels send as two replies
        return [{"text": DIARY_SUMMARY}, {"image": "data:image/png;base64," + base64.b64encode(CHART_PNG).decode()}]
    if message == "/checkin_due":
        return [{"text": CHECKIN_QUESTION}]
    if message == "answer in two parts":
        return [{"text": "Part one."}, {"text": "Part two.", "image": "https://example.org/stretch.png"}]
    return [{"text": f"You said: {message}"}]


@dataclass
class Received:
    """One message as the stub received it, and how long the stub took to answer."""

    sender: str
    message: str
    at: float
    took: float = 0.0


class StubRasa:
    """Rasa's REST channel; set delays or status to misbehave, stop() and start() to go down and come back."""

    def __init__(self) -> None:
        self.url = ""
        self.received: list[Received] = []
        self.delays: dict[str, float] = {}  # message -> seconds to wait before answering
        self.status = 200
        self.answer: Any = None  # when set, every answer is this (JSON-encoded; bytes are sent as they are)
        self.in_flight = 0  # messages received and not yet answered
        self._port = 0
        self._runner: web.AppRunner | None = None

    async def start(self) -> str:
        """Listen (again, on the same port after stop()) and return the base URL, as RASA_URL."""
        app = web.Application()
        app.router.add_post("/webhooks/rest/webhook", self._webhook)
        self._runner = web.AppRunner(app, shutdown_timeout=0.5, handler_cancellation=True)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self._port).start()
        self._port = self._runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{self._port}"
        return self.url

    async def stop(self) -> None:
        """Stop listening: connections are refused until start() again."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def reset(self) -> None:
        """Up (on the same port), answering as scripted, with nothing received yet."""
        self.received.clear()
        self.delays.clear()
        self.status = 200
        self.answer = None
        if self._runner is None:
            await self.start()

    def messages(self, sender: str | None = None) -> list[str]:
        """The messages received, for one sender or all, oldest first."""
        return [item.message for item in self.received if sender is None or item.sender == sender]

    async def _webhook(self, request: web.Request) -> web.Response:
        body = await request.json()
        item = Received(body["sender"], body["message"], time.perf_counter())
        self.received.append(item)
        self.in_flight += 1
        try:
            await asyncio.sleep(self.delays.get(item.message, 0))
        finally:
            self.in_flight -= 1
        answer = scripted(item.message) if self.answer is None else self.answer
        item.took = time.perf_counter() - item.at
        if isinstance(answer, bytes):
            return web.Response(body=answer, status=self.status, content_type="text/html")
        return web.json_response(answer, status=self.status)
