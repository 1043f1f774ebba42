"""The shared spaCy pipeline: a blank English tokenizer, sentences, lookup lemmas and the rule patterns."""

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
import srsly
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Token

from components.anchored_matcher import FACTORY as ANCHORED_SPAN_RULER
from components.dictation import TYPED_OFFSETS, with_spoken_marks
from components.red_flags import RED_FLAGS_FILE, span_patterns
from components.spelling import SpellingFixer, pattern_words

DEFAULT_PATTERNS_DIR = Path(__file__).resolve().parent.parent / "data" / "patterns"
SPANS_KEY = "rules"
# The red-flag span ruler's settings, spaCy's own or the anchored one (tests compare the two).
SPAN_RULER_CONFIG = {"spans_key": SPANS_KEY, "phrase_matcher_attr": "LOWER", "validate": True}
MAX_CHARS = 5000  # the rules read this much of a message: a 100 KB message kept the scan busy for minutes
LEMMA_PIPES = ("spelling", "lemmatizer", "lowercase_lemmas")
DROPPED_G = re.compile(r"\b([A-Za-z]{2,}in)'(?=[\s.,!?;:)]|$)")  # "wettin' masel", "roastin' one minute"
# A dropped h, read with its h (same length): "both 'er legs 'ave gone numb" as "both her legs have gone numb"
H_WORDS = "e|er|ers|erself|im|imself|is|ave|avin|aving|as|ad|ere|urt|urts|urting|ips"
DROPPED_H = re.compile(rf"(?<![\w'])'(?=(?:{H_WORDS})\b)")
# A typographic apostrophe inside a word, read as the plain one the patterns and spaCy's exceptions know: "can’t",
# "I’m" (phones type it by default)
TYPOGRAPHIC_APOSTROPHE = re.compile(r"(?<=\w)[’ʼ](?=\w)")
# Quote marks around words, left out so that a quoted phrase matches as its words ("no feeling 'down below'");
# not an apostrophe inside a word ("can't", "Jo's"), nor one that stands for letters ("'cause", "'em")
QUOTE_MARKS = re.compile(r"""(?<!\w)['"‘“’”](?=\w)(?!(?:cause|cos|coz|em|bout|til|till|n|tis)\b)|(?<=\w)['"’”](?!\w)""")
# Spaces after the first between two words, left out: a screen reader's or a pasted message's "i   had   a melanoma"
# made a token of each run of spaces, and no pattern matched across it
EXTRA_SPACES = re.compile(r"(?<= ) +")
PLAIN_SPACES = str.maketrans({"\t": " ", "\u00a0": " ", "\u202f": " "})  # a tab, a non-breaking space
# A message typed a word per line ("back\nspasm\n…\ncant\npee"): its lines are read as one sentence
WORDS_PER_SHORT_LINE = 1
SHORT_LINES = 3
# Words the lookup table lemmatizes as a rarer word: "does" as doe, "bit" as bite, "number" as numb (which made
# "~numb" match "number"), "matter" as matt, "dying" as dye.
LEMMA_FIXES = {"does": "do", "bit": "bit", "number": "number", "matter": "matter", "dying": "die"}


# No `from __future__ import annotations` here: spaCy validates factory signatures at runtime.
@Language.factory("spelling")
def make_spelling(nlp: Language, name: str) -> SpellingFixer:
    """Misspelt pattern words read as the words they nearly are (components/spelling.py)."""
    return SpellingFixer()


