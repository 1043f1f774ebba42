"""Typed answers to the symptom check's questions, read in the context of the question."""

from __future__ import annotations

import pytest

from actions.typed_answers import body_part, is_easing, keeps_coming_back, pain_score, yes_or_no


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yes", True),
        ("Yeah", True),
        ("yep, it does", True),
        ("Yes, it keeps coming back", True),
        ("kind of", True),
        ("no", False),
        ("nope", False),
        ("nah not really", False),
        ("No, this is new", False),
        ("No, none of these", False),
        ("I don't think so", False),
        ("what do you mean?", None),
        ("ok thanks", None),
        ("okay", None),
        ("my lower back", None),
        ("", None),
    ],
)
def test_yes_or_no_in_words(text: str, expected: bool | None) -> None:
    assert yes_or_no(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tried ice and painkillers and nothing helps", False),
        ("no better", False),
        ("it's getting worse", False),
        ("No, nothing helps", False),
        ("Yes, it's easing", True),
        ("ice helps a bit", True),
        ("bit easier with paracetamol", True),
        ("usually settles with a hot water bottle", True),
        ("haven't tried anything yet", True),
        ("haven't really tried either yet, that's why I'm asking", True),
        ("not tried ice", True),
        ("havnt tried anythin yet", True),
        ("didnt try anything", True),
        ("hard to know, it's early days", True),
        ("too soon to say, only took two ibuprofen", True),
        ("yes", True),
        ("nope", False),
        ("dunno", None),
    ],
)
def test_is_it_getting_better(text: str, expected: bool | None) -> None:
    assert is_easing(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7", 7.0),
        ("8/10", 8.0),
        ("a six", 6.0),
        ("seven-ish", 7.0),
        ("dunno maybe a 7", 7.0),
        ("10", 10.0),
        ("about a three today", 3.0),
        ("twenty", None),
        ("it's bad", None),
    ],
)
def test_pain_score_in_digits_or_words(text: str, expected: float | None) -> None:
    assert pain_score(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on and off for years, it's always the same spot", True),
        ("every few weeks", True),
        ("Yes, it keeps coming back", True),
        ("No, this is new", False),
        ("first time ever", False),
        ("never had it before", False),
        ("it's pretty much constant rather than coming and going", False),
        ("yep", True),
        ("my lower back", None),
    ],
)
def test_does_it_keep_coming_back(text: str, expected: bool | None) -> None:
    assert keeps_coming_back(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("lowr back", "lower back"), ("Lower back", "lower back"), ("nek", "neck"), ("I don't know", None), ("yes", None)],
)
def test_a_typed_place_is_read_typos_and_all(text: str, expected: str | None) -> None:
    assert body_part(text) == expected
