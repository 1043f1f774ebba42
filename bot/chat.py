"""Per-chat ordering and the `typing` indicator."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from weakref import WeakValueDictionary

from telegram import Bot
from telegram.constants import ChatAction
from telegram.error import TelegramError

logger = logging.getLogger(__name__)
TYPING_EVERY = 4.0  # seconds; Telegram shows a chat action for about five


class ChatLocks:
    """One asyncio.Lock per chat, so that each chat's updates are handled one at a time, in order.

    asyncio.Lock wakes its waiters first come, first served, and PTB starts update tasks in the
    order Telegram sent them; a lock lives only while someone holds or waits for it.
    """

    def __init__(self) -> None:
        self._locks: WeakValueDictionary[int, asyncio.Lock] = WeakValueDictionary()

    def lock_for(self, chat_id: int) -> asyncio.Lock:
        """The lock of chat_id, made on first use."""
        lock = self._locks.get(chat_id)
        if lock is None:
            lock = self._locks[chat_id] = asyncio.Lock()
        return lock


async def _send_typing(bot: Bot, chat_id: int) -> None:
    try:
        await bot.send_chat_action(chat_id, ChatAction.TYPING)
    except TelegramError as error:
        logger.debug("typing action failed: %s", error)


async def _keep_typing(bot: Bot, chat_id: int) -> None:
    while True:
        await asyncio.sleep(TYPING_EVERY)
        await _send_typing(bot, chat_id)


@asynccontextmanager
async def typing(bot: Bot, chat_id: int) -> AsyncIterator[None]:
    """Show `typing…` while the body runs; the first action has gone out when the body is left."""
    first = asyncio.create_task(_send_typing(bot, chat_id))
    repeat = asyncio.create_task(_keep_typing(bot, chat_id))
    try:
        yield
    finally:
        repeat.cancel()
        await first
