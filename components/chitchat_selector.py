"""Rasa's ResponseSelector, run only for the messages it answers: those whose intent is its retrieval intent.

Rasa runs every component on every message, and the selector's TensorFlow model took a median 3.2 ms a message
(2 cores, the bench's messages) to pick a chit-chat answer that only chit-chat uses.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.selectors.response_selector import ResponseSelector
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY
from rasa.shared.nlu.training_data.message import Message


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class ChitchatSelector(ResponseSelector):
    """Selects a response only for a message classified as the retrieval intent (`retrieval_intent`)."""

    def process(self, messages: list[Message]) -> list[Message]:
        asked = [
            message for message in messages if (message.get(INTENT) or {}).get(INTENT_NAME_KEY) == self.retrieval_intent
        ]
        if asked:
            super().process(asked)
        return messages
