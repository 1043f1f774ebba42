"""The diary's one-line summary and trend (diary/summary.py)."""

from __future__ import annotations

import pytest

from diary.summary import summary_line
from tests.unit.diary_entries import diary


@pytest.mark.parametrize(
    ("days_and_pains", "line"),
    [
        ([(0, 7), (3, 8), (6, 5), (9, 4)], "4 entries over 9 days: down from 7 to 4."),
        ([(0, 3), (1, 6)], "2 entries over 1 day: up from 3 to 6."),
        ([(0, 5), (2, 3), (4.4, 5)], "3 entries over 4 days: steady at 5."),
        ([(0, 6.5), (0.25, 6)], "2 entries over less than a day: down from 6.5 to 6."),
        ([(0, 5)], "1 entry: pain 5."),
    ],
)
def test_the_line_counts_entries_and_days_and_gives_the_trend(
    days_and_pains: list[tuple[float, float]], line: str
) -> None:
    assert summary_line(diary(days_and_pains)) == line


def test_an_empty_diary_has_no_line() -> None:
    assert summary_line([]) is None
