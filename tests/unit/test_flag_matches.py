"""The per-doc index of pattern matches that the mention checks read."""

from __future__ import annotations

from components.flag_matches import flag_matches, look_alikes
from components.language import SPANS_KEY, build_pipeline
from components.red_flags import DISMISSER_LABELS


def test_the_index_holds_every_match_and_each_flag_s_look_alikes() -> None:
    doc = build_pipeline()("I lost weight on a diet, and I can't pee since last night")
    index = flag_matches(doc)
    group = doc.spans[SPANS_KEY]
    assert index.words == {(span.label_, span.id_, span.start, span.end) for span in group}
    weight = next(span for span in group if span.id_ == "weight_loss" and span.label_ not in DISMISSER_LABELS)
    assert [other.text for other in look_alikes(weight)] == [
        span.text for span in group if span.id_ == "weight_loss" and span.label_ in DISMISSER_LABELS
    ]
    assert look_alikes(weight), "the diet dismisses the weight loss"


def test_the_index_is_made_again_when_the_matches_change() -> None:
    doc = build_pipeline()("I can't pee")
    before = flag_matches(doc)
    assert flag_matches(doc) is before
    doc.spans[SPANS_KEY] = [*doc.spans[SPANS_KEY], doc[0:1]]
    assert flag_matches(doc) is not before
    assert (doc[0:1].label_, "", 0, 1) in flag_matches(doc).words
