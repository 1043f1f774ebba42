"""End to end with the real assistant: Bot API stand-in -> `python -m bot` -> Rasa + action server."""

from __future__ import annotations

import asyncio
import itertools
import sqlite3
from contextlib import closing

import pytest
import pytest_asyncio

from bot import texts
from channels.guard import max_message_chars
from channels.texts import TOO_LONG
from testbed.replies import answered
from testbed.servers import Assistant
from testbed.telegram import updates
from testbed.telegram.harness import ChatUser, post_update
from testbed.telegram.standin import BotApiStandIn, Call
from tests.telegram.conftest import IN_MODULE_LOOP, SharedBot, StartUser

pytestmark = [IN_MODULE_LOOP, pytest.mark.timeout(180)]
_chat_ids = itertools.count(910_001)
ICE = "how long should I put ice on my back?"


@pytest_asyncio.fixture(loop_scope="module")
async def start_user(mode: str, assistant: Assistant, telegram: BotApiStandIn, shared_bot: SharedBot) -> StartUser:
    """start_user(**env): a user in a new chat, talking to the module's bot that relays to the real assistant."""

    async def start(**env: str) -> ChatUser:
        return ChatUser(await shared_bot(assistant.rasa_url, mode, **env), telegram, next(_chat_ids))

    return start


def said(replies: list[Call]) -> str:
    """Everything the bot said in replies, as the user reads it, once it is seen to be a real answer."""
    return answered([call.result for call in replies])


def payloads(replies: list[Call]) -> list[str]:
    """The callback_data of every inline button in replies."""
    rows = [row for call in replies for row in (call.params.get("reply_markup") or {}).get("inline_keyboard", [])]
    return [button["callback_data"] for row in rows for button in row]


def user_texts(assistant: Assistant, chat_id: int) -> list[str]:
    """What the assistant's tracker says this chat's user wrote."""
    events = assistant.tracker(f"telegram-{chat_id}")["events"]
    return [event["text"] for event in events if event["event"] == "user"]


async def test_start_greets_says_not_a_doctor_and_offers_slash_payload_buttons(start_user: StartUser) -> None:
    user = await start_user()
    greeting = await user.send(updates.text(user.chat_id, "/start"), timeout=30)
    assert "not a doctor" in said(greeting)
    assert payloads(greeting) and all(payload.startswith("/") for payload in payloads(greeting))


async def test_a_question_about_ice_is_answered_in_minutes(start_user: StartUser) -> None:
    user = await start_user()
    assert "minutes" in said(await user.send(updates.text(user.chat_id, ICE), timeout=30))


async def test_a_red_flag_gets_the_emergency_numbers(start_user: StartUser) -> None:
    user = await start_user()
    reply = said(await user.send(updates.text(user.chat_id, "I've wet myself and my back hurts"), timeout=30))
    assert "999" in reply or "911" in reply


async def test_a_button_press_is_acknowledged_and_answered(start_user: StartUser, telegram: BotApiStandIn) -> None:
    user = await start_user()
    greeting = await user.send(updates.text(user.chat_id, "/start"), timeout=30)
    with_buttons = next(call for call in greeting if payloads([call]))
    answer = await user.send(updates.button_press(with_buttons.result, payloads([with_buttons])[0]), timeout=30)
    assert "Source:" in said(answer)
    assert telegram.calls_to("answerCallbackQuery") and telegram.calls_to("editMessageReplyMarkup")


async def test_an_edited_message_is_answered_once(start_user: StartUser, assistant: Assistant) -> None:
    user = await start_user()
    original = updates.text(user.chat_id, "should I use heat?")
    await user.send(original, timeout=30)
    assert "minutes" in said(await user.send(updates.edited(original, ICE), timeout=30))
    assert "minutes" in said(await user.send(updates.text(user.chat_id, ICE), timeout=30))
    assert user_texts(assistant, user.chat_id) == ["should I use heat?", ICE, ICE]


async def test_stickers_and_overlong_messages_never_reach_the_classifier(
    start_user: StartUser, assistant: Assistant
) -> None:
    user = await start_user()
    assert said(await user.send(updates.sticker(user.chat_id), replies=1)) == texts.TEXT_ONLY
    reply = said(await user.send(updates.text(user.chat_id, "ow " * 1300), replies=1))
    assert reply == TOO_LONG.format(limit=max_message_chars())
    assert user_texts(assistant, user.chat_id) == []


async def test_a_red_flag_inside_a_long_telegram_message_gets_the_emergency_advice(
    start_user: StartUser, assistant: Assistant
) -> None:
    user = await start_user()
    filler = "My back has been sore on and off and I have tried stretching every morning. " * 20
    message = filler + "I wet myself this morning. " + filler
    assert 2000 < len(message) <= 4096  # over the REST channel's cap, within Telegram's
    reply = said(await user.send(updates.text(user.chat_id, message), timeout=30))
    assert "wet myself" in reply and ("999" in reply or "911" in reply)
    assert user_texts(assistant, user.chat_id) == ["I wet myself this morning."]


async def test_restart_starts_afresh_and_greets_again(start_user: StartUser) -> None:
    user = await start_user()
    assert "not a doctor" in said(await user.send(updates.text(user.chat_id, "hello"), timeout=30))
    assert "not a doctor" not in said(await user.send(updates.text(user.chat_id, ICE), timeout=30))
    assert "not a doctor" in said(await user.send(updates.text(user.chat_id, "/restart"), timeout=30))


@pytest.mark.parametrize("mode", ["webhook"])
async def test_a_webhook_update_with_a_wrong_secret_never_reaches_the_assistant(
    start_user: StartUser, assistant: Assistant, telegram: BotApiStandIn
) -> None:
    user = await start_user()
    update = updates.text(user.chat_id, ICE)
    assert await post_update(user.bot.webhook_url, update, "not-the-secret", update_id=1) == 403
    assert await post_update(user.bot.webhook_url, update, None, update_id=2) == 403
    await asyncio.sleep(1)
    assert user.replies() == [] and user_texts(assistant, user.chat_id) == []


@pytest.mark.parametrize("mode", ["polling"])
async def test_forget_deletes_the_conversation_from_the_tracker_store(
    start_user: StartUser, assistant: Assistant
) -> None:
    user = await start_user(RASA_ENDPOINTS=str(assistant.endpoints))
    await user.send(updates.text(user.chat_id, "hello"), timeout=30)
    await user.send(updates.text(user.chat_id, "my lower back has been spasming for 3 days"), timeout=30)
    assert stored_events(assistant, user.chat_id) > 0
    assert said(await user.send(updates.text(user.chat_id, "/forget"), replies=1)) == texts.FORGOTTEN
    assert stored_events(assistant, user.chat_id) == 0
    assert "not a doctor" in said(await user.send(updates.text(user.chat_id, "hello"), timeout=30))


def stored_events(assistant: Assistant, chat_id: int) -> int:
    """How many events Rasa's SQLite tracker store holds for this chat."""
    with closing(sqlite3.connect(assistant.tracker_db)) as db:
        return db.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?", (f"telegram-{chat_id}",)).fetchone()[0]
