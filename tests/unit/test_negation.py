"""Negation scope: cues before a span, clause boundaries, pseudo-negations and "X is fine" after it."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from components.language import build_pipeline
from components.negation import is_negated


def span_of(text: str, phrase: str) -> Span:
    """The span of the last occurrence of `phrase` in `text`."""
    start = text.rindex(phrase)
    span = build_pipeline()(text).char_span(start, start + len(phrase))
    assert span is not None
    return span


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("no numbness", "numbness"),
        ("I don't have a fever", "fever"),
        ("I dont have a fever", "fever"),
        ("I have not had any chest pain", "chest pain"),
        ("no fever or chills", "chills"),
        ("neither fever nor chills", "chills"),
        ("I have never lost control of my bladder", "lost control of my bladder"),
        ("she denies any numbness", "numbness"),
        ("free of numbness", "numbness"),
        ("my bladder is fine", "bladder"),
        ("my temperature is normal", "temperature"),
        ("Bladder and bowels are both completely normal", "bowels"),
        ("Fever? No.", "Fever"),
        ("numbness: none", "numbness"),
        ("I haven't wet myself", "wet myself"),
        ("no fever and chills", "chills"),
        ("no bumps, lumps or swelling on my spine", "swelling on my spine"),
        ("no fever, chills or sweats", "sweats"),
    ],
)
def test_negated(text: str, phrase: str) -> None:
    assert is_negated(span_of(text, phrase)) is True


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("I wet myself", "wet myself"),
        ("no fever but I wet myself", "wet myself"),
        ("I have no fever and I wet myself", "wet myself"),
        ("no fever and can't feel my bum", "can't feel my bum"),
        ("No fever. I wet myself", "wet myself"),
        ("no fever, I wet myself", "wet myself"),
        ("no fever, my legs are numb and weak", "legs are numb"),
        ("No I wet myself", "wet myself"),
        ("I can't pee", "can't pee"),
        ("I can't feel my bum", "can't feel my bum"),
        ("I'm not sure why my legs are numb", "legs are numb"),
        ("I don't know why I can't pee", "can't pee"),
        ("I can't walk without my legs giving way", "legs giving way"),
        ("I've never had chest pain like this", "chest pain"),
        ("I never thought a simple back spasm could cause numbness", "numbness"),
        ("no idea why I have a fever", "fever"),
        ("my bladder is fine but my legs are numb", "legs are numb"),
        ("my legs are numb", "legs are numb"),
        ("not gonna lie I wet myself", "wet myself"),
        ("Not going to lie my legs are numb", "legs are numb"),
    ],
)
def test_not_negated(text: str, phrase: str) -> None:
    assert is_negated(span_of(text, phrase)) is False


def test_span_at_the_start_and_end_of_the_text() -> None:
    doc = build_pipeline()("fever")
    assert is_negated(doc[0:1]) is False
