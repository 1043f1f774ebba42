"""One server process of the cluster: started in its own session with its log file, waited for, stopped."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import requests

STOP_SECONDS = 20.0  # after SIGTERM (or the server's own stop signal), then SIGKILL


class StartError(RuntimeError):
    """A server exited or stayed unready; the message ends with its log."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def port_open(port: int) -> bool:
    """Whether something accepts TCP connections on 127.0.0.1:port."""
    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def http_ok(url: str) -> bool:
    """Whether url answers 2xx within 2 s."""
    try:
        return requests.get(url, timeout=2).ok
    except requests.RequestException:
        return False


@dataclass
class Service:
    """A server: its command, environment, log, readiness check and the signal that stops it cleanly."""

    name: str
    command: list[str]
    log: Path
    ready: Callable[[], bool]
    env: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    cwd: Path | None = None
    stop_signal: signal.Signals = signal.SIGTERM
    process: subprocess.Popen | None = None

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self) -> None:
        """Launch it, in its own session so that Ctrl-C reaches the supervisor only, which stops it in order."""
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                self.command, cwd=self.cwd, env=dict(self.env), stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip

    def log_tail(self, lines: int = 30) -> str:
        """The end of its log."""
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def wait_ready(self, deadline: float) -> None:
        """Return once ready; StartError when it exits first or time.monotonic() passes deadline."""
        while not self.ready():
            if not self.running:
                raise StartError(f"{self.name} exited before it was ready (log: {self.log}):\n{self.log_tail()}")
            if time.monotonic() > deadline:
                raise StartError(f"{self.name} was not ready in time (log: {self.log}):\n{self.log_tail()}")
            time.sleep(0.25)

    def signal_stop(self) -> None:
        """Send its stop signal, without waiting."""
        if self.running:
            assert self.process is not None
            self.process.send_signal(self.stop_signal)

    def stop(self) -> None:
        """Its stop signal, then SIGKILL after STOP_SECONDS."""
        stop_all([self])

    def kill(self) -> None:
        """SIGKILL, as a crash would."""
        if self.running:
            assert self.process is not None
            self.process.kill()
            self.process.wait()


def stop_all(services: list[Service]) -> None:
    """Stop several servers at once: each one's stop signal, then SIGKILL for any still running after STOP_SECONDS."""
    for service in services:
        service.signal_stop()
    deadline = time.monotonic() + STOP_SECONDS
    for service in services:
        if service.process is not None:
            try:
                service.process.wait(timeout=max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                service.kill()
