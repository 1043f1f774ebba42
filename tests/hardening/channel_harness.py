"""The capped REST channel in a real Sanic server on loopback, mounted as Rasa mounts it, before a fake agent."""

from __future__ import annotations

import contextlib
import itertools
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from rasa.core.channels.channel import UserMessage, register
from sanic import Sanic

from channels.rest import CappedRestInput
from testbed.servers import free_port

Behaviour = Callable[[UserMessage], Awaitable[None]]
LIMIT = 2000
_names = itertools.count()
# Sanic 21.12 rewrites some of its own methods when an app starts; a second app in the same process
# fails on the rewritten source unless test mode keeps the originals.
Sanic.test_mode = True


async def echo(message: UserMessage) -> None:
    """Answer "You said: <text>", as a stand-in for the assistant."""
    await message.output_channel.send_text_message(message.sender_id, f"You said: {message.text}")


@dataclass
class FakeAgent:
    """Stands in for rasa.core.agent.Agent: records each message and runs `behaviour` on it."""

    behaviour: Behaviour = echo
    received: list[UserMessage] = field(default_factory=list)

    async def handle_message(self, message: UserMessage) -> None:
        self.received.append(message)
        await self.behaviour(message)


@dataclass
class ChannelClient:
    """Talks to the channel over HTTP."""

    url: str
    agent: FakeAgent
    session: aiohttp.ClientSession

    async def post(self, body: Any, *, raw: bool = False, stream: bool = False) -> tuple[int, Any]:
        """POST a JSON body (or raw bytes) and return the status and the parsed answer.

        A streamed answer is parsed as one JSON value per line.
        """
        data = body if raw else json.dumps(body).encode()
        params = {"stream": "true"} if stream else {}
        async with self.session.post(f"{self.url}/webhook", data=data, params=params) as response:
            text = await response.text()
        if stream and response.status == 200:
            return response.status, [json.loads(line) for line in text.splitlines() if line.strip()]
        return response.status, json.loads(text)

    async def say(self, text: str, sender: str = "user-1") -> list[dict[str, Any]]:
        """Send one message; assert 200 and return the replies."""
        status, replies = await self.post({"sender": sender, "message": text})
        assert status == 200, replies
        return replies


@contextlib.asynccontextmanager
async def serve_channel(channel: CappedRestInput) -> AsyncIterator[ChannelClient]:
    """Run the channel at /webhooks/rest/ on a free loopback port for the duration of the block."""
    app = Sanic(f"hardening_channel_{next(_names)}", configure_logging=False)
    agent = FakeAgent()
    app.ctx.agent = agent
    register([channel], app, route="/webhooks/")
    port = free_port()
    server = await app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True, access_log=False)
    assert server is not None
    await server.startup()
    await server.before_start()
    await server.after_start()
    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=20)) as session:
            yield ChannelClient(f"http://127.0.0.1:{port}/webhooks/rest", agent, session)
    finally:
        await server.before_stop()
        closing = server.close()
        if closing is not None:
            await closing
        await server.after_stop()
