"""Start and stop the real Rasa server and action server for conversation tests."""

from __future__ import annotations

import secrets
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import requests
import yaml

from cluster.assistant import server_env
from cluster.service import free_port

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# Conversations run side by side on each Rasa server by the blind suites: 160 first messages took 31.4 s one at a
# time, 21.3 s two at a time and 23.8 s four at a time on 2 cores, with the same answers (Rasa's event loop is the
# bottleneck). A second Rasa server, two conversations at a time on each, ran 480 first messages in 22.8 s against
# 32.6 s on one and 104 vignettes in 20.6 s against 30.3 s, with the same answers (2 cores, session 44).
CONVERSATIONS_AT_ONCE = 2
Item = TypeVar("Item")
Result = TypeVar("Result")
CHECKIN_TEST_DELAY_SECONDS = "3"  # the tests' check-in delay, instead of two days


def endpoints_for_tests(action_port: int, tracker_db: Path | None) -> dict[str, Any]:
    """endpoints.yml, with this test's action server and its own SQLite file (None: Rasa's in-memory store)."""
    endpoints = yaml.safe_load((ROOT / "endpoints.yml").read_text())
    endpoints["action_endpoint"]["url"] = f"http://127.0.0.1:{action_port}/webhook"
    if tracker_db is None:
        del endpoints["tracker_store"]
    else:
        endpoints["tracker_store"]["db"] = str(tracker_db)
    return endpoints


def stop_process(process: subprocess.Popen | None) -> None:
    """SIGTERM a process if it still runs, SIGKILL after 20 s."""
    if process is not None and process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def model_path() -> Path:
    """The trained model for the current data, as `make train` names it."""
    path = (
        ROOT / subprocess.run([ROOT / "scripts/model-path"], capture_output=True, text=True, check=True).stdout.strip()
    )
    if not path.exists():
        raise RuntimeError(f"{path} is missing: run `make train` first")
    return path


@dataclass(frozen=True)
class RasaApi:
    """One Rasa server's REST channel and its HTTP API, secured by a token."""

    url: str
    token: str

    @property
    def status_url(self) -> str:
        """The secured status endpoint, which answers once the model is loaded."""
        return f"{self.url}/status?token={self.token}"

    def talk(self, sender: str, message: Any, timeout: float = 30) -> list[dict[str, Any]]:
        """Send one message through the REST channel and return the bot's replies."""
        response = requests.post(
            f"{self.url}/webhooks/rest/webhook", json={"sender": sender, "message": message}, timeout=timeout
        )
        response.raise_for_status()
        return response.json()

    def tracker(self, sender: str) -> dict[str, Any]:
        """The stored conversation of one sender."""
        response = requests.get(f"{self.url}/conversations/{sender}/tracker", params={"token": self.token}, timeout=10)
        response.raise_for_status()
        return response.json()


