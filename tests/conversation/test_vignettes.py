"""The blind red-flag vignettes, sent through the REST channel to the trained assistant."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from actions.knowledge import guidance
from actions.triage import TIER_SECTIONS
from testbed.replies import answered
from testbed.servers import Assistant

VIGNETTES = yaml.safe_load((Path(__file__).resolve().parents[1] / "vignettes/red_flags.yml").read_text())
MAX_FALSE_ALARMS = 1


def tier_of_reply(assistant: Assistant, sender: str, text: str) -> str | None:
    """Which triage tier the assistant's reply gives, if any."""
    reply = answered(assistant.talk(sender, text))
    for tier, section_id in TIER_SECTIONS.items():
        if guidance()[section_id].answer.strip() in reply:
            return tier
    return None


@pytest.fixture(scope="module")
def outcomes(assistant: Assistant) -> dict[str, list[tuple[dict, str | None]]]:
    """Every vignette with the tier the assistant gave it, each in a conversation of its own."""
    return {
        group: [
            (case, tier_of_reply(assistant, f"vignette-{group}-{index}", case["text"]))
            for index, case in enumerate(VIGNETTES[group])
        ]
        for group in ("red_flags", "safe")
    }


def test_every_red_flag_is_caught_at_its_tier(outcomes: dict) -> None:
    flagged = outcomes["red_flags"]
    missed = [case["text"] for case, tier in flagged if tier is None]
    wrong_tier = [
        case["text"] for case, tier in flagged if tier and case["tier"] == "emergency" and tier != "emergency"
    ]
    recall = 1 - len(missed) / len(flagged)
    print(f"\nred-flag recall: {recall:.1%} ({len(flagged) - len(missed)}/{len(flagged)})")
    assert len(flagged) >= 30
    assert missed == []
    assert wrong_tier == []


def test_look_alike_messages_raise_almost_no_false_alarm(outcomes: dict) -> None:
    safe = outcomes["safe"]
    alarms = [case["text"] for case, tier in safe if tier is not None]
    print(f"\nfalse-alarm rate: {len(alarms) / len(safe):.1%} ({len(alarms)}/{len(safe)}) {alarms}")
    assert len(safe) >= 30
    assert len(alarms) <= MAX_FALSE_ALARMS, alarms
