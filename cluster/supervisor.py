"""The whole cluster: start every server in order and wait until HAProxy sees them all; stop them all."""

from __future__ import annotations

import json
import logging
import os
import shlex
import time
from pathlib import Path

from cluster import haproxy, redis_server
from cluster.assistant import action_server, rasa_replica
from cluster.debian import Binaries
from cluster.monitor import Monitor, Watched
from cluster.passwords import password
from cluster.postgres import Postgres
from cluster.service import Service, free_port, stop_all
from cluster.settings import (
    ACTIONS,
    DATABASE,
    DATABASE_USER,
    POSTGRES,
    RASA,
    REDIS,
    SCALED_ENDPOINTS,
    Settings,
    scaled_variables,
)

logger = logging.getLogger("cluster")
START_SECONDS = 240.0  # for every server to be ready and UP in HAProxy (`make cluster` aims at 90 s)
# What users meet while a shared server is away (docs/scaling.md).
WITHOUT_POSTGRES = "the replicas can neither read nor store conversations (Rasa answers from an empty one)"
WITHOUT_REDIS = "no turn can lock its conversation, and the channels answer with their apology"


class Cluster:
    """PostgreSQL, Redis, the action servers and the Rasa replicas on free loopback ports; HAProxy on the port."""

    def __init__(self, settings: Settings, binaries: Binaries) -> None:
        self.settings, self.workdir = settings, settings.workdir
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.url = f"http://127.0.0.1:{settings.port}"
        self.postgres_port, self.redis_port, actions_front = free_port(), free_port(), free_port()
        self.postgres = Postgres(binaries, self.workdir, self.postgres_port)
        self.database = self.postgres.service()
        redis_password = password(self.workdir, REDIS)
        self.redis = redis_server.service(binaries, self.workdir, self.redis_port, redis_password)
        self.endpoints = {
            "ACTION_SERVER_URL": f"http://127.0.0.1:{actions_front}/webhook",
            "POSTGRES_HOST": "127.0.0.1",
            "POSTGRES_PORT": str(self.postgres_port),
            "POSTGRES_DB": DATABASE,
            "POSTGRES_USER": DATABASE_USER,
            "POSTGRES_PASSWORD": password(self.workdir, POSTGRES),
            "REDIS_HOST": "127.0.0.1",
            "REDIS_PORT": str(self.redis_port),
            "REDIS_PASSWORD": redis_password,
        }
        unfilled = set(scaled_variables()) - set(self.endpoints)
        if unfilled:
            raise RuntimeError(f"{SCALED_ENDPOINTS.name} needs {sorted(unfilled)}, which the cluster does not set")
        token = {"RASA_TOKEN": settings.rasa_token} if settings.rasa_token else {}
        action_ports = [free_port() for _ in range(settings.action_servers)]
        self.actions = [action_server(n, port, self.endpoints, self.workdir) for n, port in enumerate(action_ports, 1)]
        self.rasa_ports = [free_port() for _ in range(settings.replicas)]
        replica_env = {**self.endpoints, **token}
        self.replicas = [rasa_replica(n, port, replica_env, self.workdir) for n, port in enumerate(self.rasa_ports, 1)]
        self.stats_socket = self.workdir / "haproxy.sock"
        layout = haproxy.Layout(
            bind=f"127.0.0.1:{settings.port}",
            actions_bind=f"127.0.0.1:{actions_front}",
            rasa=haproxy.Pool(RASA, tuple(f"127.0.0.1:{port}" for port in self.rasa_ports)),
            actions=haproxy.Pool(ACTIONS, tuple(f"127.0.0.1:{port}" for port in action_ports)),
            stats_socket=self.stats_socket,
        )
        self.haproxy = haproxy.service(binaries, self.workdir, layout)
        self.startup_seconds: float | None = None
        self.monitor = Monitor(
            [
                Watched(f"PostgreSQL (127.0.0.1:{self.postgres_port})", self.database.ready, WITHOUT_POSTGRES),
                Watched(f"Redis (127.0.0.1:{self.redis_port})", self.redis.ready, WITHOUT_REDIS),
            ]
        )

    @property
    def services(self) -> list[Service]:
        """Every server, in the order they start."""
        return [self.database, self.redis, *self.actions, *self.replicas, self.haproxy]

    def start(self) -> float:
        """Start everything and wait until HAProxy has every server UP; return (and keep) the seconds it took.

        On failure whatever started is stopped again, and the error names the server and ends with its log.
        """
        started = time.monotonic()
        deadline = started + START_SECONDS
        try:
            self.postgres.initialise()
            for service in (self.database, self.redis, *self.actions):
                service.start()
            self.database.wait_ready(deadline)
            self.postgres.create_database(self.endpoints["POSTGRES_PASSWORD"])
            self.redis.wait_ready(deadline)
            for service in (*self.replicas, self.haproxy):
                service.start()
            for service in (*self.actions, *self.replicas, self.haproxy):
                service.wait_ready(deadline)
            self.wait_all_up(deadline)
        except BaseException:
            self.stop()
            raise
        self.write_state()
        self.monitor.start()
        self.startup_seconds = time.monotonic() - started
        return self.startup_seconds

    def states(self) -> dict[str, str]:
        """HAProxy's view: "backend/server" -> UP, DOWN, ..."""
        return haproxy.server_states(self.stats_socket)

    def wait_all_up(self, deadline: float) -> None:
        """Return once HAProxy reports every server UP; TimeoutError naming the others after deadline."""
        while True:
            states = self.states()
            down = sorted(name for name, state in states.items() if state != "UP")
            if states and not down:
                return
            if time.monotonic() > deadline:
                raise TimeoutError(f"HAProxy still sees these servers not UP: {down or 'none reported'}")
            time.sleep(0.25)

    def client_env(self) -> dict[str, str]:
        """What a client of the cluster needs: the Telegram bot and the widget's server (for /forget too)."""
        return {"RASA_URL": self.url, "RASA_ENDPOINTS": str(SCALED_ENDPOINTS), **self.endpoints}

    def write_state(self) -> None:
        """cluster.env (the client's variables, mode 600: it holds passwords) and pids.json, for `cluster stop`."""
        env_file = self.workdir / "cluster.env"
        env_file.touch(mode=0o600)
        exports = (f"export {name}={shlex.quote(value)}\n" for name, value in self.client_env().items())
        env_file.write_text("".join(exports))
        pids = {service.name: service.process.pid for service in self.services if service.process is not None}
        (self.workdir / "pids.json").write_text(json.dumps({"supervisor": os.getpid(), **pids}, indent=1))

    def stop(self) -> None:
        """Stop everything, front to back: HAProxy, the replicas, the action servers, Redis, PostgreSQL."""
        if self.monitor.is_alive():
            self.monitor.stop()
        stop_all([self.haproxy])
        stop_all([*self.replicas, *self.actions])
        stop_all([self.redis, self.database])
        (self.workdir / "pids.json").unlink(missing_ok=True)


def log_to(path: Path) -> list[logging.Handler]:
    """The cluster's own log lines to path and to stderr; returns the handlers, for stop_logging."""
    path.parent.mkdir(parents=True, exist_ok=True)
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    handlers: list[logging.Handler] = [logging.FileHandler(path), logging.StreamHandler()]
    for handler in handlers:
        handler.setFormatter(formatter)
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return handlers


def stop_logging(handlers: list[logging.Handler]) -> None:
    """Detach and close handlers that log_to attached."""
    for handler in handlers:
        logger.removeHandler(handler)
        handler.close()
