"""Take the README's pictures from real conversations: docs/widget.png, docs/widget-diary.png, docs/telegram.png.

Run from the repository root, after `make train`:  python -m web.tests.screenshots

Both start the real assistant (Rasa and the action server) with the test suite's helpers:
- docs/widget.png: the demo page served by web/serve.py, driven in headless chromium by web/tests/widget.spec.mjs
  (the browser test), captured with the widget open mid-conversation; docs/widget-diary.png, the pain diary's
  chart in the widget, from the same run.
- docs/telegram.png: `python -m bot` talks to the assistant and to the local Bot API stand-in
  (testbed/telegram/standin.py), as it would to Telegram; the transcript the stand-in recorded is rendered in a
  Telegram-like HTML page (var/screenshots/telegram.html) and captured by web/tests/render.mjs. It is not a
  screenshot of the Telegram app, which this machine cannot reach, and the picture says so.
"""

from __future__ import annotations

import asyncio
import html
import shutil
import subprocess
from dataclasses import dataclass, field

from testbed.servers import ROOT, Assistant, running_assistant
from testbed.telegram import updates
from testbed.telegram.harness import BotProcess, ChatUser, bot_env, wait_ready
from testbed.telegram.standin import BOT_USER, BotApiStandIn, Call
from testbed.web import WebServer, run_widget_spec

DOCS = ROOT / "docs"
WORK = ROOT / "var/screenshots"
TELEGRAM_ASKS = ("/start", "how long should I ice my back?")
CAPTION = (
    "Rendered from a real conversation with Backspasm Assistant through the local Bot API stand-in "
    "(testbed/telegram/standin.py): not a screenshot of the Telegram app."
)
STYLE = """
body { margin: 0; font: 15px/1.4 system-ui, sans-serif; background: #c8d8c0; }
header { background: #517da2; color: #fff; padding: 10px 16px; }
header b { display: block; font-size: 16px; } header span { font-size: 13px; opacity: 0.8; }
main { display: flex; flex-direction: column; gap: 6px; padding: 12px; }
.bubble { max-width: 80%; padding: 7px 11px; border-radius: 12px; white-space: pre-wrap;
          box-shadow: 0 1px 1px rgba(0, 0, 0, 0.15); }
.bot { align-self: flex-start; background: #fff; border-bottom-left-radius: 4px; }
.user { align-self: flex-end; background: #effdde; border-bottom-right-radius: 4px; }
.keyboard { align-self: flex-start; display: grid; gap: 4px; width: 80%; }
.keyboard span { background: rgba(40, 70, 50, 0.45); color: #fff; text-align: center; padding: 7px;
                 border-radius: 8px; font-size: 14px; }
footer { font-size: 12px; color: #333; background: #f4f4f4; padding: 8px 12px; }
"""


@dataclass
class Turn:
    """One message of the transcript: who sent it, its text, and the inline buttons under it."""

    sender: str
    text: str
    buttons: list[str] = field(default_factory=list)


def bot_turn(call: Call) -> Turn:
    """A sendMessage as the user sees it: its visible text and its inline keyboard."""
    rows = (call.params.get("reply_markup") or {}).get("inline_keyboard", [])
    return Turn("bot", call.result["text"], [button["text"] for row in rows for button in row])


async def telegram_transcript(assistant: Assistant) -> list[Turn]:
    """TELEGRAM_ASKS sent one by one through the stand-in to `python -m bot`, relaying to the real assistant."""
    telegram = BotApiStandIn()
    await telegram.start()
    bot = BotProcess(bot_env(telegram.url, assistant.rasa_url), assistant.workdir / "bot.log")
    bot.start()
    try:
        await wait_ready(bot, telegram)
        user = ChatUser(bot, telegram, updates.USER["id"])
        turns: list[Turn] = []
        for words in TELEGRAM_ASKS:
            replies = await user.send(updates.text(user.chat_id, words), timeout=60)
            turns += [Turn("user", words), *map(bot_turn, replies)]
        return turns
    finally:
        await asyncio.to_thread(bot.stop)
        await telegram.stop()


def chat_page(turns: list[Turn]) -> str:
    """The transcript as a Telegram-like chat page, with CAPTION under it."""
    bubbles = []
    for turn in turns:
        bubbles.append(f'<div class="bubble {turn.sender}">{html.escape(turn.text)}</div>')
        if turn.buttons:
            keys = "".join(f"<span>{html.escape(text)}</span>" for text in turn.buttons)
            bubbles.append(f'<div class="keyboard">{keys}</div>')
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><style>{STYLE}</style></head><body>'
        f"<header><b>{html.escape(BOT_USER['first_name'])}</b><span>bot</span></header>"
        f"<main>{''.join(bubbles)}</main><footer>{html.escape(CAPTION)}</footer></body></html>"
    )


def widget_picture(assistant: Assistant) -> None:
    """docs/widget.png, taken by the browser test's own run through the demo page."""
    web = WebServer(assistant)
    try:
        result = run_widget_spec(f"{web.url}/", WORK / "widget.png")
    finally:
        web.stop()
    if not result["ok"]:
        raise SystemExit(f"the widget run failed at {result.get('step')!r}: {result.get('error')}")
    for picture in ("widget.png", "widget-diary.png"):  # the spec saves the diary's chart beside its screenshot
        shutil.copyfile(WORK / picture, DOCS / picture)


def telegram_picture(assistant: Assistant) -> None:
    """docs/telegram.png, rendered from a real conversation through the Bot API stand-in."""
    page = WORK / "telegram.html"
    page.write_text(chat_page(asyncio.run(telegram_transcript(assistant))), encoding="utf-8")
    subprocess.run(["node", "tests/render.mjs", str(page), str(DOCS / "telegram.png")], cwd=ROOT / "web", check=True)


def main() -> None:
    """Start the assistant once and take both pictures."""
    subprocess.run([ROOT / "scripts/web-setup"], check=True)
    WORK.mkdir(parents=True, exist_ok=True)
    with running_assistant() as assistant:
        widget_picture(assistant)
        telegram_picture(assistant)
    print(f"Wrote {DOCS / 'widget.png'}, {DOCS / 'widget-diary.png'} and {DOCS / 'telegram.png'}")


if __name__ == "__main__":
    main()
