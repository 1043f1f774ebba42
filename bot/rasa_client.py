"""Client for Rasa's REST channel (POST /webhooks/rest/webhook)."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp

Reply = dict[str, Any]


class RasaUnavailable(Exception):
    """Rasa could not be reached in time or did not answer with a list of replies."""


class RasaClient:
    """Sends one user message at a time to Rasa and returns the assistant's replies."""

    def __init__(self, base_url: str, timeout: float) -> None:
        self.webhook_url = f"{base_url.rstrip('/')}/webhooks/rest/webhook"
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._session: aiohttp.ClientSession | None = None

    async def start(self) -> None:
        """Open the HTTP connection pool."""
        self._session = aiohttp.ClientSession(timeout=self._timeout)

    async def close(self) -> None:
        """Close the HTTP connection pool."""
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def send(self, sender: str, message: str) -> list[Reply]:
        """Post message as sender and return Rasa's replies; raise RasaUnavailable on any failure."""
        if self._session is None:
            raise RuntimeError("RasaClient.start() was not called")
        try:
            async with self._session.post(self.webhook_url, json={"sender": sender, "message": message}) as response:
                if response.status != 200:
                    raise RasaUnavailable(f"Rasa answered HTTP {response.status}")
                replies = await response.json(content_type=None)
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as error:
            raise RasaUnavailable(f"Rasa did not answer: {type(error).__name__}") from error
        if not isinstance(replies, list) or not all(isinstance(reply, dict) for reply in replies):
            raise RasaUnavailable("Rasa's answer was not a list of replies")
        return replies
