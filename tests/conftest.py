"""Shared fixtures: one real Rasa server and one action server for the whole test session."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from testbed.servers import Assistant, running_assistant


@pytest.fixture(scope="session")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Assistant]:
    """The running assistant (about a minute to start, so once per session)."""
    with running_assistant(tmp_path_factory.mktemp("assistant")) as servers:
        yield servers


_senders = itertools.count()


@pytest.fixture
def sender(request: pytest.FixtureRequest) -> str:
    """A fresh conversation id for each test."""
    return f"test-{request.node.name[:40]}-{next(_senders)}"
