"""Per-chat locks and mention handling."""

from __future__ import annotations

import asyncio

import pytest
from telegram import Message

from bot.addressing import mentions, without_mention
from bot.chat import ChatLocks
from testbed.telegram import updates

pytestmark = pytest.mark.timeout(30)


@pytest.mark.asyncio
async def test_each_chat_runs_in_order_and_chats_run_side_by_side() -> None:
    locks, log = ChatLocks(), []

    async def handle(chat_id: int, name: str, seconds: float) -> None:
        async with locks.lock_for(chat_id):
            await asyncio.sleep(seconds)
            log.append(name)

    await asyncio.gather(handle(1, "1a", 0.2), handle(1, "1b", 0), handle(2, "2a", 0.05), handle(1, "1c", 0))
    assert log == ["2a", "1a", "1b", "1c"]


def test_a_lock_lives_only_while_it_is_used() -> None:
    locks = ChatLocks()
    lock = locks.lock_for(7)
    assert locks.lock_for(7) is lock
    del lock
    assert len(locks._locks) == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("@backspasm_test_bot what is a spasm?", "what is a spasm?"),
        ("is heat better, @Backspasm_Test_Bot?", "is heat better,?"),
        ("@backspasm_test_bot", ""),
        ("ask @backspasm_test_bots_friend", "ask @backspasm_test_bots_friend"),
    ],
)
def test_the_mention_is_taken_out(text: str, expected: str) -> None:
    assert without_mention(text, "backspasm_test_bot") == expected


def test_only_a_mention_of_this_bot_counts() -> None:
    mentioned = Message.de_json(updates.message(updates.GROUP_ID, "hey @backspasm_test_bot, ice?"), None)
    other = Message.de_json(updates.message(updates.GROUP_ID, "hey @someone_else, ice?"), None)
    assert mentions(mentioned, "backspasm_test_bot")
    assert not mentions(other, "backspasm_test_bot")
