"""A message of emoji alone reaches the classifier as words that name them, not as an empty message."""

from __future__ import annotations

import pytest
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message

from components.emoji_tokenizer import EmojiNamingTokenizer


def tokens(text: str, tokenizer_class: type[WhitespaceTokenizer] = EmojiNamingTokenizer) -> list[tuple[str, int, int]]:
    tokenizer = tokenizer_class(tokenizer_class.get_default_config())
    return [(token.text, token.start, token.end) for token in tokenizer.tokenize(Message({"text": text}), "text")]


def test_an_emoji_only_message_is_named() -> None:
    assert tokens("👍👍") == [("emoji_1f44d", 0, 1), ("emoji_1f44d", 1, 2)]


def test_emoji_and_spaces_alone_are_named() -> None:
    assert tokens(" 🙏 👋 ") == [("emoji_1f64f", 1, 2), ("emoji_1f44b", 3, 4)]


@pytest.mark.parametrize(("text", "word"), [("👍🏽", "emoji_1f44d"), ("❤️", "emoji_2764")])
def test_skin_tones_and_variation_selectors_add_no_words(text: str, word: str) -> None:
    assert [token[0] for token in tokens(text)] == [word]


@pytest.mark.parametrize(
    ("text", "words"),
    [("🧊 on my back, how long?", ["ice", "on", "my", "back", "how", "long"]), ("🛏️ or 🏃?", ["bed", "or", "exercise"])],
)
def test_a_topics_emoji_beside_words_is_read_as_its_word(text: str, words: list[str]) -> None:
    assert [token[0] for token in tokens(text)] == words


def test_a_topics_emoji_alone_is_its_word() -> None:
    assert tokens("💊❓") == [("painkillers", 0, 1), ("emoji_2753", 1, 2)]


def test_a_topics_emoji_keeps_its_place_in_the_message() -> None:
    assert ("painkillers", 8, 9) in tokens("back is 💊 time")


@pytest.mark.parametrize("text", ["my back 😩 help", "thanks 🙏", "my back hurts", "!!!", "你好", ""])
def test_a_message_with_words_or_without_emoji_is_tokenized_as_rasa_does(text: str) -> None:
    assert tokens(text) == tokens(text, WhitespaceTokenizer)
