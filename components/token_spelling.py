"""The intent classifier's words with spelling slips put right: "sympotms" is read as symptoms and "dangrous" as
dangerous, when the training examples have those words. The rule of `components/spelling.py`, with the words of
the training examples as the words meant. The correction goes into each token's lemma, which Rasa's count-vector
featurizers read, so the text and the tokens' places stay as typed (the sentence encoder reads the text as typed).
"""

from __future__ import annotations

from typing import Any

import srsly
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.spelling import SpellingFixer, may_be_a_slip

VOCABULARY_FILE = "vocabulary.json"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=True)
class TokenSpelling(GraphComponent):
    """Reads a rare word one slip from a word of the training examples as that word (in the token's lemma)."""

    def __init__(self, model_storage: ModelStorage, resource: Resource, vocabulary: frozenset[str]) -> None:
        self.model_storage, self.resource = model_storage, resource
        self.fixer = SpellingFixer(vocabulary)

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> TokenSpelling:
        """An untrained component: it knows no words yet, so it changes none."""
        return cls(model_storage, resource, frozenset())

    def train(self, training_data: TrainingData) -> Resource:
        """Keep the lowercase words of the training examples in the model."""
        words = {
            token.text.lower()
            for message in training_data.training_examples
            for token in message.get(TOKENS_NAMES[TEXT]) or []
            if token.text.isalpha()
        }
        with self.model_storage.write_to(self.resource) as directory:
            srsly.write_json(directory / VOCABULARY_FILE, sorted(words))
        self.fixer = SpellingFixer(frozenset(words))
        return self.resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> TokenSpelling:
        """The component with the words kept in the model."""
        with model_storage.read_from(resource) as directory:
            return cls(model_storage, resource, frozenset(srsly.read_json(directory / VOCABULARY_FILE)))

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """The training examples pass unchanged: their words are the vocabulary, so none is a slip."""
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        """Set the lemma of each misspelt token to the word it nearly is."""
        for message in messages:
            for token in message.get(TOKENS_NAMES[TEXT]) or []:
                fixed = self.fixer.correction(token.text.lower()) if may_be_a_slip(token.text) else None
                if fixed:
                    token.lemma = fixed
        return messages
