"""HAProxy in front of the Rasa replicas and the action servers: its config, its process, its view of them.

Two front ends. The assistant's (CLUSTER_PORT): REST and everything else round-robin over the Rasa servers,
socket.io by client address (a socket.io session lives in one server's memory, and its polling requests
must all reach that server: a cookie would not do, as the widget's page is on another origin). The action
servers' (for the replicas only): round-robin, as the action servers keep no state. Every server is
health-checked each second, and each response names the Rasa server that made it in BACKEND_HEADER.
"""

from __future__ import annotations

import csv
import io
import socket
from dataclasses import dataclass
from pathlib import Path

from cluster.debian import Binaries
from cluster.service import Service, port_open
from cluster.settings import ACTIONS, HAPROXY, PORTS, RASA

BACKEND_HEADER = "X-Backend"
TEMPLATE_SLOTS = 10  # servers a DNS name may resolve to (docker compose --scale), in the container layout


@dataclass(frozen=True)
class Pool:
    """Servers of one kind: named addresses, or (in containers) a DNS name that resolves to each replica."""

    name: str  # rasa or actions, also the prefix of each server's name
    addresses: tuple[str, ...] = ()  # host:port of each server, named <name>-1, <name>-2, ...
    dns_name: str | None = None  # host:port resolved through Docker's DNS to every replica instead

    def lines(self, check: str) -> list[str]:
        """The server lines of a backend."""
        if self.dns_name:
            return [
                f"    server-template {self.name}- 1-{TEMPLATE_SLOTS} {self.dns_name} {check} "
                "resolvers docker init-addr none"
            ]
        return [f"    server {self.name}-{n} {address} {check}" for n, address in enumerate(self.addresses, 1)]


@dataclass(frozen=True)
class Layout:
    """Where HAProxy listens and what it balances."""

    bind: str  # the assistant's front end, host:port
    actions_bind: str  # the action servers' front end
    rasa: Pool
    actions: Pool
    stats_socket: Path | None = None  # for `show stat` (the tests, the monitor)


def config(layout: Layout) -> str:
    """haproxy.cfg for a layout."""
    stats = [f"    stats socket {layout.stats_socket} mode 600 level admin"] if layout.stats_socket else []
    resolvers = ["", "resolvers docker", "    nameserver dns 127.0.0.11:53"] if layout.rasa.dns_name else []
    return "\n".join(
        [
            "# Written by cluster/haproxy.py: edit that, not this.",
            "global",
            "    log stdout format raw local0 info",
            *stats,
            *resolvers,
            "",
            "defaults",
            "    mode http",
            "    log global",
            "    option httplog",
            "    option redispatch  # a server refusing connections: try another one",
            "    retries 3",
            "    timeout connect 2s",
            "    timeout client 60s",
            "    timeout server 60s",
            "    timeout tunnel 1h  # socket.io's websockets",
            "    timeout check 5s  # a replica busy with a burst answers late, but answers",
            "    default-server inter 1s fall 3 rise 2",
            "",
            "frontend assistant",
            f"    bind {layout.bind}",
            "    acl socketio path_beg /socket.io",
            "    use_backend rasa_socketio if socketio",
            "    default_backend rasa",
            "",
            "backend rasa",
            "    balance roundrobin",
            "    option httpchk GET /",
            f"    http-response set-header {BACKEND_HEADER} %[srv_name]",
            *layout.rasa.lines("check"),
            "",
            "backend rasa_socketio",
            "    balance source",
            "    hash-type consistent",
            "    option httpchk GET /",
            f"    http-response set-header {BACKEND_HEADER} %[srv_name]",
            *layout.rasa.lines("check"),
            "",
            "listen actions",
            f"    bind {layout.actions_bind}",
            "    balance roundrobin",
            "    # Rasa keeps its connection open for 4 s (components/action_connection.py): the action-server",
            "    # connection behind it stays its own, never one that an action server is closing as idle.",
            "    http-reuse never",
            "    option httpchk GET /health",
            *layout.actions.lines("check"),
            "",
        ]
    )


# deploy/docker-compose.yml's HAProxy: every replica of the rasa and actions services, found through Docker's DNS.
CONTAINER_LAYOUT = Layout(
    bind=f":{PORTS[HAPROXY]}",
    actions_bind=f":{PORTS[ACTIONS]}",
    rasa=Pool(RASA, dns_name=f"{RASA}:{PORTS[RASA]}"),
    actions=Pool(ACTIONS, dns_name=f"{ACTIONS}:{PORTS[ACTIONS]}"),
)


def service(binaries: Binaries, workdir: Path, layout: Layout) -> Service:
    """HAProxy in the foreground (-db), its config written to workdir/haproxy.cfg."""
    cfg = workdir / "haproxy.cfg"
    cfg.write_text(config(layout))
    port = int(layout.bind.rsplit(":", 1)[1])
    return Service(
        name="haproxy",
        command=[str(binaries.haproxy), "-db", "-f", str(cfg)],
        log=workdir / "logs" / "haproxy.log",
        ready=lambda: port_open(port),
    )


def command(stats_socket: Path, line: str) -> str:
    """One command on HAProxy's stats socket, and its answer; OSError when HAProxy is not there."""
    with socket.socket(socket.AF_UNIX) as connection:
        connection.settimeout(2)
        connection.connect(str(stats_socket))
        connection.sendall(f"{line}\n".encode())
        return b"".join(iter(lambda: connection.recv(65536), b"")).decode()


def set_state(stats_socket: Path, server: str, state: str) -> None:
    """Put a server ("backend/server") in state ready, drain or maint, as an operator would."""
    answer = command(stats_socket, f"set server {server} state {state}")
    if answer.strip():
        raise RuntimeError(f"HAProxy refused to set {server} {state}: {answer.strip()}")


def server_states(stats_socket: Path) -> dict[str, str]:
    """`show stat` over the stats socket: "backend/server" -> UP, DOWN, MAINT, ... (empty when unreachable)."""
    try:
        data = command(stats_socket, "show stat")
    except OSError:
        return {}
    rows = csv.DictReader(io.StringIO(data.lstrip("# ")))
    return {
        f"{row['pxname']}/{row['svname']}": row["status"].split()[0]
        for row in rows
        if row["svname"] not in ("FRONTEND", "BACKEND")
    }
