"""The classifier reads a misspelt word as the training word it nearly is, and keeps those words in the model."""

from __future__ import annotations

from pathlib import Path

from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.emoji_tokenizer import EmojiNamingTokenizer
from components.token_spelling import TokenSpelling

TOKENIZER = EmojiNamingTokenizer(EmojiNamingTokenizer.get_default_config())
EXAMPLES = ["what are the symptoms of a back spasm", "is it dangerous", "can I use an ice pack", "is twisting bad"]


def tokenized(text: str, intent: str | None = None) -> Message:
    message = Message({TEXT: text, **({"intent": intent} if intent else {})})
    TOKENIZER.process([message])
    return message


def lemmas(component: TokenSpelling, text: str) -> list[str]:
    message = component.process([tokenized(text)])[0]
    return [token.lemma for token in message.get(TOKENS_NAMES[TEXT])]


def trained(storage: Path) -> TokenSpelling:
    component = TokenSpelling.create(
        {}, LocalModelStorage(storage), Resource("token_spelling"), ExecutionContext(GraphSchema({}))
    )
    component.train(TrainingData([tokenized(text, "ask") for text in EXAMPLES]))
    return component


def test_slips_are_read_as_training_words_and_the_text_stays_as_typed(tmp_path: Path) -> None:
    component = trained(tmp_path)
    assert lemmas(component, "sympotms of a back spasm") == ["symptoms", "of", "a", "back", "spasm"]
    assert lemmas(component, "ice pack for a spazm") == ["ice", "pack", "for", "a", "spasm"]
    assert lemmas(component, "is twistin dangrous") == ["is", "twisting", "dangerous"]
    assert component.process([tokenized("is twistin bad")])[0].get(TEXT) == "is twistin bad"


def test_an_untrained_component_changes_nothing(tmp_path: Path) -> None:
    component = TokenSpelling.create(
        {}, LocalModelStorage(tmp_path), Resource("token_spelling"), ExecutionContext(GraphSchema({}))
    )
    assert lemmas(component, "sympotms of a back spasm") == ["sympotms", "of", "a", "back", "spasm"]


def test_common_words_and_names_are_left_alone(tmp_path: Path) -> None:
    component = trained(tmp_path)
    assert lemmas(component, "the fee for Sympotms") == ["the", "fee", "for", "Sympotms"]


def test_the_words_are_kept_in_the_model(tmp_path: Path) -> None:
    trained(tmp_path)
    loaded = TokenSpelling.load(
        {}, LocalModelStorage(tmp_path), Resource("token_spelling"), ExecutionContext(GraphSchema({}))
    )
    assert lemmas(loaded, "is it dangrous") == ["is", "it", "dangerous"]
