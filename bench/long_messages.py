"""How long the red-flag rules take on the longest message the assistant reads: MAX_CHARS of one sentence full of
signs, the worst case for the per-mention checks of components/mentions.py.

Run: `python -m bench.long_messages` (no server; the shared spaCy pipeline only).
"""

from __future__ import annotations

import statistics
import time

from components.extractor import rule_findings
from components.language import MAX_CHARS, SPANS_KEY, build_pipeline

# Units repeated up to MAX_CHARS: signs with no full stop, questions, and dismissers between signs.
UNITS = (
    "both legs numb and i cant pee ",
    "is it bad if both legs go numb? just curious. ",
    "my dad can't pee, he's got no back problems - what if I can't pee? ",
    "numb bum like I'd sat on a bike for hours, lost weight on a diet, ",
)
RUNS = 5


def seconds(text: str) -> float:
    """The median time of the rule layer over RUNS runs on one parsed message."""
    doc = build_pipeline()(text)
    rule_findings(doc)  # the first run fills the per-doc caches that every later message builds anew
    timings = []
    for _ in range(RUNS):
        doc = build_pipeline()(text)
        start = time.perf_counter()
        rule_findings(doc)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main() -> None:
    print(f"Red-flag rules on {MAX_CHARS}-character messages (median of {RUNS}, after spaCy's parse):")
    for unit in UNITS:
        text = (unit * (MAX_CHARS // len(unit) + 1))[:MAX_CHARS]
        matches = len(build_pipeline()(text).spans[SPANS_KEY])
        print(f"  {seconds(text) * 1000:7.1f} ms  {unit.strip()!r} repeated ({matches} pattern matches)")


if __name__ == "__main__":
    main()
