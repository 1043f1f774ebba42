"""The semantic red-flag layer: how close each sentence comes to a red flag's descriptions, in encoder space."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

CLEAR = "clear"  # the id of the prototypes that describe no red flag ("my bladder is fine")


@dataclass(frozen=True)
class NearFlag:
    """The red flag a sentence came closest to, how close, and the sentence."""

    flag_id: str
    similarity: float
    sentence: str


@dataclass(frozen=True)
class Prototypes:
    """Unit vectors of descriptions, each labelled with a red-flag id or CLEAR."""

    labels: tuple[str, ...]
    vectors: np.ndarray  # (len(labels), dimension), unit rows

    def nearest(self, sentences: list[str], vectors: np.ndarray, threshold: float) -> NearFlag | None:
        """The closest red flag over the sentences, when it reaches the threshold and beats every CLEAR prototype.

        A sentence nearer to a description of no red flag ("I can feel my legs fine") than to any red
        flag raises nothing, which is how negation reaches this layer.
        """
        if not sentences or not len(self.labels):
            return None
        similarities = vectors @ self.vectors.T  # (sentences, prototypes)
        clear = np.array([label == CLEAR for label in self.labels])
        best: NearFlag | None = None
        for row, sentence in enumerate(sentences):
            flag_scores = np.where(clear, -1.0, similarities[row])
            column = int(np.argmax(flag_scores))
            score = float(flag_scores[column])
            clear_score = float(similarities[row][clear].max()) if clear.any() else -1.0
            if score >= threshold and score > clear_score and (best is None or score > best.similarity):
                best = NearFlag(self.labels[column], score, sentence)
        return best
