"""The pretrained sentence encoder: its weights, its numbers, and the Rasa featurizer built on it."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

import components.sentence_encoder
from components.encoder_weights import SHA256, EncoderWeightsError, weights_dir
from components.minilm import MAX_POSITIONS, MiniLM
from components.sentence_encoder import SentenceEncoderFeaturizer, load_encoder

DIMENSION = 384


@pytest.fixture(scope="module")
def encoder() -> MiniLM:
    return load_encoder(weights_dir())


def test_it_reproduces_the_published_similarities(encoder: MiniLM) -> None:
    # sentence-transformers' quick-start example for all-MiniLM-L6-v2 prints these cosine similarities.
    sentences = ["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."]
    vectors = np.array([encoding.sentence for encoding in encoder.encode(sentences)])
    similarities = vectors @ vectors.T
    assert similarities[0, 1] == pytest.approx(0.6660, abs=5e-4)
    assert similarities[0, 2] == pytest.approx(0.1046, abs=5e-4)
    assert similarities[1, 2] == pytest.approx(0.1411, abs=5e-4)


def test_the_same_text_always_gives_the_same_vectors(encoder: MiniLM) -> None:
    text = "my lower back just locked up, what do I do?"
    alone = encoder.encode([text])[0]
    batched = encoder.encode(["a much longer message about heat, ice and sleeping on a firm mattress", text])[1]
    assert np.array_equal(alone.sentence, encoder.encode([text])[0].sentence)
    np.testing.assert_allclose(alone.sentence, batched.sentence, atol=1e-5)  # padding does not leak in
    np.testing.assert_allclose(alone.pieces, batched.pieces, atol=1e-4)


def test_a_long_text_is_read_in_windows(encoder: MiniLM) -> None:
    words = " ".join(["stiff"] * (MAX_POSITIONS * 2))
    [encoding] = encoder.encode([words])
    assert encoding.pieces.shape == (MAX_POSITIONS * 2, DIMENSION)
    assert len(encoding.offsets) == MAX_POSITIONS * 2
    assert np.linalg.norm(encoding.sentence) == pytest.approx(1.0, abs=1e-5)


def copy_of_weights(tmp_path: Path) -> Path:
    for name in SHA256:
        shutil.copyfile(weights_dir() / name, tmp_path / name)
    return tmp_path


def test_a_changed_weights_file_is_refused(tmp_path: Path) -> None:
    directory = copy_of_weights(tmp_path)
    with (directory / "model.safetensors").open("r+b") as weights:
        weights.seek(-4, 2)
        weights.write(b"\x00\x01\x02\x03")
    with pytest.raises(EncoderWeightsError, match="does not match its pinned sha256"):
        MiniLM(directory)


def test_a_missing_weights_file_is_refused_with_the_fix(tmp_path: Path) -> None:
    directory = copy_of_weights(tmp_path)
    (directory / "tokenizer.json").unlink()
    with pytest.raises(EncoderWeightsError, match=r"tokenizer.json is missing.*make setup"):
        MiniLM(directory)


# ---------------------------------------------------------------- the Rasa featurizer


def featurizer(tmp_path: Path, **config: object) -> SentenceEncoderFeaturizer:
    return SentenceEncoderFeaturizer.create(
        {**SentenceEncoderFeaturizer.get_default_config(), **config},
        LocalModelStorage(tmp_path),
        Resource("sentence_encoder"),
        ExecutionContext(GraphSchema({}), node_name="sentence_encoder"),
    )


def tokenized(*texts: str) -> list[Message]:
    messages = [Message(data={"text": text}) for text in texts]
    tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    tokenizer.process_training_data(TrainingData(training_examples=messages))
    return messages


def test_features_have_a_row_per_token_and_one_sentence_row(tmp_path: Path) -> None:
    [message] = featurizer(tmp_path).process(tokenized("Is a heatpad better than ice for spasms?"))
    sequence, sentence = message.get_dense_features("text")
    assert len(message.get("text_tokens")) == 8
    assert sequence.features.shape == (8, DIMENSION)
    assert sentence.features.shape == (1, DIMENSION)
    assert [feature.origin for feature in message.features] == ["sentence_encoder", "sentence_encoder"]


def test_each_token_row_is_the_mean_of_its_word_pieces(tmp_path: Path, encoder: MiniLM) -> None:
    text = "my backache is unbearable"
    [message] = featurizer(tmp_path).process(tokenized(text))
    sequence = message.get_dense_features("text")[0].features
    encoding = encoder.encode([text])[0]
    for row, token in enumerate(message.get("text_tokens")):
        inside = [i for i, (start, end) in enumerate(encoding.offsets) if start >= token.start and end <= token.end]
        assert inside, token.text
        np.testing.assert_allclose(sequence[row], encoding.pieces[inside].mean(axis=0), atol=1e-6)
    assert not np.allclose(sequence[1], sequence[3])  # different words, different rows


def test_scale_multiplies_the_features(tmp_path: Path) -> None:
    text = "ice or heat"
    plain = featurizer(tmp_path).process(tokenized(text))[0].get_dense_features("text")[1].features
    scaled = featurizer(tmp_path, scale=20).process(tokenized(text))[0].get_dense_features("text")[1].features
    np.testing.assert_allclose(scaled, plain * 20, rtol=1e-6)
    assert np.linalg.norm(plain) == pytest.approx(1.0, abs=1e-5)


def test_rasa_cache_key_follows_the_encoder_code_and_weights(monkeypatch: pytest.MonkeyPatch) -> None:
    config = SentenceEncoderFeaturizer.get_default_config()
    before = SentenceEncoderFeaturizer.fingerprint_addon(config)
    assert SentenceEncoderFeaturizer.fingerprint_addon(config) == before
    monkeypatch.setitem(components.sentence_encoder.SHA256, "model.safetensors", "0" * 64)
    assert SentenceEncoderFeaturizer.fingerprint_addon(config) != before


@pytest.mark.parametrize("text", ["", "   ", "🙂"])
def test_a_text_without_words_still_gets_features_of_full_width(tmp_path: Path, text: str) -> None:
    [message] = featurizer(tmp_path).process(tokenized(text))
    sequence, sentence = message.get_dense_features("text")
    assert sentence.features.shape == (1, DIMENSION)
    assert sequence.features.shape == (len(message.get("text_tokens") or []), DIMENSION)


def test_training_data_is_featurized_and_a_message_without_text_is_left_alone(tmp_path: Path) -> None:
    examples = tokenized("should I stay in bed", "can I take ibuprofen")
    no_text = Message(data={"intent": "greet"})
    data = featurizer(tmp_path).process_training_data(TrainingData(training_examples=[*examples, no_text]))
    assert all(example.get_dense_features("text")[1] is not None for example in data.training_examples[:2])
    assert no_text.features == []
