"""The intent classifier leaves the server's log level as Rasa configured it."""

from __future__ import annotations

import subprocess
import sys

from testbed.servers import ROOT

CHECK = """
import logging
logging.basicConfig(level=logging.INFO)
import {module}
import skops.io  # what Rasa's LogisticRegressionClassifier imports when it saves or loads
print(logging.getLevelName(logging.root.level))
"""


def root_level_after_importing(module: str) -> str:
    run = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", CHECK.format(module=module)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return run.stdout.strip().splitlines()[-1]


def test_loading_the_classifier_keeps_info_logging() -> None:
    assert root_level_after_importing("components.intent_classifier") == "INFO"


def test_without_it_skops_would_silence_info_logging() -> None:
    # The fault the module exists for: if this ever passes as INFO, the workaround can go.
    assert root_level_after_importing("logging") == "WARNING"
