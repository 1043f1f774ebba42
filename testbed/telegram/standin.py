"""A local stand-in for the Telegram Bot API, real HTTP on 127.0.0.1, recording every call.

It implements what the bot uses: getMe, deleteWebhook, setWebhook, getWebhookInfo, getUpdates
(long polling from a queue), sendMessage, sendPhoto (a PNG uploaded as multipart/form-data, as PTB
sends bytes), sendChatAction, answerCallbackQuery, setMyCommands and editMessageReplyMarkup. Other
methods answer 404 like Telegram does, and are recorded too. A photo that is not a PNG, or a caption
over 1,024 characters, is refused with 400 as Telegram refuses them.
"""

from __future__ import annotations

import asyncio
import html
import itertools
import json
import re
import struct
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

TOKEN = "123456:TEST-token-for-the-stand-in"
BOT_USER = {
    "id": 123456,
    "is_bot": True,
    "first_name": "Backspasm Assistant",
    "username": "backspasm_test_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}
_JSON_FIELDS = {"reply_markup", "commands", "allowed_updates", "scope", "reply_parameters", "link_preview_options"}
_NUMBER_FIELDS = {"chat_id", "message_id", "offset", "limit", "timeout", "max_connections", "drop_pending_updates"}
REPLY_METHODS = ("sendMessage", "sendPhoto")  # what a user sees as the bot's messages
MAX_CAPTION = 1024  # Telegram's caption limit, in UTF-16 code units after entity parsing
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_UPLOAD_BYTES = 10 * 1024 * 1024  # Telegram takes photos of up to 10 MB


@dataclass
class Call:
    """One request to the stand-in: method, decoded parameters, uploaded files (field name -> bytes), arrival
    time (perf_counter) and result."""

    method: str
    params: dict[str, Any]
    at: float
    files: dict[str, bytes] = field(default_factory=dict)
    result: Any = None
    error: tuple[int, str] | None = None


@dataclass(frozen=True)
class Photo:
    """A photo the bot sent: the bytes it uploaded and the caption as the user sees it."""

    data: bytes
    caption: str


class BotApiStandIn:
    """The Bot API for one bot token; push updates in, read calls out."""

    def __init__(self, token: str = TOKEN) -> None:
        self.token = token
        self.url = ""
        self.calls: list[Call] = []
        self.webhook: dict[str, Any] = {}
        self.fail_next: dict[str, tuple[int, str]] = {}  # method -> (HTTP status, description), used once
        self.available_at: dict[int, float] = {}  # update_id -> when it was queued (perf_counter)
        self._pending: list[dict[str, Any]] = []
        self._arrived = asyncio.Event()
        self._recorded = asyncio.Condition()
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._runner: web.AppRunner | None = None

    async def start(self) -> str:
        """Listen on a free port of 127.0.0.1; return the server's root URL (TELEGRAM_API_URL)."""
        app = web.Application(client_max_size=MAX_UPLOAD_BYTES)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, shutdown_timeout=1, handler_cancellation=True)  # ends a long poll on hang-up
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}"
        return self.url

    async def stop(self) -> None:
        """Stop listening and release any long poll."""
        self._arrived.set()
        if self._runner is not None:
            await self._runner.cleanup()

    def reset(self) -> None:
        """Forget the calls recorded so far, updates not yet fetched and any failure still scripted; update ids
        keep counting up."""
        self.calls.clear()
        self._pending.clear()
        self.fail_next.clear()

    def push(self, update: dict[str, Any]) -> int:
        """Queue an update for getUpdates (its update_id is set here) and return its update_id."""
        update_id = next(self._update_ids)
        self._pending.append({"update_id": update_id, **update})
        self.available_at[update_id] = time.perf_counter()
        self._arrived.set()
        return update_id

    def calls_to(self, *methods: str) -> list[Call]:
        """Every recorded call of these methods, oldest first."""
        return [call for call in self.calls if call.method in methods]

    def sent_texts(self, chat_id: int | None = None) -> list[str]:
        """The text of every sendMessage, as the user sees it (HTML entities resolved), for one chat or all."""
        return [
            call.result["text"]
            for call in self.calls_to("sendMessage")
            if call.result and (chat_id is None or call.params.get("chat_id") == chat_id)
        ]

    def sent_photos(self, chat_id: int | None = None) -> list[Photo]:
        """Every photo sent with sendPhoto, for one chat or all."""
        return [
            Photo(call.files["photo"], call.result.get("caption", ""))
            for call in self.calls_to("sendPhoto")
            if call.result and (chat_id is None or call.params.get("chat_id") == chat_id)
        ]

    async def wait_for(
        self,
        method: str | tuple[str, ...],
        count: int = 1,
        timeout: float = 15.0,
        where: Callable[[Call], bool] | None = None,
    ) -> list[Call]:
        """Wait until at least count calls of method, or of any of several (matching where), are recorded;
        return them all."""
        methods = (method,) if isinstance(method, str) else method

        def matching() -> list[Call]:
            return [call for call in self.calls_to(*methods) if where is None or where(call)]

        try:
            async with self._recorded:
                await asyncio.wait_for(self._recorded.wait_for(lambda: len(matching()) >= count), timeout)
        except asyncio.TimeoutError:
            seen = ", ".join(call.method for call in self.calls) or "nothing"
            raise AssertionError(f"waited {timeout} s for {count} {'/'.join(methods)} call(s), saw: {seen}") from None
        return matching()

    async def _handle(self, request: web.Request) -> web.Response:
        arrived = time.perf_counter()
        method = request.match_info["method"]
        if request.match_info["token"] != self.token:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        params, files = await _params(request)
        call = Call(method, params, arrived, files)
        if method == "getUpdates":  # recorded on arrival: a long poll may wait a while
            await self._record(call)
            call.result = await self._get_updates(call.params)
        else:
            call.error = self.fail_next.pop(method, None) or _refusal(call)
            if call.error is None:
                call.result = self._answer(call)
                call.error = None if call.result is not None else (404, "Not Found")
            await self._record(call)
        if call.error is not None:
            code, description = call.error
            return web.json_response({"ok": False, "error_code": code, "description": description}, status=code)
        return web.json_response({"ok": True, "result": call.result})

    async def _record(self, call: Call) -> None:
        async with self._recorded:
            self.calls.append(call)
            self._recorded.notify_all()

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        self._pending = [update for update in self._pending if update["update_id"] >= offset]
        if not self._pending and float(params.get("timeout") or 0) > 0:
            self._arrived.clear()
            with suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._arrived.wait(), float(params["timeout"]))
        return self._pending[: int(params.get("limit") or 100)]

    def _answer(self, call: Call) -> Any:
        method, params = call.method, call.params
        if method == "getMe":
            return BOT_USER
        if method == "setWebhook":
            self.webhook = params
            return True
        if method == "deleteWebhook":
            self.webhook = {}
            return True
        if method == "getWebhookInfo":
            return {"url": self.webhook.get("url", ""), "has_custom_certificate": False, "pending_update_count": 0}
        if method in ("sendChatAction", "answerCallbackQuery", "setMyCommands"):
            return True
        if method == "sendMessage":
            return self._message(params, next(self._message_ids), text=_visible(params, "text"))
        if method == "sendPhoto":
            message_id = next(self._message_ids)
            caption = {"caption": _visible(params, "caption")} if params.get("caption") else {}
            return self._message(params, message_id, photo=[_photo_size(call.files["photo"], message_id)], **caption)
        if method == "editMessageReplyMarkup":
            return self._message(params, int(params["message_id"]), text="")
        return None

    @staticmethod
    def _message(params: dict[str, Any], message_id: int, **content: Any) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        message = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
            "from": BOT_USER,
            **content,
        }
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        return message


