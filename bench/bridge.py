"""The Telegram bridge (`python -m bot`): its resident memory, and bench/telegram_bridge.py's overhead table."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.procmem import tree_mib
from testbed.servers import ROOT
from testbed.telegram import updates
from testbed.telegram.harness import BotProcess, bot_env, wait_ready
from testbed.telegram.standin import BotApiStandIn
from testbed.telegram.stub_rasa import StubRasa

CHAT = 4343
OVERHEAD_TIMEOUT = 900.0  # seconds for bench/telegram_bridge.py


async def _rss(messages: int, workdir: Path) -> dict[str, float]:
    telegram, rasa = BotApiStandIn(), StubRasa()
    await telegram.start()
    await rasa.start()
    bot = BotProcess(bot_env(telegram.url, rasa.url, LOG_LEVEL="WARNING"), workdir / "bot.log")
    bot.start()
    try:
        await wait_ready(bot, telegram)
        assert bot.process is not None
        rss = {"after start": tree_mib(bot.process.pid)}
        for n in range(messages):
            telegram.push(updates.text(CHAT, f"message {n}"))
            await telegram.wait_for("sendMessage", n + 1, timeout=30)
            await asyncio.sleep(0.05)  # stay well below the bot's 30 requests/s limiter
        rss[f"after {messages} messages"] = tree_mib(bot.process.pid)
        rss["peak (VmHWM)"] = tree_mib(bot.process.pid, "VmHWM")
    finally:
        await asyncio.to_thread(bot.stop)
        await rasa.stop()
        await telegram.stop()
    return rss


def rss(messages: int = 100) -> dict[str, float]:
    """RSS in MiB of `python -m bot` (polling the Bot API stand-in, answering from a stub Rasa)."""
    with tempfile.TemporaryDirectory(prefix="bench-bot-") as workdir:
        return asyncio.run(asyncio.wait_for(_rss(messages, Path(workdir)), timeout=300))


def overhead(messages: int) -> tuple[str, str]:
    """Run bench/telegram_bridge.py as a subprocess; its command and printed table."""
    command = [sys.executable, "bench/telegram_bridge.py", "--messages", str(messages)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=OVERHEAD_TIMEOUT)
    if done.returncode != 0:
        raise RuntimeError(f"bench/telegram_bridge.py failed:\n{done.stderr[-3000:]}")
    return f".venv/bin/python bench/telegram_bridge.py --messages {messages}", done.stdout.strip()
