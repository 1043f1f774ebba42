"""A doc's lowercased texts and sentence starts, made once per doc, so that reading a sentence's words for each of
its mentions costs a slice, not a walk over spaCy tokens: a 5,000-character sentence full of signs took time growing
with the square of its mentions (`python -m bench.long_messages`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar
from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Span

Made = TypeVar("Made")


@dataclass(frozen=True)
class DocIndex:
    """The doc's text as written; every token's text, lowercased; the tokens' with None for punctuation; and the
    index of the first token of each token's sentence."""

    text: str
    texts: tuple[str, ...]
    words: tuple[str | None, ...]
    sentence_starts: tuple[int, ...]


_INDEXES: WeakKeyDictionary[Doc, tuple[int, DocIndex]] = WeakKeyDictionary()


def made_once(cache: WeakKeyDictionary[Doc, tuple[int, Made]], doc: Doc, size: int, make: Callable[[], Made]) -> Made:
    """What `make` gives for the doc, made on first use and again only when `size` (of the doc, or of what was
    matched in it) changed since."""
    cached = cache.get(doc)
    if cached is not None and cached[0] == size:
        return cached[1]
    made = make()
    cache[doc] = (size, made)
    return made


def doc_index(doc: Doc) -> DocIndex:
    """The doc's index, made on first use."""
    return made_once(_INDEXES, doc, len(doc), lambda: _index(doc))


def _index(doc: Doc) -> DocIndex:
    starts = [0] * len(doc)
    for sentence in doc.sents:
        starts[sentence.start : sentence.end] = [sentence.start] * len(sentence)
    return DocIndex(
        doc.text,
        tuple(token.lower_ for token in doc),
        tuple(None if token.is_punct else token.lower_ for token in doc),
        tuple(starts),
    )


def text_after(span: Span, end: int) -> str:
    """The lowercased text from the token after the span to token `end` (empty when there is none); the slice is
    lowercased, not the doc's text, since lowercasing may change a text's length ("İ")."""
    if span.end >= end:
        return ""
    doc = span.doc
    return doc_index(doc).text[doc[span.end].idx : doc[end - 1].idx + len(doc[end - 1])].lower()


def texts_of(span: Span) -> tuple[str, ...]:
    """The span's tokens, lowercased."""
    return doc_index(span.doc).texts[span.start : span.end]


def words_of(span: Span) -> list[str]:
    """The span's tokens that are not punctuation, lowercased."""
    return list(filter(None, doc_index(span.doc).words[span.start : span.end]))


def same_sentence(one: Span, other: Span) -> bool:
    """True when both spans start in the same sentence."""
    starts = doc_index(one.doc).sentence_starts
    return starts[one.start] == starts[other.start]
