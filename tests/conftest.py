"""Shared fixtures (one real Rasa server and one action server for the whole session; the bulk suites on servers of
their own, in the background) and the test markers."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from testbed.bulk_runs import BulkRuns
from testbed.servers import Assistant, running_assistant

BULK_FIXTURE = "bulk_runs"


@pytest.fixture(scope="session")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Assistant]:
    """The running assistant (about a minute to start, so once per session)."""
    with running_assistant(tmp_path_factory.mktemp("assistant")) as servers:
        yield servers


@pytest.fixture(scope="session", autouse=True)
def bulk_runs_in_background(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[BulkRuns | None]:
    """The bulk suites, started with the session when a selected test reads them, so they run beside the others."""
    if not any(BULK_FIXTURE in item.fixturenames for item in request.session.items):
        yield None
        return
    with BulkRuns(tmp_path_factory.mktemp("bulk")) as runs:
        yield runs


@pytest.fixture(scope="session")
def bulk_runs(bulk_runs_in_background: BulkRuns | None) -> BulkRuns:
    """The bulk suites' results, each waited for when first read."""
    assert bulk_runs_in_background is not None
    return bulk_runs_in_background


# A test that uses one of these fixtures talks to a server over a socket: it is end to end (`e2e`), the rest `unit`.
SERVER_FIXTURES = frozenset(
    {
        "assistant",
        BULK_FIXTURE,
        "web",
        "socket_user",
        "telegram",
        "rasa",
        "start_bot",
        "start_user",
        "channel",
        "cluster",
    }
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test `e2e` or `unit` by the fixtures it uses, so `pytest -m unit` runs in seconds; the tests that
    read the bulk suites go last, so the others run while those suites do."""
    for item in items:
        item.add_marker("e2e" if SERVER_FIXTURES & set(getattr(item, "fixturenames", ())) else "unit")
    items.sort(key=lambda item: BULK_FIXTURE in getattr(item, "fixturenames", ()))


_senders = itertools.count()


@pytest.fixture
def sender(request: pytest.FixtureRequest) -> str:
    """A fresh conversation id for each test."""
    return f"test-{request.node.name[:40]}-{next(_senders)}"
