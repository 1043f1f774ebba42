"""Punctuation spoken into a dictated message read as the mark it names.

Speech-to-text keeps "full stop", "comma" and "question mark" as words when a person says them aloud: "my bum's gone
numb comma is that normal question mark". The rules read a question, a clause and a sentence by their marks, so
they read these words as the marks. The offsets of the marked text lead back to the message as typed, so entities
point at the words the person wrote.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

MARKS = {"full stop": ".", "comma": ",", "question mark": "?", "exclamation mark": "!", "exclamation point": "!"}
# A determiner before the words makes them a noun: "a question mark over my back", "put into a comma" (for coma).
SPOKEN_MARK = re.compile(
    r"(?P<noun>\b(?:a|an|the|that|this)\s+)?\s*\b(?P<mark>full stop|comma|question mark|exclamation (?:mark|point))\b",
    re.IGNORECASE,
)
TYPED_OFFSETS = "typed_offsets"  # the Doc's user_data key: each character's offset in the message as typed


def spoken_marks(text: str) -> Iterator[re.Match[str]]:
    """The spoken marks of a text (not the nouns: "a question mark over it")."""
    return (match for match in SPOKEN_MARK.finditer(text) if not match["noun"])


def mark_of(match: re.Match[str]) -> str:
    """The mark that a spoken mark names: "question  Mark" -> "?"."""
    return MARKS[" ".join(match["mark"].lower().split())]


def with_marks_in_place(text: str) -> str:
    """The text with each spoken mark as its mark, padded with spaces to the same length: for readers that keep
    the typed offsets (the intent classifier's tokens, the sentence encoder)."""
    return SPOKEN_MARK.sub(lambda match: match[0] if match["noun"] else mark_of(match).ljust(len(match[0])), text)


def with_spoken_marks(text: str) -> tuple[str, list[int] | None]:
    """The text with its spoken marks as marks, and each character's offset in `text` (with one more, for the
    end); None when nothing was spoken."""
    pieces: list[str] = []
    offsets: list[int] = []
    done = 0
    for match in spoken_marks(text):
        pieces.append(text[done : match.start()])
        offsets.extend(range(done, match.start()))
        pieces.append(mark_of(match))
        offsets.append(match.start("mark"))
        done = match.end()
    if not pieces:
        return text, None
    pieces.append(text[done:])
    offsets.extend(range(done, len(text) + 1))
    return "".join(pieces), offsets


def typed_offset(doc: Doc, offset: int) -> int:
    """A character offset of the doc's text as an offset of the message as typed."""
    offsets = doc.user_data.get(TYPED_OFFSETS)
    return offsets[offset] if offsets else offset
