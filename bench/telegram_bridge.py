"""The Telegram bridge's own overhead, per message: update available -> sendMessage, minus Rasa's time.

`python -m bot` runs as a subprocess between the Bot API stand-in and a stub Rasa that answers at
once (its own time is recorded and subtracted), both on 127.0.0.1. Messages go one at a time, at
--interval apart so that the rate limiter (30 requests/s; each message costs sendChatAction and
sendMessage) never has to hold one back. Usage:

    .venv/bin/python bench/telegram_bridge.py [--messages 200] [--interval 0.1] [--mode both]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from testbed.telegram import updates  # noqa: E402
from testbed.telegram.harness import BotProcess, bot_env, post_update, wait_ready, webhook_env  # noqa: E402
from testbed.telegram.standin import BotApiStandIn  # noqa: E402
from testbed.telegram.stub_rasa import StubRasa  # noqa: E402

WARM_UP = 10
CHAT = 4242


async def measure(mode: str, messages: int, interval: float, workdir: Path) -> dict[str, list[float]]:
    """Per message, in ms: total (available -> sendMessage arrives), Rasa's own time, and the difference."""
    telegram, rasa = BotApiStandIn(), StubRasa()
    await telegram.start()
    await rasa.start()
    env = bot_env(telegram.url, rasa.url, LOG_LEVEL="WARNING", **(webhook_env() if mode == "webhook" else {}))
    bot = BotProcess(env, workdir / f"bot-{mode}.log")
    bot.start()
    times: dict[str, list[float]] = {"total": [], "rasa": [], "overhead": []}
    try:
        await wait_ready(bot, telegram)
        for n in range(WARM_UP + messages):
            update = updates.text(CHAT, f"message {n}")
            if mode == "webhook":
                available = time.perf_counter()
                await post_update(bot.webhook_url, update, update_id=n + 1)
            else:
                available = telegram.available_at[telegram.push(update)]
            [sent] = (await telegram.wait_for("sendMessage", n + 1, timeout=30))[n:]
            if n >= WARM_UP:
                total, own = (sent.at - available) * 1000, rasa.received[n].took * 1000
                times["total"].append(total)
                times["rasa"].append(own)
                times["overhead"].append(total - own)
            await asyncio.sleep(interval)
    finally:
        await asyncio.to_thread(bot.stop)
        await rasa.stop()
        await telegram.stop()
    return times


def percentile(values: list[float], p: int) -> float:
    """The p-th percentile of values."""
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def table(results: dict[str, dict[str, list[float]]]) -> str:
    """A plain-text table of p50 and p95 for each mode."""
    header = f"{'mode':<8} {'n':>4} {'total p50':>10} {'total p95':>10} {'rasa p50':>9} {'rasa p95':>9}"
    header += f" {'bridge p50':>11} {'bridge p95':>11}"
    lines = [header, "-" * len(header)]
    for mode, times in results.items():
        cells = [f"{percentile(times[key], p):.2f}" for key in ("total", "rasa", "overhead") for p in (50, 95)]
        lines.append(
            f"{mode:<8} {len(times['total']):>4} {cells[0]:>10} {cells[1]:>10} {cells[2]:>9} {cells[3]:>9}"
            f" {cells[4]:>11} {cells[5]:>11}"
        )
    return "\n".join(lines + ["(milliseconds; bridge = total - rasa)"])


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=200)
    parser.add_argument("--interval", type=float, default=0.1, help="seconds between messages")
    parser.add_argument("--mode", choices=["polling", "webhook", "both"], default="both")
    args = parser.parse_args()
    modes = ["polling", "webhook"] if args.mode == "both" else [args.mode]
    with tempfile.TemporaryDirectory() as workdir:
        results = {mode: await measure(mode, args.messages, args.interval, Path(workdir)) for mode in modes}
    print(table(results))


if __name__ == "__main__":
    asyncio.run(main())
