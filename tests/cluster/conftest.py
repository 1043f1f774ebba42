"""One cluster for the tests of this folder (about 40 s to start, stopped after them): two Rasa replicas
behind HAProxy on free ports.

Its client settings (RASA_URL, RASA_ENDPOINTS and endpoints.scaled.yml's variables) are in the environment
while it runs, so that privacy/forget.py, the bot and the widget's server find its PostgreSQL as they would.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from cluster.debian import MissingPackages, find_binaries
from cluster.settings import SCALED_ENDPOINTS
from cluster.supervisor import Cluster
from testbed.cluster import running_cluster
from testbed.servers import free_port
from testbed.web import WebServer

READY_SECONDS = 120.0  # for a restarted replica to load its model and pass HAProxy's checks


@pytest.fixture(scope="package")
def cluster() -> Iterator[Cluster]:
    """The running cluster; a clear failure, never a skip, when its Debian packages are missing."""
    try:
        find_binaries()
    except MissingPackages as missing:
        pytest.fail(str(missing), pytrace=False)
    with running_cluster() as started, pytest.MonkeyPatch.context() as patch:
        for name, value in started.client_env().items():
            patch.setenv(name, value)
        yield started


@pytest.fixture(autouse=True)
def every_server_up(cluster: Cluster) -> Cluster:
    """Each test starts with every server running and UP in HAProxy, whatever the test before it killed."""
    deadline = time.monotonic() + READY_SECONDS
    for service in cluster.services:
        if not service.running:
            service.start()
    for service in cluster.services:
        service.wait_ready(deadline)
    cluster.wait_all_up(deadline)
    return cluster


@dataclass(frozen=True)
class ClusterSite:
    """The widget's server for the cluster: the page on a free port, the socket and /forget on the cluster."""

    rasa_url: str
    workdir: Path
    endpoints: Path = SCALED_ENDPOINTS
    web_port: int = field(default_factory=free_port)

    @property
    def web_url(self) -> str:
        return f"http://127.0.0.1:{self.web_port}"


@pytest.fixture(scope="package")
def web_page(cluster: Cluster) -> Iterator[str]:
    """web/serve.py for the cluster, as `make web` with the cluster's settings runs it; its URL."""
    site = ClusterSite(cluster.url, cluster.workdir / "logs")
    server = WebServer(site)
    yield site.web_url
    server.stop()
