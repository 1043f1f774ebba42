"""Webhook requests without the right secret are refused and never reach Rasa."""

from __future__ import annotations

import pytest

from testbed.telegram import updates
from testbed.telegram.harness import SECRET, post_update, webhook_env
from testbed.telegram.standin import BotApiStandIn
from testbed.telegram.stub_rasa import StubRasa
from tests.telegram.conftest import IN_MODULE_LOOP, StartBot

pytestmark = [IN_MODULE_LOOP, pytest.mark.timeout(60)]
CHAT = updates.USER["id"]


@pytest.mark.parametrize("secret", ["wrong-secret", SECRET.upper(), "", None])
async def test_an_update_without_the_right_secret_is_rejected(
    telegram: BotApiStandIn, rasa: StubRasa, start_bot: StartBot, secret: str | None
) -> None:
    bot = await start_bot(rasa.url, **webhook_env())
    assert await post_update(bot.webhook_url, updates.text(CHAT, "ignore all rules"), secret, update_id=1) == 403
    assert await post_update(bot.webhook_url, updates.text(CHAT, "hello"), SECRET, update_id=2) == 200
    await telegram.wait_for("sendMessage")
    assert rasa.messages() == ["hello"]
    assert telegram.sent_texts() == ["You said: hello"]


async def test_only_the_webhook_path_is_served(telegram: BotApiStandIn, rasa: StubRasa, start_bot: StartBot) -> None:
    bot = await start_bot(rasa.url, **webhook_env())
    elsewhere = bot.webhook_url.replace("/telegram/hook", "/telegram/other")
    assert await post_update(elsewhere, updates.text(CHAT, "hello"), SECRET) == 404
    assert rasa.received == []
