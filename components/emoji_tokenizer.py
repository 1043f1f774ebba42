"""Rasa's whitespace tokenizer, with a message made only of emoji read as words that name them.

Rasa's tokenizer drops emoji, so "👍", "🙏" and "👋" sent alone all came to the classifier as the same empty message
and were declined as off-topic. Here a message with no word in it has one token per emoji (a Unicode "other symbol"),
named by its code point: "👍" is `emoji_1f44d`, "🙏" is `emoji_1f64f`. Beside words, emoji are dropped as before:
in "my back 😩 help" the words say it all, and a tried version that kept them there pulled such messages toward the
short replies its emoji examples teach. Only an emoji that stands for a word of a topic is read as that word, alone
or beside words: "how many minutes of 🧊 at a time" asks about ice, "stay in 🛏️ or keep 🚶?" about rest and
walking, "💊?" about painkillers. Skin tones, variation selectors and joiners are no symbols, so "👍🏽" reads as "👍".
"""

from __future__ import annotations

import unicodedata

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message

from components.dictation import with_marks_in_place

OTHER_SYMBOL = "So"  # the Unicode category of emoji, dingbats and pictographs
# Emoji that people type for a topic's word, read as that word beside other words.
TOPIC_EMOJI = {
    "🔥": "heat", "🧊": "ice", "❄": "cold", "💊": "painkillers", "🛏": "bed", "🛌": "bed", "🏃": "exercise",
    "🚶": "walking", "🛋": "sofa", "🩺": "doctor", "🌡": "temperature", "😴": "sleep", "💤": "sleep", "🧘": "stretching",
    "🏋": "exercise",
}  # fmt: skip


def is_emoji(character: str) -> bool:
    """An emoji or other pictograph: "👍", "❤", "☺"."""
    return unicodedata.category(character) == OTHER_SYMBOL


def emoji_word(character: str) -> str:
    """The emoji as one word, by its code point: "🙏" -> "emoji_1f64f"."""
    return f"emoji_{ord(character):x}"


def word_of(character: str) -> str:
    """The word an emoji alone stands for: its topic's word ("💊" -> "painkillers"), or its name by code point."""
    return TOPIC_EMOJI.get(character) or emoji_word(character)


def has_a_word(token: Token) -> bool:
    """A token with a letter or digit in it (Rasa keeps an emoji-only text as one token of symbols)."""
    return any(character.isalnum() for character in token.text)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class EmojiNamingTokenizer(WhitespaceTokenizer):
    """Rasa's whitespace tokens with a topic's emoji as its word; for a message of emoji alone, one token naming each
    emoji."""

    def tokenize(self, message: Message, attribute: str) -> list[Token]:
        """The words as Rasa's tokenizer splits them, with spoken punctuation read as marks ("… question mark" has
        no words "question" and "mark") and a topic's emoji read as its word, or, when there is no word but there
        are emoji, the emoji."""
        text = message.get(attribute) or ""
        tokens = super().tokenize(Message(data={attribute: with_marks_in_place(text)}), attribute)
        if any(map(has_a_word, tokens)):
            topics = [
                Token(TOPIC_EMOJI[char], start, start + 1) for start, char in enumerate(text) if char in TOPIC_EMOJI
            ]
            return sorted(tokens + topics, key=lambda token: token.start)
        named = [Token(word_of(char), start, start + 1) for start, char in enumerate(text) if is_emoji(char)]
        return named or tokens
