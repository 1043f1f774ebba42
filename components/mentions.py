"""Which red-flag mentions in a doc count: those the person states, not negated and not about someone else."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from components.language import SPANS_KEY
from components.negation import is_negated

RED_FLAG_ROLES = {"RED_FLAG_EMERGENCY": "emergency", "RED_FLAG_URGENT": "urgent"}
# A red flag inside a NOT_RED_FLAG match is about someone else ("my mum had cancer").
NOT_RED_FLAG = "NOT_RED_FLAG"


def _blocked(span: Span, blockers: list[Span]) -> bool:
    """True when the span lies inside one of the NOT_RED_FLAG matches."""
    return any(blocker.start <= span.start and span.end <= blocker.end for blocker in blockers)


def about_someone_else(doc: Doc) -> list[Span]:
    """The NOT_RED_FLAG matches of a doc: a sign put on someone else ("my dad had cancer")."""
    return [span for span in doc.spans[SPANS_KEY] if span.label_ == NOT_RED_FLAG]


def red_flag_mentions(doc: Doc) -> tuple[list[Span], list[Span]]:
    """The red-flag matches of a doc from `build_pipeline`, split into (stated, dismissed).

    Dismissed mentions are negated ("no numbness") or about someone else ("my dad had cancer").
    Both lists are in text order, longest match first at each start.
    """
    blockers = about_someone_else(doc)
    stated: list[Span] = []
    dismissed: list[Span] = []
    for span in sorted(doc.spans[SPANS_KEY], key=lambda span: (span.start, -len(span))):
        if span.label_ in RED_FLAG_ROLES:
            (dismissed if is_negated(span) or _blocked(span, blockers) else stated).append(span)
    return stated, dismissed
