"""PostgreSQL or Redis restarted under the replicas: no traceback and a clear log line while it is away, and
replies that remember the conversation again within 10 s of its return.

While Redis is away no lock can be taken, and the channels apologise. While PostgreSQL is away, Rasa's
FailSafeTrackerStore answers from an empty conversation that it cannot store (docs/scaling.md).
"""

from __future__ import annotations

import time

import pytest

from channels.texts import TROUBLE
from cluster.supervisor import Cluster
from testbed.cluster import talk
from testbed.replies import answered, failure, joined

pytestmark = [pytest.mark.cluster, pytest.mark.slow]
BACK_WITHIN_SECONDS = 10.0


def wait_for_line(cluster: Cluster, log: str, text: str, seconds: float = 10) -> None:
    """Until one of the cluster's logs (a glob under logs/) holds text; fails naming it otherwise."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if any(text in path.read_text(errors="replace") for path in (cluster.workdir / "logs").glob(log)):
            return
        time.sleep(0.2)
    pytest.fail(f"no {text!r} in logs/{log} within {seconds:.0f} s")


@pytest.mark.parametrize(("server", "name"), [("database", "PostgreSQL"), ("redis", "Redis")])
def test_the_assistant_replies_again_soon_after_a_restart(
    cluster: Cluster, sender: str, server: str, name: str
) -> None:
    service = getattr(cluster, server)
    answered(talk(cluster, sender, "hello").replies)
    service.stop()
    try:
        away = talk(cluster, sender, "how long should I put ice on my back?").replies
        assert "Traceback" not in joined(away)
        if server == "redis":
            assert joined(away) == TROUBLE
        wait_for_line(cluster, "cluster.log", f"{name} (127.0.0.1:")
        wait_for_line(cluster, "rasa-*.log", "The assistant failed on a message")
    finally:
        service.start()
        service.wait_ready(time.monotonic() + 60)
    back = time.monotonic()
    while not remembers(talk(cluster, sender, "how long should I put ice on my back?").replies):
        assert time.monotonic() - back < BACK_WITHIN_SECONDS, (
            f"no real reply {BACK_WITHIN_SECONDS:.0f} s after {name} returned"
        )
        time.sleep(0.2)
    print(f"\n{name}: replies again {time.monotonic() - back:.1f} s after it returned")
    wait_for_line(cluster, "cluster.log", f"{name} (127.0.0.1:{service_port(cluster, server)}) is back")


def remembers(replies: list[dict]) -> bool:
    """A real answer to the ice question, without the disclaimer that the conversation's greeting already said."""
    return failure(replies) is None and "not a doctor" not in joined(replies)


def service_port(cluster: Cluster, server: str) -> int:
    """The port of the database or of Redis."""
    return cluster.postgres_port if server == "database" else cluster.redis_port
