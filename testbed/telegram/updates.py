"""Telegram Update JSON shaped like what Telegram sends (without update_id: the stand-in sets it)."""

from __future__ import annotations

import itertools
import re
import time
from typing import Any

from testbed.telegram.standin import BOT_USER

USER = {"id": 4242, "is_bot": False, "first_name": "Alex", "language_code": "en"}
GROUP_ID = -100777
_message_ids = itertools.count(1)


def chat(chat_id: int) -> dict[str, Any]:
    """A private chat with USER, or a group for a negative id."""
    if chat_id < 0:
        return {"id": chat_id, "type": "group", "title": "Back pain support"}
    return {"id": chat_id, "type": "private", "first_name": USER["first_name"]}


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def entities(text: str) -> list[dict[str, Any]]:
    """bot_command and mention entities as Telegram marks them (offsets in UTF-16 units)."""
    found = []
    for match in re.finditer(r"(?<!\S)(/[A-Za-z0-9_]+(?:@\w+)?|@\w{5,})", text):
        kind = "bot_command" if match.group().startswith("/") else "mention"
        found.append({"type": kind, "offset": _utf16(text[: match.start()]), "length": _utf16(match.group())})
    return found


def message(chat_id: int, text: str | None = None, **extra: Any) -> dict[str, Any]:
    """A Message from USER in chat_id; text gets its entities; extra adds fields (sticker, photo...)."""
    body: dict[str, Any] = {
        "message_id": next(_message_ids),
        "from": USER,
        "chat": chat(chat_id),
        "date": int(time.time()),
        **extra,
    }
    if text is not None:
        body["text"] = text
        if entities(text):
            body["entities"] = entities(text)
    return body


def text(chat_id: int, words: str, **extra: Any) -> dict[str, Any]:
    """An update with a new text message (a command when words start with /)."""
    return {"message": message(chat_id, words, **extra)}


def edited(original: dict[str, Any], words: str) -> dict[str, Any]:
    """An edited_message update: original's message with new text and an edit_date."""
    body = {**original["message"], "text": words, "edit_date": int(time.time())}
    body.pop("entities", None)
    if entities(words):
        body["entities"] = entities(words)
    return {"edited_message": body}


def button_press(bot_message: dict[str, Any], data: str) -> dict[str, Any]:
    """A callback_query from USER pressing a button with data on bot_message (a sendMessage result)."""
    return {
        "callback_query": {
            "id": f"cq-{next(_message_ids)}",
            "from": USER,
            "message": bot_message,
            "chat_instance": "-8817263544",
            "data": data,
        }
    }


def reply_to_bot(chat_id: int, words: str, bot_message_id: int) -> dict[str, Any]:
    """A text message that replies to one of the bot's messages."""
    replied = {"message_id": bot_message_id, "from": BOT_USER, "chat": chat(chat_id), "date": int(time.time())}
    return text(chat_id, words, reply_to_message={**replied, "text": "an earlier answer"})


def sticker(chat_id: int) -> dict[str, Any]:
    """A sticker message."""
    return {
        "message": message(
            chat_id,
            sticker={
                "file_id": "CAACAgIAAxkBAAIBZ2YAAQ",
                "file_unique_id": "AgADZw",
                "type": "regular",
                "width": 512,
                "height": 512,
                "is_animated": False,
                "is_video": False,
                "emoji": "\N{THUMBS UP SIGN}",
            },
        )
    }


def photo(chat_id: int) -> dict[str, Any]:
    """A photo with a caption."""
    sizes = [
        {"file_id": f"AgACAgQAAx0{n}", "file_unique_id": f"AQAD{n}", "width": w, "height": w, "file_size": w * 40}
        for n, w in enumerate((90, 320, 800))
    ]
    return {"message": message(chat_id, photo=sizes, caption="my back")}


def voice(chat_id: int) -> dict[str, Any]:
    """A voice note."""
    return {
        "message": message(
            chat_id,
            voice={
                "file_id": "AwACAgIAAxkBAAIBaGYAAQ",
                "file_unique_id": "AgADaA",
                "duration": 4,
                "mime_type": "audio/ogg",
            },
        )
    }


def document(chat_id: int) -> dict[str, Any]:
    """A PDF document."""
    return {
        "message": message(
            chat_id,
            document={
                "file_id": "BQACAgIAAxkBAAIBaWYAAQ",
                "file_unique_id": "AgADaQ",
                "file_name": "mri.pdf",
                "mime_type": "application/pdf",
            },
        )
    }


def location(chat_id: int) -> dict[str, Any]:
    """A shared location."""
    return {"message": message(chat_id, location={"latitude": 51.5072, "longitude": -0.1276})}
