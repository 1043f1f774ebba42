"""Reading a diary entry from a message: "pain 6 today", "it's a 3 now", "6/10", "/log 6 stiff after gardening".

The score is read by the symptom check's reader (actions.typed_answers.pain_score: digits or words,
"a six", "8/10"), so both read a score alike. That import brings spaCy (for the number words), which
the action server, where entries are logged, has loaded already; the rest of diary/ does without it.
The note is what the message says besides the score, less the words around it ("pain", "today").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from actions.typed_answers import SCORE, pain_score
from components.durations import NUMBER_WORDS
from components.pain_scale import PAIN_SCALE_MAX

DIGITS = re.compile(r"\d+(?:\.\d+)?")
WORD = re.compile(r"[a-z]+")
OUT_OF = re.compile(r"^\s*(?:/\s*10|out\s+of\s+(?:10|ten))\b", re.IGNORECASE)
# Words that only frame the score: "my pain is about a 6 right now", "seven-ish today".
FRAME_WORDS = (
    "pain", "my", "back", "is", "it's", "its", "it", "i'd", "i", "say", "rate", "level", "score", "about", "around",
    "a", "an", "at", "of", "ish", "now", "right", "today", "tonight", "this", "morning", "afternoon", "evening",
)  # fmt: skip
_FRAME = rf"(?:[\s,.;:!?/-]|\b(?:{'|'.join(sorted(FRAME_WORDS, key=len, reverse=True))})\b)+"
FRAME_BEFORE = re.compile(_FRAME + "$", re.IGNORECASE)
FRAME_AFTER = re.compile("^" + _FRAME, re.IGNORECASE)
# When, at the end of a note: "stiff after gardening today".
WHEN_AT_END = re.compile(
    r"(?:[\s,.;:!?-]|\b(?:right now|now|today|tonight|this (?:morning|afternoon|evening))\b)+$", re.IGNORECASE
)
# Words that ask for the entry to be kept, wherever they stand: "can you log my pain as 4 in my diary for me".
REQUEST_WORDS = re.compile(
    r"\b(?:(?:can|could|would|will) you|please|pls|for me|for today|today'?s|pain (?:check|score|level)"
    r"|(?:to|in|into|on) (?:my )?(?:pain )?(?:diary|log)|diary"
    r"|(?:log|record|add|put|save|write down|note down|note|track|enter)(?: down)?(?: (?:my|a|an|the))?(?: pain)?"
    r"(?: (?:as|at|of))?|(?:up|down) to(?: an?)?)\b:?",
    re.IGNORECASE,
)


class Reason(Enum):
    """Why a message could not be logged; the channel answers with a friendly correction for each."""

    OUT_OF_RANGE = "out_of_range"  # "pain 12"
    NO_NUMBER = "no_number"  # "pain lots"


@dataclass(frozen=True)
class Reading:
    """A score from 0 to 10 and what else the message said, if anything."""

    pain: float
    note: str | None


@dataclass(frozen=True)
class Correction:
    """A message that holds no score to log: the reason, and the number read when it was out of range."""

    reason: Reason
    number: float | None = None


def read_entry(text: str) -> Reading | Correction:
    """The entry a log message gives, or why it gives none."""
    score = pain_score(text)
    if score is None:
        number = _any_number(text)
        return Correction(Reason.NO_NUMBER if number is None else Reason.OUT_OF_RANGE, number)
    if score > PAIN_SCALE_MAX:  # "10.5"
        return Correction(Reason.OUT_OF_RANGE, score)
    start, end = _score_span(text, score)
    before = _tidy(FRAME_BEFORE.sub("", REQUEST_WORDS.sub(" ", text[:start])))
    after = OUT_OF.sub("", text[end:], count=1)
    after = _tidy(WHEN_AT_END.sub("", FRAME_AFTER.sub("", REQUEST_WORDS.sub(" ", after))))
    note = " ".join(part for part in (before, after) if part)
    return Reading(score, note or None)


def _tidy(part: str) -> str:
    """A part of the note with single spaces and no punctuation left at its ends."""
    return re.sub(r"\s{2,}", " ", part).strip(" ,.;:!?-")


def _score_span(text: str, score: float) -> tuple[int, int]:
    """Where in the text pain_score found the score: its first digits, else the first word for it."""
    digits = SCORE.search(text)
    if digits:
        return digits.span()
    return next(word.span() for word in WORD.finditer(text.lower()) if NUMBER_WORDS.get(word.group()) == score)


def _any_number(text: str) -> float | None:
    """The first number in digits, else in words, of a text whose score pain_score could not read ("12")."""
    digits = DIGITS.search(text)
    if digits:
        return float(digits.group())
    return next((float(NUMBER_WORDS[word]) for word in WORD.findall(text.lower()) if word in NUMBER_WORDS), None)
