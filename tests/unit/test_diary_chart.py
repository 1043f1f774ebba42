"""The diary's chart (diary/chart.py): a real PNG of the size the code sets, one point per entry, readable."""

from __future__ import annotations

import io

from matplotlib.colors import to_rgb
from PIL import Image

from diary.chart import DPI, HEIGHT_PX, TICK_PT, WIDTH_PX, figure, png, sparkline
from tests.unit.diary_entries import at, diary, entry

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
ENTRIES = [entry(0, 7, "stiff after gardening"), *diary([(1, 6), (3, 6), (6, 4)]), entry(9, 3, "walked")]
NOW = at(9.5)


def test_the_chart_is_a_png_of_the_set_size_and_big_enough_for_a_phone() -> None:
    data = png(ENTRIES, NOW)
    assert data.startswith(PNG_SIGNATURE)
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "PNG"
        assert image.size == (WIDTH_PX, HEIGHT_PX)
    assert WIDTH_PX >= 800 and HEIGHT_PX >= 450


def test_one_dark_line_has_a_point_per_entry_and_notes_have_their_own_marker() -> None:
    axes = figure(ENTRIES, NOW).axes[0]
    line, noted = axes.get_lines()
    assert list(line.get_ydata()) == [item.pain for item in ENTRIES]
    assert len(line.get_xdata()) == len(ENTRIES)
    assert list(noted.get_ydata()) == [7, 3]
    assert noted.get_linestyle() == "None"
    assert noted.get_marker() != line.get_marker()
    assert max(to_rgb(line.get_color())) < 0.2  # near black, not a colour to tell apart


def test_the_axes_show_the_whole_scale_and_labels_of_at_least_12_pt() -> None:
    chart = figure(ENTRIES, NOW)
    axes = chart.axes[0]
    assert chart.dpi == DPI
    assert list(axes.get_yticks()) == list(range(11))
    sizes = [axes.xaxis.label.get_size(), axes.yaxis.label.get_size(), axes.title.get_size()]
    sizes += [label.get_size() for label in axes.get_xticklabels() + axes.get_yticklabels()]
    sizes += [text.get_size() for text in axes.get_legend().get_texts()]
    assert min(sizes) >= TICK_PT >= 12


def test_without_notes_there_is_only_the_line() -> None:
    assert len(figure(diary([(0, 5), (1, 4)]), NOW).axes[0].get_lines()) == 1


def test_the_sparkline_has_a_block_per_entry_from_lowest_to_highest() -> None:
    assert sparkline(diary([(0, 0), (1, 5), (2, 10), (3, 7)])) == "▁▅█▆"
