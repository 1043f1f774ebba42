"""The benchmark's results, as a plain-text table for the terminal and as bench/RESULTS.md."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from bench.load import Run
from bench.stats import summary

AIMS = {"p50": 40.0, "p95": 80.0}  # ms, sequential reply latency of ours


@dataclass
class Row:
    """One figure for ours and (when measured) stock; ratio is ours/stock."""

    section: str
    metric: str
    ours: float | None
    stock: float | None = None
    digits: int = 1
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.ours is None or not self.stock or math.isnan(self.ours) or math.isnan(self.stock):
            return None
        return self.ours / self.stock


@dataclass
class Results:
    """Everything one run measured, and how."""

    machine: dict[str, str]
    options: str
    commands: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    bridge_table: str = ""

    def add(self, *rows: Row) -> None:
        self.rows += rows


def latency_rows(section: str, runs: dict[str, Run], aims: bool = False) -> list[Row]:
    """p50/p95/p99/mean latency, answered/unanswered/empty counts, for ours and stock."""
    stats = {name: summary(run.latencies_ms) for name, run in runs.items()}
    rows = []
    for key in ("p50", "p95", "p99", "mean"):
        note = ""
        if aims and key in AIMS:
            met = stats["ours"][key] <= AIMS[key]
            note = f"aim <= {AIMS[key]:.0f} ms: {'met' if met else 'MISSED'}"
        rows.append(Row(section, f"{key} (ms)", stats["ours"][key], stats.get("stock", {}).get(key), 1, note))
    rows.append(Row(section, "answered", stats["ours"]["n"], stats.get("stock", {}).get("n"), 0))
    unanswered = {name: float(run.errors) for name, run in runs.items()}
    empty = {name: float(run.empty) for name, run in runs.items()}
    rows.append(Row(section, "unanswered (error/timeout)", unanswered["ours"], unanswered.get("stock"), 0))
    rows.append(Row(section, "empty answers ([])", empty["ours"], empty.get("stock"), 0))
    return rows


def _cell(value: float | None, digits: int) -> str:
    if value is None or math.isnan(value):
        return "-"
    return f"{value:.{digits}f}"


def _cells(row: Row) -> list[str]:
    ratio = row.ratio
    return [row.metric, _cell(row.ours, row.digits), _cell(row.stock, row.digits), _cell(ratio, 2), row.note]


HEADER = ["metric", "ours", "stock", "ours/stock", "note"]


def _line(cells: list[str], widths: list[int]) -> str:
    """Text cells padded to widths: metric and note left-aligned, numbers right-aligned."""
    padded = [c.ljust(w) if i in (0, 4) else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))]
    return "  ".join(padded).rstrip()


def text(results: Results) -> str:
    """The table for the terminal: one block per section."""
    widths = [max(len(HEADER[i]), *(len(_cells(row)[i]) for row in results.rows)) for i in range(len(HEADER))]
    lines: list[str] = []
    section = None
    for row in results.rows:
        if row.section != section:
            section = row.section
            lines += ["", f"== {section}", _line(HEADER, widths)]
        lines.append(_line(_cells(row), widths))
    if results.bridge_table:
        lines += ["", "== Telegram bridge overhead (bench/telegram_bridge.py)", results.bridge_table]
    return "\n".join(lines).strip() + "\n"


def markdown(results: Results) -> str:
    """bench/RESULTS.md: machine, commands, the table, the bridge table, notes."""
    out = ["# Benchmark results", "", "Written by `make bench` (`.venv/bin/python bench/run.py`); every figure below"]
    out += ["is from this one run unless its note says otherwise.", "", "## Machine", ""]
    out += [f"- **{key}**: {value}" for key, value in results.machine.items()]
    out += ["", "## How it was run", "", f"Options: `{results.options}`", "", "```"]
    out += results.commands + ["```", "", "## Results"]
    section = None
    for row in results.rows:
        if row.section != section:
            section = row.section
            out += ["", f"### {section}", "", "| " + " | ".join(HEADER) + " |", "|---|---:|---:|---:|---|"]
        out.append("| " + " | ".join(_cells(row)) + " |")
    if results.bridge_table:
        out += ["", "### Telegram bridge overhead (bench/telegram_bridge.py, embedded output)", "", "```"]
        out += [results.bridge_table, "```"]
    out += ["", "## Notes", ""] + [f"- {note}" for note in results.notes]
    return "\n".join(out) + "\n"
