"""The cluster's names, ports and settings, defined once: the local cluster, deploy/ and the tests read them here.

Settings come from the environment (docs/scaling.md lists them). The ports under PORTS are the standard ones,
used inside deploy/docker-compose.yml; the local cluster gives every internal server a free loopback port
instead, so that it never clashes with a PostgreSQL or Redis the machine already runs.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SCALED_ENDPOINTS = ROOT / "endpoints.scaled.yml"

# Service names, as the local cluster logs them and as deploy/docker-compose.yml names its services.
POSTGRES, REDIS, RASA, ACTIONS, HAPROXY, BOT, WEB = "postgres", "redis", "rasa", "actions", "haproxy", "bot", "web"

# Standard ports: PostgreSQL, Redis, a Rasa server, an action server, and HAProxy's two front ends.
PORTS = {POSTGRES: 5432, REDIS: 6379, RASA: 5005, ACTIONS: 5055, HAPROXY: 8000}
WEB_PORT = 8080  # the widget's demo page (web/serve.py)

DATABASE = "rasa"  # PostgreSQL database and role of the tracker store
DATABASE_USER = "rasa"

# Rasa holds a conversation's lock for at most this long (TICKET_LOCK_LIFETIME, Rasa's own variable, default 60 s):
# the conversations a killed replica was handling wait this long, not a minute, before carrying on elsewhere.
LOCK_LIFETIME_SECONDS = 10


def _strings(node: object) -> Iterator[str]:
    """Every string value in parsed YAML."""
    if isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, str):
        yield node


def scaled_variables(endpoints: Path = SCALED_ENDPOINTS) -> list[str]:
    """The ${VARIABLES} in endpoints.scaled.yml's values (not its comments), in the order it names them."""
    found = (
        name for text in _strings(yaml.safe_load(endpoints.read_text())) for name in re.findall(r"\$\{(\w+)\}", text)
    )
    return list(dict.fromkeys(found))


def _count(environ: Mapping[str, str], name: str, default: int, highest: int) -> int:
    """A whole number from 1 to highest in the environment; ValueError naming the variable otherwise."""
    raw = environ.get(name, "").strip() or str(default)
    if not raw.isdigit() or not 1 <= int(raw) <= highest:
        raise ValueError(f"{name} must be a whole number from 1 to {highest}, not {raw!r}")
    return int(raw)


# The environment variables of the settings below (deploy/docker-compose.yml uses the same names).
VARIABLES = {
    "replicas": "CLUSTER_REPLICAS",
    "action_servers": "CLUSTER_ACTION_SERVERS",
    "port": "CLUSTER_PORT",
    "workdir": "CLUSTER_DIR",
    "rasa_token": "RASA_TOKEN",
}


@dataclass(frozen=True)
class Settings:
    """What `make cluster` starts, and where it keeps its state."""

    replicas: int = 2  # CLUSTER_REPLICAS: Rasa servers
    action_servers: int = 2  # CLUSTER_ACTION_SERVERS
    port: int = PORTS[HAPROXY]  # CLUSTER_PORT: HAProxy's front end on 127.0.0.1
    workdir: Path = ROOT / "var" / "cluster"  # CLUSTER_DIR: data, logs, passwords, pids
    rasa_token: str | None = None  # RASA_TOKEN: turns Rasa's HTTP API on, as in `make serve`

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> Settings:
        """The settings in the environment, defaults where unset; ValueError for a value it cannot use."""
        return cls(
            replicas=_count(environ, VARIABLES["replicas"], cls.replicas, 16),
            action_servers=_count(environ, VARIABLES["action_servers"], cls.action_servers, 16),
            port=_count(environ, VARIABLES["port"], cls.port, 65535),
            workdir=Path(environ.get(VARIABLES["workdir"]) or cls.workdir).resolve(),
            rasa_token=environ.get(VARIABLES["rasa_token"]) or None,
        )
