"""The shared spaCy pipeline: built once, sentences, lookup lemmas, entity patterns and generated red flags."""

from __future__ import annotations

import json
from pathlib import Path

from components.dictation import typed_offset
from components.language import (
    DEFAULT_PATTERNS_DIR,
    SPANS_KEY,
    build_pipeline,
    lemmas,
    pipeline_from_patterns,
    source_patterns,
)
from components.red_flags import span_patterns


def test_pipeline_is_built_once_with_sentences_spelling_lemmatizer_and_ruler() -> None:
    nlp = build_pipeline()
    assert nlp is build_pipeline()
    assert nlp.pipe_names == ["sentencizer", "spelling", "lemmatizer", "lowercase_lemmas", "span_ruler"]


def test_default_patterns_dir_is_the_repos_data_patterns() -> None:
    assert Path(__file__).resolve().parents[2] / "data" / "patterns" == DEFAULT_PATTERNS_DIR
    assert [path.name for path in DEFAULT_PATTERNS_DIR.glob("*.jsonl")] == ["entities.jsonl"]


def test_every_jsonl_file_in_the_patterns_dir_is_loaded_beside_the_red_flags(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps({"label": "body_part", "pattern": "knee", "id": "knee"}) + "\n")
    (tmp_path / "b.jsonl").write_text(json.dumps({"label": "drug", "pattern": [{"LEMMA": "ibuprofen"}]}) + "\n")
    (tmp_path / "ignored.txt").write_text(json.dumps({"label": "other", "pattern": "my"}) + "\n")
    patterns = source_patterns(tmp_path)
    assert patterns[2:] == span_patterns()
    doc = pipeline_from_patterns(patterns)("My knee hurts, I took ibuprofen. I wet myself")
    assert [(span.text, span.label_, span.id_) for span in doc.spans[SPANS_KEY] if span.label_ != "NOT_RED_FLAG"] == [
        ("knee", "body_part", "knee"),
        ("ibuprofen", "drug", ""),
        ("wet myself", "RED_FLAG_EMERGENCY", "bladder_bowel"),
    ]
    assert [sentence.text for sentence in doc.sents] == ["My knee hurts, I took ibuprofen.", "I wet myself"]


def test_phrase_patterns_match_any_case() -> None:
    doc = build_pipeline()("My LOWER BACK Aches")
    assert [(span.text, span.id_) for span in doc.spans[SPANS_KEY] if span.label_ == "body_part"] == [
        ("LOWER BACK", "lower back"),
        ("BACK Aches", "back"),
    ]


def test_capitalised_words_get_lowercase_lemmas() -> None:
    doc = build_pipeline()("Peed myself. LOST weight. I am")
    assert [token.lemma_ for token in doc] == ["pee", "myself", ".", "lose", "weight", ".", "i", "be"]


def test_the_lookup_tables_rarer_readings_are_put_right() -> None:
    doc = build_pipeline()("Does a bit of number two matter")
    assert [token.lemma_ for token in doc] == ["do", "a", "bit", "of", "number", "two", "matter"]


def test_a_dropped_g_is_read_as_the_word_with_offsets_kept() -> None:
    text = "I keep wettin' masel, roastin' then freezin'. Kevin's groin' fine"
    doc = build_pipeline()(text)
    assert [token.lemma_ for token in doc][:4] == ["i", "keep", "wet", "masel"]
    assert doc.text.startswith("I keep wetting masel, roasting then freezing.")
    assert "Kevin's groin fine" in doc.text  # not "groing": the mark after it is left out as a quote mark


def test_quote_marks_around_words_are_left_out_with_offsets_kept() -> None:
    text = "no feeling 'down below', \u201cnumb\u201d bum, can't pee full stop 'cause"
    doc = build_pipeline()(text)
    assert doc.text.startswith("no feeling down below, numb bum, can't pee. 'cause")
    end = doc.text.index(",")
    assert text[typed_offset(doc, 0) : typed_offset(doc, end)] == "no feeling 'down below'"
    numb = doc.text.index("numb")
    assert text[typed_offset(doc, numb) : typed_offset(doc, numb + 4)] == "numb\u201d"


def test_runs_of_spaces_are_read_as_one_space_with_offsets_kept() -> None:
    text = "hello .  i   had   a melanoma  'removed'   in 2019 full stop"
    doc = build_pipeline()(text)
    assert doc.text == "hello . i had a melanoma removed in 2019."
    assert [token.text for token in doc if token.is_space] == []
    melanoma = doc.text.index("melanoma")
    assert text[typed_offset(doc, doc.text.index("i had")) : typed_offset(doc, melanoma + 8)] == "i   had   a melanoma"
    assert text[typed_offset(doc, len(doc.text) - 1) :] == "full stop"


def test_a_message_typed_a_word_per_line_is_read_as_one_line() -> None:
    assert build_pipeline()("back\nspasm\ncant\npee").text == "back spasm cant pee"
    assert build_pipeline()("my back\nhurts\nhelp").text == "my back\nhurts\nhelp"  # a line of two words
    assert build_pipeline()("no\nfever\nleaking\nurine").text == "no\nfever\nleaking\nurine"  # what "no" denies


def test_lemmas_are_lowercased_alphabetic_and_without_stop_words() -> None:
    assert lemmas("My backs were Hurting for 3 days, and I'm peeing!") == ["back", "hurt", "day", "pee"]


def test_lemmas_of_empty_text() -> None:
    assert lemmas("") == []
