"""The pain diary's costs: rendering the chart, and logging an entry into SQLite.

Run: `python -m bench.diary`. The issue's targets: the chart in <= 300 ms p95 (50 renders of 30
entries), and logging adding <= 5 ms to a reply. Logging is timed twice: the store's write alone,
and the whole of what the action server does for "pain 6" (read, write, read back, the guide's rule).
The database is a fresh SQLite file with Rasa's events table, in a temporary folder.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

from bench.stats import percentile
from diary.chart import png
from diary.log import log_message
from diary.service import open_store
from diary.store import Entry
from testbed.telegram.harness import endpoints_for, tracker_db

RENDERS = 50
CHART_ENTRIES = 30
LOGS = 200
NOW = datetime(2026, 11, 30, 12, tzinfo=timezone.utc)
TARGETS_MS = {"chart": 300.0, "log": 5.0}


def timed_ms(action: Callable[[int], object], times: int) -> list[float]:
    """Milliseconds each of `times` calls of action(i) took."""
    samples = []
    for index in range(times):
        start = time.perf_counter()
        action(index)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def line(name: str, samples: list[float], target: float) -> str:
    """One figure: p50 and p95 in ms against the target."""
    p50, p95 = percentile(samples, 50), percentile(samples, 95)
    verdict = "met" if p95 <= target else "MISSED"
    return f"{name}: p50 {p50:.1f} ms, p95 {p95:.1f} ms (n={len(samples)}; target p95 <= {target:g} ms: {verdict})"


def samples() -> dict[str, tuple[list[float], float]]:
    """Each figure's timings in ms, with its target: the chart, the store's write, and logging a message."""
    entries = [
        Entry(
            "bench",
            float((day * 7) % 11),
            "note" if day % 4 == 0 else None,
            NOW - timedelta(days=CHART_ENTRIES - 1 - day),
        )
        for day in range(CHART_ENTRIES)
    ]
    png(entries, NOW)  # the first render loads fonts
    figures = {
        f"chart ({CHART_ENTRIES} entries)": (timed_ms(lambda _: png(entries, NOW), RENDERS), TARGETS_MS["chart"])
    }
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(endpoints_for(tracker_db(Path(folder) / "tracker.db", [])))
        store.entries("warm-up")  # creates the tables
        write = timed_ms(lambda i: store.add(Entry("bench-write", 5.0, None, NOW + timedelta(hours=i))), LOGS)
        figures["log: the store's write"] = (write, TARGETS_MS["log"])
        message = timed_ms(lambda i: log_message(store, "bench-log", "pain 6 stiff", NOW + timedelta(hours=i)), LOGS)
        figures["log: a message, with the rule"] = (message, TARGETS_MS["log"])
    return figures


def main() -> None:
    """Print the chart's and logging's p50 and p95."""
    for name, (timings, target) in samples().items():
        print(line(name, timings, target))
    print("command: python -m bench.diary")


if __name__ == "__main__":
    main()
