"""Rasa component: rule-based entities and red flags from spaCy patterns; a red flag overrides the intent."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
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
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from components.durations import to_days, to_pain_level
from components.language import DEFAULT_PATTERNS_DIR, MAX_CHARS, SPANS_KEY, build_pipeline
from components.mentions import RED_FLAG_ROLES, red_flag_mentions

logger = logging.getLogger(__name__)

EXTRACTOR_NAME = "RuleEntityExtractor"
CONFIDENCE_ENTITY = "confidence_entity"
RED_FLAG_ENTITY = "red_flag"
RED_FLAG_INTENT = "report_red_flag"
VALUES: dict[str, Callable[[Span], Any]] = {
    "body_part": lambda span: span.id_,
    "duration": to_days,
    "pain_level": to_pain_level,
}
# Labels that exist only to hide a wrong match of another label ("twice a day", "60 years old").
SHADOWS = {"frequency": "duration", "age": "duration"}
# Words a pattern may need after the trigger ("I'm 17 and ...") but that are not part of it.
TRAILING_JOINERS = {"and", "but", "so", "&", "with"}


def _entity(label: str, value: Any, span: Span, **extra: Any) -> dict[str, Any]:
    """One Rasa entity dict for a span."""
    return {
        ENTITY_ATTRIBUTE_TYPE: label,
        ENTITY_ATTRIBUTE_VALUE: value,
        ENTITY_ATTRIBUTE_START: span.start_char,
        ENTITY_ATTRIBUTE_END: span.end_char,
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
    """The span without trailing punctuation or joining words, for quoting back to the user."""
    while len(span) > 1 and (span[-1].is_punct or span[-1].lower_ in TRAILING_JOINERS):
        span = span[:-1]
    return span


def _red_flags(doc: Doc) -> list[dict[str, Any]]:
    """One red_flag entity per flag id: its first, longest stated match (neither negated nor blocked)."""
    flags: dict[str, dict[str, Any]] = {}
    for span in red_flag_mentions(doc)[0]:
        if span.id_ not in flags:
            trigger = _trigger(span)
            flags[span.id_] = _entity(
                RED_FLAG_ENTITY,
                span.id_,
                trigger,
                **{ENTITY_ATTRIBUTE_ROLE: RED_FLAG_ROLES[span.label_], ENTITY_ATTRIBUTE_TEXT: trigger.text},
            )
    return list(flags.values())


def find_entities(doc: Doc) -> list[dict[str, Any]]:
    """Rasa entity dicts for every pattern match in a doc from `build_pipeline`, in text order."""
    entities = _slot_entities(list(doc.spans[SPANS_KEY])) + _red_flags(doc)
    return sorted(entities, key=lambda entity: (entity[ENTITY_ATTRIBUTE_START], entity[ENTITY_ATTRIBUTE_END]))


def _ranked_first(message: Message, intent_name: str, confidence: float = 1.0) -> None:
    """Make `intent_name` the intent with `confidence` and put it first in the ranking."""
    intent = {INTENT_NAME_KEY: intent_name, PREDICTED_CONFIDENCE_KEY: confidence}
    ranking = [other for other in message.get(INTENT_RANKING_KEY) or [] if other.get(INTENT_NAME_KEY) != intent_name]
    message.set(INTENT, intent, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [intent, *ranking], add_to_output=True)


def best_intent_without_red_flag(message: Message, fallback_threshold: float) -> tuple[str, float]:
    """The classifier's best other intent given that the rules found no red flag.

    Its confidence is conditioned on "not a red flag" (divided by 1 - P(report_red_flag)); below
    the fallback threshold the answer is nlu_fallback, so the assistant searches the guide.
    """
    ranking = message.get(INTENT_RANKING_KEY) or []
    flag_confidence = next(
        (entry[PREDICTED_CONFIDENCE_KEY] for entry in ranking if entry.get(INTENT_NAME_KEY) == RED_FLAG_INTENT), 0.0
    )
    others = [
        entry
        for entry in ranking
        if entry.get(INTENT_NAME_KEY) not in (RED_FLAG_INTENT, DEFAULT_NLU_FALLBACK_INTENT_NAME)
    ]
    if others and flag_confidence < 1.0:
        confidence = others[0][PREDICTED_CONFIDENCE_KEY] / (1.0 - flag_confidence)
        if confidence >= fallback_threshold:
            return others[0][INTENT_NAME_KEY], min(confidence, 1.0)
    return DEFAULT_NLU_FALLBACK_INTENT_NAME, 1.0


def override_intent(message: Message, entities: list[dict[str, Any]], fallback_threshold: float) -> None:
    """A red flag forces report_red_flag; a predicted report_red_flag without one falls to the next intent."""
    if any(entity[ENTITY_ATTRIBUTE_TYPE] == RED_FLAG_ENTITY for entity in entities):
        _ranked_first(message, RED_FLAG_INTENT)
    elif (message.get(INTENT) or {}).get(INTENT_NAME_KEY) == RED_FLAG_INTENT:
        _ranked_first(message, *best_intent_without_red_flag(message, fallback_threshold))


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class RuleEntityExtractor(GraphComponent, EntityExtractorMixin):
    """Adds body_part, duration, pain_level and red_flag entities; goes last in the NLU pipeline."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """`patterns_dir`: folder of spaCy pattern *.jsonl files (None: data/patterns);
        `fallback_threshold`: the FallbackClassifier's threshold, for a demoted red-flag intent."""
        return {"patterns_dir": None, "fallback_threshold": 0.55}

    def __init__(self, config: dict[str, Any]) -> None:
        patterns_dir = config.get("patterns_dir")
        self.fallback_threshold = float(config["fallback_threshold"])
        self.nlp: Language = build_pipeline(Path(patterns_dir) if patterns_dir else DEFAULT_PATTERNS_DIR)

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> RuleEntityExtractor:
        """Build the component; it has nothing to train."""
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        """Add rule entities to each message and override its intent when a red flag is found."""
        for message in messages:
            try:
                entities = find_entities(self.nlp((message.get(TEXT) or "")[:MAX_CHARS]))
            except Exception:  # a rule failure must never take down the NLU pipeline
                logger.exception("RuleEntityExtractor failed on a message; leaving it unchanged.")
                continue
            message.set(ENTITIES, [*(message.get(ENTITIES) or []), *entities], add_to_output=True)
            override_intent(message, entities, self.fallback_threshold)
        return messages
