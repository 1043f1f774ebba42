"""Fixtures: the Bot API stand-in, a stub Rasa, and `python -m bot` pointed at them.

The stand-in, the stub and the bots that tests talk through live for a whole test module (one bot per
module, mode and setting), so every test module runs in one event loop: `asyncio(loop_scope="module")`.
Each test starts from a clean slate: no recorded calls, no scripted misbehaviour.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest
import pytest_asyncio

from testbed.telegram.harness import BotProcess, ChatUser, bot_env, wait_ready, webhook_env
from testbed.telegram.standin import BotApiStandIn
from testbed.telegram.stub_rasa import StubRasa

StartBot = Callable[..., Awaitable[BotProcess]]
StartUser = Callable[..., Awaitable[ChatUser]]
SharedBot = Callable[..., Awaitable[BotProcess]]
IN_MODULE_LOOP = pytest.mark.asyncio(loop_scope="module")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def standin() -> AsyncIterator[BotApiStandIn]:
    """The Bot API stand-in of this test module, listening on 127.0.0.1."""
    server = BotApiStandIn()
    await server.start()
    yield server
    await server.stop()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def stub_rasa() -> AsyncIterator[StubRasa]:
    """The stub of Rasa's REST channel for this test module, listening on 127.0.0.1."""
    stub = StubRasa()
    await stub.start()
    yield stub
    await stub.stop()


async def settle(standin: BotApiStandIn, stub: StubRasa, quiet: float = 0.1, timeout: float = 15) -> None:
    """Wait until the module's bots have finished what an earlier test started: nothing in flight, nothing new."""

    def activity() -> tuple[int, int]:
        return sum(call.method != "getUpdates" for call in standin.calls), len(stub.received)

    deadline = asyncio.get_running_loop().time() + timeout
    while asyncio.get_running_loop().time() < deadline:
        before = activity()
        await asyncio.sleep(quiet)
        if stub.in_flight == 0 and activity() == before:
            return
    raise AssertionError(f"the module's bots were still busy after {timeout} s: an earlier test left work behind")


@pytest_asyncio.fixture(loop_scope="module")
async def clean_slate(standin: BotApiStandIn, stub_rasa: StubRasa) -> None:
    """Each test starts once the module's bots are quiet, with no calls or messages recorded, the stub up."""
    await settle(standin, stub_rasa)
    standin.reset()
    await stub_rasa.reset()


@pytest_asyncio.fixture(loop_scope="module")
async def telegram(standin: BotApiStandIn, clean_slate: None) -> BotApiStandIn:
    """The stand-in, with no calls recorded yet in this test."""
    return standin


@pytest_asyncio.fixture(loop_scope="module")
async def rasa(stub_rasa: StubRasa, clean_slate: None) -> StubRasa:
    """The stub Rasa, up and answering as scripted, with no messages recorded yet in this test."""
    return stub_rasa


@pytest_asyncio.fixture(loop_scope="module")
async def start_bot(telegram: BotApiStandIn, tmp_path: Path) -> AsyncIterator[StartBot]:
    """start_bot(rasa_url, **env) runs a bot of this test's own against the stand-in, stopped after the test."""
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


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def shared_bot(standin: BotApiStandIn, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[SharedBot]:
    """shared_bot(rasa_url, mode, **env): the module's bot for that Rasa, mode and settings, started on first use."""
    bots: dict[tuple[str, str, frozenset[tuple[str, str]]], BotProcess] = {}
    logs = tmp_path_factory.mktemp("bots")
    log_numbers = itertools.count()

    async def get(rasa_url: str, mode: str, **env: str) -> BotProcess:
        key = (rasa_url, mode, frozenset(env.items()))
        if key in bots and not bots[key].running():
            del bots[key]  # a test stopped it: start it afresh
        if key not in bots:  # one bot per mode at a time: like Telegram, the stand-in has one queue for pollers
            for other in [other for other in bots if other[1] == mode]:
                await asyncio.to_thread(bots.pop(other).stop)
        if key not in bots:
            bot = BotProcess(
                bot_env(standin.url, rasa_url, **(webhook_env() if mode == "webhook" else {}), **env),
                logs / f"bot-{next(log_numbers)}.log",
            )
            bots[key] = bot
            bot.start()
            await wait_ready(bot, standin)
        return bots[key]

    yield get
    await asyncio.gather(*(asyncio.to_thread(bot.stop) for bot in bots.values()))


@pytest.fixture(params=["polling", "webhook"])
def mode(request: pytest.FixtureRequest) -> str:
    """Each test that uses start_user runs twice: the bot long-polls, then it serves a webhook."""
    return request.param


@pytest_asyncio.fixture(loop_scope="module")
async def start_user(mode: str, telegram: BotApiStandIn, rasa: StubRasa, shared_bot: SharedBot) -> StartUser:
    """start_user(chat_id, **env): a user in one chat, talking to the module's bot for this mode and settings."""

    async def start(chat_id: int = 4242, **env: str) -> ChatUser:
        return ChatUser(await shared_bot(rasa.url, mode, **env), telegram, chat_id)

    return start
