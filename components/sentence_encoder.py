"""Rasa component: dense sentence and token features from the pretrained all-MiniLM-L6-v2 encoder."""

from __future__ import annotations

import hashlib
import inspect
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.nlu.tokenizers.tokenizer import Token, Tokenizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

import components.minilm
from components.dictation import with_marks_in_place
from components.encoder_weights import SHA256, weights_dir
from components.minilm import Encoding, MiniLM


@lru_cache(maxsize=2)
def load_encoder(directory: Path) -> MiniLM:
    """One encoder per process and weights folder (verified against the pinned hashes as it loads)."""
    return MiniLM(directory)


def token_features(tokens: list[Token], encoding: Encoding) -> np.ndarray:
    """One row per Rasa token: the mean of the word pieces that overlap it (zeros if none do).

    Pieces come in text order, so the overlapping ones are found by binary search, not by a scan
    of every piece for every token (which grew with the square of a long message).
    """
    rows = np.zeros((len(tokens), encoding.pieces.shape[1]), dtype=np.float32)
    spans = np.array(encoding.offsets, dtype=np.int64).reshape(-1, 2)
    for row, token in enumerate(tokens):
        first = int(np.searchsorted(spans[:, 1], token.start, side="right"))  # first piece ending after the start
        last = int(np.searchsorted(spans[:, 0], token.end, side="left"))  # pieces starting before the end
        if first < last:
            rows[row] = encoding.pieces[first:last].mean(axis=0)
    return rows


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class SentenceEncoderFeaturizer(DenseFeaturizer, GraphComponent):
    """Adds MiniLM features to the text: a unit sentence vector and a vector per token, times `scale`."""

    @classmethod
    def required_components(cls) -> list[type]:
        """The token rows follow the pipeline's tokenizer."""
        return [Tokenizer]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """`scale`: multiplies every feature, so that the encoder is not drowned beside sparse n-gram
        counts in a linear classifier; `weights_dir`: None reads $ENCODER_DIR or .venv/encoder."""
        return {**DenseFeaturizer.get_default_config(), "scale": 1.0, "weights_dir": None}

    def __init__(self, config: dict[str, Any], name: str) -> None:
        super().__init__(name, config)
        self.scale = float(self._config["scale"])
        directory = self._config["weights_dir"]
        self.encoder = load_encoder(Path(directory) if directory else weights_dir())

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SentenceEncoderFeaturizer:
        """Build the component; the weights are pretrained, so there is nothing to train or persist."""
        return cls(config, execution_context.node_name)

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str:
        """The encoder's code and pinned weights: Rasa's training cache keys on the class source alone,
        and must not reuse features that a changed encoder would no longer give."""
        parts = [inspect.getsource(components.minilm), inspect.getsource(sys.modules[__name__]), *SHA256.values()]
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        """Nothing to check beyond the defaults."""

    def process(self, messages: list[Message]) -> list[Message]:
        """Add the features to every message that has a text, empty or not, encoding them in one batch.

        An empty text gets features too: a classifier expects the same width from every message.
        """
        featurizable = [message for message in messages if message.get(TEXT) is not None]
        texts = [with_marks_in_place(message.get(TEXT)) for message in featurizable]  # "…question mark" as "…?"
        encodings = self.encoder.encode(texts) if featurizable else []
        for message, encoding in zip(featurizable, encodings, strict=True):
            tokens = message.get(TOKENS_NAMES[TEXT]) or []
            self.add_features_to_message(
                sequence=token_features(tokens, encoding) * self.scale,
                sentence=encoding.sentence[np.newaxis, :] * self.scale,
                attribute=TEXT,
                message=message,
            )
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Featurize every training example."""
        self.process(training_data.training_examples)
        return training_data
