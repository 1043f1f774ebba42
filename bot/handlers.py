"""PTB callbacks: relay chats to Rasa, answer commands, refuse what the assistant cannot read."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence

from telegram import Bot, CallbackQuery, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, NetworkError, TelegramError
from telegram.ext import ContextTypes

from bot import texts
from bot.addressing import without_mention
from bot.chat import ChatLocks, typing
from bot.formatting import MAX_CHARS, Outgoing, PayloadStore, escape, render_all
from bot.rasa_client import RasaClient, RasaUnavailable
from privacy.forget import Forgetter

logger = logging.getLogger(__name__)
Context = ContextTypes.DEFAULT_TYPE
SENDER_PREFIX = "telegram-"  # of every Telegram chat's Rasa conversation id
CHECKIN_MESSAGES = {"on": "/checkin_on", "off": "/checkin_off"}  # /checkin's argument -> the message to Rasa
CHECKIN_DUE = "/checkin_due"  # asks Rasa to ask a check-in that has fallen due
SHOW_DIARY = "/show_diary"  # asks Rasa for the diary's chart and summary


def sender_id(chat_id: int) -> str:
    """The Rasa conversation id of a Telegram chat."""
    return f"{SENDER_PREFIX}{chat_id}"


def chat_id_of(sender: str) -> int:
    """The Telegram chat of a Rasa conversation id made by sender_id; ValueError for another channel's."""
    if not sender.startswith(SENDER_PREFIX):
        raise ValueError("not a Telegram conversation id")
    return int(sender[len(SENDER_PREFIX) :])


def checkin_message(args: Sequence[str]) -> str | None:
    """What `/checkin <args>` sends to Rasa: on or off; None for anything else (the bot explains instead)."""
    return CHECKIN_MESSAGES.get(args[0].lower()) if len(args) == 1 else None


