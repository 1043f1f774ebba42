"""The per-doc lowercased texts and sentence starts that the mention checks read instead of walking spaCy tokens."""

from __future__ import annotations

import pytest

from components.doc_index import doc_index, same_sentence, text_after, texts_of, words_of
from components.language import build_pipeline

TEXT = "My BACK hurts, and I can't pee! Is that bad?  Numb legs too."


def test_the_index_reads_as_the_tokens_do() -> None:
    doc = build_pipeline()(TEXT)
    index = doc_index(doc)
    assert index.texts == tuple(token.lower_ for token in doc)
    assert words_of(doc[0 : len(doc)]) == [token.lower_ for token in doc if not token.is_punct]
    assert texts_of(doc[1:3]) == ("back", "hurts")
    assert index.sentence_starts == tuple(token.sent.start for token in doc)


@pytest.mark.parametrize("text", [TEXT, "İstanbul trip, my BACK hurts and İ can't pee. Numb legs too."])
def test_text_after_a_span_is_the_rest_of_its_sentence_as_written(text: str) -> None:
    # "İ" lowercases to two characters: the text after must still start where the span ends
    doc = build_pipeline()(text)
    for sentence in doc.sents:
        for start in range(sentence.start, sentence.end):
            span = doc[sentence.start : start]
            assert text_after(span, sentence.end) == doc[start : sentence.end].text.lower()
    last = doc[len(doc) - 1 : len(doc)]
    assert text_after(last, len(doc)) == ""


def test_spans_of_one_sentence_and_of_two() -> None:
    doc = build_pipeline()(TEXT)
    first, second = list(doc.sents)[:2]
    assert same_sentence(doc[first.start : first.start + 1], doc[first.end - 1 : first.end])
    assert not same_sentence(doc[first.start : first.start + 1], doc[second.start : second.start + 1])


def test_the_index_is_made_once_per_doc() -> None:
    doc = build_pipeline()(TEXT)
    assert doc_index(doc) is doc_index(doc)
    assert doc_index(build_pipeline()(TEXT)) is not doc_index(doc)
