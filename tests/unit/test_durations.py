"""Durations in days and pain scores from matched spans."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Span
from spacy.util import filter_spans

from components.durations import number, to_days, to_pain_level
from components.language import SPANS_KEY, build_pipeline


def longest(text: str, label: str) -> Span:
    """The single longest span with `label` matched in `text`."""
    doc = build_pipeline()(text)
    spans = filter_spans([span for span in doc.spans[SPANS_KEY] if span.label_ == label])
    assert len(spans) == 1, [span.text for span in spans]
    return spans[0]


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("it has hurt for two weeks", 14.0),
        ("about a month now", 30.0),
        ("since yesterday", 1.0),
        ("my back has hurt for 3 days", 3.0),
        ("for a week", 7.0),
        ("48 hours", 2.0),
        ("48hrs", 2.0),
        ("2wks", 14.0),
        ("a couple of days", 2.0),
        ("a few weeks", 21.0),
        ("few days", 3.0),
        ("half a day", 0.5),
        ("3 or 4 weeks", 28.0),
        ("since last week", 7.0),
        ("since this morning", 0.5),
        ("a fortnight", 14.0),
        ("thirty days", 30.0),
        ("Two Years", 730.0),
    ],
)
def test_to_days(text: str, days: float) -> None:
    assert to_days(longest(text, "duration")) == days


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("since Saturday", 2.0),
        ("since the weekend", 2.0),
        ("since training on tuesday", 6.0),
        ("since last thurs", 4.0),
        ("since Monday", 7.0),  # said on a Monday: a week ago
        ("since weds", 5.0),
    ],
)
def test_since_a_day_of_the_week_counts_back_to_it(text: str, days: float) -> None:
    monday = date(2026, 11, 30)
    assert monday.weekday() == 0
    assert to_days(longest(text, "duration"), today=monday) == days


def test_to_days_without_an_amount_is_none() -> None:
    doc = build_pipeline()("for weeks")
    assert to_days(Span(doc, 1, 2, label="duration")) is None


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("about 6/10", 6),
        ("7 / 10", 7),
        ("8 out of 10", 8),
        ("seven out of ten", 7),
        ("my pain is a 6", 6),
        ("the pain is about a five", 5),
        ("6 on a scale", 6),
        ("about a 5/10", 5),
        ("pain level 4", 4),
        ("I'd rate it a 9", 9),
        ("it's a 3 today", 3),
        ("0/10", 0),
        ("7.5/10", 8),
        ("11/10", 10),
    ],
)
def test_to_pain_level(text: str, level: int) -> None:
    assert to_pain_level(longest(text, "pain_level")) == level


def test_to_pain_level_without_a_number_is_none() -> None:
    doc = build_pipeline()("pain is bad")
    assert to_pain_level(Span(doc, 0, 3, label="pain_level")) is None


@pytest.mark.parametrize(
    ("word", "value"),
    [("3", 3.0), ("1.5", 1.5), ("three", 3.0), ("twenty", 20.0), ("forty", 40.0), ("ninety", 90.0), ("7/10", 7.0)],
)
def test_number(word: str, value: float) -> None:
    assert number(build_pipeline().make_doc(word)[0]) == value


def test_number_of_a_word_is_none() -> None:
    assert number(build_pipeline().make_doc("weeks")[0]) is None
