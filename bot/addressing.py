"""Whether a message is meant for the bot: always in private chats, in groups only when mentioned or replied to."""

from __future__ import annotations

import re

from telegram import Message, MessageEntity
from telegram.constants import ChatType
from telegram.ext import filters


class AddressedToBot(filters.MessageFilter):
    """Passes private messages, and group messages that mention the bot or reply to it."""

    def filter(self, message: Message) -> bool:
        if message.chat.type == ChatType.PRIVATE:
            return True
        bot = message.get_bot()
        replied_to = message.reply_to_message
        if replied_to is not None and replied_to.from_user is not None and replied_to.from_user.id == bot.id:
            return True
        return mentions(message, bot.username)


def mentions(message: Message, username: str) -> bool:
    """Whether the text or caption of message has an @username mention."""
    handle = f"@{username}".lower()
    found = [*message.parse_entities([MessageEntity.MENTION]).values()]
    found += message.parse_caption_entities([MessageEntity.MENTION]).values()
    return any(mention.lower() == handle for mention in found)


def without_mention(text: str, username: str) -> str:
    """text with every @username taken out."""
    return re.sub(rf"\s*@{re.escape(username)}\b", "", text, flags=re.IGNORECASE).strip()
