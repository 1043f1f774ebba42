"""The Rasa client against a stub of Rasa's REST channel, over real HTTP on 127.0.0.1."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest

from bot.rasa_client import RasaClient, RasaUnavailable
from testbed.servers import free_port
from testbed.telegram.stub_rasa import GREETING, GREETING_BUTTONS, StubRasa
from tests.telegram.conftest import IN_MODULE_LOOP

pytestmark = [IN_MODULE_LOOP, pytest.mark.timeout(30)]


@asynccontextmanager
async def connected(url: str, timeout: float = 5) -> AsyncIterator[RasaClient]:
    """A started client, closed afterwards."""
    client = RasaClient(url, timeout)
    await client.start()
    try:
        yield client
    finally:
        await client.close()


async def test_a_message_gets_rasas_replies(rasa: StubRasa) -> None:
    async with connected(rasa.url) as client:
        replies = await client.send("telegram-1", "/greet")
    assert replies == [{"text": GREETING, "buttons": GREETING_BUTTONS}]
    assert [(item.sender, item.message) for item in rasa.received] == [("telegram-1", "/greet")]


async def test_text_goes_to_rasa_unchanged(rasa: StubRasa) -> None:
    async with connected(rasa.url + "/") as client:
        replies = await client.send("telegram-1", 'Is "ice" < heat? \N{SNOWFLAKE} & why')
    assert replies == [{"text": 'You said: Is "ice" < heat? \N{SNOWFLAKE} & why'}]


async def test_an_empty_answer_is_no_reply(rasa: StubRasa) -> None:
    async with connected(rasa.url) as client:
        assert await client.send("telegram-1", "/restart") == []


@pytest.mark.parametrize("status", [500, 404, 401])
async def test_an_http_error_is_unavailable(rasa: StubRasa, status: int) -> None:
    rasa.status = status
    async with connected(rasa.url) as client:
        with pytest.raises(RasaUnavailable, match=str(status)):
            await client.send("telegram-1", "hello")


@pytest.mark.parametrize("answer", [{"text": "not a list"}, ["not a dict"], b"<html>502 Bad Gateway</html>"])
async def test_a_malformed_answer_is_unavailable(rasa: StubRasa, answer: object) -> None:
    rasa.answer = answer
    async with connected(rasa.url) as client:
        with pytest.raises(RasaUnavailable):
            await client.send("telegram-1", "hello")


async def test_a_slow_rasa_times_out(rasa: StubRasa) -> None:
    rasa.delays["hello"] = 5
    async with connected(rasa.url, 0.5) as client:
        started = time.monotonic()
        with pytest.raises(RasaUnavailable, match="TimeoutError"):
            await client.send("telegram-1", "hello")
    assert time.monotonic() - started < 2


async def test_no_rasa_is_unavailable() -> None:
    async with connected(f"http://127.0.0.1:{free_port()}") as client:
        with pytest.raises(RasaUnavailable, match="ClientConnectorError"):
            await client.send("telegram-1", "hello")


async def test_the_client_recovers_when_rasa_comes_back(rasa: StubRasa) -> None:
    async with connected(rasa.url) as client:
        assert await client.send("telegram-1", "one")
        await rasa.stop()
        with pytest.raises(RasaUnavailable):
            await client.send("telegram-1", "two")
        await rasa.start()
        assert await client.send("telegram-1", "three") == [{"text": "You said: three"}]


async def test_sending_before_start_is_a_programming_error() -> None:
    with pytest.raises(RuntimeError, match="start"):
        await RasaClient("http://127.0.0.1:5005", timeout=1).send("telegram-1", "hello")
