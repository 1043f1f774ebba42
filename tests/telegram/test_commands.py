"""The bot's commands: each one listed has a handler, /checkin's arguments, and chats as Rasa conversation ids."""

from __future__ import annotations

import pytest
from telegram.ext import CommandHandler

from bot import texts
from bot.app import build_application
from bot.config import Settings
from bot.handlers import chat_id_of, checkin_message, sender_id


def test_every_command_setmycommands_lists_has_a_handler_and_no_other() -> None:
    application = build_application(Settings(token="1:abc"))
    handled = {
        command
        for handler in application.handlers[0]
        if isinstance(handler, CommandHandler)
        for command in handler.commands
    }
    assert handled == {name for name, _ in texts.COMMANDS}


@pytest.mark.parametrize(
    ("args", "message"),
    [(["on"], "/checkin_on"), (["off"], "/checkin_off"), (["On"], "/checkin_on"), (["OFF"], "/checkin_off")],
)
def test_checkin_on_and_off_become_their_intents(args: list[str], message: str) -> None:
    assert checkin_message(args) == message


@pytest.mark.parametrize("args", [[], ["maybe"], ["on", "please"], ["/checkin_due"]])
def test_any_other_checkin_argument_asks_rasa_nothing(args: list[str]) -> None:
    assert checkin_message(args) is None


@pytest.mark.parametrize("chat_id", [4242, -100777])
def test_a_chat_and_its_conversation_id_map_both_ways(chat_id: int) -> None:
    assert chat_id_of(sender_id(chat_id)) == chat_id


@pytest.mark.parametrize("sender", ["widget-7c1f", "default", "telegram-", "telegram-abc", "Telegram-1"])
def test_another_channel_s_conversation_id_is_no_chat(sender: str) -> None:
    with pytest.raises(ValueError):
        chat_id_of(sender)