async def _params(request: web.Request) -> tuple[dict[str, Any], dict[str, bytes]]:
    """Parameters as PTB sends them (form fields, JSON-encoded unless strings, files as multipart/form-data)
    or as a JSON body; and the files uploaded, by field name."""
    if request.content_type == "application/json":
        return await request.json(), {}
    raw: dict[str, str] = dict(request.query)
    files: dict[str, bytes] = {}
    for key, value in (await request.post()).items():
        if isinstance(value, web.FileField):
            files[key] = value.file.read()
        else:
            raw[key] = str(value)
    params: dict[str, Any] = {}
    for key, value in raw.items():
        params[key] = value
        if key in _JSON_FIELDS | _NUMBER_FIELDS:
            with suppress(ValueError):
                params[key] = json.loads(value)
    return params, files


def _refusal(call: Call) -> tuple[int, str] | None:
    """The error Telegram answers a call it refuses with, or None."""
    if call.method != "sendPhoto":
        return None
    photo = call.files.get("photo", b"")
    if not photo.startswith(PNG_SIGNATURE) or len(photo) < 24:  # the signature and the header's width and height
        return 400, "Bad Request: IMAGE_PROCESS_FAILED"
    if len(_visible(call.params, "caption").encode("utf-16-le")) // 2 > MAX_CAPTION:
        return 400, "Bad Request: message caption is too long"
    return None


def _photo_size(png: bytes, message_id: int) -> dict[str, Any]:
    """The PhotoSize Telegram answers for an uploaded PNG: its width and height from the PNG's header."""
    width, height = struct.unpack(">II", png[16:24])
    return {
        "file_id": f"photo-{message_id}",
        "file_unique_id": f"unique-{message_id}",
        "width": width,
        "height": height,
        "file_size": len(png),
    }


def _visible(params: dict[str, Any], key: str) -> str:
    """The text (or caption) a user sees: with parse_mode HTML, tags dropped and entities resolved."""
    text = str(params.get(key, ""))
    if str(params.get("parse_mode", "")).upper() == "HTML":
        return html.unescape(re.sub(r"<[^>]*>", "", text))
    return text
