"""Red flags in over-long messages survive the length cap."""

from __future__ import annotations

from channels.excerpt import red_flag_excerpt

FILLER = "My back has been sore on and off and I have tried stretching every morning. " * 60


def test_a_long_message_without_a_red_flag_has_no_excerpt() -> None:
    assert red_flag_excerpt(FILLER, 2000) is None


def test_the_sentence_with_the_red_flag_is_kept_from_deep_inside_a_long_message() -> None:
    text = FILLER + "Since this morning I wet myself twice. " + FILLER
    assert len(text) > 8000
    assert red_flag_excerpt(text, 2000) == "Since this morning I wet myself twice."


def test_negated_warning_signs_are_not_an_excerpt() -> None:
    assert red_flag_excerpt(FILLER + "I have no numbness and no fever. " + FILLER, 2000) is None


def test_the_excerpt_respects_the_cap() -> None:
    text = "I wet myself " + "and it hurts " * 500 + "."
    assert len(red_flag_excerpt(text, 100)) == 100
