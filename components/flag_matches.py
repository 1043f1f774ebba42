"""A doc's pattern matches indexed by flag, made once per doc, so that checking each mention reads only its own
flag's matches: a long message full of signs took time growing with the square of its mentions."""

from __future__ import annotations

from dataclasses import dataclass
from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Span

from components.doc_index import made_once
from components.language import SPANS_KEY
from components.red_flags import CONFIRMING, DISMISSER_LABELS, LONG_AGO, OVER


@dataclass(frozen=True)
class FlagMatches:
    """Every match as (label, flag id, start, end); each flag's look-alikes; the flags with a CONFIRMING cue; the
    LONG_AGO and OVER matches of a past episode, by label."""

    words: frozenset[tuple[str, str, int, int]]
    dismissers: dict[str, list[Span]]
    confirmed: frozenset[str]
    past_episode: dict[str, list[Span]]


_INDEXES: WeakKeyDictionary[Doc, tuple[int, FlagMatches]] = WeakKeyDictionary()


def flag_matches(doc: Doc) -> FlagMatches:
    """The doc's index, made again only if its matches changed since."""
    group = doc.spans[SPANS_KEY]
    return made_once(_INDEXES, doc, len(group), lambda: _index(list(group)))


def _index(group: list[Span]) -> FlagMatches:
    dismissers: dict[str, list[Span]] = {}
    past_episode: dict[str, list[Span]] = {LONG_AGO: [], OVER: []}
    for span in group:
        if span.label_ in DISMISSER_LABELS:
            dismissers.setdefault(span.id_, []).append(span)
        elif span.label_ in past_episode:
            past_episode[span.label_].append(span)
    return FlagMatches(
        frozenset((span.label_, span.id_, span.start, span.end) for span in group),
        dismissers,
        frozenset(span.id_ for span in group if span.label_ == CONFIRMING),
        past_episode,
    )


def look_alikes(span: Span) -> list[Span]:
    """The matches of the span's flag that dismiss it where they reach (DISMISSER_LABELS)."""
    return flag_matches(span.doc).dismissers.get(span.id_, [])
