"""Fixtures for action tests: trackers from named JSON snapshots, a dispatcher and the domain."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

ROOT = Path(__file__).resolve().parents[2]
TRACKERS = ROOT / "tests/data/trackers"


@pytest.fixture
def tracker_from() -> Callable[[str], Tracker]:
    """Load tests/data/trackers/<name>.json as a Tracker."""

    def load(name: str) -> Tracker:
        return Tracker.from_dict(json.loads((TRACKERS / f"{name}.json").read_text()))

    return load


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    """A dispatcher that collects what an action says."""
    return CollectingDispatcher()


@pytest.fixture(scope="session")
def domain() -> dict[str, Any]:
    """The project's domain, as the action server receives it."""
    return yaml.safe_load((ROOT / "domain.yml").read_text())


@pytest.fixture(scope="session")
def render(domain: dict[str, Any]) -> Callable[[CollectingDispatcher], list[str]]:
    """What the user reads of each message an action sent: its domain response filled in the way Rasa's
    TemplatedNaturalLanguageGenerator does it on the server, or its text. A missing response or a
    placeholder left unfilled fails the test."""
    from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator

    nlg = TemplatedNaturalLanguageGenerator(domain["responses"])

    def texts(dispatcher: CollectingDispatcher) -> list[str]:
        said = []
        for message in dispatcher.messages:
            if not message.get("response"):
                said.append(message.get("text") or "")
                continue
            variables = {key: value for key, value in message.items() if key != "response"}
            draft = nlg.generate_from_slots(message["response"], {}, "collector", **variables)
            assert draft is not None, f"{message['response']} is not in domain.yml"
            assert "{" not in draft["text"], f"{message['response']} has a placeholder left: {draft['text']!r}"
            said.append(draft["text"])
        return said

    return texts
