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


class Logs:
    """The cluster's logs from now on: only lines written after it was made count."""

    def __init__(self, cluster: Cluster) -> None:
        self.folder = cluster.workdir / "logs"
        self.offsets = {path: path.stat().st_size for path in self.folder.glob("*.log")}

    def new_text(self, pattern: str) -> str:
        """What the logs matching a glob gained since."""
        texts = []
        for path in self.folder.glob(pattern):
            with path.open("rb") as log:
                log.seek(self.offsets.get(path, 0))
                texts.append(log.read().decode(errors="replace"))
        return "\n".join(texts)

    def wait_for(self, pattern: str, text: str, seconds: float = 10) -> None:
        """Until a log matching pattern gains a line with text; fails naming it otherwise."""
        deadline = time.monotonic() + seconds
        while text not in self.new_text(pattern):
            if time.monotonic() > deadline:
                pytest.fail(f"no new {text!r} in logs/{pattern} within {seconds:.0f} s")
            time.sleep(0.2)


# What a replica logs for a turn while the server is away: Rasa's fail-safe for PostgreSQL, our channel's for Redis.
REPLICA_LINES = {
    "database": "Error happened when trying to retrieve conversation tracker from 'SQLTrackerStore'",
    "redis": "The assistant failed on a message (LockError)",
}


@pytest.mark.parametrize(("server", "name"), [("database", "PostgreSQL"), ("redis", "Redis")])
def test_the_assistant_replies_again_soon_after_a_restart(
    cluster: Cluster, sender: str, server: str, name: str
) -> None:
    service = getattr(cluster, server)
    answered(talk(cluster, sender, "hello").replies)
    logs = Logs(cluster)
    service.stop()
    try:
        away = talk(cluster, sender, "how long should I put ice on my back?").replies
        assert "Traceback" not in joined(away)
        if server == "redis":
            assert joined(away) == TROUBLE
        logs.wait_for("cluster.log", f"{name} (127.0.0.1:{service_port(cluster, server)}) is not answering")
        logs.wait_for("rasa-*.log", REPLICA_LINES[server])
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
    logs.wait_for("cluster.log", f"{name} (127.0.0.1:{service_port(cluster, server)}) is back")


def remembers(replies: list[dict]) -> bool:
    """A real answer to the ice question, without the disclaimer that the conversation's greeting already said."""
    return failure(replies) is None and "not a doctor" not in joined(replies)


def service_port(cluster: Cluster, server: str) -> int:
    """The port of the database or of Redis."""
    return cluster.postgres_port if server == "database" else cluster.redis_port
