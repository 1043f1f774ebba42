"""Rasa component: rule-based entities and red flags from spaCy patterns, and the semantic red-flag layer.

A red flag the rules find overrides the intent with report_red_flag. A sentence close to a red flag's
descriptions in encoder space, that the rules do not confirm, makes it possible_red_flag: one safety
question comes before any other answer (actions/triage.py).
"""

from __future__ import annotations

import hashlib
import inspect
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import srsly
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.exceptions import RasaException
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_ROLE,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TEXT,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    EXTRACTOR,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

import components.language
import components.mentions
import components.negation
import components.red_flag_similarity
import components.red_flags
import components.spelling
from components.dictation import typed_offset
from components.durations import to_days, to_pain_level
from components.encoder_weights import SHA256, weights_dir
from components.language import DEFAULT_PATTERNS_DIR, MAX_CHARS, SPANS_KEY, pipeline_from_patterns, source_patterns
from components.mentions import RED_FLAG_ROLES, considered_sentences, needs_a_cue, red_flag_mentions
from components.red_flag_similarity import CLEAR, NearFlag, Prototypes
from components.red_flags import RED_FLAGS_FILE, clear_descriptions, load_red_flags
from components.sentence_encoder import load_encoder

logger = logging.getLogger(__name__)

EXTRACTOR_NAME = "RuleEntityExtractor"
CONFIDENCE_ENTITY = "confidence_entity"
RED_FLAG_ENTITY = "red_flag"
RED_FLAG_INTENT = "report_red_flag"
POSSIBLE_RED_FLAG = "possible_red_flag"  # the entity and the intent of the semantic layer
PATTERNS_FILE, PROTOTYPES_FILE = "patterns.jsonl", "prototypes.npz"
MAX_SENTENCES = 40  # the semantic layer reads this many different sentences of a long message
# The modules whose code decides what the rules and the semantic layer find, for Rasa's training cache.
RULE_MODULES = (
    components.language,
    components.mentions,
    components.negation,
    components.red_flag_similarity,
    components.red_flags,
    components.spelling,
)
VALUES: dict[str, Callable[[Span], Any]] = {
    "body_part": lambda span: span.id_,
    "duration": to_days,
    "pain_level": to_pain_level,
}
# Labels that exist only to hide a wrong match of another label ("twice a day", "60 years old", "12-hour shifts").
SHADOWS = {"frequency": "duration", "age": "duration", "length_of": "duration"}
# Words a pattern may need after the trigger ("I'm 17 and ...", "Collapsed this morning") but that are not part of it.
TRAILING_JOINERS = {"and", "but", "so", "&", "with", "while", "when", "this", "last", "on", "outside"}


def _entity(label: str, value: Any, span: Span, **extra: Any) -> dict[str, Any]:
    """One Rasa entity dict for a span."""
    return {
        ENTITY_ATTRIBUTE_TYPE: label,
        ENTITY_ATTRIBUTE_VALUE: value,
        ENTITY_ATTRIBUTE_START: typed_offset(span.doc, span.start_char),
        ENTITY_ATTRIBUTE_END: typed_offset(span.doc, span.end_char),
        CONFIDENCE_ENTITY: 1.0,
        EXTRACTOR: EXTRACTOR_NAME,
        **extra,
    }


def _slot_entities(spans: list[Span]) -> list[dict[str, Any]]:
    """body_part, duration and pain_level: the longest match wins within each kind."""
    entities = []
    for kind in VALUES:
        candidates = [span for span in spans if SHADOWS.get(span.label_, span.label_) == kind]
        for span in filter_spans(candidates):
            value = VALUES[span.label_](span) if span.label_ in VALUES else None
            if value is not None:
                entities.append(_entity(kind, value, span))
    return entities


def _trigger(span: Span) -> Span:
    """The span without punctuation opening it (", 69" of "my husband, 69,") or trailing punctuation or joining
    words, for quoting back to the user; a bracket it opened stays closed ("my mum (78)")."""
    while len(span) > 1 and span[0].is_punct and span[0].text != "(":
        span = span[1:]
    while len(span) > 1 and (span[-1].is_punct or span[-1].lower_ in TRAILING_JOINERS):
        if span[-1].text == ")" and "(" in span[:-1].text:
            break
        span = span[:-1]
    return span


