"""Shared fixtures (one real Rasa server and one action server for the whole session) and the test markers."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from testbed.servers import Assistant, running_assistant


@pytest.fixture(scope="session")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Assistant]:
    """The running assistant (about a minute to start, so once per session), with a second Rasa server for the bulk
    suites."""
    with running_assistant(tmp_path_factory.mktemp("assistant"), bulk=True) as servers:
        yield servers


# A test that uses one of these fixtures talks to a server over a socket: it is end to end (`e2e`), the rest `unit`.
SERVER_FIXTURES = frozenset(
    {"assistant", "web", "socket_user", "telegram", "rasa", "start_bot", "start_user", "channel", "cluster"}
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test `e2e` or `unit` by the fixtures it uses, so `pytest -m unit` runs in seconds."""
    for item in items:
        item.add_marker("e2e" if SERVER_FIXTURES & set(getattr(item, "fixturenames", ())) else "unit")


_senders = itertools.count()


@pytest.fixture
def sender(request: pytest.FixtureRequest) -> str:
    """A fresh conversation id for each test."""
    return f"test-{request.node.name[:40]}-{next(_senders)}"
