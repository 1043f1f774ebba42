"""The Telegram bot on the cluster, as `make telegram` with the cluster's settings runs it: /forget deletes the
chat's conversation from PostgreSQL. The Bot API is the tests' local stand-in (testbed/telegram/)."""

from __future__ import annotations

import pytest

from bot import texts
from cluster.settings import SCALED_ENDPOINTS
from cluster.supervisor import Cluster
from privacy.tracker_store import tracker_store_url
from testbed.cluster import stored_user_texts
from testbed.replies import answered
from testbed.telegram import updates
from testbed.telegram.harness import BotProcess, ChatUser, bot_env, wait_ready
from testbed.telegram.standin import BotApiStandIn

pytestmark = pytest.mark.cluster
CHAT = 913_001


async def test_slash_forget_deletes_the_chat_from_postgresql(cluster: Cluster) -> None:
    telegram = BotApiStandIn()
    await telegram.start()
    bot = BotProcess(
        bot_env(telegram.url, cluster.url, RASA_ENDPOINTS=str(SCALED_ENDPOINTS)), cluster.workdir / "logs" / "bot.log"
    )
    try:
        bot.start()
        await wait_ready(bot, telegram)
        user = ChatUser(bot, telegram, CHAT)
        for words in ("hello", "how long should I put ice on my back?"):
            answered([call.result for call in await user.send(updates.text(CHAT, words), timeout=30)])
        sender, database = f"telegram-{CHAT}", tracker_store_url(SCALED_ENDPOINTS)
        assert stored_user_texts(database, {sender})[sender] == ["hello", "how long should I put ice on my back?"]
        [forgotten] = await user.send(updates.text(CHAT, "/forget"), replies=1)
        assert forgotten.result["text"] == texts.FORGOTTEN
        assert stored_user_texts(database, {sender})[sender] == []
    finally:
        bot.stop()
        await telegram.stop()
