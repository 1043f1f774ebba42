"""The assistant's own servers in the cluster: Rasa replicas on endpoints.scaled.yml, and action servers."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

from cluster.service import Service, http_ok
from cluster.settings import LOCK_LIFETIME_SECONDS, ROOT, SCALED_ENDPOINTS

PYTHON = Path(sys.executable)


def server_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment of every server: no telemetry, loopback only, quiet TensorFlow, plus extra."""
    quiet = {"RASA_TELEMETRY_ENABLED": "false", "SANIC_HOST": "127.0.0.1", "TF_CPP_MIN_LOG_LEVEL": "2"}
    return {**os.environ, **quiet, **(extra or {})}


def rasa_replica(number: int, port: int, endpoints: Mapping[str, str], workdir: Path) -> Service:
    """Rasa server number `number` (from 1) on 127.0.0.1:port, started by scripts/rasa-server as `make serve` is.

    endpoints holds the values of endpoints.scaled.yml's variables.
    """
    env = {
        **endpoints,
        "RASA_ENDPOINTS": str(SCALED_ENDPOINTS),
        "RASA_HOST": "127.0.0.1",
        "RASA_PORT": str(port),
        "TICKET_LOCK_LIFETIME": str(LOCK_LIFETIME_SECONDS),
    }
    return Service(
        name=f"rasa-{number}",
        command=[str(ROOT / "scripts" / "rasa-server")],
        log=workdir / "logs" / f"rasa-{number}.log",
        ready=lambda: http_ok(f"http://127.0.0.1:{port}/"),
        env=server_env(env),
        cwd=ROOT,
    )


def action_server(number: int, port: int, endpoints: Mapping[str, str], workdir: Path) -> Service:
    """Action server number `number` (from 1) on 127.0.0.1:port: `python -m actions`, as `make actions` runs it.

    It keeps the pain diary in the conversations' database: endpoints.scaled.yml, with endpoints' values.
    """
    return Service(
        name=f"actions-{number}",
        command=[str(PYTHON), "-m", "actions", "--port", str(port)],
        log=workdir / "logs" / f"actions-{number}.log",
        ready=lambda: http_ok(f"http://127.0.0.1:{port}/health"),
        env=server_env({**endpoints, "RASA_ENDPOINTS": str(SCALED_ENDPOINTS)}),
        cwd=ROOT,
    )
