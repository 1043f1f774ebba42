"""The blind triage suites as regression sets: red flags in first messages, and multi-turn patient vignettes.

Written by someone who had not read data/ or the patterns, before any tuning; never edited to pass.
`python -m bench.triage` prints the whole report; the first scores and the targets are in bench/RESULTS.md.
"""

from __future__ import annotations

import pytest

from bench.triage import FirstMessage, Vignette, report, summary
from testbed.bulk_runs import BulkRuns

# Floors just under what the fifty-four first-message suites and the three vignette suites measured together on
# 2026-12-05, session 52 (4378/4400 at once, 4385/4400 caught by advice or a safety question about the message's own
# flag, 91/4413 false alarms, 104/104 vignettes); the recall targets are 100%. The twentieth suite brought them under
# 0.99 at session 34.
MIN_RIGHT_AT_ONCE = 0.985
MIN_CAUGHT = 0.985
MAX_FALSE_ALARM_RATE = 1 / 30
MIN_VIGNETTES_RIGHT = 0.99
# The target, met since the emergency question comes before any home-care tip to a person in pain.
MAX_EMERGENCY_HOME_ADVICE_FIRST = 0


@pytest.fixture(scope="module")
def first(bulk_runs: BulkRuns) -> list[FirstMessage]:
    """Every first message, once each of them is seen to get a real answer."""
    outcomes = bulk_runs.first_messages()
    assert [(outcome.text, outcome.error) for outcome in outcomes if outcome.error] == []
    return outcomes


@pytest.fixture(scope="module")
def vignettes(bulk_runs: BulkRuns) -> list[Vignette]:
    """Every vignette, once each of its turns is seen to get a real answer."""
    outcomes = bulk_runs.vignettes()
    assert [(outcome.id, outcome.errors) for outcome in outcomes if outcome.errors] == []
    return outcomes


def test_red_flags_in_first_messages_are_caught(first: list[FirstMessage], vignettes: list[Vignette]) -> None:
    scores = summary(first, vignettes)
    print("\n" + report(first, vignettes))
    assert scores["red_flags"] >= 60
    assert scores["right_at_once"] >= MIN_RIGHT_AT_ONCE * scores["red_flags"]
    assert scores["caught"] >= MIN_CAUGHT * scores["red_flags"]


def test_look_alikes_raise_few_alarms(first: list[FirstMessage]) -> None:
    safe = [outcome for outcome in first if not outcome.expected]
    alarms = [outcome.text for outcome in safe if outcome.alarmed]
    assert len(safe) >= 60
    assert len(alarms) <= MAX_FALSE_ALARM_RATE * len(safe), alarms


def test_vignettes_end_at_the_right_level(vignettes: list[Vignette]) -> None:
    assert len(vignettes) >= 40
    wrong = [(vignette.id, vignette.levels) for vignette in vignettes if not vignette.right]
    assert len(vignettes) - len(wrong) >= MIN_VIGNETTES_RIGHT * len(vignettes), wrong


def test_home_advice_before_emergency_advice_no_more_often_than_measured(vignettes: list[Vignette]) -> None:
    emergencies = [vignette for vignette in vignettes if vignette.expected == "emergency"]
    assert len(emergencies) >= 10
    advised_first = [vignette.id for vignette in emergencies if vignette.home_advice_before_alarm]
    assert len(advised_first) <= MAX_EMERGENCY_HOME_ADVICE_FIRST, advised_first
