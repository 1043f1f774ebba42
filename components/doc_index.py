"""A doc's lowercased texts and sentence starts, made once per doc, so that reading a sentence's words for each of
its mentions costs a slice, not a walk over spaCy tokens: a 5,000-character sentence full of signs took time growing
with the square of its mentions (`python -m bench.long_messages`)."""

from __future__ import annotations

from dataclasses import dataclass
from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Span


@dataclass(frozen=True)
class DocIndex:
    """The doc's text as written; every token's text, lowercased; the tokens' with None for punctuation; and the
    index of the first token of each token's sentence."""

    text: str
    texts: tuple[str, ...]
    words: tuple[str | None, ...]
    sentence_starts: tuple[int, ...]


_CACHE: WeakKeyDictionary[Doc, DocIndex] = WeakKeyDictionary()


def doc_index(doc: Doc) -> DocIndex:
    """The doc's index, made on first use."""
    cached = _CACHE.get(doc)
    if cached is None or len(cached.texts) != len(doc):
        starts = [0] * len(doc)
        for sentence in doc.sents:
            starts[sentence.start : sentence.end] = [sentence.start] * len(sentence)
        cached = DocIndex(
            doc.text,
            tuple(token.lower_ for token in doc),
            tuple(None if token.is_punct else token.lower_ for token in doc),
            tuple(starts),
        )
        _CACHE[doc] = cached
    return cached


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
