"""Shared fixtures: one real Rasa server and one action server for the whole test session."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.servers import Assistant


@pytest.fixture(scope="session")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Assistant]:
    """The running assistant (about a minute to start, so once per session)."""
    servers = Assistant(Path(tmp_path_factory.mktemp("assistant")))
    try:
        servers.start_actions()
        servers.start_rasa()
        yield servers
    finally:
        servers.stop_rasa()
        servers.stop_actions()


_senders = itertools.count()


@pytest.fixture
def sender(request: pytest.FixtureRequest) -> str:
    """A fresh conversation id for each test."""
    return f"test-{request.node.name[:40]}-{next(_senders)}"
