"""The extractor's settings as Rasa gives them from config.yml, for tests that build the component directly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from components.extractor import RuleEntityExtractor

CONFIG = Path(__file__).resolve().parents[1] / "config.yml"
EXTRACTOR = "components.extractor.RuleEntityExtractor"


def pipeline_entry(name: str) -> dict[str, Any]:
    """A component's entry in config.yml's pipeline, anchors resolved."""
    return next(entry for entry in yaml.safe_load(CONFIG.read_text())["pipeline"] if entry["name"] == name)


def extractor_config(**overrides: Any) -> dict[str, Any]:
    """The component's defaults, then config.yml's settings, then the overrides: what Rasa would pass it."""
    settings = {key: value for key, value in pipeline_entry(EXTRACTOR).items() if key != "name"}
    return {**RuleEntityExtractor.get_default_config(), **settings, **overrides}
