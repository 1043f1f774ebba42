"""The guidance knowledge base: one YAML file per section under guidance/, loaded once per process."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from components.red_flags import load_red_flags

GUIDANCE_DIR = Path(__file__).resolve().parent.parent / "guidance"
TOPIC_INTENT_PREFIX = "ask_"


@dataclass(frozen=True)
class Source:
    """Where a section's facts come from."""

    name: str
    section: str


@dataclass(frozen=True)
class Section:
    """One section of the guidance, in our own words, credited to its source."""

    id: str
    title: str
    source: Source
    answer: str
    related: tuple[str, ...]
    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def intent(self) -> str:
        """The intent that asks for this section."""
        return TOPIC_INTENT_PREFIX + self.id


class KnowledgeBaseError(ValueError):
    """The guidance files are incomplete or inconsistent."""


def parse_lists(data: dict, origin: str) -> dict[str, tuple[str, ...]]:
    """A section's named lists (`lists: {name: [item, ...]}`), each non-empty, items stripped."""
    lists = {str(name): tuple(str(item).strip() for item in items or ()) for name, items in data.items()}
    for name, items in lists.items():
        if not items or not all(items):
            raise KnowledgeBaseError(f"{origin}: list '{name}' is empty or has an empty item")
    return lists


def red_flag_lists() -> dict[str, tuple[str, ...]]:
    """The checklist wording of every red flag in data/red_flags.yml, by tier: emergency_signs, urgent_signs."""
    flags = load_red_flags()
    return {
        f"{tier}_signs": tuple(flag.checklist for flag in flags if flag.tier == tier)
        for tier in ("emergency", "urgent")
    }


def bullets(items: tuple[str, ...]) -> str:
    """Items as bullet lines."""
    return "\n".join(f"• {item}" for item in items)


def parse_section(data: dict, origin: str) -> Section:
    """Build a Section from one file's mapping, refusing anything empty or missing.

    The answer may name the section's lists as {name}: each is written there as bullet lines, so a
    list that an action also uses (the symptom check's warning signs) is kept in one place. With
    `red_flag_lists: true` the section gets the red flags' checklists too (`red_flag_lists`).
    """
    try:
        lists = parse_lists(data.get("lists") or {}, origin) | (red_flag_lists() if data.get("red_flag_lists") else {})
        answer = str(data["answer"]).strip().format(**{name: bullets(items) for name, items in lists.items()})
        section = Section(
            id=str(data["id"]).strip(),
            title=str(data["title"]).strip(),
            source=Source(str(data["source"]["name"]).strip(), str(data["source"]["section"]).strip()),
            answer=answer,
            related=tuple(data.get("related") or ()),
            lists=lists,
        )
    except (KeyError, IndexError, TypeError, AttributeError, ValueError) as error:
        raise KnowledgeBaseError(f"{origin}: a missing field or list, or a stray brace: {error}") from None
    for name in ("id", "title", "answer"):
        if not getattr(section, name):
            raise KnowledgeBaseError(f"{origin}: '{name}' is empty")
    if not section.source.name or not section.source.section:
        raise KnowledgeBaseError(f"{origin}: the source is empty")
    return section


def load_guidance(directory: Path = GUIDANCE_DIR) -> dict[str, Section]:
    """Read every section file and check that ids match file names and related ids exist."""
    sections: dict[str, Section] = {}
    for path in sorted(directory.glob("*.yml")):
        section = parse_section(yaml.safe_load(path.read_text(encoding="utf-8")) or {}, path.name)
        if section.id != path.stem:
            raise KnowledgeBaseError(f"{path.name}: id '{section.id}' differs from the file name")
        sections[section.id] = section
    if not sections:
        raise KnowledgeBaseError(f"no guidance sections in {directory}")
    for section in sections.values():
        missing = [related for related in section.related if related not in sections]
        if missing:
            raise KnowledgeBaseError(f"{section.id}: related sections {missing} do not exist")
    return sections


@lru_cache(maxsize=1)
def guidance() -> dict[str, Section]:
    """The knowledge base of this process, loaded on first use."""
    return load_guidance()


def section_for_intent(intent: str | None) -> Section | None:
    """The section that answers a topic intent (ask_<id>), if there is one."""
    if not intent or not intent.startswith(TOPIC_INTENT_PREFIX):
        return None
    return guidance().get(intent[len(TOPIC_INTENT_PREFIX) :])
