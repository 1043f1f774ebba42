"""`python -m cluster up|stop|env`: what `make cluster` and `make cluster-stop` run.

up    start the cluster, say where it is, and keep it running until Ctrl-C or `make cluster-stop`
stop  stop a cluster that `up` started (from another terminal)
env   print the shell exports that point `make telegram` and `make web` at the running cluster
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
import time
from pathlib import Path

from cluster.debian import MissingPackages, find_binaries
from cluster.haproxy import CONTAINER_LAYOUT, config
from cluster.service import StartError
from cluster.settings import Settings
from cluster.supervisor import Cluster, log_to, logger

STOP_WAIT_SECONDS = 60.0


def up(settings: Settings) -> int:
    """Start the cluster and serve until SIGINT or SIGTERM; 1 when it cannot start."""
    log_to(settings.workdir / "logs" / "cluster.log")
    try:
        cluster = Cluster(settings, find_binaries())
    except (MissingPackages, RuntimeError) as error:
        logger.error("%s", error)
        return 1
    stopping = threading.Event()
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: stopping.set())
    logger.info("Starting %d Rasa server(s) and %d action server(s)...", settings.replicas, settings.action_servers)
    try:
        seconds = cluster.start()
    except (StartError, TimeoutError, RuntimeError) as error:
        logger.error("The cluster did not start: %s", error)
        return 1
    logger.info(
        "Cluster up in %.1f s on %s (REST: /webhooks/rest/webhook, socket.io: /socket.io). Logs: %s. "
        "Stop: Ctrl-C or `make cluster-stop`. Clients: eval \"$(python -m cluster env)\", then make telegram or web.",
        seconds, cluster.url, settings.workdir / "logs",
    )  # fmt: skip
    stopping.wait()
    logger.info("Stopping the cluster...")
    cluster.stop()
    logger.info("Stopped.")
    return 0


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def stop(settings: Settings) -> int:
    """Ask the running `up` to stop everything, and wait until it has; 0 when nothing runs."""
    pids_file = settings.workdir / "pids.json"
    if not pids_file.exists():
        print("No cluster is running.")
        return 0
    supervisor = json.loads(pids_file.read_text())["supervisor"]
    if _alive(supervisor):
        os.kill(supervisor, signal.SIGTERM)
    deadline = time.monotonic() + STOP_WAIT_SECONDS
    while _alive(supervisor) and time.monotonic() < deadline:
        time.sleep(0.2)
    if _alive(supervisor):
        print(f"The cluster (pid {supervisor}) did not stop within {STOP_WAIT_SECONDS:.0f} s.", file=sys.stderr)
        return 1
    print("The cluster has stopped.")
    return 0


def env(settings: Settings) -> int:
    """Print the running cluster's client exports; 1 when none runs."""
    env_file: Path = settings.workdir / "cluster.env"
    if not (settings.workdir / "pids.json").exists() or not env_file.exists():
        print("No cluster is running: start one with `make cluster`.", file=sys.stderr)
        return 1
    print(env_file.read_text(), end="")
    return 0


def haproxy_cfg(_: Settings) -> int:
    """Print the containers' HAProxy config."""
    print(config(CONTAINER_LAYOUT), end="")
    return 0


def main() -> int:
    """Parse the command and run it."""
    parser = argparse.ArgumentParser(prog="python -m cluster", description=__doc__.splitlines()[0])
    commands = {"up": up, "stop": stop, "env": env, "haproxy-cfg": haproxy_cfg}
    parser.add_argument("command", choices=commands)
    command = parser.parse_args().command
    try:
        settings = Settings.from_env()
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    return commands[command](settings)


if __name__ == "__main__":
    sys.exit(main())
