"""NLU quality from `make evaluate`: cross-validated intent macro-F1 and the blind set's score, when they exist."""

from __future__ import annotations

import json
import time
from pathlib import Path

from bench.blind import RESULT
from testbed.servers import ROOT

REPORTS = {name: ROOT / "results" / "crossval" / f"{name}.json" for name in ("ours", "stock")}


def _written(*paths: Path) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(max(path.stat().st_mtime for path in paths)))


def macro_f1() -> tuple[dict[str, float | None], str] | None:
    """Macro-F1 per pipeline (None where its report is missing) and a note on the source; None without ours."""
    scores: dict[str, float | None] = {}
    for name, path in REPORTS.items():
        try:
            scores[name] = float(json.loads(path.read_text())["macro avg"]["f1-score"])
        except (OSError, ValueError, KeyError, TypeError):
            scores[name] = None
    if scores["ours"] is None:
        return None
    found = [path for name, path in REPORTS.items() if scores[name] is not None]
    paths = " and ".join(str(path.relative_to(ROOT)) for path in found)
    written = _written(*found)
    return scores, f"from {paths} (`make evaluate`, 5-fold cross-validation, written {written}), not this run"


def blind_accuracy() -> tuple[float, str] | None:
    """The share of the blind set answered right and a note on the source; None unless `make evaluate` wrote it."""
    try:
        result = json.loads(RESULT.read_text())
        accuracy = result["right"] / result["total"]
    except (OSError, ValueError, KeyError, TypeError, ZeroDivisionError):
        return None
    written = _written(RESULT)
    return accuracy, f"from {RESULT.relative_to(ROOT)} (`make evaluate`, written {written}), not this run"
