"""A Rasa replica killed (SIGKILL) in the middle of a load run: no acknowledged message is lost, HAProxy routes
around it, and it rejoins when restarted. Alphabetically the last smoke test module: the next test's fixture
restarts the replica, which takes half a minute."""

from __future__ import annotations

import asyncio
import time

import pytest

from bench.load import users_script
from cluster.settings import SCALED_ENDPOINTS
from cluster.supervisor import Cluster
from privacy.tracker_store import tracker_store_url
from testbed.cluster import Delivery, deliver, unstored

pytestmark = pytest.mark.cluster


def load_with_a_kill(cluster: Cluster, messages: int, users: int, rejoin_at: int | None = None) -> tuple[Delivery, int]:
    """messages from users to the cluster, rasa-1 killed after a quarter of them were acknowledged (and
    restarted at rejoin_at, if given); returns the run and how many were acknowledged when it was killed."""
    victim = cluster.replicas[0]
    kill_at = messages // 4
    actions = {kill_at: victim.kill, **({rejoin_at: victim.start} if rejoin_at else {})}
    load = users_script(users, messages, f"kill-{time.time_ns()}")
    return asyncio.run(deliver(cluster.url, load, actions)), kill_at


def check_nothing_lost(cluster: Cluster, run: Delivery, messages: int) -> None:
    """Every message was acknowledged in the end, and PostgreSQL holds every acknowledged one."""
    assert not run.lost, f"never acknowledged: {run.lost[:5]}"
    assert len(run.acknowledged) == messages
    assert not unstored(tracker_store_url(SCALED_ENDPOINTS), run), "acknowledged but not stored"


def served_by(run: Delivery, start: int, stop: int | None = None) -> set[str]:
    """The replicas that answered the acknowledged messages start..stop."""
    return {backend for _, _, backend in run.acknowledged[start:stop]}


def test_a_killed_replica_loses_no_acknowledged_message(cluster: Cluster) -> None:
    """The smoke test's kill; the slow test below restarts the replica in the middle of its run."""
    messages, users = 160, 8
    run, kill_at = load_with_a_kill(cluster, messages, users)
    check_nothing_lost(cluster, run, messages)
    assert served_by(run, 0, kill_at) == {"rasa-1", "rasa-2"}
    assert served_by(run, kill_at + users) == {"rasa-2"}  # after the replies already on their way


@pytest.mark.slow
def test_two_thousand_messages_across_a_replica_kill_and_its_return(cluster: Cluster) -> None:
    messages, users = 2000, 16
    run, kill_at = load_with_a_kill(cluster, messages, users, rejoin_at=messages // 2)
    check_nothing_lost(cluster, run, messages)
    print(
        f"\n{messages} messages in {run.seconds:.0f} s ({messages / run.seconds:.1f}/s), {users} users;"
        f" {run.failed_attempts} attempt(s) failed and were sent again; lost: {len(run.lost)}"
    )
    assert served_by(run, kill_at + users, messages // 2) == {"rasa-2"}
    assert "rasa-1" in served_by(run, messages // 2), "the restarted replica never answered"