class Handlers:
    """The bot's callbacks; each chat's updates are handled one at a time, in the order they came."""

    def __init__(self, rasa: RasaClient, forgetter: Forgetter | None) -> None:
        self._rasa = rasa
        self._forgetter = forgetter
        self._locks = ChatLocks()
        self._payloads = PayloadStore()

    async def start(self, update: Update, context: Context) -> None:
        """/start: the assistant's greeting."""
        await self._relay(update, context, "/greet")

    async def help(self, update: Update, context: Context) -> None:
        """/help: the assistant's list of what to ask."""
        await self._relay(update, context, "/help")

    async def restart(self, update: Update, context: Context) -> None:
        """/restart: a fresh conversation, greeted anew."""
        await self._relay(update, context, "/restart", "/greet")

    async def diary(self, update: Update, context: Context) -> None:
        """/diary: the assistant's chart of the pain diary, with its summary."""
        await self._relay(update, context, SHOW_DIARY)

    async def checkin(self, update: Update, context: Context) -> None:
        """/checkin on|off: start or stop the check-ins; anything else gets the usage."""
        message = checkin_message(context.args or [])
        if message is None:
            await self._say(update, context, texts.CHECKIN_USAGE)
        else:
            await self._relay(update, context, message)

    async def ask_checkin(self, bot: Bot, chat_id: int) -> None:
        """A check-in that has fallen due: the assistant asks it in the chat, in the chat's turn."""
        async with self._locks.lock_for(chat_id):
            await self._ask(bot, chat_id, CHECKIN_DUE)

    async def forget(self, update: Update, context: Context) -> None:
        """/forget: delete the stored conversation when RASA_ENDPOINTS names the tracker store, else restart it."""
        if update.effective_chat is None:
            return
        chat_id = update.effective_chat.id
        async with self._locks.lock_for(chat_id):
            if self._forgetter is not None:
                deleted = await asyncio.to_thread(self._forgetter.forget, sender_id(chat_id))
                logger.info("forget: deleted %d stored event(s)", deleted)
                answer = texts.FORGOTTEN
            else:
                await self._rasa.send(sender_id(chat_id), "/restart")
                logger.info("forget: RASA_ENDPOINTS is not set, so the conversation was restarted, not deleted")
                answer = texts.RESTARTED_ONLY
            await self._send(context.bot, chat_id, [Outgoing(escape(answer))])

    async def text(self, update: Update, context: Context) -> None:
        """A text message, new or edited, or /log: to Rasa as it is, unless longer than a Telegram message can be.

        MAX_MESSAGE_CHARS is the REST channel's to apply (channels/guard.py): it passes on the
        red-flag sentences of an over-long message, so the bridge must not refuse one first.
        """
        if update.effective_message is None or update.effective_message.text is None:
            return
        text = without_mention(update.effective_message.text, context.bot.username)
        if len(text) > MAX_CHARS:
            await self._say(update, context, texts.TOO_LONG.format(limit=MAX_CHARS))
        else:
            await self._relay(update, context, text or "/greet")

    async def button(self, update: Update, context: Context) -> None:
        """A button press: acknowledge it, retire its keyboard, send its payload to Rasa."""
        query, chat = update.callback_query, update.effective_chat
        if query is None or chat is None:
            return
        async with self._locks.lock_for(chat.id):
            await self._acknowledge(query)
            payload = self._payloads.payload(query.data) if isinstance(query.data, str) else None
            if payload is None:
                await self._send(context.bot, chat.id, [Outgoing(escape(texts.BUTTON_EXPIRED))])
            else:
                await self._ask(context.bot, chat.id, payload)

    async def not_text(self, update: Update, context: Context) -> None:
        """A sticker, photo, voice note, document, location or the like."""
        await self._say(update, context, texts.TEXT_ONLY)

    async def unknown_command(self, update: Update, context: Context) -> None:
        """A command the bot does not have."""
        await self._say(update, context, texts.UNKNOWN_COMMAND)

    async def _relay(self, update: Update, context: Context, *messages: str) -> None:
        """In the chat's turn, send messages to Rasa and its replies to the chat."""
        if update.effective_chat is None:
            return
        async with self._locks.lock_for(update.effective_chat.id):
            await self._ask(context.bot, update.effective_chat.id, *messages)

    async def _ask(self, bot: Bot, chat_id: int, *messages: str) -> None:
        """Send messages to Rasa in turn, showing `typing`, then all of its replies; hold the chat's lock."""
        replies = []
        async with typing(bot, chat_id):
            for message in messages:
                replies += await self._rasa.send(sender_id(chat_id), message)
        await self._send(bot, chat_id, render_all(replies, self._payloads))
        logger.debug("chat %s: %d message(s) relayed, %d reply(ies)", chat_id, len(messages), len(replies))

    async def _say(self, update: Update, context: Context, text: str) -> None:
        """Send one of the bot's own texts, in turn with the chat's other replies."""
        if update.effective_chat is None:
            return
        chat_id = update.effective_chat.id
        async with self._locks.lock_for(chat_id):
            await self._send(context.bot, chat_id, [Outgoing(escape(text))])

    @staticmethod
    async def _acknowledge(query: CallbackQuery) -> None:
        """Stop the button's spinner and take its keyboard away; a query too old for either is fine."""
        try:
            await query.answer()
            if query.message is not None and query.message.is_accessible:
                await query.edit_message_reply_markup(reply_markup=None)
        except BadRequest as error:
            logger.debug("button acknowledgement failed: %s", error)

    @staticmethod
    async def _send(bot: Bot, chat_id: int, messages: list[Outgoing]) -> None:
        for out in messages:
            if out.photo is not None:
                caption = out.html or None
                await bot.send_photo(chat_id, out.photo, caption, parse_mode=ParseMode.HTML, reply_markup=out.keyboard)
            else:
                await bot.send_message(chat_id, out.html, parse_mode=ParseMode.HTML, reply_markup=out.keyboard)


async def on_error(update: object, context: Context) -> None:
    """Log every error without message text and tell the user, never with a traceback."""
    error = context.error
    update_id = update.update_id if isinstance(update, Update) else None
    if isinstance(error, RasaUnavailable) or (isinstance(error, NetworkError) and not isinstance(error, BadRequest)):
        logger.warning("update %s: %s: %s", update_id, type(error).__name__, error)
    else:
        logger.error("update %s: unexpected error", update_id, exc_info=error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    try:
        await context.bot.send_message(update.effective_chat.id, escape(texts.TROUBLE), parse_mode=ParseMode.HTML)
    except TelegramError as failure:
        logger.warning("update %s: could not tell the user about the error: %s", update_id, failure)
