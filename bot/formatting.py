"""Turning Rasa replies into Telegram messages: escaping, splitting, inline keyboards and PNG photos."""

from __future__ import annotations

import base64
import hashlib
import html
import logging
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import InlineKeyboardButtonLimit, MessageLimit

from bot import texts

logger = logging.getLogger(__name__)
MAX_CHARS = int(MessageLimit.MAX_TEXT_LENGTH)  # 4096, counted in UTF-16 code units after entity parsing
MAX_CAPTION_CHARS = int(MessageLimit.CAPTION_LENGTH)  # 1024, counted the same way
PNG_DATA_URL = "data:image/png;base64,"  # how Rasa sends the diary's chart
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_CALLBACK_BYTES = InlineKeyboardButtonLimit.MAX_CALLBACK_DATA  # 64
_BREAKS = ("\n\n", "\n", " ")  # paragraph, then line, then word; a hard cut comes last


@dataclass(frozen=True)
class Outgoing:
    """One Telegram message: HTML-escaped text and an optional inline keyboard; with `photo` (PNG bytes), a
    photo whose caption is the text."""

    html: str
    keyboard: InlineKeyboardMarkup | None = None
    photo: bytes | None = None


def escape(text: str) -> str:
    """Escape text for parse_mode=HTML so that it shows exactly as written."""
    return html.escape(text, quote=False)


def utf16_len(text: str) -> int:
    """Length as Telegram counts it: in UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def _fitting_prefix(text: str, limit: int) -> int:
    """The number of characters at the start of text that fit into limit UTF-16 code units."""
    used = 0
    for index, char in enumerate(text):
        used += 2 if ord(char) > 0xFFFF else 1
        if used > limit:
            return index
    return len(text)


def split_message(text: str, limit: int = MAX_CHARS) -> list[str]:
    """Split text into non-empty chunks of at most limit UTF-16 units, at paragraphs, then lines, then hard."""
    chunks: list[str] = []
    rest = text.strip()
    while utf16_len(rest) > limit:
        fits = _fitting_prefix(rest, limit)
        window = rest[: fits + 1]  # a break right after the last fitting character still counts
        cut = next((at for at in (window.rfind(mark) for mark in _BREAKS) if 0 < at <= fits), fits)
        chunks.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        chunks.append(rest)
    return chunks


class PayloadStore:
    """Stands in for button payloads longer than Telegram's 64-byte callback_data, newest kept."""

    PREFIX = "#payload:"

    def __init__(self, capacity: int = 1024) -> None:
        self._capacity = capacity
        self._payloads: OrderedDict[str, str] = OrderedDict()

    def callback_data(self, payload: str) -> str:
        """The payload itself when it fits and cannot be mistaken for a key, else a stored key."""
        if len(payload.encode()) <= MAX_CALLBACK_BYTES and not payload.startswith(self.PREFIX):
            return payload
        key = self.PREFIX + hashlib.sha256(payload.encode()).hexdigest()[:32]
        self._payloads[key] = payload
        self._payloads.move_to_end(key)
        while len(self._payloads) > self._capacity:
            self._payloads.popitem(last=False)
        return key

    def payload(self, callback_data: str) -> str | None:
        """The payload behind callback_data, or None for a key that is no longer stored."""
        if callback_data.startswith(self.PREFIX):
            return self._payloads.get(callback_data)
        return callback_data


def keyboard(buttons: Iterable[dict[str, Any]], store: PayloadStore) -> InlineKeyboardMarkup | None:
    """One inline button per row for Rasa buttons: payload buttons call back, url buttons open links."""
    rows = []
    for button in buttons:
        title = str(button.get("title") or button.get("payload") or "").strip()
        if button.get("url"):
            rows.append([InlineKeyboardButton(title or str(button["url"]), url=str(button["url"]))])
        elif button.get("payload"):
            rows.append([InlineKeyboardButton(title, callback_data=store.callback_data(str(button["payload"])))])
    return InlineKeyboardMarkup(rows) if rows else None


def png_from(image: str) -> bytes | None:
    """The PNG in a `data:image/png;base64,` URL; None when the image is not one (a link, or malformed)."""
    if not image.startswith("data:"):
        return None
    if image.startswith(PNG_DATA_URL):
        try:
            png = base64.b64decode(image[len(PNG_DATA_URL) :], validate=True)
        except ValueError:  # binascii.Error: not base64
            png = b""
        if png.startswith(PNG_SIGNATURE):
            return png
    logger.warning("a reply's image is a data URL but not a base64 PNG: sending its text alone")
    return None


def render(reply: dict[str, Any], store: PayloadStore) -> list[Outgoing]:
    """Telegram messages for one Rasa reply; the keyboard rides on the last one.

    A PNG data URL image becomes a photo with the reply's text as its caption (or, when the text is too
    long for a caption, after it); any other data URL is dropped, and a link is shown as text.
    """
    image = str(reply.get("image") or "")
    photo = png_from(image)
    shown = (reply.get("text"), None if image.startswith("data:") else image)
    text = "\n\n".join(str(part) for part in shown if part).strip()
    markup = keyboard(reply.get("buttons") or [], store)
    if photo is not None:
        if utf16_len(text) <= MAX_CAPTION_CHARS:
            return [Outgoing(escape(text), markup, photo)]
        return [Outgoing(escape(chunk)) for chunk in split_message(text)] + [Outgoing("", markup, photo)]
    if not text and markup is None:
        return []
    chunks = split_message(text) or [texts.CHOOSE]
    last = len(chunks) - 1
    return [Outgoing(escape(chunk), markup if index == last else None) for index, chunk in enumerate(chunks)]


def rejoined(replies: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The replies, with each PNG image that came alone joined to the text reply before it.

    Rasa's output channels send one response's text and image as two replies, text first.
    """
    joined: list[dict[str, Any]] = []
    for reply in replies:
        alone = not reply.get("text") and not reply.get("buttons")
        if alone and str(reply.get("image") or "").startswith(PNG_DATA_URL) and joined:
            before = joined[-1]
            if before.get("text") and not before.get("image"):
                joined[-1] = {**before, "image": reply["image"]}
                continue
        joined.append(reply)
    return joined


def render_all(replies: Sequence[dict[str, Any]], store: PayloadStore) -> list[Outgoing]:
    """Telegram messages for Rasa's replies to one message, a chart's summary as the chart's caption."""
    return [out for reply in rejoined(replies) for out in render(reply, store)]
