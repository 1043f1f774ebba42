"""Soak of the pain diary on Telegram: 20 chats log entries through the Bot API stand-in, `python -m bot` and
the real assistant, while Rasa restarts and then the bot restarts. No confirmed entry may be lost (issue 12).

A person whose entry gets no confirmation (the apology, or nothing within REPLY_TIMEOUT_S) sends it again, as
a real person would; so an entry may be stored more than once, but never more often than it was sent.
SOAK_DIARY_ENTRIES sets the number of entries (`make soak`: 1,000; `make test-all`: 60).
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import sqlite3
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import pytest_asyncio

from bot.handlers import sender_id
from diary.store import ENTRIES
from testbed.replies import FAILURE_TEXTS
from testbed.servers import Assistant
from testbed.telegram import updates
from testbed.telegram.harness import BotProcess, ChatUser, bot_env, diary_env, wait_ready
from testbed.telegram.standin import BotApiStandIn, Call
from tests.hardening.helpers import ensure_running

CHATS = 20
ENTRIES_PER_CHAT = max(1, int(os.environ.get("SOAK_DIARY_ENTRIES", "60")) // CHATS)
WORKERS = 4  # messages in flight at once
REPLY_TIMEOUT_S = 15.0  # how long a person waits for the confirmation before sending the entry again
RESEND_PAUSE_S = 5.0  # and how long they pause before sending it again
ENTRY_DEADLINE_S = 240.0  # an entry not confirmed by then is a failure: the diary did not come back
CHECKED_DIARIES = 3  # chats whose /diary caption is checked at the end
NOTES = ("stiff after gardening", "better after a walk", "sore from the desk", "tight after driving")
CAPTION_COUNT = re.compile(r"^(\d+) entr")  # "12 entries over less than a day: ...", "1 entry: pain 5."
FIRST_CHAT_ID = 940_001


@dataclass(frozen=True)
class Planned:
    """An entry a person means to log: "pain 6 today", or "/log 6 <note>"."""

    pain: int
    note: str | None

    @property
    def text(self) -> str:
        return f"/log {self.pain} {self.note}" if self.note else f"pain {self.pain} today"

    def confirmed_by(self, call: Call) -> bool:
        """The bot's reply is the confirmation of this entry: "Noted in your pain diary: 6 out of 10..."."""
        noted = f"Noted in your pain diary: {self.pain} out of 10"
        noted += f', with your note "{self.note}"' if self.note else "."
        return (call.result or {}).get("text", "").startswith(noted)


@dataclass
class Chat:
    """One person's chat: the entries to log, how often each was sent, and which were confirmed."""

    user: ChatUser
    plan: list[Planned]
    sends: Counter[Planned] = field(default_factory=Counter)
    confirmed: list[Planned] = field(default_factory=list)
    never_confirmed: list[Planned] = field(default_factory=list)

    @property
    def sender(self) -> str:
        return sender_id(self.user.chat_id)


def plan(chat_number: int) -> list[Planned]:
    """A chat's entries: scores 1 to 9 that change at every entry, every other one with a note."""
    return [
        Planned((chat_number + n) % 9 + 1, NOTES[(chat_number + n) % len(NOTES)] if n % 2 else None)
        for n in range(ENTRIES_PER_CHAT)
    ]


def apology(call: Call) -> bool:
    """The bot's reply says the assistant failed."""
    return any(failed in (call.result or {}).get("text", "") for failed in FAILURE_TEXTS)


async def attempt(chat: Chat, entry: Planned, slots: asyncio.Semaphore) -> bool:
    """Send the entry once; True when its confirmation comes, False on the apology or silence."""
    async with slots:
        since = time.perf_counter()
        chat.sends[entry] += 1
        await chat.user.deliver(updates.text(chat.user.chat_id, entry.text))
        while time.perf_counter() < since + REPLY_TIMEOUT_S:
            replies = [call for call in chat.user.replies() if call.at >= since]
            if any(entry.confirmed_by(call) for call in replies):
                return True
            if any(apology(call) for call in replies):
                return False
            await asyncio.sleep(0.2)
        return False


async def log(chat: Chat, entry: Planned, slots: asyncio.Semaphore) -> bool:
    """Send an entry until it is confirmed, pausing before each resend; False if it never is."""
    deadline = time.monotonic() + ENTRY_DEADLINE_S
    while not await attempt(chat, entry, slots):
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(RESEND_PAUSE_S)
    return True


async def keep_diary(chat: Chat, slots: asyncio.Semaphore) -> None:
    """Log each planned entry in turn, as one person does."""
    for entry in chat.plan:
        (chat.confirmed if await log(chat, entry, slots) else chat.never_confirmed).append(entry)


def settled(chats: list[Chat]) -> int:
    """Entries confirmed or given up so far."""
    return sum(len(chat.confirmed) + len(chat.never_confirmed) for chat in chats)


async def when(condition: Callable[[], bool]) -> None:
    """Wait until condition holds."""
    while not condition():
        await asyncio.sleep(0.2)


def restart_rasa(assistant: Assistant) -> None:
    """Kill the session's Rasa server (SIGKILL, as a crash) and start it again on the same port and tracker store."""
    assert assistant.rasa is not None
    assistant.rasa.send_signal(signal.SIGKILL)
    assistant.rasa.wait(timeout=30)
    assistant.start_rasa()


@dataclass(frozen=True)
class Restart:
    """A restart during the run: what restarted, how many entries had settled when it began, how long it took."""

    what: str
    settled: int
    seconds: float


