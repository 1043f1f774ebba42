"""A doc's pattern matches indexed by flag, made once per doc, so that checking each mention reads only its own
flag's matches: a long message full of signs took time growing with the square of its mentions."""

from __future__ import annotations

from dataclasses import dataclass
from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Span

from components.doc_index import made_once
from components.language import SPANS_KEY
from components.red_flags import CONFIRMING, DISMISSER_LABELS


@dataclass(frozen=True)
class FlagMatches:
    """Every match as (label, flag id, start, end); each flag's look-alikes; the flags with a CONFIRMING cue."""

    words: frozenset[tuple[str, str, int, int]]
    dismissers: dict[str, list[Span]]
    confirmed: frozenset[str]


_INDEXES: WeakKeyDictionary[Doc, tuple[int, FlagMatches]] = WeakKeyDictionary()


def flag_matches(doc: Doc) -> FlagMatches:
    """The doc's index, made again only if its matches changed since."""
    group = doc.spans[SPANS_KEY]
    return made_once(_INDEXES, doc, len(group), lambda: _index(list(group)))


def _index(group: list[Span]) -> FlagMatches:
    dismissers: dict[str, list[Span]] = {}
    for span in group:
        if span.label_ in DISMISSER_LABELS:
            dismissers.setdefault(span.id_, []).append(span)
    return FlagMatches(
        frozenset((span.label_, span.id_, span.start, span.end) for span in group),
        dismissers,
        frozenset(span.id_ for span in group if span.label_ == CONFIRMING),
    )


def look_alikes(span: Span) -> list[Span]:
    """The matches of the span's flag that dismiss it where they reach (DISMISSER_LABELS)."""
    return flag_matches(span.doc).dismissers.get(span.id_, [])
