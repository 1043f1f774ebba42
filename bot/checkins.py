"""Check-ins on Telegram: the diary's scheduler over this bot's chats, each check-in asked through Rasa.

The schedule lives in the tracker store's database, which RASA_ENDPOINTS names. The scheduler takes
only Telegram's check-ins (conversation ids `telegram-<chat id>`): the widget's and `rasa shell`'s are
asked by Rasa the next time those people write, and so are Telegram's when the bot has no RASA_ENDPOINTS.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from contextlib import suppress
from pathlib import Path

from bot.handlers import SENDER_PREFIX, chat_id_of
from diary.checkins import run_checkins
from diary.settings import CheckinSettings

logger = logging.getLogger(__name__)
AskCheckin = Callable[[int], Awaitable[None]]  # asks the check-in in one chat


class CheckinScheduler:
    """diary.checkins.run_checkins over this bot's chats, as a task from start() to stop()."""

    def __init__(self, endpoints: Path | None, settings: CheckinSettings) -> None:
        self._endpoints = endpoints
        self._settings = settings
        self._task: asyncio.Task[None] | None = None

    def start(self, ask: AskCheckin) -> None:
        """Ask each check-in that falls due with `ask(chat_id)`; without RASA_ENDPOINTS, only say why not."""
        if self._endpoints is None:
            logger.info("check-ins: RASA_ENDPOINTS is not set, so each is asked only when the person next writes")
            return
        from diary.service import open_store  # it imports the chart's matplotlib: only a bot with a diary needs it

        async def send(sender: str) -> None:
            await ask(chat_id_of(sender))

        store = open_store(self._endpoints)
        self._task = asyncio.create_task(run_checkins(store, send, self._settings, SENDER_PREFIX))
        logger.info("check-ins: each is asked in its chat when it falls due")

    async def stop(self) -> None:
        """Cancel the scheduler, if it runs, and wait until it has stopped."""
        if self._task is not None:
            self._task.cancel()
            with suppress(asyncio.CancelledError):
                await self._task
            self._task = None
