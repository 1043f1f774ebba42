"""Faults: Rasa down, slow or broken, Telegram refusing a message; the user never sees a traceback."""

from __future__ import annotations

import asyncio
import time

import pytest

from bot import texts
from testbed.telegram import updates
from testbed.telegram.standin import TOKEN, BotApiStandIn
from testbed.telegram.stub_rasa import StubRasa
from tests.telegram.conftest import IN_MODULE_LOOP, StartUser

pytestmark = [IN_MODULE_LOOP, pytest.mark.timeout(60)]
CHAT = updates.USER["id"]


async def test_rasa_down_gets_the_trouble_message_and_the_bot_recovers_when_it_is_back(
    start_user: StartUser, rasa: StubRasa
) -> None:
    user = await start_user()
    [answer] = await user.send(updates.text(CHAT, "one"), replies=1)
    assert answer.result["text"] == "You said: one"
    await rasa.stop()
    [answer] = await user.send(updates.text(CHAT, "two"), replies=1)
    assert answer.result["text"] == texts.TROUBLE
    [answer] = await user.send(updates.text(CHAT, "three"), replies=1)
    assert answer.result["text"] == texts.TROUBLE
    await rasa.start()
    [answer] = await user.send(updates.text(CHAT, "four"), replies=1)
    assert answer.result["text"] == "You said: four"
    assert user.bot.running()


async def test_a_slow_rasa_times_out_into_the_trouble_message(start_user: StartUser, rasa: StubRasa) -> None:
    rasa.delays["are you there?"] = 10
    user = await start_user(RASA_TIMEOUT="1")
    started = time.monotonic()
    [answer] = await user.send(updates.text(CHAT, "are you there?"), replies=1)
    assert answer.result["text"] == texts.TROUBLE
    assert time.monotonic() - started < 5
    [answer] = await user.send(updates.text(CHAT, "hello"), replies=1)
    assert answer.result["text"] == "You said: hello"


@pytest.mark.parametrize(("status", "body"), [(500, None), (200, {"error": "no list"}), (200, b"<html>oops</html>")])
async def test_a_broken_answer_from_rasa_gets_the_trouble_message(
    start_user: StartUser, rasa: StubRasa, status: int, body: object
) -> None:
    rasa.status, rasa.answer = status, body
    user = await start_user()
    [answer] = await user.send(updates.text(CHAT, "hello"), replies=1)
    assert answer.result["text"] == texts.TROUBLE
    rasa.status, rasa.answer = 200, None
    [answer] = await user.send(updates.text(CHAT, "hello again"), replies=1)
    assert answer.result["text"] == "You said: hello again"


async def test_an_unexpected_error_is_logged_and_the_user_gets_an_apology_not_a_traceback(
    start_user: StartUser, telegram: BotApiStandIn
) -> None:
    user = await start_user()
    earlier = len(user.bot.log())  # the module's bot: only what this test made it write counts
    telegram.fail_next["sendMessage"] = (400, "Bad Request: can't parse entities")
    await user.deliver(updates.text(CHAT, "hello"))
    [_, apology] = await telegram.wait_for("sendMessage", 2)
    assert apology.result["text"] == texts.TROUBLE
    [answer] = await user.send(updates.text(CHAT, "still there?"), replies=1)
    assert answer.result["text"] == "You said: still there?"
    await asyncio.to_thread(user.bot.stop)
    log = user.bot.log()[earlier:]
    assert "unexpected error" in log and "Traceback" in log and "BadRequest" in log
    assert not any("Traceback" in text or "Error" in text for text in telegram.sent_texts())


async def test_the_log_holds_neither_what_users_write_nor_the_token(start_user: StartUser, rasa: StubRasa) -> None:
    user = await start_user()
    earlier = len(user.bot.log())
    private = "my sciatica flares at night since the fall"
    await user.send(updates.text(CHAT, private), replies=1)
    await rasa.stop()
    await user.send(updates.text(CHAT, private + " again"), replies=1)
    await asyncio.to_thread(user.bot.stop)
    log = user.bot.log()[earlier:]
    assert "RasaUnavailable" in log
    assert "sciatica" not in log and TOKEN not in log and TOKEN.split(":")[1] not in log
