"""Spoken punctuation read as its marks, with offsets back to the message as typed."""

import pytest

from components.dictation import with_spoken_marks
from components.extractor import find_entities
from components.language import build_pipeline


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("my bum is numb comma is that normal question mark", "my bum is numb, is that normal?"),
        ("back went on monday Full Stop then it locked", "back went on monday. then it locked"),
        ("help exclamation mark", "help!"),
        # a noun, after a determiner: left as typed
        ("there's a question mark over my back", "there's a question mark over my back"),
        ("he was put into a comma", "he was put into a comma"),
        ("nothing spoken here", "nothing spoken here"),
    ],
)
def test_spoken_marks_are_read_as_marks(typed: str, read: str) -> None:
    assert with_spoken_marks(typed)[0] == read


def test_each_character_keeps_its_typed_offset() -> None:
    typed = "numb comma help question mark ok"
    read, offsets = with_spoken_marks(typed)
    assert offsets is not None and len(offsets) == len(read) + 1
    for at, character in enumerate(read):
        assert character in ",?" or typed[offsets[at]] == character
    assert typed[offsets[read.index("?")] :].startswith("question mark")
    assert offsets[-1] == len(typed)


def test_a_red_flag_in_a_dictated_message_points_at_the_typed_words() -> None:
    typed = "my back went full stop now i cant pee at all comma help"
    [flag] = [entity for entity in find_entities(build_pipeline()(typed)) if entity["entity"] == "red_flag"]
    assert typed[flag["start"] : flag["end"]] == "cant pee"
