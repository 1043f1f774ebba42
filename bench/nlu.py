"""NLU quality from `make evaluate`: intent macro-F1 of the cross-validation reports, when they exist."""

from __future__ import annotations

import json
import time

from tests.servers import ROOT

REPORTS = {name: ROOT / "results" / "crossval" / name / "intent_report.json" for name in ("ours", "stock")}


def macro_f1() -> tuple[dict[str, float], str] | None:
    """Macro-F1 per pipeline and a note on the source; None unless both reports exist and are readable."""
    scores: dict[str, float] = {}
    for name, path in REPORTS.items():
        try:
            scores[name] = float(json.loads(path.read_text())["macro avg"]["f1-score"])
        except (OSError, ValueError, KeyError, TypeError):
            return None
    written = time.strftime("%Y-%m-%d %H:%M", time.localtime(max(p.stat().st_mtime for p in REPORTS.values())))
    paths = " and ".join(str(path.relative_to(ROOT)) for path in REPORTS.values())
    return scores, f"from {paths} (`make evaluate`, 5-fold cross-validation, written {written}), not this run"
