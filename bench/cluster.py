"""The cluster's rows of `make bench`: start-up time and memory per replica, throughput at 16 concurrent users
with one and with two Rasa replicas behind HAProxy, and the latency HAProxy adds against a direct connection.

One cluster (testbed/cluster.py: PostgreSQL, Redis, two replicas, two action servers, HAProxy) serves every
figure. "One replica" puts rasa-2 in maintenance through HAProxy's stats socket, as an operator would; the
latency pair goes to rasa-1 alone, through HAProxy and directly, in alternating blocks.
"""

from __future__ import annotations

import asyncio
import time

from bench.load import Run, concurrent, sequential, users_script
from bench.messages import script
from bench.procmem import tree_mib
from bench.report import Results, Row
from bench.stats import summary
from cluster.debian import MissingPackages, find_binaries
from cluster.haproxy import set_state
from cluster.service import Service
from cluster.supervisor import Cluster
from testbed.cluster import running_cluster

USERS = 16
BLOCK = 50  # sequential messages per turn when alternating between HAProxy and the direct connection
WARM_UP = 32
SECOND = ("rasa/rasa-2", "rasa_socketio/rasa-2")
READY_SECONDS = 30.0  # for rasa-2 to pass HAProxy's checks again after maintenance


def _rss(replica: Service) -> float:
    """A replica's resident memory now (MiB)."""
    assert replica.process is not None
    return tree_mib(replica.process.pid)


def _replicas(cluster: Cluster, count: int) -> None:
    """Serve through HAProxy with rasa-1 alone (1) or with both replicas (2)."""
    for server in SECOND:
        set_state(cluster.stats_socket, server, "maint" if count == 1 else "ready")
    if count == 2:
        cluster.wait_all_up(time.monotonic() + READY_SECONDS)


def _throughput(cluster: Cluster, results: Results, messages: int, run_id: str) -> None:
    """messages from USERS users through HAProxy with one replica and with two, twice each in turns (1, 2, 2, 1),
    so that other work on the machine weighs on both alike."""
    section = f"Cluster: throughput through HAProxy, {USERS} concurrent users, 2 x {messages} messages each"
    runs = {1: Run(), 2: Run()}
    for turn, count in enumerate((1, 2, 2, 1)):
        _replicas(cluster, count)
        load = users_script(USERS, messages, f"{run_id}-r{count}-{turn}")
        runs[count].extend(asyncio.run(concurrent(cluster.url, load)))
    for count, run in runs.items():
        name = f"{count} replica{'s' if count > 1 else ''}"
        results.add(Row(section, f"{name}: messages/s", run.per_second))
        results.add(Row(section, f"{name}: p95 (ms)", summary(run.latencies_ms)["p95"]))
        results.add(Row(section, f"{name}: unanswered", float(run.errors), None, 0))
    gain = runs[2].per_second / runs[1].per_second
    results.add(Row(section, "2 replicas / 1 replica", gain, None, 2, "2 cores shared with everything else"))


async def _alternate(urls: dict[str, str], count: int, prefix: str) -> dict[str, Run]:
    """count sequential messages to each URL, in blocks of BLOCK, taking turns which goes first."""
    scripts = {name: script(count, f"{prefix}-{name}") for name in urls}
    runs = {name: Run() for name in urls}
    names = list(urls)
    for n, start in enumerate(range(0, count, BLOCK)):
        for name in names if n % 2 == 0 else names[::-1]:
            runs[name].extend(await sequential(urls[name], scripts[name][start : start + BLOCK]))
    return runs


def _haproxy_cost(cluster: Cluster, results: Results, messages: int, run_id: str) -> None:
    """Sequential latency to rasa-1 through HAProxy and directly."""
    _replicas(cluster, 1)
    urls = {"through HAProxy": cluster.url, "direct": f"http://127.0.0.1:{cluster.rasa_ports[0]}"}
    runs = asyncio.run(_alternate(urls, messages, f"{run_id}-hop"))
    stats = {name: summary(run.latencies_ms) for name, run in runs.items()}
    section = f"Cluster: reply latency to one replica, {messages} sequential messages"
    for key in ("p50", "p95", "mean"):
        for name in urls:
            results.add(Row(section, f"{name}: {key} (ms)", stats[name][key]))
        added = stats["through HAProxy"][key] - stats["direct"][key]
        results.add(Row(section, f"HAProxy adds: {key} (ms)", added))
    _replicas(cluster, 2)


def measure(results: Results, load_messages: int, messages: int, run_id: str) -> None:
    """Start a cluster, add its rows to results, stop it; a note instead when its Debian packages are missing."""
    try:
        find_binaries()
    except MissingPackages as missing:
        results.notes.append(f"Cluster rows not measured: {missing}")
        return
    with running_cluster(replicas=2) as cluster:
        section = "Cluster: start (2 replicas, 2 action servers, PostgreSQL, Redis, HAProxy)"
        results.add(Row(section, "to every server UP in HAProxy (s)", cluster.startup_seconds, None, 1, "aim <= 90"))
        started = {replica.name: _rss(replica) for replica in cluster.replicas}
        asyncio.run(concurrent(cluster.url, users_script(USERS, WARM_UP, f"{run_id}-warm")))
        _throughput(cluster, results, load_messages, run_id)
        _haproxy_cost(cluster, results, messages, run_id)
        section = "Cluster: memory per Rasa replica, RSS (MiB)"
        for replica in cluster.replicas:
            results.add(Row(section, f"{replica.name} after start", started[replica.name], None, 0))
            results.add(Row(section, f"{replica.name} after load", _rss(replica), None, 0, "aim <= 1.4 GB"))
    results.commands.append(
        "testbed/cluster.py running_cluster(replicas=2): python -m cluster's servers on free ports (docs/scaling.md)"
    )
    results.notes += NOTES


NOTES = [
    f"Cluster throughput: {USERS} users, each sending its next message after the previous reply, through HAProxy "
    "round-robin; '1 replica' puts rasa-2 in HAProxy's maintenance state, so both figures come from one cluster "
    "(PostgreSQL tracker store, Redis lock store, two action servers behind HAProxy), measured in turns 1, 2, 2, 1.",
    "The cluster's rows compare with the single-server rows above from the same run ('ours': one Rasa server with "
    "SQLite, no HAProxy, no Redis): the figures that count are ratios within one run, as other jobs share the cores.",
    "On these 2 cores a second replica can gain little: each Rasa server is one Python process that keeps about a "
    "core busy, and the load generator, HAProxy, PostgreSQL and the action servers share the same two cores. With "
    "a core per replica (and one or two for PostgreSQL, HAProxy and the action servers) throughput should grow "
    "close to linearly with the replicas until PostgreSQL's writes or the action servers limit it.",
    f"HAProxy's cost: the same replica (rasa-1) reached through HAProxy and directly, in alternating blocks of "
    f"{BLOCK} sequential messages.",
]