def _red_flags(stated: list[Span]) -> list[dict[str, Any]]:
    """One red_flag entity per flag id: its first, longest stated match (neither negated nor blocked)."""
    flags: dict[str, dict[str, Any]] = {}
    for span in stated:
        if span.id_ not in flags:
            trigger = _trigger(span)
            flags[span.id_] = _entity(
                RED_FLAG_ENTITY,
                span.id_,
                trigger,
                **{ENTITY_ATTRIBUTE_ROLE: RED_FLAG_ROLES[span.label_], ENTITY_ATTRIBUTE_TEXT: trigger.text},
            )
    return list(flags.values())


def rule_findings(doc: Doc) -> tuple[list[dict[str, Any]], NearFlag | None]:
    """Rasa entity dicts for every pattern match in a doc from `build_pipeline`, in text order, and the flag of a
    stated mention that still needs one of its cues ("I'm 70, is heat good for spasms?"), which gets the safety
    question instead of a red_flag entity."""
    stated = red_flag_mentions(doc)[0]
    confirmed: list[Span] = []
    unconfirmed: list[Span] = []
    for span in stated:
        (unconfirmed if needs_a_cue(span) else confirmed).append(span)
    told = {span.id_ for span in confirmed}
    unconfirmed = [span for span in unconfirmed if span.id_ not in told]  # "wakes me up" beside "worse at night"
    entities = _slot_entities(list(doc.spans[SPANS_KEY])) + _red_flags(confirmed)
    near = NearFlag(unconfirmed[0].id_, 1.0, unconfirmed[0].sent.text) if unconfirmed else None
    return sorted(entities, key=lambda entity: (entity[ENTITY_ATTRIBUTE_START], entity[ENTITY_ATTRIBUTE_END])), near


def find_entities(doc: Doc) -> list[dict[str, Any]]:
    """Rasa entity dicts for every pattern match in a doc from `build_pipeline`, in text order."""
    return rule_findings(doc)[0]


def _ranked_first(message: Message, intent_name: str, confidence: float = 1.0) -> None:
    """Make `intent_name` the intent with `confidence` and put it first in the ranking."""
    intent = {INTENT_NAME_KEY: intent_name, PREDICTED_CONFIDENCE_KEY: confidence}
    ranking = [other for other in message.get(INTENT_RANKING_KEY) or [] if other.get(INTENT_NAME_KEY) != intent_name]
    message.set(INTENT, intent, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [intent, *ranking], add_to_output=True)


def best_intent_without_red_flag(
    message: Message, fallback_threshold: float, retrieval_intent: str
) -> tuple[str, float]:
    """The classifier's best other intent given that the rules found no red flag.

    Its confidence is conditioned on "not a red flag" (divided by 1 - P(report_red_flag)); below
    the fallback threshold the answer is nlu_fallback, so the assistant searches the guide. Never the
    retrieval intent: its selector ran before this component, so it has no answer, and a message read
    as a red flag wants more than small talk.
    """
    ranking = message.get(INTENT_RANKING_KEY) or []
    flag_confidence = next(
        (entry[PREDICTED_CONFIDENCE_KEY] for entry in ranking if entry.get(INTENT_NAME_KEY) == RED_FLAG_INTENT), 0.0
    )
    others = [
        entry
        for entry in ranking
        if entry.get(INTENT_NAME_KEY) not in (RED_FLAG_INTENT, DEFAULT_NLU_FALLBACK_INTENT_NAME, retrieval_intent)
    ]
    if others and flag_confidence < 1.0:
        confidence = others[0][PREDICTED_CONFIDENCE_KEY] / (1.0 - flag_confidence)
        if confidence >= fallback_threshold:
            return others[0][INTENT_NAME_KEY], min(confidence, 1.0)
    return DEFAULT_NLU_FALLBACK_INTENT_NAME, 1.0


