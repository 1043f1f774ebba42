"""The knowledge base: complete, consistent, credited, and holding the article's facts."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from actions import replies, search, symptom_check, triage
from actions.knowledge import KnowledgeBaseError, guidance, load_guidance, section_for_intent

ROOT = Path(__file__).resolve().parents[2]


def test_every_section_is_complete_and_credited() -> None:
    for section in guidance().values():
        assert section.title and section.answer and section.source.name and section.source.section, section.id


def test_every_topic_intent_has_a_section_and_a_rule() -> None:
    intents = yaml.safe_load((ROOT / "domain.yml").read_text())["intents"]
    topic_intents = [
        intent
        for intent in intents
        if isinstance(intent, str) and intent.startswith("ask_") and intent not in {"ask_is_serious", "ask_summary"}
    ]
    rules = (ROOT / "data/rules/topics.yml").read_text()
    assert sorted(topic_intents) == sorted(f"ask_{topic}" for topic in replies.TOPICS)
    for intent in topic_intents:
        assert section_for_intent(intent) is not None, intent
        assert f"intent: {intent}\n" in rules, intent


def test_every_section_an_action_names_exists() -> None:
    referenced = {
        *replies.TOPICS,
        *triage.TIER_SECTIONS.values(),
        symptom_check.SELF_CARE_SECTION,
        symptom_check.SAFETY_NET_SECTION,
        symptom_check.SEE_DOCTOR_SECTION,
    }
    assert referenced <= set(guidance())


@pytest.mark.parametrize(
    ("section_id", "facts"),
    [
        ("prevalence", ["80%"]),
        ("cold_therapy", ["15 to 20 minutes", "two hours"]),
        ("heat_therapy", ["blood flow"]),
        ("rest_and_movement", ["bending", "twisting", "walk"]),
        ("medication", ["over the counter", "prescription", "cortisone"]),
        ("when_to_see_doctor", ["two weeks", "very bad"]),
        ("causes", ["posture", "stress", "two weeks"]),
        (
            "hemp_products",
            [
                "CBDMEDIC",
                "menthol",
                "camphor",
                "ginger",
                "turmeric",
                "melatonin",
                "temporary relief",
                "not medical advice",
            ],
        ),
        ("sleep", ["sleep", "rest"]),
        ("what_is_spasm", ["on their own"]),
        ("emergency_care", ["999", "911"]),
    ],
)
def test_article_facts_are_in_the_knowledge_base(section_id: str, facts: list[str]) -> None:
    answer = guidance()[section_id].answer.lower()
    for fact in facts:
        assert fact.lower() in answer, f"{section_id} lacks {fact!r}"


def test_safety_guidance_names_a_public_source() -> None:
    for section_id in ("warning_signs", "emergency_care", "urgent_care", "safety_net"):
        source = guidance()[section_id].source.name
        assert "NHS" in source or "NICE" in source, section_id


def test_an_empty_answer_is_refused(tmp_path: Path) -> None:
    (tmp_path / "broken.yml").write_text(
        "id: broken\ntitle: Broken\nsource: {name: x, section: y}\nanswer: '  '\nrelated: []\n"
    )
    with pytest.raises(KnowledgeBaseError, match="answer"):
        load_guidance(tmp_path)


def test_a_dangling_related_id_is_refused(tmp_path: Path) -> None:
    (tmp_path / "lonely.yml").write_text(
        "id: lonely\ntitle: Lonely\nsource: {name: x, section: y}\nanswer: text\nrelated: [nowhere]\n"
    )
    with pytest.raises(KnowledgeBaseError, match="nowhere"):
        load_guidance(tmp_path)


def test_a_file_name_must_match_its_id(tmp_path: Path) -> None:
    (tmp_path / "one.yml").write_text("id: two\ntitle: T\nsource: {name: x, section: y}\nanswer: text\n")
    with pytest.raises(KnowledgeBaseError, match="differs"):
        load_guidance(tmp_path)


def test_an_answer_writes_its_lists_as_bullets(tmp_path: Path) -> None:
    (tmp_path / "signs.yml").write_text(
        "id: signs\ntitle: T\nsource: {name: x, section: y}\n"
        "lists: {red: [one, two]}\nanswer: 'Watch for:\n\n  {red}'\n"
    )
    section = load_guidance(tmp_path)["signs"]
    assert section.answer == "Watch for:\n• one\n• two"
    assert section.lists == {"red": ("one", "two")}


@pytest.mark.parametrize(
    "fields",
    ["lists: {red: []}\nanswer: '{red}'", "answer: 'Watch for {missing}'", "answer: 'a stray { brace'"],
)
def test_a_list_that_is_empty_or_missing_is_refused(tmp_path: Path, fields: str) -> None:
    (tmp_path / "signs.yml").write_text(f"id: signs\ntitle: T\nsource: {{name: x, section: y}}\n{fields}\n")
    with pytest.raises(KnowledgeBaseError, match="signs.yml"):
        load_guidance(tmp_path)


def test_search_threshold_is_positive() -> None:
    assert search.MIN_SCORE > 0
