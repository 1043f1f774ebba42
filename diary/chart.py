"""The diary as a picture: a PNG chart of the last 30 days, and a text sparkline for `rasa shell`.

Readable on a phone and not by colour alone: 960x540 pixels, labels of 12 pt and more, one dark
line through every entry, and entries with a note drawn as a larger open diamond (named in a legend).
Drawn on matplotlib's Agg canvas, with no pyplot state, so renders in several threads do not mix.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime, timedelta, tzinfo

from matplotlib import dates
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from components.pain_scale import PAIN_SCALE_MAX
from diary.store import Entry

WINDOW = timedelta(days=30)  # the chart shows this much of the diary, up to now
WIDTH_PX, HEIGHT_PX, DPI = 960, 540, 100
LABEL_PT, TICK_PT = 14, 12
INK = "#1a1a1a"  # the line and markers: near black on white
GRID = "#bbbbbb"
MARGIN = timedelta(hours=12)  # room right of today's point
SPARKS = "▁▂▃▄▅▆▇█"


def figure(entries: Sequence[Entry], now: datetime, zone: tzinfo | None = None) -> Figure:
    """The chart of entries (oldest first) in the WINDOW up to now; dates in `zone`, by default the server's."""
    zone = zone or now.astimezone().tzinfo
    chart = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI, constrained_layout=True)
    FigureCanvasAgg(chart)
    axes = chart.add_subplot()
    axes.plot(
        [entry.logged_at for entry in entries],
        [entry.pain for entry in entries],
        color=INK,
        linewidth=2.5,
        marker="o",
        markersize=7,
        label="entry",
    )
    noted = [entry for entry in entries if entry.note]
    if noted:
        axes.plot(
            [entry.logged_at for entry in noted],
            [entry.pain for entry in noted],
            linestyle="none",
            marker="D",
            markersize=13,
            markerfacecolor="white",
            markeredgecolor=INK,
            markeredgewidth=2.5,
            label="entry with a note",
        )
        axes.legend(loc="lower right", bbox_to_anchor=(1, 1), ncol=2, fontsize=TICK_PT, frameon=False)
    axes.set_xlim(now - WINDOW, now + MARGIN)
    axes.set_ylim(-0.5, PAIN_SCALE_MAX + 0.5)
    axes.set_yticks(range(PAIN_SCALE_MAX + 1))
    axes.xaxis.set_major_locator(dates.AutoDateLocator(tz=zone, maxticks=8))
    axes.xaxis.set_major_formatter(dates.DateFormatter("%d %b", tz=zone))
    axes.tick_params(labelsize=TICK_PT)
    axes.grid(axis="y", color=GRID, linestyle=":")
    axes.set_ylabel(f"Pain (0 to {PAIN_SCALE_MAX})", fontsize=LABEL_PT)
    axes.set_xlabel("Date", fontsize=LABEL_PT)
    axes.set_title(f"Your pain diary: the last {WINDOW.days} days", fontsize=LABEL_PT, loc="left")
    return chart


def png(entries: Sequence[Entry], now: datetime, zone: tzinfo | None = None) -> bytes:
    """The chart as PNG bytes, WIDTH_PX by HEIGHT_PX."""
    buffer = io.BytesIO()
    figure(entries, now, zone).savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def sparkline(entries: Sequence[Entry]) -> str:
    """One block per entry, from ▁ for 0 to █ for 10."""
    steps = len(SPARKS) - 1
    return "".join(SPARKS[round(entry.pain / PAIN_SCALE_MAX * steps)] for entry in entries)
