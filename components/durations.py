"""Normalise matched duration and pain-level spans to numbers."""

from __future__ import annotations

import re
from datetime import date

from spacy.lang.en.lex_attrs import _num_words
from spacy.tokens import Span, Token

from components.pain_scale import PAIN_SCALE_MAX

# _num_words runs zero..twenty (index = value), then thirty..ninety (index 21..27).
NUMBER_WORDS = {word: index if index <= 20 else (index - 18) * 10 for index, word in enumerate(_num_words[:28])}
QUANTIFIERS = {"a": 1.0, "an": 1.0, "couple": 2.0, "few": 3.0, "several": 3.0}
HALF = "half"
UNIT_DAYS = {
    "h": 1 / 24,
    "hr": 1 / 24,
    "hour": 1 / 24,
    "d": 1.0,
    "day": 1.0,
    "wk": 7.0,
    "week": 7.0,
    "fortnight": 14.0,
    "mth": 30.0,
    "month": 30.0,
    "yr": 365.0,
    "year": 365.0,
}
FIXED_DAYS_PREFIX = "days:"
WEEKDAY_ID = "weekday"  # "since Tuesday", "since the weekend": days back to that day
DAY_NAMES = (
    ("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed", "weds"), ("thursday", "thu", "thur", "thurs"),
    ("friday", "fri"), ("saturday", "sat", "weekend"), ("sunday", "sun"),
)  # fmt: skip
WEEKDAYS = {name: index for index, names in enumerate(DAY_NAMES) for name in names}
NUMBER_WITH_UNIT = re.compile(r"(\d+(?:\.\d+)?)([a-z]+)")


def number(token: Token) -> float | None:
    """The value of a number written as digits ("3", "1.5"), a word ("three") or a score ("7/10")."""
    text = token.lower_.split("/", 1)[0]
    try:
        return float(text)
    except ValueError:
        value = NUMBER_WORDS.get(text)
        return None if value is None else float(value)


def unit_days(word: str) -> float | None:
    """Days in one unit written as a word or abbreviation ("weeks", "hrs", "d")."""
    word = word.lower()
    return UNIT_DAYS.get(word, UNIT_DAYS.get(word.rstrip("s")))


def days_since(weekday: int, today: date | None = None) -> float:
    """Whole days back to the last such weekday (a week for today's own name: "since Monday" said on a Monday)."""
    return float((((today or date.today()).weekday() - weekday) % 7) or 7)


def to_days(span: Span, today: date | None = None) -> float | None:
    """Days described by a duration span, or None when it gives no amount.

    A pattern id "days:N" fixes the value ("since yesterday"). Otherwise the last count before
    the unit wins, so a range ("3 or 4 days") reads as its upper end and "a couple of" as 2;
    "half" halves it. "48hrs" and "2wks" are read as one token.
    """
    if span.id_.startswith(FIXED_DAYS_PREFIX):
        return float(span.id_.removeprefix(FIXED_DAYS_PREFIX))
    if span.id_ == WEEKDAY_ID:
        return next((days_since(WEEKDAYS[token.lower_], today) for token in span if token.lower_ in WEEKDAYS), None)
    count, factor, days = None, 1.0, None
    for token in span:
        joined = NUMBER_WITH_UNIT.fullmatch(token.lower_)
        if joined:
            count, days = float(joined.group(1)), unit_days(joined.group(2))
        elif token.lower_ == HALF:
            factor = 0.5
        elif unit_days(token.lower_) is not None:
            days = unit_days(token.lower_)
        else:
            value = QUANTIFIERS.get(token.lower_, number(token))
            count = count if value is None else value
    if count is None or days is None:
        return None
    return count * factor * days


def to_pain_level(span: Span) -> int | None:
    """The 0-10 pain score in a pain-level span ("7/10", "8 out of 10", "pain is a six").

    The first number is the score, rounded to the nearest whole number. Scores above 10
    ("11/10") mean the worst pain imaginable and read as 10; a span without a number gives None.
    """
    for token in span:
        value = number(token)
        if value is not None:
            return min(int(value + 0.5), PAIN_SCALE_MAX)
    return None