@Language.factory("lowercase_lemmas")
def make_lowercase_lemmas(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Lemmatize capitalised words by their lowercase form: the lookup table is case-sensitive ("Peed"); and
    put right the table's LEMMA_FIXES."""
    lemmatizer = nlp.get_pipe("lemmatizer")

    def lowercase_lemmas(doc: Doc) -> Doc:
        table = lemmatizer.lookups.get_table("lemma_lookup")
        for token in doc:
            if token.lower_ in LEMMA_FIXES:
                token.lemma_ = LEMMA_FIXES[token.lower_]
            elif token.text != token.lower_:
                token.lemma_ = table.get(token.lower_, token.lower_)
        return doc

    return lowercase_lemmas


def source_patterns(
    patterns_dir: Path = DEFAULT_PATTERNS_DIR, red_flags_file: Path = RED_FLAGS_FILE
) -> list[dict[str, Any]]:
    """The entity patterns of `patterns_dir/*.jsonl`, then the red-flag patterns built from `red_flags_file`."""
    entity_patterns = [pattern for path in sorted(patterns_dir.glob("*.jsonl")) for pattern in srsly.read_jsonl(path)]
    return [*entity_patterns, *span_patterns(red_flags_file)]


def add_upper_case_exceptions(nlp: Language) -> None:
    """Split "CANT", "DONT" and "I'M" as spaCy splits "cant" and "I'm": its exceptions cover lower and title
    case only, and people in distress type in capitals."""
    for text, pieces in list(nlp.tokenizer.rules.items()):
        upper = text.upper()
        if upper != text and upper not in nlp.tokenizer.rules:
            nlp.tokenizer.add_special_case(upper, [{**piece, ORTH: piece[ORTH].upper()} for piece in pieces])


def read_as_written(nlp: Language) -> Callable[[str], Doc]:
    """The pipeline's tokenizer, reading "wettin'" and "freezin'" as "wetting" and "freezing" (words the lemma
    table knows; not "groin'" as "groing"), "'er legs" as "her legs", "can’t" as "can't", with one space between
    words, without quote marks around words, and spoken punctuation as its marks (components/dictation.py). The doc
    keeps the offsets of the message as typed when they differ."""
    tokenizer = nlp.tokenizer
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")

    def restore(match: re.Match[str]) -> str:
        return f"{match[1]}g" if f"{match[1].lower()}g" in table else match[0]

    def tokenize(text: str) -> Doc:
        read = with_short_lines_joined(with_plain_apostrophes(DROPPED_H.sub("h", DROPPED_G.sub(restore, text))))
        offsets: list[int] | None = None
        for step in (with_single_spaces, without_quote_marks, with_spoken_marks):
            read, step_offsets = step(read)
            offsets = _through(offsets, step_offsets)
        doc = tokenizer(read)
        if offsets is not None:
            doc.user_data[TYPED_OFFSETS] = offsets
        return doc

    return tokenize


def with_plain_apostrophes(text: str) -> str:
    """The text with each typographic apostrophe inside a word as the plain one ("I’m" as "I'm"), and each tab or
    non-breaking space as a space."""
    return TYPOGRAPHIC_APOSTROPHE.sub("'", text).translate(PLAIN_SPACES)


def with_short_lines_joined(text: str) -> str:
    """A message of SHORT_LINES or more lines of a word each, with its line breaks as spaces (same length); not when
    a line denies ("no\nfever\nleaking\nurine" leaves unsaid what "no" denies)."""
    from components.negation import STANDALONE_CUES  # here: components.negation imports this module

    lines = [line.strip().lower() for line in text.splitlines() if line.strip()]
    if (
        len(lines) < SHORT_LINES
        or any(len(line.split()) > WORDS_PER_SHORT_LINE for line in lines)
        or any(line in STANDALONE_CUES for line in lines)
    ):
        return text
    return re.sub(r"[\r\n]", " ", text)


def _through(earlier: list[int] | None, later: list[int] | None) -> list[int] | None:
    """The offsets of a later step's text, through an earlier step's, to the message as typed."""
    if earlier is None or later is None:
        return later if earlier is None else earlier
    return [earlier[at] for at in later]


def with_single_spaces(text: str) -> tuple[str, list[int] | None]:
    """The text with one space between its words, and each character's offset in `text` (with one more, for the
    end); None when it had no more."""
    return _without(text, {at for match in EXTRA_SPACES.finditer(text) for at in range(match.start(), match.end())})


def without_quote_marks(text: str) -> tuple[str, list[int] | None]:
    """The text without the quote marks around its words, and each character's offset in `text` (with one more, for
    the end); None when it has none."""
    return _without(text, {match.start() for match in QUOTE_MARKS.finditer(text)})


def _without(text: str, dropped: set[int]) -> tuple[str, list[int] | None]:
    """The text without the characters at `dropped`, and each kept character's offset in `text` (with one more, for
    the end); None when nothing is dropped."""
    if not dropped:
        return text, None
    kept = [at for at in range(len(text)) if at not in dropped]
    return "".join(text[at] for at in kept), [*kept, len(text)]


def pipeline_from_patterns(patterns: list[dict[str, Any]]) -> Language:
    """A blank English pipeline with sentences, spelling slips put right, lookup lemmas and these span-ruler
    patterns.

    A span ruler (not an entity ruler) keeps overlapping matches in `doc.spans[SPANS_KEY]`,
    so a red flag is never hidden by a longer, overlapping match. It tries each token pattern only on messages
    holding a word the pattern needs (components/anchored_matcher.py).
    """
    nlp = spacy.blank("en")
    add_upper_case_exceptions(nlp)
    nlp.add_pipe("sentencizer")
    spelling = nlp.add_pipe("spelling")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.add_pipe("lowercase_lemmas")
    ruler = nlp.add_pipe(
        ANCHORED_SPAN_RULER,
        name="span_ruler",
        config=SPAN_RULER_CONFIG,
    )
    nlp.initialize()
    nlp.tokenizer = read_as_written(nlp)
    spelling.targets = pattern_words(patterns)
    with nlp.select_pipes(disable=list(LEMMA_PIPES)):  # phrase patterns only need tokens
        ruler.add_patterns(patterns)
    return nlp


@lru_cache(maxsize=1)
def build_pipeline() -> Language:
    """The pipeline with the repo's own patterns, built once per process (for the actions and channels)."""
    return pipeline_from_patterns(source_patterns())


def content_lemmas(tokens: Iterable[Token]) -> list[str]:
    """Lowercased lemmas of the alphabetic, non-stop-word tokens (for search)."""
    return [token.lemma_.lower() for token in tokens if token.is_alpha and not token.is_stop]


def lemmas(text: str) -> list[str]:
    """`content_lemmas` of a text, without running the rule patterns."""
    nlp = build_pipeline()
    doc = nlp.make_doc(text)
    for name in LEMMA_PIPES:
        doc = nlp.get_pipe(name)(doc)
    return content_lemmas(doc)
