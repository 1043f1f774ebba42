"""Where the cluster's servers come from: Debian packages, found or named with the line that installs them."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

PACKAGES = ("postgresql", "redis-server", "haproxy")
INSTALL = f"sudo apt-get install -y {' '.join(PACKAGES)}"
POSTGRES_LIBRARY = Path("/usr/lib/postgresql")  # Debian keeps the server binaries off PATH, per major version


class MissingPackages(RuntimeError):
    """A server binary is missing; the message says how to install it."""


@dataclass(frozen=True)
class Binaries:
    """The server binaries the cluster runs."""

    postgres_bin: Path  # the directory of initdb, postgres, pg_isready
    redis_server: Path
    haproxy: Path


def _postgres_bin() -> Path | None:
    """The newest PostgreSQL server directory (`dpkg -L postgresql-15` lists /usr/lib/postgresql/15/bin)."""
    found = [path for path in POSTGRES_LIBRARY.glob("*/bin") if (path / "initdb").exists()]
    return max(found, key=lambda path: int(path.parent.name), default=None)


def find_binaries() -> Binaries:
    """The binaries, or MissingPackages naming each missing package and the apt-get line that installs them."""
    postgres_bin = _postgres_bin()
    redis_server, haproxy = shutil.which("redis-server"), shutil.which("haproxy")
    found = dict(zip(PACKAGES, (postgres_bin, redis_server, haproxy), strict=True))
    missing = [package for package, path in found.items() if path is None]
    if missing:
        raise MissingPackages(
            f"The cluster needs the Debian packages {', '.join(missing)}, which are not installed. "
            f"Install them with:\n    {INSTALL}"
        )
    assert postgres_bin is not None and redis_server is not None and haproxy is not None
    return Binaries(postgres_bin, Path(redis_server), Path(haproxy))
