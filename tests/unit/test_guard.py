"""What the channels prepare before their first message (channels/guard.py)."""

from __future__ import annotations

import logging

from channels.guard import _WATCHER, prepare
from components.language import build_pipeline


def test_prepare_builds_the_red_flag_pipeline_and_watches_rasa_errors_once() -> None:
    """The first over-long message is then answered at once: building the pipeline took 5.5 s on two cores."""
    build_pipeline.cache_clear()
    prepare()
    prepare()
    assert build_pipeline.cache_info().currsize == 1
    assert logging.getLogger("rasa").handlers.count(_WATCHER) == 1
