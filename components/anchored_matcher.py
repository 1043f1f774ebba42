"""A span ruler whose token patterns are tried only on messages holding a word each pattern needs.

spaCy's Matcher tries every pattern at every token: with some 3,600 red-flag patterns that was a fifth of the Rasa
server's time per message. Most patterns have a token they cannot match without (no "?" or "*"), given as a word or
a list of words (LOWER or LEMMA). Patterns that share that "anchor" go into one small Matcher, run only when the
message holds one of its words; the few patterns without one run on every message. The spans are the same as the
span ruler's own: a pattern can match only where its anchor word is.
"""

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc
from spacy.vocab import Vocab

FACTORY = "anchored_span_ruler"
ANCHOR_ATTRS = ("LOWER", "LEMMA")
REQUIRED_OPS = (None, "+")  # a token with no OP, or "+", is in every match of its pattern

Anchor = tuple[str, frozenset[str]]  # an attribute and the words one of which the message must hold


def token_words(spec: dict[str, Any], attr: str) -> frozenset[str] | None:
    """The words a token spec accepts for attr, if it names them as a word or an IN list."""
    value = spec.get(attr)
    if isinstance(value, str):
        words = [value]
    elif isinstance(value, dict) and list(value) == ["IN"] and all(isinstance(word, str) for word in value["IN"]):
        words = value["IN"]
    else:
        return None
    # Both cases of a LOWER word: more Matchers run, never fewer, however the Matcher compares them.
    return frozenset(words) | frozenset(word.lower() for word in words) if attr == "LOWER" else frozenset(words)


def anchor_of(pattern: list[dict[str, Any]]) -> Anchor | None:
    """The fewest words among the pattern's required tokens that name their words, or None if none does."""
    anchors = [
        (attr, words)
        for spec in pattern
        if spec.get("OP") in REQUIRED_OPS
        for attr in ANCHOR_ATTRS
        if (words := token_words(spec, attr)) is not None
    ]
    return min(anchors, key=lambda anchor: len(anchor[1]), default=None)


def message_words(doc: Doc) -> dict[str, set[str]]:
    """The message's words by anchor attribute, as the Matcher reads them."""
    return {"LOWER": {token.lower_ for token in doc}, "LEMMA": {token.lemma_ for token in doc}}


class AnchoredMatcher:
    """The part of spaCy's Matcher a SpanRuler uses (add and call), running each anchor's patterns only when
    the message holds the anchor's word."""

    def __init__(self, vocab: Vocab, validate: bool = True) -> None:
        self.vocab = vocab
        self.validate = validate
        self.unanchored = Matcher(vocab, validate=validate)
        self.by_anchor: dict[Anchor, Matcher] = {}
        self.anchors_of_word: dict[tuple[str, str], list[Anchor]] = defaultdict(list)

    def add(self, key: str, patterns: Iterable[list[dict[str, Any]]]) -> None:
        """Add patterns under key, each to the Matcher of its anchor."""
        for pattern in patterns:
            self._matcher_for(anchor_of(pattern)).add(key, [pattern])

    def _matcher_for(self, anchor: Anchor | None) -> Matcher:
        if anchor is None:
            return self.unanchored
        if anchor not in self.by_anchor:
            self.by_anchor[anchor] = Matcher(self.vocab, validate=self.validate)
            attr, words = anchor
            for word in words:
                self.anchors_of_word[(attr, word)].append(anchor)
        return self.by_anchor[anchor]

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(match id, start, end) of every match, as Matcher(doc) gives them."""
        present = {
            anchor
            for attr, words in message_words(doc).items()
            for word in words
            for anchor in self.anchors_of_word.get((attr, word), ())
        }
        matches = list(self.unanchored(doc)) if len(self.unanchored) else []
        for anchor in present:
            matches.extend(self.by_anchor[anchor](doc))
        return matches


class AnchoredSpanRuler(SpanRuler):
    """spaCy's SpanRuler with its token patterns in an AnchoredMatcher."""

    def clear(self) -> None:
        super().clear()
        self.matcher = AnchoredMatcher(self.nlp.vocab, validate=self.validate)  # type: ignore[assignment]


# No `from __future__ import annotations` here: spaCy validates factory signatures at runtime.
@Language.factory(FACTORY, assigns=["doc.spans"])
def make_anchored_span_ruler(
    nlp: Language, name: str, spans_key: str, phrase_matcher_attr: str, validate: bool
) -> AnchoredSpanRuler:
    """A span ruler keeping its matches in doc.spans[spans_key], replacing any there (as spaCy's span_ruler does)."""
    return AnchoredSpanRuler(
        nlp, name, spans_key=spans_key, phrase_matcher_attr=phrase_matcher_attr, validate=validate, overwrite=True
    )
