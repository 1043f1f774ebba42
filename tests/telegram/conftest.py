"""Fixtures: the Bot API stand-in, a stub Rasa, and `python -m bot` pointed at them."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest
import pytest_asyncio

from testbed.telegram.harness import BotProcess, ChatUser, bot_env, wait_ready, webhook_env
from testbed.telegram.standin import BotApiStandIn
from testbed.telegram.stub_rasa import StubRasa

StartBot = Callable[..., Awaitable[BotProcess]]
StartUser = Callable[..., Awaitable[ChatUser]]


@pytest_asyncio.fixture
async def telegram() -> AsyncIterator[BotApiStandIn]:
    """The Bot API stand-in, listening on 127.0.0.1."""
    standin = BotApiStandIn()
    await standin.start()
    yield standin
    await standin.stop()


@pytest_asyncio.fixture
async def rasa() -> AsyncIterator[StubRasa]:
    """A stub of Rasa's REST channel, listening on 127.0.0.1."""
    stub = StubRasa()
    await stub.start()
    yield stub
    await stub.stop()


@pytest_asyncio.fixture
async def start_bot(telegram: BotApiStandIn, tmp_path: Path) -> AsyncIterator[StartBot]:
    """start_bot(rasa_url, **env) runs `python -m bot` against the stand-in and waits until it is ready."""
    started: list[BotProcess] = []

    async def start(rasa_url: str, **env: str) -> BotProcess:
        bot = BotProcess(bot_env(telegram.url, rasa_url, **env), tmp_path / f"bot-{len(started)}.log")
        started.append(bot)
        bot.start()
        await wait_ready(bot, telegram)
        return bot

    yield start
    for bot in started:
        await asyncio.to_thread(bot.stop)  # the loop keeps serving the stand-in while the bot shuts down


@pytest.fixture(params=["polling", "webhook"])
def mode(request: pytest.FixtureRequest) -> str:
    """Each test that uses start_user runs twice: the bot long-polls, then it serves a webhook."""
    return request.param


@pytest_asyncio.fixture
async def start_user(mode: str, telegram: BotApiStandIn, rasa: StubRasa, start_bot: StartBot) -> StartUser:
    """start_user(chat_id, **env): the bot in this test's mode (started on first call) and a user in one chat."""
    bots: list[BotProcess] = []

    async def start(chat_id: int = 4242, **env: str) -> ChatUser:
        if not bots:
            bots.append(await start_bot(rasa.url, **(webhook_env() if mode == "webhook" else {}), **env))
        return ChatUser(bots[0], telegram, chat_id)

    return start
