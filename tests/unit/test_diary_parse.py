"""Reading a diary entry from a message (diary/parse.py): scores in digits and words, notes, and bad values."""

from __future__ import annotations

import pytest

from diary.parse import Correction, Reading, Reason, read_entry


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pain 6 today", Reading(6.0, None)),
        ("it's a 3 now", Reading(3.0, None)),
        ("6/10", Reading(6.0, None)),
        ("a six", Reading(6.0, None)),
        ("0", Reading(0.0, None)),
        ("10/10", Reading(10.0, None)),
        ("seven-ish this morning", Reading(7.0, None)),
        ("pain 6.5", Reading(6.5, None)),
        ("/log 6 stiff after gardening", Reading(6.0, "stiff after gardening")),
        ("/LOG four", Reading(4.0, None)),
        (
            "my back is stiff after gardening: pain 7 out of 10 right now",
            Reading(7.0, "my back is stiff after gardening"),
        ),
        ("pain 5 after a 30 minute walk", Reading(5.0, "after a 30 minute walk")),
        ("log 6 stiff after gardening", Reading(6.0, "stiff after gardening")),  # a channel dropped the slash
        ("can you log my pain as 4 in my diary for me", Reading(4.0, None)),
        ("please record a 3 for today", Reading(3.0, None)),
        ("diary: 5, stiff after sitting all day", Reading(5.0, "stiff after sitting all day")),
        ("up to 7 today after lifting boxes", Reading(7.0, "after lifting boxes")),
        ("it's down to a 2 today, much looser", Reading(2.0, "much looser")),
        ("write down 4 for my back today", Reading(4.0, "for my back")),
    ],
)
def test_an_entry_is_read_with_its_note(text: str, expected: Reading) -> None:
    assert read_entry(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pain 12", Correction(Reason.OUT_OF_RANGE, 12.0)),
        ("/log 15 awful", Correction(Reason.OUT_OF_RANGE, 15.0)),
        ("10.5", Correction(Reason.OUT_OF_RANGE, 10.5)),
        ("pain eleven", Correction(Reason.OUT_OF_RANGE, 11.0)),
        ("pain lots", Correction(Reason.NO_NUMBER, None)),
        ("/log", Correction(Reason.NO_NUMBER, None)),
    ],
)
def test_a_bad_value_gives_the_reason_to_correct_it(text: str, expected: Correction) -> None:
    assert read_entry(text) == expected
