"""all-MiniLM-L6-v2 on TensorFlow: word pieces, their contextual vectors, and a sentence vector.

The model is a 6-layer BERT. The forward pass below is BERT's, traced once into a TensorFlow graph (Rasa
already runs on TensorFlow, whose oneDNN kernels multiply these small matrices faster than numpy's BLAS:
a median 8 ms a message against 13 ms on 2 cores, docs/understanding.md), with sentence-transformers'
pooling for this model: the mean over every position (special tokens included), scaled to unit length.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import tensorflow as tf
from safetensors.numpy import load_file
from tokenizers import Tokenizer

from components.encoder_weights import verify

MAX_POSITIONS = 256  # the model's max_seq_length in sentence-transformers; longer texts are read in windows
BATCH_SIZE = 32
PADDED_IDS = tf.TensorSpec([None, None], tf.int64)  # (texts, positions): one graph for every batch shape
PADDED_MASK = tf.TensorSpec([None, None], tf.float32)


@dataclass(frozen=True)
class Encoding:
    """One text encoded: each word piece's character span and vector, and the sentence vector."""

    offsets: list[tuple[int, int]]
    pieces: np.ndarray  # (number of pieces, dimension)
    sentence: np.ndarray  # (dimension,), unit length


class MiniLM:
    """The encoder, loaded from a directory of verified weights (see components.encoder_weights)."""

    def __init__(self, directory: Path) -> None:
        verify(directory)
        config = json.loads((directory / "config.json").read_text(encoding="utf-8"))
        self.heads = int(config["num_attention_heads"])
        self.layers = int(config["num_hidden_layers"])
        self.eps = float(config["layer_norm_eps"])
        self.dimension = int(config["hidden_size"])
        self.tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        self.cls_id = self.tokenizer.token_to_id("[CLS]")
        self.sep_id = self.tokenizer.token_to_id("[SEP]")
        # Linear layers are stored (out, in); keep them as (in, out) so that x @ w needs no transpose.
        self.w = {
            name: tf.constant(array.T if name.startswith("encoder.") and array.ndim == 2 else array)
            for name, array in load_file(str(directory / "model.safetensors")).items()
        }
        # Traced once, for every batch shape; called as the concrete graph, without tf.function's dispatch.
        self._forward = tf.function(self._contextual).get_concrete_function(PADDED_IDS, PADDED_MASK)

    def _linear(self, x: tf.Tensor, name: str) -> tf.Tensor:
        return tf.matmul(x, self.w[f"{name}.weight"]) + self.w[f"{name}.bias"]

    def _layer_norm(self, x: tf.Tensor, name: str) -> tf.Tensor:
        mean, variance = tf.nn.moments(x, axes=[-1], keepdims=True)
        return (x - mean) / tf.sqrt(variance + self.eps) * self.w[f"{name}.weight"] + self.w[f"{name}.bias"]

    def _contextual(self, ids: tf.Tensor, mask: tf.Tensor) -> tf.Tensor:
        """Contextual vectors (batch, positions, dimension) for padded ids and their attention mask.

        Rows are kept as one (batch * positions, dimension) matrix, so that each linear layer is one
        matrix product rather than one per text.
        """
        w = self.w
        batch, length = tf.shape(ids)[0], tf.shape(ids)[1]
        head = self.dimension // self.heads
        x = (
            tf.gather(w["embeddings.word_embeddings.weight"], ids)
            + w["embeddings.position_embeddings.weight"][:length]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = self._layer_norm(tf.reshape(x, [batch * length, self.dimension]), "embeddings.LayerNorm")
        masked = ((1.0 - mask) * -1e9)[:, None, None, :]
        for index in range(self.layers):
            p = f"encoder.layer.{index}."
            q, k, v = (
                tf.transpose(
                    tf.reshape(self._linear(x, f"{p}attention.self.{name}"), [batch, length, self.heads, head]),
                    [0, 2, 1, 3],
                )
                for name in ("query", "key", "value")
            )
            scores = tf.matmul(q, k, transpose_b=True) / np.float32(np.sqrt(head)) + masked
            context = tf.matmul(tf.nn.softmax(scores, axis=-1), v)
            context = tf.reshape(tf.transpose(context, [0, 2, 1, 3]), [batch * length, self.dimension])
            attended = x + self._linear(context, f"{p}attention.output.dense")
            x = self._layer_norm(attended, f"{p}attention.output.LayerNorm")
            inner = self._linear(x, f"{p}intermediate.dense")
            inner = 0.5 * inner * (1.0 + tf.math.erf(inner / np.float32(np.sqrt(2.0))))  # GELU
            x = self._layer_norm(x + self._linear(inner, f"{p}output.dense"), f"{p}output.LayerNorm")
        return tf.reshape(x, [batch, length, self.dimension])

    def _windows(self, ids: list[int]) -> list[list[int]]:
        """The piece ids in windows the model can read, each framed by [CLS] and [SEP]."""
        size = MAX_POSITIONS - 2
        return [[self.cls_id, *ids[start : start + size], self.sep_id] for start in range(0, max(len(ids), 1), size)]

    def encode(self, texts: list[str]) -> list[Encoding]:
        """Encode texts; windows of similar length are batched together."""
        tokenized = self.tokenizer.encode_batch(texts, add_special_tokens=False)
        windows: list[list[int]] = []
        windows_of_text: list[range] = []
        for t in tokenized:
            start = len(windows)
            windows.extend(self._windows(t.ids))
            windows_of_text.append(range(start, len(windows)))
        outputs: list[np.ndarray] = [np.empty(0)] * len(windows)
        order = sorted(range(len(windows)), key=lambda index: len(windows[index]))
        for start in range(0, len(order), BATCH_SIZE):
            chunk = order[start : start + BATCH_SIZE]
            length = max(len(windows[index]) for index in chunk)
            ids = np.zeros((len(chunk), length), dtype=np.int64)
            mask = np.zeros((len(chunk), length), dtype=np.float32)
            for row, index in enumerate(chunk):
                ids[row, : len(windows[index])] = windows[index]
                mask[row, : len(windows[index])] = 1.0
            vectors = self._forward(tf.constant(ids), tf.constant(mask)).numpy()
            for row, index in enumerate(chunk):
                outputs[index] = vectors[row, : len(windows[index])]
        encodings = []
        for t, own_windows in zip(tokenized, windows_of_text, strict=True):
            framed = [outputs[index] for index in own_windows]
            every_position = np.concatenate(framed)
            sentence = every_position.mean(axis=0)
            pieces = np.concatenate([window[1:-1] for window in framed])
            encodings.append(
                Encoding(
                    offsets=[tuple(offset) for offset in t.offsets],
                    pieces=pieces.astype(np.float32),
                    sentence=(sentence / max(float(np.linalg.norm(sentence)), 1e-12)).astype(np.float32),
                )
            )
        return encodings
