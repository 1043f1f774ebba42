"""End to end, the pain diary on Telegram: Bot API stand-in -> `python -m bot` -> Rasa + action server.

The bot, Rasa and the action server share one SQLite database (the tracker store of assistant.endpoints):
the action server logs entries and stores check-in schedules there, and the bot's scheduler asks each
check-in of a Telegram chat as it falls due, CHECKIN_TEST_DELAY_SECONDS after /checkin on.
"""

from __future__ import annotations

import asyncio
import itertools
import sqlite3
import time
from collections.abc import AsyncIterator
from contextlib import closing
from datetime import datetime, timedelta, timezone

import pytest
import pytest_asyncio

from bot import texts
from diary.service import open_store
from diary.store import CHECKINS, ENTRIES, DiaryStore
from testbed.replies import answered
from testbed.servers import Assistant
from testbed.telegram import updates
from testbed.telegram.harness import BotProcess, ChatUser, diary_env
from testbed.telegram.standin import PNG_SIGNATURE, BotApiStandIn, Call
from tests.telegram.conftest import IN_MODULE_LOOP, SharedBot

pytestmark = [IN_MODULE_LOOP, pytest.mark.timeout(180)]
_chat_ids = itertools.count(920_001)
ON_TIME = timedelta(seconds=10)  # how long after its due time a check-in may come (issue 12)
CHECKIN_QUESTION = "your back today"  # in the check-in's question, "How's your back today? ..."


@pytest_asyncio.fixture(loop_scope="module")
async def diary_bot(assistant: Assistant, telegram: BotApiStandIn, shared_bot: SharedBot) -> SharedBot:
    """diary_bot(): the module's polling bot with the diary's settings, started again if a test stopped it."""

    async def start() -> BotProcess:
        return await shared_bot(assistant.rasa_url, "polling", **diary_env(assistant))

    return start


@pytest_asyncio.fixture(loop_scope="module")
async def user(diary_bot: SharedBot, telegram: BotApiStandIn) -> ChatUser:
    """A user in a new chat, so that each test's diary and check-ins are its own."""
    return ChatUser(await diary_bot(), telegram, next(_chat_ids))


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def diary(assistant: Assistant) -> AsyncIterator[DiaryStore]:
    """The diary as the action server keeps it, read from the assistant's database."""
    store = open_store(assistant.endpoints)
    yield store
    store.engine.dispose()


def sender(user: ChatUser) -> str:
    """The chat's conversation id in Rasa, and so in the diary."""
    return f"telegram-{user.chat_id}"


async def say(user: ChatUser, text: str) -> str:
    """Send a text and return what the bot answered, once it is seen to be a real answer."""
    return answered([call.result for call in await user.send(updates.text(user.chat_id, text), timeout=30)])


async def checkin_question(user: ChatUser, telegram: BotApiStandIn, due: datetime) -> Call:
    """The check-in question, once it comes by itself; it must come at its due time and within ON_TIME of it."""

    def asks(call: Call) -> bool:
        return call.params.get("chat_id") == user.chat_id and CHECKIN_QUESTION in (call.result or {}).get("text", "")

    wait = (due - datetime.now(timezone.utc) + ON_TIME).total_seconds()
    [question] = await telegram.wait_for("sendMessage", 1, max(wait, 1), asks)
    came = datetime.now(timezone.utc) - timedelta(seconds=time.perf_counter() - question.at)
    assert due <= came + timedelta(seconds=0.1), f"the check-in came {due - came} early"
    return question


def rows(assistant: Assistant, user: ChatUser) -> dict[str, int]:
    """How many rows the chat has in each table: the diary's, the check-ins' and Rasa's events."""
    with closing(sqlite3.connect(assistant.tracker_db)) as db:
        return {
            table: db.execute(f"SELECT COUNT(*) FROM {table} WHERE sender_id = ?", (sender(user),)).fetchone()[0]
            for table in (ENTRIES.name, CHECKINS.name, "events")
        }


async def test_two_entries_then_diary_sends_a_png_chart_captioned_with_the_summary(
    user: ChatUser, telegram: BotApiStandIn, diary: DiaryStore
) -> None:
    await say(user, "pain 6 today")
    await say(user, "/log 4 stiff after gardening")
    entries = diary.entries(sender(user))
    assert [entry.pain for entry in entries] == [6, 4] and entries[1].note == "stiff after gardening"
    [reply] = await user.send(updates.text(user.chat_id, "/diary"), replies=1, timeout=30)
    assert reply.method == "sendPhoto"
    [photo] = telegram.sent_photos(user.chat_id)
    assert photo.caption.startswith("2 entries") and photo.data.startswith(PNG_SIGNATURE)


async def test_checkin_on_brings_the_question_on_time_and_its_answer_is_logged(
    user: ChatUser, telegram: BotApiStandIn, diary: DiaryStore
) -> None:
    await say(user, "/checkin on")
    checkin = diary.checkin(sender(user))
    assert checkin is not None and checkin.last_asked_at is None
    await checkin_question(user, telegram, checkin.due_at)
    await say(user, "3")
    assert [entry.pain for entry in diary.entries(sender(user))] == [3]
    assert diary.checkin(sender(user)).last_asked_at is not None


async def test_a_restarted_bot_keeps_the_diary_and_asks_the_check_in_scheduled_before(
    user: ChatUser, telegram: BotApiStandIn, diary: DiaryStore, diary_bot: SharedBot
) -> None:
    await say(user, "pain 5 today")
    await say(user, "/checkin on")
    assert await asyncio.to_thread(user.bot.stop) == 0
    checkin = diary.checkin(sender(user))
    assert checkin is not None and checkin.last_asked_at is None, "asked before the bot stopped: a slow machine?"
    restarted = ChatUser(await diary_bot(), telegram, user.chat_id)
    await checkin_question(restarted, telegram, checkin.due_at)
    await say(restarted, "4")
    [reply] = await restarted.send(updates.text(user.chat_id, "/diary"), replies=1, timeout=30)
    assert reply.method == "sendPhoto" and telegram.sent_photos(user.chat_id)[0].caption.startswith("2 entries")


async def test_forget_leaves_nothing_of_the_diary_or_the_check_ins(
    user: ChatUser, telegram: BotApiStandIn, diary: DiaryStore, assistant: Assistant
) -> None:
    await say(user, "pain 7 today")
    await say(user, "/checkin on")
    await checkin_question(user, telegram, diary.checkin(sender(user)).due_at)
    await say(user, "2 better after a walk")
    assert all(rows(assistant, user).values())
    [answer] = await user.send(updates.text(user.chat_id, "/forget"), replies=1)
    assert answer.result["text"] == texts.FORGOTTEN
    assert rows(assistant, user) == {ENTRIES.name: 0, CHECKINS.name: 0, "events": 0}
