"""The rule detector against the blind vignette set: every red flag at its tier, almost no false alarms."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from components.extractor import find_entities
from components.language import build_pipeline

VIGNETTES = Path(__file__).resolve().parents[1] / "vignettes" / "red_flags.yml"
MAX_FALSE_ALARMS = 1


@pytest.fixture(scope="module")
def vignettes() -> dict[str, list[dict[str, Any]]]:
    return yaml.safe_load(VIGNETTES.read_text())


def found(text: str) -> list[dict[str, Any]]:
    """The red-flag entities the detector finds in `text`."""
    return [entity for entity in find_entities(build_pipeline()(text)) if entity["entity"] == "red_flag"]


def test_every_red_flag_vignette_is_caught_at_its_tier(vignettes: dict[str, list[dict[str, Any]]]) -> None:
    cases = vignettes["red_flags"]
    missed = [case for case in cases if case["tier"] not in {flag["role"] for flag in found(case["text"])}]
    print(f"\nrecall: {len(cases) - len(missed)}/{len(cases)} = {1 - len(missed) / len(cases):.1%}")
    assert missed == []


def test_safe_vignettes_raise_at_most_one_false_alarm(vignettes: dict[str, list[dict[str, Any]]]) -> None:
    cases = vignettes["safe"]
    alarms = [(case["text"], [flag["value"] for flag in found(case["text"])]) for case in cases]
    alarms = [alarm for alarm in alarms if alarm[1]]
    print(f"\nfalse alarms: {len(alarms)}/{len(cases)} = {len(alarms) / len(cases):.1%}")
    assert len(alarms) <= MAX_FALSE_ALARMS, alarms
