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
