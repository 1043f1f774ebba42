"""When NLU is unsure: search the guidance with BM25 over spaCy lemmas, or say honestly that we don't know."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from rank_bm25 import BM25Okapi
from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction
from rasa_sdk.executor import CollectingDispatcher
from spacy.lang.en.stop_words import STOP_WORDS

from actions.knowledge import Section, guidance, section_for_intent
from actions.own_pain import may_start_symptom_check, needs_emergency_screen, wants_own_pain_assessed
from actions.own_pain_words import tells_own_pain
from actions.replies import (
    FIRST_TOPICS,
    PRODUCT_SECTION,
    TOPICS,
    disclaim_once,
    latest_text,
    offer_topics,
    section_reply,
)
from actions.triage import screen_first
from components.language import MAX_CHARS, build_pipeline, content_lemmas, lemmas
from components.mentions import about_someone_else, red_flag_mentions
from components.negation import is_negated
from components.red_flags import load_red_flags

MIN_SCORE = 2.0
WARNING_SECTION = "warning_signs"
# The article's products are offered only to someone who asks about products.
PRODUCT_TERMS = frozenset(
    {
        "product",
        "hemp",
        "cbd",
        "cbdmedic",
        "gummy",
        "gummies",
        "ointment",
        "cream",
        "buy",
        "brand",
        "charlotte",
        "shop",
        "menthol",
        "camphor",
        "balm",
    }
)
# CBD dictated or spelt out: "see bee dee oil", "c b d gummies"
SPOKEN_CBD = re.compile(r"\b(?:see|c)[ .-]+(?:bee|b)[ .-]+(?:dee|d)\b", re.IGNORECASE)
MIN_CANDIDATE_CONFIDENCE = 0.1
MAX_CANDIDATES = 3
WORD = re.compile(r"[^\W\d_]+")
PAIN_DETAILS = {"body_part", "duration", "pain_level"}
# fmt: off
QUESTION_WORDS = {
    "what", "whats", "how", "why", "when", "where", "which", "who", "is", "are", "does", "do", "can", "could",
    "should", "would", "will", "am", "any", "anything",
    "wot", "wat", "wht", "wut", "wots", "wats", "hw", "hows",  # texting spellings: "wot brings on a spasm"
}
# fmt: on


@lru_cache(maxsize=1)
def warning_terms() -> frozenset[str]:
    """The lemmas of the warning-sign passage, the words that would pull it into an answer, and of the red flags'
    checklists ("numbness", "bladder") and descriptions ("numb")."""
    flags = load_red_flags()
    words = " ".join([guidance()[WARNING_SECTION].answer, *(flag.checklist for flag in flags)])
    return frozenset(lemmas(" ".join([words, *(text for flag in flags for text in flag.descriptions)])))


def query_terms(text: str) -> list[str]:
    """The lemmas to search for, leaving out the warning signs the person negated or put on someone else.

    "no numbness or fever, just stiff" searches for "stiff", and "my dad had cancer" drops the
    cancer: a dismissed sign never pulls the warning-sign or emergency passages into an answer.
    """
    doc = build_pipeline()(text[:MAX_CHARS])
    dismissed = {token.i for span in [*red_flag_mentions(doc)[1], *about_someone_else(doc)] for token in span}
    dismissed |= {
        token.i for token in doc if token.lemma_.lower() in warning_terms() and is_negated(doc[token.i : token.i + 1])
    }
    return content_lemmas(token for token in doc if token.i not in dismissed)


def asks_about_products(text: str) -> bool:
    """True when the message names a product, a brand or buying something."""
    return not PRODUCT_TERMS.isdisjoint([*lemmas(text), *WORD.findall(text.lower())]) or bool(SPOKEN_CBD.search(text))


def searchable_topics(text: str) -> tuple[str, ...]:
    """The topics a search may answer with: the products only when the message asks about them."""
    return TOPICS if asks_about_products(text) else tuple(topic for topic in TOPICS if topic != PRODUCT_SECTION)


def is_question(text: str) -> bool:
    """A question mark, or a first word that opens a question."""
    words = WORD.findall(text.lower())
    return text.rstrip().endswith("?") or bool(words and words[0] in QUESTION_WORDS)


def describes_own_pain(tracker: Tracker) -> bool:
    """A statement, not a question, naming a place, a duration or a pain score, or telling of one's own pain
    ("back's gone again, can hardly move"): the symptom check, not a guessed passage, is the answer."""
    text = latest_text(tracker)
    entities = {entity.get("entity") for entity in tracker.latest_message.get("entities", [])}
    return bool(entities & PAIN_DETAILS or tells_own_pain(text)) and not is_question(text)


def looks_english(text: str) -> bool:
    """False for a message of three or more words none of which is a common English word."""
    words = WORD.findall(text.lower())
    return len(words) < 3 or any(word in STOP_WORDS for word in words)


class GuideIndex:
    """A BM25 index over the title and answer of each searchable section."""

    def __init__(self, sections: list[Section]) -> None:
        self.sections = sections
        self.bm25 = BM25Okapi([lemmas(f"{section.title} {section.answer}") or ["-"] for section in sections])

    def best(self, query: str) -> tuple[Section | None, float]:
        """The best-scoring section for a query and its score; None when nothing scores."""
        terms = query_terms(query)
        if not terms:
            return None, 0.0
        scores = self.bm25.get_scores(terms)
        best = max(range(len(scores)), key=lambda index: scores[index])
        return self.sections[best], float(scores[best])


def likely_topics(tracker: Tracker, allowed: tuple[str, ...]) -> list[str]:
    """The allowed topics the intent classifier half-believed in, most likely first."""
    ranking = tracker.latest_message.get("intent_ranking") or []
    topics = [
        section.id
        for entry in ranking
        if entry.get("confidence", 0.0) >= MIN_CANDIDATE_CONFIDENCE
        and (section := section_for_intent(entry.get("name"))) is not None
        and section.id in allowed
    ]
    return topics[:MAX_CANDIDATES]


@lru_cache(maxsize=4)
def guide_index(section_ids: tuple[str, ...]) -> GuideIndex:
    """One index per set of searchable sections, built on first use."""
    sections = guidance()
    return GuideIndex([sections[section_id] for section_id in section_ids])


def warm_up() -> None:
    """Build what a search needs (the spaCy pipeline, the warning terms, the index with and without the products)
    before the server takes its first message: some 8 s on two cores that its first searcher would wait."""
    warning_terms()
    for topics in {TOPICS, searchable_topics("")}:
        guide_index(topics)


class ActionGuideSearch(Action):
    """Offer the closest guidance passage when NLU is unsure; never guess beyond the guide."""

    def name(self) -> str:
        return "action_guide_search"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        text = latest_text(tracker)
        if not text.strip():
            dispatcher.utter_message(response="utter_no_words")
            offer_topics(dispatcher, tracker, {"response": "utter_what_about_back_spasms"}, FIRST_TOPICS)
            return []
        if not looks_english(text):
            dispatcher.utter_message(response="utter_english_only")
            offer_topics(dispatcher, tracker, {"response": "utter_topics"}, TOPICS)
            return []
        if wants_own_pain_assessed(tracker, None) or (may_start_symptom_check(tracker) and describes_own_pain(tracker)):
            return [FollowupAction("action_start_symptom_check")]
        allowed = searchable_topics(text)
        section, score = guide_index(allowed).best(text)
        if section is None or score < MIN_SCORE:
            candidates = likely_topics(tracker, allowed)
            if candidates:
                offer_topics(dispatcher, tracker, {"response": "utter_did_you_mean"}, candidates)
                return []
            offer_topics(dispatcher, tracker, {"response": "utter_dont_know"}, TOPICS)
            return []
        if wants_own_pain_assessed(tracker, section.id):
            return [FollowupAction("action_start_symptom_check")]
        if needs_emergency_screen(tracker, section.id):
            return screen_first(section)
        events = disclaim_once(dispatcher, tracker)
        dispatcher.utter_message(response="utter_guide_says")
        offer_topics(dispatcher, tracker, section_reply(section), section.related)
        return events