class Assistant:
    """The assistant as a user meets it: Rasa (REST, socket.io, SQLite tracker) plus the action server, and for the
    bulk suites a second Rasa server (`start_bulk_rasa`). Its servers run at `niceness` (nice(1)): above 0, they take
    only the CPU that other processes leave. With `in_memory`, its Rasa servers keep conversations in Rasa's in-memory
    tracker store, for suites that need no restart: 900 blind messages took 32.2 s on one server against 38.8 s with
    SQLite, every answer the same (the diary keeps its SQLite file)."""

    def __init__(self, workdir: Path, niceness: int = 0, in_memory: bool = False) -> None:
        self.workdir = workdir
        self.niceness = niceness
        self.in_memory = in_memory
        self.rasa_port, self.action_port, self.web_port = free_port(), free_port(), free_port()
        self.bulk_port = free_port()
        self.rasa_url = f"http://127.0.0.1:{self.rasa_port}"
        self.web_url = f"http://127.0.0.1:{self.web_port}"  # the widget's page (tests/web), allowed by CORS
        self.token = secrets.token_hex(16)
        self.tracker_db = workdir / "tracker.db"
        self.endpoints = workdir / "endpoints.yml"
        self.endpoints.write_text(yaml.safe_dump(endpoints_for_tests(self.action_port, self.tracker_db)))
        self.rasa_endpoints = self.endpoints
        if in_memory:
            self.tracker_db.touch()  # the diary's database, which no Rasa server creates here
            self.rasa_endpoints = workdir / "endpoints-in-memory.yml"
            self.rasa_endpoints.write_text(yaml.safe_dump(endpoints_for_tests(self.action_port, None)))
        # The action server keeps the diary in the same database (RASA_ENDPOINTS); check-ins fall due in seconds.
        self.env = {
            **server_env(),
            "RASA_ENDPOINTS": str(self.endpoints),
            "CHECKIN_DELAY_SECONDS": CHECKIN_TEST_DELAY_SECONDS,
            "CHECKIN_QUIET_HOURS": "",
        }
        self.api = RasaApi(self.rasa_url, self.token)
        self.bulk_api = RasaApi(f"http://127.0.0.1:{self.bulk_port}", self.token)
        self.rasa: subprocess.Popen | None = None
        self.actions: subprocess.Popen | None = None
        self.bulk: subprocess.Popen | None = None

    def _spawn(self, name: str, command: list[str]) -> subprocess.Popen:
        niced = ["nice", "-n", str(self.niceness), *command] if self.niceness else command
        with open(self.workdir / f"{name}.log", "ab") as log:
            return subprocess.Popen(niced, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT)

    def _wait(self, process: subprocess.Popen, name: str, url: str, timeout: float = 180) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"{name} exited early:\n{self.log_tail(name)}")
            try:
                if requests.get(url, timeout=2).ok:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"{name} did not start within {timeout:.0f} s:\n{self.log_tail(name)}")

    def log_tail(self, name: str, lines: int = 40) -> str:
        """The end of a server's log, for failure messages."""
        path = self.workdir / f"{name}.log"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""

    def start_actions(self) -> None:
        """Start the action server and wait until it answers."""
        self.actions = self._spawn("actions", [str(BIN / "python"), "-m", "actions", "--port", str(self.action_port)])
        self._wait(self.actions, "actions", f"http://127.0.0.1:{self.action_port}/health")

    def _rasa_command(self, port: int, endpoints: Path) -> list[str]:
        return [
            str(BIN / "rasa"),
            "run",
            "--model",
            str(model_path()),
            "--interface",
            "127.0.0.1",
            "--port",
            str(port),
            "--credentials",
            str(ROOT / "credentials.yml"),
            "--endpoints",
            str(endpoints),
            "--enable-api",
            "--auth-token",
            self.token,
            "--cors",
            self.web_url,
        ]

    def start_rasa(self) -> None:
        """Start the Rasa server with the API secured by a token, and wait until its model is loaded."""
        self.rasa = self._spawn("rasa", self._rasa_command(self.rasa_port, self.rasa_endpoints))
        self._wait(self.rasa, "rasa", self.api.status_url)

    def start_bulk_rasa(self) -> None:
        """Start a second Rasa server for `in_new_conversations`, without waiting: it loads while other tests run.
        With SQLite it keeps its conversations in a file of its own: sharing one file, the two servers waited on its
        lock, and 480 first messages took 33.7 s against 22.8 s (one server: 38.0 s and 32.6 s)."""
        endpoints = self.rasa_endpoints
        if not self.in_memory:
            endpoints = self.workdir / "endpoints-bulk.yml"
            tracker_db = self.workdir / "tracker-bulk.db"
            endpoints.write_text(yaml.safe_dump(endpoints_for_tests(self.action_port, tracker_db)))
        self.bulk = self._spawn("rasa-bulk", self._rasa_command(self.bulk_port, endpoints))

    def stop_rasa(self) -> None:
        """Stop the Rasa server (the tracker store file stays)."""
        stop_process(self.rasa)

    def stop_bulk_rasa(self) -> None:
        """Stop the bulk suites' Rasa server."""
        stop_process(self.bulk)

    def stop_actions(self) -> None:
        """Stop the action server."""
        stop_process(self.actions)

    def talk(self, sender: str, message: Any, timeout: float = 30) -> list[dict[str, Any]]:
        """Send one message through the main Rasa server's REST channel and return the bot's replies."""
        return self.api.talk(sender, message, timeout)

    def tracker(self, sender: str) -> dict[str, Any]:
        """The stored conversation of one sender, through the secured HTTP API."""
        return self.api.tracker(sender)

    def servers_for_bulk(self) -> list[RasaApi]:
        """The Rasa servers the bulk suites share: the main one, and the second once it has loaded its model."""
        if self.bulk is None:
            return [self.api]
        self._wait(self.bulk, "rasa-bulk", self.bulk_api.status_url)  # one request once it is up
        return [self.api, self.bulk_api]

    def in_new_conversations(self, converse: Callable[[RasaApi, Item], Result], items: Iterable[Item]) -> list[Result]:
        """converse(server, item) for each item, each in a conversation of its own on one Rasa server,
        CONVERSATIONS_AT_ONCE at a time on each; the results in the items' order."""
        servers = self.servers_for_bulk()
        numbered = list(enumerate(items))
        with ThreadPoolExecutor(CONVERSATIONS_AT_ONCE * len(servers)) as pool:
            return list(pool.map(lambda pair: converse(servers[pair[0] % len(servers)], pair[1]), numbered))


@contextmanager
def running_assistant(
    workdir: Path | None = None, bulk: bool = False, niceness: int = 0, in_memory: bool = False
) -> Iterator[Assistant]:
    """The action server and Rasa, started with their files in `workdir` (a temporary folder if None) at `niceness`,
    and stopped on the way out; with `bulk`, the second Rasa server for the bulk suites too; with `in_memory`, Rasa
    keeps the conversations in memory."""
    with tempfile.TemporaryDirectory() as scratch:
        assistant = Assistant(workdir or Path(scratch), niceness, in_memory)
        try:
            assistant.start_actions()
            assistant.start_rasa()
            if bulk:
                assistant.start_bulk_rasa()
            yield assistant
        finally:
            assistant.stop_bulk_rasa()
            assistant.stop_rasa()
            assistant.stop_actions()
