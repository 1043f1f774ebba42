"""Redis 7 for Rasa's lock store: loopback only, a password, a config file under the work directory.

Locks live only while a turn runs, so nothing is saved to disk: a restarted Redis starts empty, and the
turns it interrupted are answered with the channels' apology.
"""

from __future__ import annotations

from pathlib import Path

import redis

from cluster.debian import Binaries
from cluster.service import Service


def config(port: int, password: str, folder: Path) -> str:
    """redis.conf for one server."""
    return "\n".join(
        [
            "bind 127.0.0.1",
            "protected-mode yes",
            f"port {port}",
            f"requirepass {password}",
            f"dir {folder}",
            'save ""',
            "appendonly no",
            "daemonize no",
            "loglevel notice",
            "",
        ]
    )


def answers(port: int, password: str) -> bool:
    """Whether the server answers PING with this password."""
    try:
        return bool(redis.Redis(host="127.0.0.1", port=port, password=password, socket_timeout=1).ping())
    except redis.RedisError:
        return False


def service(binaries: Binaries, workdir: Path, port: int, password: str) -> Service:
    """The server, its config written (mode 600: it holds the password) next to its empty data folder."""
    folder = workdir / "redis"
    folder.mkdir(parents=True, exist_ok=True)
    conf = folder / "redis.conf"
    conf.touch(mode=0o600)
    conf.write_text(config(port, password, folder))
    return Service(
        name="redis",
        command=[str(binaries.redis_server), str(conf)],
        log=workdir / "logs" / "redis.log",
        ready=lambda: answers(port, password),
    )
