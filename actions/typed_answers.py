"""Read a typed answer in the context of the question it answers: yes or no in words, scores in words."""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from components.durations import NUMBER_WORDS
from components.language import source_patterns
from components.pain_scale import PAIN_SCALE_MAX

WORDS = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:\.\d+)?")
# fmt: off
YES_WORDS = {
    "yes", "yeah", "yea", "yep", "yup", "ya", "yah", "aye", "sure", "definitely", "correct", "affirmative", "indeed",
    "absolutely", "certainly", "true", "y",
}  # not "ok": "ok thanks" acknowledges, it does not say yes to a list of warning signs
NO_WORDS = {"no", "nope", "nah", "naw", "none", "never", "neither", "negative", "nothing", "n"}
YES_PHRASES = (
    "i do", "i have", "it does", "it is", "kind of", "sort of", "a bit", "a little", "one of these", "i think so",
)
NO_PHRASES = (
    "not really", "not at all", "i don't", "i dont", "i haven't", "i havent", "it doesn't", "it doesnt", "none of",
    "don't think so", "dont think so", "not that i know",
)
# Answers to "is it getting better?" beyond yes and no.
NOT_EASING = (
    "nothing helps", "nothing works", "nothing is helping", "nothing's helping", "not helping", "doesn't help",
    "doesnt help", "don't help", "dont help", "no better", "not better", "not getting better", "getting worse",
    "worse", "no change", "not working", "doesn't work", "doesnt work", "same as before", "still the same",
)
EASING = (
    "easing", "eased", "eases", "easier", "getting better", "bit better", "little better", "better", "helps",
    "helping", "improving", "improved", "improves", "settles", "settling", "calms down", "not yet", "only just",
    "too early", "too soon", "early days",  # simple treatment has not failed yet
)
# "haven't tried", "havnt tried", "didnt try", "never used": typed without the apostrophe too
NOT_TRIED = re.compile(
    r"(?:\bnot|n't|\bnt|\bnever|\b(?:havn|haven|hvn|didn|din|hasn)t)(?:\W+[\w']+){0,3}?\W+(?:tried|try|used|taken)\b"
)
# Answers to "does it keep coming back?" beyond yes and no.
RECURS = (
    "on and off", "off and on", "keeps coming back", "comes and goes", "come and go", "every", "again", "always",
    "all the time", "for years", "few times", "times a", "regularly", "a lot", "often", "recurring",
)
NEW = (
    "first time", "never before", "never had", "never happened", "this is new", "brand new", "not before",
    "constant", "constantly", "never goes", "never gone", "doesn't go away", "won't go away", "hasn't gone",
)
# fmt: on
# A bare "ok" acknowledges the question; the classifier may call it a yes, but it answers no yes-or-no question.
ACKNOWLEDGEMENT = re.compile(r"^\W*(?:ok(?:ay)?|k|kk|alright|right)\W*$", re.IGNORECASE)
BODY_PART_CUTOFF = 0.75  # how close a typed place must come to a known one ("lowr back" to "lower back")
SCORE = re.compile(r"(?<![\d.])(10|[0-9])(?:\.\d+)?(?![\d.])")


def _words(text: str) -> list[str]:
    """Lowercase words and numbers, with "-ish" and similar suffixes split off ("seven-ish")."""
    return WORDS.findall(text.lower().replace("-", " "))


def _has_phrase(text: str, phrases: tuple[str, ...]) -> bool:
    """True when one of the phrases occurs as whole words."""
    padded = f" {' '.join(_words(text))} "
    return any(f" {phrase} " in padded for phrase in phrases)


def yes_or_no(text: str) -> bool | None:
    """True for a yes in words, False for a no, None when the text says neither or both."""
    words = _words(text)
    says_no = _has_phrase(text, NO_PHRASES) or any(word in NO_WORDS for word in words[:3])
    says_yes = _has_phrase(text, YES_PHRASES) or any(word in YES_WORDS for word in words[:3])
    if says_no == says_yes:
        return None
    return says_yes


def acknowledges_only(text: str) -> bool:
    """True for "ok", "okay", "alright" and the like alone: no answer to a yes-or-no question."""
    return bool(ACKNOWLEDGEMENT.match(text))


def is_easing(text: str) -> bool | None:
    """The answer to "is it getting better?": "nothing helps" is False; "easing a bit" and "haven't tried
    anything yet" are True (simple treatment has not failed)."""
    if _has_phrase(text, NOT_EASING):
        return False
    if _has_phrase(text, EASING) or NOT_TRIED.search(" ".join(_words(text))):
        return True
    return yes_or_no(text)


def keeps_coming_back(text: str) -> bool | None:
    """The answer to "does it keep coming back?": "on and off for years" is True, "first time" False."""
    if _has_phrase(text, NEW):
        return False
    if _has_phrase(text, RECURS):
        return True
    return yes_or_no(text)


def pain_score(text: str) -> float | None:
    """A 0-10 score written as digits or words ("7", "a six", "seven-ish", "8/10"); None when there is none."""
    match = SCORE.search(text)
    if match:
        return float(match.group(0))
    for word in _words(text):
        value = NUMBER_WORDS.get(word)
        if value is not None and value <= PAIN_SCALE_MAX:
            return float(value)
    return None


@lru_cache(maxsize=1)
def body_part_names() -> dict[str, str]:
    """Every place named by a body_part phrase pattern of data/patterns/, with the place it stands for."""
    return {
        pattern["pattern"]: pattern["id"]
        for pattern in source_patterns()
        if pattern["label"] == "body_part" and isinstance(pattern["pattern"], str)
    }


def body_part(text: str) -> str | None:
    """The place a short answer to "where is the pain?" names, typos and all; None when it names none."""
    names = body_part_names()
    close = difflib.get_close_matches(" ".join(_words(text)), list(names), n=1, cutoff=BODY_PART_CUTOFF)
    return names[close[0]] if close else None