def override_intent(
    message: Message,
    entities: list[dict[str, Any]],
    near: NearFlag | None,
    fallback_threshold: float,
    retrieval_intent: str,
) -> None:
    """A red flag forces report_red_flag; a near one possible_red_flag; a predicted report_red_flag
    without either falls to the next intent."""
    if any(entity[ENTITY_ATTRIBUTE_TYPE] == RED_FLAG_ENTITY for entity in entities):
        _ranked_first(message, RED_FLAG_INTENT)
    elif near is not None:
        _ranked_first(message, POSSIBLE_RED_FLAG, near.similarity)
    elif (message.get(INTENT) or {}).get(INTENT_NAME_KEY) == RED_FLAG_INTENT:
        _ranked_first(message, *best_intent_without_red_flag(message, fallback_threshold, retrieval_intent))


def near_flag_entity(near: NearFlag, text: str) -> dict[str, Any]:
    """The possible_red_flag entity: the flag id, over the sentence that came close to it."""
    start = max(text.find(near.sentence), 0)
    return {
        ENTITY_ATTRIBUTE_TYPE: POSSIBLE_RED_FLAG,
        ENTITY_ATTRIBUTE_VALUE: near.flag_id,
        ENTITY_ATTRIBUTE_START: start,
        ENTITY_ATTRIBUTE_END: start + len(near.sentence),
        CONFIDENCE_ENTITY: near.similarity,
        EXTRACTOR: EXTRACTOR_NAME,
    }


class NoRedFlagPatterns(RasaException):
    """The model has no red-flag patterns, so it would never find a red flag."""


class MissingSetting(RasaException):
    """config.yml does not give one of REQUIRED_SETTINGS."""