async def disrupt(assistant: Assistant, bot: BotProcess, telegram: BotApiStandIn, chats: list[Chat]) -> list[Restart]:
    """Restart Rasa a third of the way through the entries, and the bot two thirds of the way."""
    total = CHATS * ENTRIES_PER_CHAT
    await when(lambda: settled(chats) >= total // 3)
    rasa_at, start = settled(chats), time.monotonic()
    await asyncio.to_thread(restart_rasa, assistant)
    rasa = Restart("Rasa", rasa_at, time.monotonic() - start)
    await when(lambda: settled(chats) >= 2 * total // 3)
    bot_at, start = settled(chats), time.monotonic()
    await asyncio.to_thread(bot.stop)
    bot.start()
    await wait_ready(bot, telegram)
    return [rasa, Restart("the bot", bot_at, time.monotonic() - start)]


async def quiet(telegram: BotApiStandIn, for_s: float = 3.0) -> None:
    """Wait until the bot has sent nothing for a while: late answers to earlier sends have all come."""
    while True:
        count = len(telegram.calls_to("sendMessage", "sendPhoto"))
        await asyncio.sleep(for_s)
        if len(telegram.calls_to("sendMessage", "sendPhoto")) == count:
            return


def stored(db: Path, sender: str) -> list[Planned]:
    """A sender's entries as the diary stored them, in the order they were stored."""
    with closing(sqlite3.connect(db)) as connection:
        query = f"SELECT pain, note FROM {ENTRIES.name} WHERE sender_id = ? ORDER BY id"
        return [Planned(int(pain), note) for pain, note in connection.execute(query, (sender,))]


def in_order(wanted: list[Planned], found: list[Planned]) -> bool:
    """wanted occurs in found in the same order, perhaps with other entries between."""
    rest = iter(found)
    return all(entry in rest for entry in wanted)


async def diary_count(chat: Chat) -> int:
    """The number of entries that the caption of the chat's /diary photo counts."""
    [reply] = await chat.user.send(updates.text(chat.user.chat_id, "/diary"), replies=1, timeout=30)
    assert reply.method == "sendPhoto", reply.result
    count = CAPTION_COUNT.match(reply.result.get("caption", ""))
    assert count is not None, reply.result
    return int(count.group(1))


@pytest_asyncio.fixture
async def telegram() -> AsyncIterator[BotApiStandIn]:
    """A Bot API stand-in of this test's own."""
    standin = BotApiStandIn()
    await standin.start()
    yield standin
    await standin.stop()


@pytest_asyncio.fixture
async def bot(assistant: Assistant, telegram: BotApiStandIn, tmp_path: Path) -> AsyncIterator[BotProcess]:
    """`python -m bot` polling the stand-in, relaying to the session's assistant, with its diary settings."""
    process = BotProcess(bot_env(telegram.url, assistant.rasa_url, **diary_env(assistant)), tmp_path / "bot.log")
    process.start()
    await wait_ready(process, telegram)
    yield process
    await asyncio.to_thread(process.stop)


@pytest.mark.slow
async def test_no_confirmed_entry_is_lost_across_restarts_of_rasa_and_the_bot(
    assistant: Assistant, telegram: BotApiStandIn, bot: BotProcess, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every confirmed entry is stored, in order; no entry is stored more often than it was sent (so no chat has
    more entries than messages sent); /diary counts them all."""
    chats = [Chat(ChatUser(bot, telegram, FIRST_CHAT_ID + n), plan(n)) for n in range(CHATS)]
    slots = asyncio.Semaphore(WORKERS)
    start = time.monotonic()
    try:
        restarts, *_ = await asyncio.gather(
            disrupt(assistant, bot, telegram, chats), *(keep_diary(chat, slots) for chat in chats)
        )
    finally:
        await asyncio.to_thread(ensure_running, assistant)  # later tests need the session's Rasa
    elapsed = time.monotonic() - start
    await quiet(telegram)
    diaries = {chat.sender: stored(assistant.tracker_db, chat.sender) for chat in chats}
    entries = sum(len(chat.plan) for chat in chats)
    resends = sum(sum(chat.sends.values()) for chat in chats) - entries
    with capsys.disabled():  # the numbers are the point, so show them even when the test passes
        print(
            f"\ndiary soak: {entries} entries from {CHATS} Telegram chats ({WORKERS} messages at a time) in "
            f"{elapsed:.1f} s, {resends} resends; "
            + "; ".join(f"{r.what} restarted after {r.settled} entries, in {r.seconds:.1f} s" for r in restarts)
            + f"; {sum(map(len, diaries.values()))} entries stored"
        )
    assert all(restart.settled < entries for restart in restarts), "a restart came after the last entry"
    assert [chat.never_confirmed for chat in chats if chat.never_confirmed] == []
    for chat in chats:
        diary = diaries[chat.sender]
        assert set(chat.confirmed) <= set(diary), f"{chat.sender}: confirmed entries are missing: {diary}"
        assert in_order(chat.confirmed, diary), f"{chat.sender}: {diary} is not in the order {chat.confirmed}"
        stored_more = {entry: n for entry, n in Counter(diary).items() if n > chat.sends[entry]}
        assert stored_more == {}, f"{chat.sender}: stored more often than sent: {stored_more}, sent {chat.sends}"
    for chat in chats[:CHECKED_DIARIES]:
        assert await diary_count(chat) == len(diaries[chat.sender])
