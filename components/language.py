"""The shared spaCy pipeline: a blank English tokenizer, lookup lemmas and the rule patterns."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
import srsly
from spacy.language import Language

DEFAULT_PATTERNS_DIR = Path(__file__).resolve().parent.parent / "data" / "patterns"
SPANS_KEY = "rules"


@lru_cache(maxsize=4)
def build_pipeline(patterns_dir: Path = DEFAULT_PATTERNS_DIR) -> Language:
    """A blank English pipeline with lookup lemmas and every pattern in `patterns_dir/*.jsonl`.

    A span ruler (not an entity ruler) keeps overlapping matches in `doc.spans[SPANS_KEY]`,
    so a red flag is never hidden by a longer, overlapping match.
    """
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    ruler = nlp.add_pipe(
        "span_ruler",
        config={"spans_key": SPANS_KEY, "phrase_matcher_attr": "LOWER", "validate": True},
    )
    nlp.initialize()
    for path in sorted(Path(patterns_dir).glob("*.jsonl")):
        ruler.add_patterns(list(srsly.read_jsonl(path)))
    return nlp


def lemmas(text: str) -> list[str]:
    """Lowercased lemmas of the alphabetic, non-stop-word tokens in `text` (for search)."""
    nlp = build_pipeline()
    doc = nlp.get_pipe("lemmatizer")(nlp.make_doc(text))
    return [token.lemma_.lower() for token in doc if token.is_alpha and not token.is_stop]
