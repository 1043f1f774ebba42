"""Misspelt words read as the pattern word they are one slip away from: "sweling" as swelling, "injectin" as
injecting, "fevor" as fever. People in pain type on phones, and some have dyslexia.

A word is corrected only when English text almost never has it (the word frequencies in spacy-lookups-data) and
one slip (a letter left out, added, changed or two swapped, the first letter kept) turns it into a word of five
letters or more of the patterns (the commonest, if several). Only words in lowercase or in capitals are read: a
capitalised word may be a name. A few short slips too common to leave are read from a list: "cant feal my legs",
"a sweling on my lower bak".
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import numpy as np
import spacy_lookups_data
import srsly
from spacy.strings import hash_string
from spacy.tokens import Doc

# Words rarer than this natural-log frequency (about 1 in 66 million words) are likely misspellings: "fevor" (-19.3)
# and "sweling" (absent) are. Real words between -15 and -18 were read as red-flag words in a review ("chillis" as
# chills, "tudor" as tumor, "flue" as flu), so "befor" (-15.2) and "myslef" (-16.5) are left as typed.
RARE = -18.0
MIN_LETTERS = 5  # in the word typed: "crsh" and the Urdu "dard" (pain, not DMARD) are left as typed
LETTERS = string.ascii_lowercase
# A word meant has at least this many letters: short ones are often people (a slip read as "dad" puts the signs on
# him) and acronyms ("cid" as CVID).
MIN_MEANT = 5
SHORT_SLIPS = {"feal": "feel", "bak": "back", "bck": "back", "bakc": "back"}


class CommonWords:
    """The words, lowercased, that English text has more often than RARE, with their log frequencies. Kept as
    sorted 64-bit hashes (2 MB), not as a dict of 157,000 strings (about 50 MB in every process that reads
    messages)."""

    def __init__(self, frequencies: dict[str, float]) -> None:
        best: dict[int, float] = {}
        for word, log_frequency in frequencies.items():
            if log_frequency >= RARE:
                key = hash_string(word.lower())
                best[key] = max(log_frequency, best.get(key, RARE))
        self.keys = np.array(sorted(best), dtype=np.uint64)
        self.log_frequencies = np.array([best[key] for key in self.keys.tolist()], dtype=np.float32)

    def log_frequency(self, word: str) -> float | None:
        """The word's log frequency, or None when it is rarer than RARE."""
        key = np.uint64(hash_string(word))
        at = int(np.searchsorted(self.keys, key))
        return float(self.log_frequencies[at]) if at < len(self.keys) and self.keys[at] == key else None

    def __contains__(self, word: str) -> bool:
        return self.log_frequency(word) is not None


@lru_cache(maxsize=1)
def common_words() -> CommonWords:
    """The common words of spacy-lookups-data's frequency table, read once per process."""
    return CommonWords(srsly.read_gzip_json(spacy_lookups_data.get_file("en_lexeme_prob.json.gz")))


def one_slip_away(word: str) -> set[str]:
    """Every word one letter left out, added, changed, or two neighbours swapped, from `word`."""
    splits = [(word[:at], word[at:]) for at in range(len(word) + 1)]
    return {
        *(left + right[1:] for left, right in splits if right),
        *(left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1),
        *(left + letter + right[1:] for left, right in splits if right for letter in LETTERS),
        *(left + letter + right for left, right in splits for letter in LETTERS),
    } - {word}


def pattern_words(patterns: Iterable[dict[str, Any]]) -> frozenset[str]:
    """The lowercase words the patterns look for, and every inflection of the lemmas they look for."""
    lowers: set[str] = set()
    lemmas: set[str] = set()
    for pattern in patterns:
        if isinstance(pattern["pattern"], str):
            lowers.update(pattern["pattern"].lower().split())
            continue
        for token in pattern["pattern"]:
            for attr, words in (("LOWER", lowers), ("LEMMA", lemmas)):
                value = token.get(attr)
                words.update([value] if isinstance(value, str) else value.get("IN", []) if value else [])
    lemma_of = srsly.read_gzip_json(spacy_lookups_data.get_file("en_lemma_lookup.json.gz"))
    inflections = {form for form, lemma in lemma_of.items() if lemma in lemmas}
    return frozenset(word for word in lowers | lemmas | inflections if word.isalpha())


def may_be_a_slip(text: str) -> bool:
    """A word typed in lowercase or in capitals: a capitalised word may be a name."""
    return text.islower() or text.isupper()


class SpellingFixer:
    """A pipeline step that gives a misspelt word the lowercase form of the pattern word it nearly is, so
    LOWER and LEMMA patterns match it. The decision depends on the word alone, so it is kept in the
    vocabulary: the next message with the same slip costs nothing."""

    def __init__(self, targets: frozenset[str] = frozenset()) -> None:
        self.targets = targets  # pipeline_from_patterns sets the words of its patterns
        self.common = common_words()
        self.seen: set[int] = set()

    @property
    def targets(self) -> frozenset[str]:
        """The pattern words a slip may be read as."""
        return self._targets

    @targets.setter
    def targets(self, words: frozenset[str]) -> None:
        self._targets = words
        # A longer word is more than one slip from every target: a 2,000-letter "word" took seconds to expand.
        self.longest_slip = max(map(len, words), default=0) + 1

    def correction(self, word: str) -> str | None:
        """The commonest pattern word one slip away from `word`, if `word` is rare enough to be a slip."""
        if word in SHORT_SLIPS:
            return SHORT_SLIPS[word]
        too_short_or_long = not MIN_LETTERS <= len(word) <= self.longest_slip
        if too_short_or_long or not word.isalpha() or word in self.targets or word in self.common:
            return None
        if word.endswith("in") and f"{word}g" in self.targets:  # the commonest slip: "injectin", "bendin"
            return f"{word}g"
        near = {target for target in one_slip_away(word) & self.targets if target[0] == word[0]}
        near = {target for target in near if len(target) >= MIN_MEANT}
        return max(near, key=lambda target: (self.common.log_frequency(target) or RARE, target)) if near else None

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.orth in self.seen:
                continue
            self.seen.add(token.orth)
            if may_be_a_slip(token.text):
                fixed = self.correction(token.text.lower())
                if fixed:
                    doc.vocab[token.orth].lower_ = fixed
        return doc
