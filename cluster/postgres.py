"""PostgreSQL 15 for the tracker store: its own data folder, loopback only, run as an unprivileged user.

initdb and postgres refuse to run as root, and CI runs as root: then they run as the `postgres` system user
(Debian's package makes it) through setpriv, which execs the server itself, so that signals reach it.
The data folder is var/cluster/postgres when that user can reach it; when a parent folder is private (a
`mktemp -d` clone, say) it is under /var/tmp instead, with var/cluster/postgres linking to it.
"""

from __future__ import annotations

import hashlib
import os
import pwd
import shutil
import signal
import subprocess
from pathlib import Path

from cluster.debian import Binaries
from cluster.service import Service
from cluster.settings import DATABASE, DATABASE_USER

SERVICE_USER = "postgres"
MAX_CONNECTIONS = 300  # each replica's SQLAlchemy pool opens connections as its concurrent turns need them
OUTSIDE = Path("/var/tmp/backspasm-cluster")  # where the data goes when the service user cannot reach workdir


def as_service_user() -> list[str]:
    """The command prefix that drops root to SERVICE_USER; none for an ordinary user."""
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam(SERVICE_USER)
    except KeyError:
        raise RuntimeError(f"no {SERVICE_USER!r} system user: install the postgresql package") from None
    return ["setpriv", f"--reuid={SERVICE_USER}", f"--regid={SERVICE_USER}", "--init-groups", "--"]


def _reachable(folder: Path) -> bool:
    """Whether the service user can enter folder."""
    return subprocess.run([*as_service_user(), "test", "-x", str(folder)], check=False).returncode == 0


def _own(path: Path) -> None:
    """Give path to the service user (when running as root), private to it."""
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(path, SERVICE_USER, SERVICE_USER)
    path.chmod(0o700)


def data_home(workdir: Path) -> Path:
    """The folder for the data and the socket: workdir/postgres, or one under OUTSIDE that it links to."""
    link = workdir / "postgres"
    workdir.mkdir(parents=True, exist_ok=True)
    if link.is_symlink() or _reachable(workdir):
        return link.resolve()
    home = OUTSIDE / hashlib.sha256(str(workdir).encode()).hexdigest()[:12]
    OUTSIDE.mkdir(parents=True, exist_ok=True)
    OUTSIDE.chmod(0o711)
    link.symlink_to(home)
    return home


class Postgres:
    """One PostgreSQL server on 127.0.0.1:port, with the tracker store's database and role."""

    def __init__(self, binaries: Binaries, workdir: Path, port: int) -> None:
        self.bin, self.port = binaries.postgres_bin, port
        self.home = data_home(workdir)
        self.data, self.sockets = self.home / "data", self.home / "socket"
        self.log = workdir / "logs" / "postgres.log"

    def _run(self, *command: str, stdin: str | None = None) -> None:
        """A PostgreSQL tool as the service user; RuntimeError with its output when it fails."""
        done = subprocess.run(
            [*as_service_user(), *command], input=stdin, capture_output=True, text=True, cwd=self.home, check=False
        )
        if done.returncode:
            raise RuntimeError(f"{Path(command[0]).name} failed:\n{done.stdout}{done.stderr}")

    def initialise(self) -> None:
        """initdb, the first time: local connections through a private socket folder only, passwords over TCP."""
        for folder in (self.home, self.sockets):
            _own(folder)
        if not (self.data / "PG_VERSION").exists():
            self._run(
                str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--encoding=UTF8", "--locale=C",
                "--auth-local=trust", "--auth-host=scram-sha-256",
            )  # fmt: skip

    def service(self) -> Service:
        """The server, stopped by SIGINT (a fast shutdown: SIGTERM would wait for Rasa's pooled connections)."""
        settings = {
            "listen_addresses": "127.0.0.1",
            "port": str(self.port),
            "unix_socket_directories": str(self.sockets),
            "max_connections": str(MAX_CONNECTIONS),
        }
        options = [item for name, value in settings.items() for item in ("-c", f"{name}={value}")]
        ready = [*as_service_user(), str(self.bin / "pg_isready"), "-q", "-h", str(self.sockets), "-p", str(self.port)]
        return Service(
            name="postgres",
            command=[*as_service_user(), str(self.bin / "postgres"), "-D", str(self.data), *options],
            log=self.log,
            ready=lambda: subprocess.run(ready, check=False, cwd=self.home).returncode == 0,
            cwd=self.home,
            stop_signal=signal.SIGINT,
        )

    def create_database(self, password: str) -> None:
        """The tracker store's role (with password) and database, made or brought up to date."""
        psql = [str(self.bin / "psql"), "-h", str(self.sockets), "-p", str(self.port), "-U", "postgres", "-v"]
        role = (
            f"SELECT format('CREATE ROLE {DATABASE_USER} LOGIN') WHERE NOT EXISTS "
            f"(SELECT FROM pg_roles WHERE rolname = '{DATABASE_USER}') \\gexec\n"
            f"ALTER ROLE {DATABASE_USER} WITH LOGIN PASSWORD :'password';\n"
            f"SELECT format('CREATE DATABASE {DATABASE} OWNER {DATABASE_USER}') WHERE NOT EXISTS "
            f"(SELECT FROM pg_database WHERE datname = '{DATABASE}') \\gexec\n"
        )
        given = f"\\set password '{password}'\n"  # on stdin, not the command line that `ps` shows
        self._run(*psql, "ON_ERROR_STOP=1", "-d", "postgres", stdin=given + role)
