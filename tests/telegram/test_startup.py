"""What the bot tells Telegram when it starts, in each mode, and how it stops."""

from __future__ import annotations

import asyncio

import pytest

from bot import texts
from testbed.telegram import updates
from testbed.telegram.harness import SECRET, BotProcess, ChatUser, bot_env, webhook_env
from testbed.telegram.standin import BotApiStandIn
from testbed.telegram.stub_rasa import StubRasa
from tests.telegram.conftest import IN_MODULE_LOOP, StartBot

pytestmark = [IN_MODULE_LOOP, pytest.mark.timeout(60)]
WANTED_UPDATES = ["message", "edited_message", "callback_query"]


async def test_polling_drops_any_webhook_registers_commands_and_long_polls(
    telegram: BotApiStandIn, rasa: StubRasa, start_bot: StartBot
) -> None:
    bot = await start_bot(rasa.url)
    [commands] = telegram.calls_to("setMyCommands")
    assert [(c["command"], c["description"]) for c in commands.params["commands"]] == list(texts.COMMANDS)
    assert telegram.calls_to("deleteWebhook") and not telegram.calls_to("setWebhook")
    poll = telegram.calls_to("getUpdates")[0]
    assert poll.params["allowed_updates"] == WANTED_UPDATES and poll.params["timeout"] > 0
    assert "check-ins: RASA_ENDPOINTS is not set, so each is asked only when the person next writes" in bot.log()


async def test_webhook_mode_sets_the_webhook_with_its_secret_and_never_polls(
    telegram: BotApiStandIn, rasa: StubRasa, start_bot: StartBot
) -> None:
    env = webhook_env()
    await start_bot(rasa.url, **env)
    [hook] = telegram.calls_to("setWebhook")
    assert hook.params["url"] == env["TELEGRAM_WEBHOOK_URL"]
    assert hook.params["secret_token"] == SECRET
    assert hook.params["allowed_updates"] == WANTED_UPDATES
    assert telegram.calls_to("setMyCommands")
    await asyncio.sleep(0.5)
    assert not telegram.calls_to("getUpdates")


async def test_the_bot_stops_cleanly_on_sigterm(telegram: BotApiStandIn, rasa: StubRasa, start_bot: StartBot) -> None:
    bot = await start_bot(rasa.url)
    assert await asyncio.to_thread(bot.stop) == 0
    assert "Traceback" not in bot.log()


async def test_a_token_telegram_rejects_ends_the_bot_with_a_clear_message(
    telegram: BotApiStandIn, rasa: StubRasa, tmp_path
) -> None:
    bot = BotProcess(bot_env(telegram.url, rasa.url, TELEGRAM_TOKEN="999:not-the-right-one"), tmp_path / "bot.log")
    bot.start()
    assert bot.process is not None
    assert await asyncio.to_thread(bot.process.wait, 30) == 1
    assert "Telegram rejected TELEGRAM_TOKEN" in bot.log() and "@BotFather" in bot.log()


async def test_a_restarted_bot_answers_what_came_while_it_was_down_and_nothing_twice(
    telegram: BotApiStandIn, rasa: StubRasa, start_bot: StartBot
) -> None:
    chat = 5151
    user = ChatUser(await start_bot(rasa.url), telegram, chat)
    await user.send(updates.text(chat, "before the restart"), replies=1)
    assert await asyncio.to_thread(user.bot.stop) == 0
    telegram.push(updates.text(chat, "while the bot was down"))
    await start_bot(rasa.url)
    await telegram.wait_for("sendMessage", 2, 30, lambda call: call.params.get("chat_id") == chat)
    await asyncio.sleep(1)  # time enough for a duplicate to show up
    assert rasa.messages() == ["before the restart", "while the bot was down"]
    assert len(user.replies()) == 2
