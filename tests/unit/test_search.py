"""The guide search respects negation: a sign the person negated, or put on someone else, pulls no warning passage."""

from __future__ import annotations

import pytest

from actions.replies import TOPICS
from actions.search import guide_index, query_terms, warm_up, warning_terms


def best_section(text: str) -> str | None:
    section, _ = guide_index(TOPICS).best(text)
    return section.id if section else None


@pytest.mark.parametrize(
    ("text", "dropped", "kept"),
    [
        (
            "I have no numbness or tingling and no fever, but my back is stiff",
            {"numbness", "tingle", "fever"},
            {"stiff"},
        ),
        ("not numb anywhere and my bladder is fine, just sore", {"numb", "bladder"}, {"sore"}),
        ("my mum had cancer, how do I ease a tight back?", {"cancer"}, {"ease", "tight"}),
    ],
)
def test_dismissed_signs_are_left_out_of_the_query(text: str, dropped: set[str], kept: set[str]) -> None:
    terms = set(query_terms(text))
    assert not dropped & terms
    assert kept <= terms


def test_stated_signs_and_other_negations_stay_in_the_query() -> None:
    assert {"numbness", "leg"} <= set(query_terms("I've got numbness in both legs"))
    assert "sleep" in query_terms("I can't sleep with this back")  # "can't" negates no warning sign here


@pytest.mark.parametrize(
    "text",
    [
        "I have no numbness or tingling and no fever, but my back is stiff, what can I do?",
        "no bladder trouble, no chest pain, no fever, nothing like that. it just aches",
    ],
)
def test_negated_signs_never_pull_the_warning_passage(text: str) -> None:
    assert best_section(text) != "warning_signs"


@pytest.mark.parametrize(
    "text",
    [
        "which symptoms like numbness or fever would mean my back pain is an emergency",
        "when is back pain an emergency",
    ],
)
def test_asking_about_the_warning_signs_still_finds_them(text: str) -> None:
    assert best_section(text) == "warning_signs"


def test_warm_up_builds_the_warning_terms_and_both_indexes_before_any_search() -> None:
    guide_index.cache_clear()
    warning_terms.cache_clear()
    warm_up()
    assert guide_index.cache_info().currsize == 2
    assert warning_terms.cache_info().currsize == 1
