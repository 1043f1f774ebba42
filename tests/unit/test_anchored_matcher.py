"""The anchored span ruler finds exactly what spaCy's own SpanRuler finds, trying fewer patterns."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from spacy.language import Language

from components.anchored_matcher import AnchoredMatcher, AnchoredSpanRuler, anchor_of
from components.language import (
    LEMMA_PIPES,
    SPAN_RULER_CONFIG,
    SPANS_KEY,
    build_pipeline,
    pipeline_from_patterns,
    source_patterns,
)

BLIND = Path(__file__).resolve().parents[1] / "blind"
EVERY_NTH_TEXT = 8  # an eighth of the first messages keeps this test to seconds


def first_messages() -> list[str]:
    """Every EVERY_NTH_TEXT-th red flag and look-alike of the blind first-message suites."""
    texts = []
    for path in sorted(BLIND.glob("red_flags*.yml")):
        suite = yaml.safe_load(path.read_text())
        texts += [case["text"] for case in suite["red_flags"] + suite["safe"]]
    return texts[::EVERY_NTH_TEXT]


@pytest.fixture(scope="module")
def stock() -> Language:
    """The same pipeline with spaCy's own span ruler."""
    nlp = pipeline_from_patterns(source_patterns())
    ruler = nlp.replace_pipe("span_ruler", "span_ruler", config=SPAN_RULER_CONFIG)
    with nlp.select_pipes(disable=list(LEMMA_PIPES)):
        ruler.add_patterns(source_patterns())
    return nlp


def spans(nlp: Language, text: str) -> list[tuple[int, int, str, str]]:
    doc = nlp(text)
    return [(span.start, span.end, span.label_, span.id_) for span in doc.spans[SPANS_KEY]]


def test_the_anchored_ruler_finds_what_spacys_ruler_finds(stock: Language) -> None:
    anchored = build_pipeline()
    assert isinstance(anchored.get_pipe("span_ruler"), AnchoredSpanRuler)
    assert not isinstance(stock.get_pipe("span_ruler"), AnchoredSpanRuler)
    texts = first_messages()
    assert len(texts) > 400
    assert [spans(anchored, text) for text in texts] == [spans(stock, text) for text in texts]


def test_most_patterns_wait_for_their_anchor_word() -> None:
    token_patterns = [pattern["pattern"] for pattern in source_patterns() if isinstance(pattern["pattern"], list)]
    unanchored = [pattern for pattern in token_patterns if anchor_of(pattern) is None]
    assert isinstance(build_pipeline().get_pipe("span_ruler").matcher, AnchoredMatcher)
    assert len(unanchored) < len(token_patterns) / 10


@pytest.mark.parametrize(
    ("pattern", "anchor"),
    [
        # the required token with the fewest words
        ([{"LOWER": {"IN": ["wet", "soiled"]}}, {"LOWER": "myself"}], ("LOWER", frozenset({"myself"}))),
        # "?" and "*" tokens may be missing from a match; "+" ones may not
        ([{"LOWER": "very", "OP": "?"}, {"LEMMA": {"IN": ["numb", "dead"]}, "OP": "+"}],
         ("LEMMA", frozenset({"numb", "dead"}))),
        # a LOWER word in capitals is looked for in both cases
        ([{"LOWER": "NHS"}], ("LOWER", frozenset({"NHS", "nhs"}))),
        # a regex or a number names no word
        ([{"LOWER": {"REGEX": "^numb"}}, {"LIKE_NUM": True}], None),
        ([{"LOWER": "really", "OP": "*"}], None),
    ],
)  # fmt: skip
def test_the_anchor_of_a_pattern(pattern: list[dict], anchor: tuple[str, frozenset[str]] | None) -> None:
    assert anchor_of(pattern) == anchor


def test_a_message_without_the_anchor_word_is_not_tried_with_that_pattern() -> None:
    nlp = build_pipeline()
    matcher = AnchoredMatcher(nlp.vocab)
    matcher.add("wet", [[{"LOWER": "wet", "OP": "?"}, {"LOWER": "myself"}]])
    assert [(start, end) for _, start, end in matcher(nlp.make_doc("I wet myself"))] == [(1, 3), (2, 3)]
    assert matcher(nlp.make_doc("I wet the bed")) == []
