"""Spelling slips read as the pattern words they nearly are, and nothing else changed."""

from __future__ import annotations

import pytest

from components.language import build_pipeline, pipeline_from_patterns
from components.spelling import RARE, SpellingFixer, common_words, one_slip_away, pattern_words

TARGETS = frozenset({"swelling", "injecting", "injection", "before", "numbness", "febrile", "fever", "chills", "spine"})


@pytest.fixture(scope="module")
def fixer() -> SpellingFixer:
    return SpellingFixer(TARGETS)


def test_one_slip_is_a_letter_left_out_added_changed_or_two_swapped() -> None:
    slips = one_slip_away("spien")
    assert {"spin", "spine", "spie", "spiken", "sipen", "speen"} <= slips
    assert "spien" not in slips
    assert "spleen" not in slips  # two slips away


@pytest.mark.parametrize(
    ("word", "meant"),
    [("sweling", "swelling"), ("fevor", "fever"), ("numbnes", "numbness"), ("spien", "spine")],
)
def test_a_rare_word_one_slip_from_a_pattern_word_is_read_as_it(fixer: SpellingFixer, word: str, meant: str) -> None:
    assert fixer.correction(word) == meant


def test_a_dropped_g_wins_over_a_commoner_word(fixer: SpellingFixer) -> None:
    assert fixer.correction("injectin") == "injecting"


@pytest.mark.parametrize(
    "word",
    [
        "fee",  # a common word, whatever it is near
        "chillis",  # a real word, if a rare one: not chills
        "befor",  # a slip, but one English text has often enough to be a word
        "afebrile",  # a first letter taken off changes the meaning
        "zzzzz",  # near no pattern word
        "swelling",  # already a pattern word
    ],
)
def test_common_words_and_other_slips_are_left_alone(fixer: SpellingFixer, word: str) -> None:
    assert fixer.correction(word) is None


def test_the_targets_are_the_patterns_words_and_their_lemmas_inflections() -> None:
    words = pattern_words(
        [
            {"label": "X", "pattern": "lost control"},
            {"label": "X", "pattern": [{"LOWER": {"IN": ["bladder", "bowel"]}}, {"LEMMA": "leak"}, {"LOWER": "1"}]},
        ]
    )
    assert {"lost", "control", "bladder", "bowel", "leak", "leaking", "leaked"} <= words
    assert "1" not in words


def test_the_pipeline_matches_a_misspelt_pattern_word_and_keeps_the_text() -> None:
    nlp = pipeline_from_patterns([{"label": "SIGN", "pattern": [{"LOWER": "swelling"}, {"LOWER": "on"}]}])
    doc = nlp("a sweling on my back")
    assert [(span.label_, span.text) for span in doc.spans["rules"]] == [("SIGN", "sweling on")]
    assert doc.text == "a sweling on my back"
    assert doc[1].lemma_ == "swell"


def test_a_capitalised_word_may_be_a_name_and_is_not_corrected() -> None:
    nlp = pipeline_from_patterns([{"label": "SIGN", "pattern": [{"LOWER": "swelling"}]}])
    name, shouted = nlp("Sweling said hello"), nlp("SWELING ON MY BACK")
    assert [span.text for span in name.spans["rules"]] == []
    assert [span.text for span in shouted.spans["rules"]] == ["SWELING"]


def test_the_repos_pipeline_reads_slips_in_red_flag_words() -> None:
    doc = build_pipeline()("I have a fevor and my bak is in spazm")
    assert [token.lower_ for token in doc] == ["i", "have", "a", "fever", "and", "my", "back", "is", "in", "spasm"]


def test_common_words_hold_the_frequency_table_above_the_rare_line() -> None:
    common = common_words()
    assert "the" in common and "chillis" in common
    assert "sweling" not in common and "fevor" not in common
    assert common.log_frequency("the") > common.log_frequency("chillis") >= RARE


def test_a_word_too_long_to_be_one_slip_from_any_target_is_never_expanded(
    fixer: SpellingFixer, monkeypatch: pytest.MonkeyPatch
) -> None:
    expanded: list[str] = []
    monkeypatch.setattr("components.spelling.one_slip_away", lambda word: expanded.append(word) or set())
    longest = max(map(len, TARGETS))
    assert fixer.correction("s" * (longest + 2)) is None
    assert fixer.correction("a" * 5000) is None
    assert expanded == []
    fixer.correction("s" * (longest + 1))  # one letter added to a target is still a slip
    assert expanded == ["s" * (longest + 1)]