# Settings config.yml must give: `fallback_threshold`, the FallbackClassifier's (an anchor there), for a
# demoted red-flag intent; `similarity_threshold`, how close a sentence must come to a red flag to get the
# safety question; `retrieval_intent`, the chit-chat selector's (an anchor there), which a demoted red-flag
# intent never falls to.
REQUIRED_SETTINGS = ("fallback_threshold", "similarity_threshold", "retrieval_intent")


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=True)
class RuleEntityExtractor(GraphComponent, EntityExtractorMixin):
    """Adds body_part, duration, pain_level, red_flag and possible_red_flag entities; goes last in the pipeline.

    Training builds the patterns from data/red_flags.yml and data/patterns/, and encodes the red flags'
    descriptions; both are kept in the model, the way Rasa's RegexEntityExtractor keeps its patterns.
    """

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """`patterns_dir`: entity pattern *.jsonl files (None: data/patterns); `red_flags_file`: None is
        data/red_flags.yml; `encoder_featurizer`: the alias of the SentenceEncoderFeaturizer whose sentence
        vector is reused; `weights_dir`: the encoder's weights (None: $ENCODER_DIR or .venv/encoder).

        No defaults for REQUIRED_SETTINGS: config.yml gives them, so no number is written twice.
        """
        return {
            "patterns_dir": None,
            "red_flags_file": None,
            "encoder_featurizer": "sentence_encoder",
            "weights_dir": None,
        }

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        patterns: list[dict[str, Any]],
        prototypes: Prototypes,
    ) -> None:
        self.config = config
        self.model_storage, self.resource = model_storage, resource
        missing = [name for name in REQUIRED_SETTINGS if config.get(name) is None]
        if missing:
            raise MissingSetting(f"{EXTRACTOR_NAME} needs {', '.join(missing)} in its config.yml entry.")
        self.fallback_threshold = float(config["fallback_threshold"])
        self.similarity_threshold = float(config["similarity_threshold"])
        self.retrieval_intent = str(config["retrieval_intent"])
        self.patterns, self.prototypes = patterns, prototypes
        self.nlp = pipeline_from_patterns(patterns)

    @staticmethod
    def _encoder_dir(config: dict[str, Any]) -> Path:
        return Path(config["weights_dir"]) if config.get("weights_dir") else weights_dir()

    @staticmethod
    def _patterns_dir(config: dict[str, Any]) -> Path:
        return Path(config["patterns_dir"]) if config.get("patterns_dir") else DEFAULT_PATTERNS_DIR

    @staticmethod
    def _red_flags_file(config: dict[str, Any]) -> Path:
        return Path(config["red_flags_file"]) if config.get("red_flags_file") else RED_FLAGS_FILE

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> RuleEntityExtractor:
        """Build the component from the source files; `train` keeps what it built in the model."""
        red_flags_file = cls._red_flags_file(config)
        described = [(flag.id, text) for flag in load_red_flags(red_flags_file) for text in flag.descriptions]
        described += [(CLEAR, text) for text in clear_descriptions(red_flags_file)]
        encodings = load_encoder(cls._encoder_dir(config)).encode([text for _, text in described])
        vectors = np.stack([encoding.sentence for encoding in encodings]).astype(np.float32)
        prototypes = Prototypes(tuple(label for label, _ in described), vectors)
        patterns = source_patterns(cls._patterns_dir(config), red_flags_file)
        return cls(config, model_storage, resource, patterns, prototypes)

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str:
        """The source files and the rule code: Rasa's training cache must not reuse patterns they changed."""
        files = [cls._red_flags_file(config), *sorted(cls._patterns_dir(config).glob("*.jsonl"))]
        parts = [path.read_text(encoding="utf-8") for path in files if path.exists()]
        parts += [inspect.getsource(module) for module in RULE_MODULES] + list(SHA256.values())
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()

    def train(self, training_data: TrainingData) -> Resource:
        """Keep the patterns and the encoded descriptions in the model."""
        with self.model_storage.write_to(self.resource) as directory:
            srsly.write_jsonl(directory / PATTERNS_FILE, self.patterns)
            np.savez(
                directory / PROTOTYPES_FILE, labels=np.array(self.prototypes.labels), vectors=self.prototypes.vectors
            )
        return self.resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> RuleEntityExtractor:
        """Load the patterns and descriptions kept in the model; refuse a model without red-flag patterns."""
        with model_storage.read_from(resource) as directory:
            patterns = list(srsly.read_jsonl(directory / PATTERNS_FILE))
            stored = np.load(directory / PROTOTYPES_FILE)
            prototypes = Prototypes(tuple(str(label) for label in stored["labels"]), stored["vectors"])
        if not any(pattern.get("label") in RED_FLAG_ROLES for pattern in patterns):
            raise NoRedFlagPatterns(
                "The model has no red-flag patterns, so it could not spot a red flag. Retrain it with `make train`."
            )
        return cls(config, model_storage, resource, patterns, prototypes)

    def _sentence_vectors(self, message: Message, sentences: list[str], whole_text: bool) -> np.ndarray:
        """Unit vectors of the sentences: the featurizer's own when the sentence is the whole message."""
        if whole_text:
            _, features = message.get_dense_features(TEXT, [self.config["encoder_featurizer"]])
            if features is not None:
                vector = np.asarray(features.features, dtype=np.float32).reshape(-1)
                return (vector / (np.linalg.norm(vector) or 1.0))[np.newaxis, :]
        encoder = load_encoder(self._encoder_dir(self.config))
        return np.stack([encoding.sentence for encoding in encoder.encode(sentences)])

    def near_flag(self, message: Message, doc: Doc) -> NearFlag | None:
        """The red flag a stated sentence of the message comes close to, if any reaches the threshold."""
        sentences = list(dict.fromkeys(sentence.text for sentence in considered_sentences(doc)))[:MAX_SENTENCES]
        if not sentences:
            return None
        whole_text = len(sentences) == 1 and sentences[0] == (message.get(TEXT) or "").strip()
        vectors = self._sentence_vectors(message, sentences, whole_text)
        return self.prototypes.nearest(sentences, vectors, self.similarity_threshold)

    def process(self, messages: list[Message]) -> list[Message]:
        """Add rule entities to each message and override its intent for a red flag or a near one."""
        for message in messages:
            text = message.get(TEXT) or ""
            try:
                doc = self.nlp(text[:MAX_CHARS])
                entities, unconfirmed = rule_findings(doc)
                near = (
                    None
                    if any(e[ENTITY_ATTRIBUTE_TYPE] == RED_FLAG_ENTITY for e in entities)
                    else unconfirmed or self.near_flag(message, doc)
                )
            except Exception:  # a rule failure must never take down the NLU pipeline
                logger.exception("RuleEntityExtractor failed on a message; leaving it unchanged.")
                continue
            if near is not None:
                entities.append(near_flag_entity(near, text))
            message.set(ENTITIES, [*(message.get(ENTITIES) or []), *entities], add_to_output=True)
            override_intent(message, entities, near, self.fallback_threshold, self.retrieval_intent)
        return messages
