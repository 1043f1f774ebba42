"""The two assistants under test, started on free loopback ports: ours (Rasa + action server) and stock."""

from __future__ import annotations

import os
import secrets
import shlex
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

from testbed.servers import BIN, ROOT, Assistant, free_port, server_env, stop_process

STOCK_DIR = ROOT / "var" / "bench" / "stock"
START_TIMEOUT = 300.0  # seconds for a server to answer its first message
INIT_TIMEOUT = 3600.0  # seconds for `rasa init` (it trains a model)


@dataclass
class Target:
    """A running assistant: where to reach it, its processes, how it was started and how long that took."""

    name: str
    url: str
    token: str  # for the HTTP API (/model/parse)
    pids: dict[str, int]  # role ("rasa", "actions") -> pid of the process tree's root
    commands: list[str]
    cold_start: dict[str, float] = field(default_factory=dict)  # phase -> seconds since the start
    processes: list[subprocess.Popen] = field(default_factory=list)

    def stop(self) -> None:
        """SIGTERM each process (newest first), SIGKILL after 20 s."""
        for process in reversed(self.processes):
            stop_process(process)


def _command(process: subprocess.Popen, token: str, cwd: Path = ROOT) -> str:
    """A process's command line as run from cwd: the executable's path relative to cwd, the token hidden."""
    executable, *args = (str(arg) for arg in process.args)
    shown = [os.path.relpath(executable, cwd)] + [arg.replace(f"{ROOT}/", "") for arg in args]
    command = shlex.join(shown).replace(token, "<random token>")
    return command if cwd == ROOT else f"cd {cwd.relative_to(ROOT)} && {command}"


def first_reply(url: str, started: float, process: subprocess.Popen) -> float:
    """Poll the REST channel with "hi" (every 0.1 s) until it answers; return seconds since started."""
    deadline = started + START_TIMEOUT
    while time.perf_counter() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[1:3]} exited with {process.returncode} before answering")
        try:
            response = requests.post(
                f"{url}/webhooks/rest/webhook", json={"sender": "cold-start", "message": "hi"}, timeout=60
            )
            if response.ok and isinstance(response.json(), list):
                return time.perf_counter() - started
        except (requests.RequestException, ValueError):
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer within {START_TIMEOUT:.0f} s")


def start_ours(workdir: Path) -> Target:
    """Our assistant as testbed/servers.py starts it: action server, then Rasa with the SQLite tracker store."""
    workdir.mkdir(parents=True, exist_ok=True)
    assistant = Assistant(workdir)
    started = time.perf_counter()
    try:
        assistant.start_actions()
        actions_ready = time.perf_counter() - started
        assistant.start_rasa()
        rasa_ready = time.perf_counter() - started
        assert assistant.rasa is not None and assistant.actions is not None
        total = first_reply(assistant.rasa_url, started, assistant.rasa)
    except BaseException:
        assistant.stop_rasa()
        assistant.stop_actions()
        raise
    return Target(
        name="ours",
        url=assistant.rasa_url,
        token=assistant.token,
        pids={"rasa": assistant.rasa.pid, "actions": assistant.actions.pid},
        commands=[_command(assistant.actions, assistant.token), _command(assistant.rasa, assistant.token)],
        cold_start={"actions ready": actions_ready, "rasa ready": rasa_ready, "first reply": total},
        processes=[assistant.actions, assistant.rasa],
    )


def stock_model() -> Path | None:
    """The newest model `rasa init` trained in STOCK_DIR, if any."""
    models = sorted((STOCK_DIR / "models").glob("*.tar.gz"), key=lambda path: path.stat().st_mtime)
    return models[-1] if models else None


def init_stock(fresh: bool) -> tuple[str, float | None]:
    """Create the stock project with `rasa init` (which trains its model) unless one is there and not fresh.

    Returns the command and its duration in seconds (None when the existing project was reused).
    """
    command = [str(BIN / "rasa"), "init", "--no-prompt", "--init-dir", str(STOCK_DIR)]
    shown = f"rasa init --no-prompt --init-dir {STOCK_DIR.relative_to(ROOT)}"
    if stock_model() is not None and not fresh:
        return shown, None
    shutil.rmtree(STOCK_DIR, ignore_errors=True)
    STOCK_DIR.mkdir(parents=True)
    log = STOCK_DIR.parent / "stock-init.log"
    started = time.perf_counter()
    with log.open("wb") as out:
        subprocess.run(
            command,
            cwd=ROOT,
            env={**server_env(), "RASA_CACHE_DIRECTORY": str(STOCK_DIR / ".rasa" / "cache")},
            stdout=out,
            stderr=subprocess.STDOUT,
            timeout=INIT_TIMEOUT,
            check=True,
        )
    if stock_model() is None:
        raise RuntimeError(f"`rasa init` trained no model; see {log}")
    return shown, time.perf_counter() - started


def start_stock() -> Target:
    """`rasa run` in the stock project: REST channel, in-memory tracker store, no action server.

    Its HTTP API is on with a token, like ours, for /model/parse.
    """
    model, port, token = stock_model(), free_port(), secrets.token_hex(16)
    if model is None:
        raise RuntimeError("no stock model: init_stock() first")
    command = [str(BIN / "rasa"), "run", "--model", str(model.relative_to(STOCK_DIR)), "--interface", "127.0.0.1"]
    command += ["--port", str(port), "--credentials", "credentials.yml", "--endpoints", "endpoints.yml"]
    command += ["--enable-api", "--auth-token", token]
    started = time.perf_counter()
    with (STOCK_DIR.parent / "stock-rasa.log").open("wb") as log:
        process = subprocess.Popen(command, cwd=STOCK_DIR, env=server_env(), stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        total = first_reply(url, started, process)
    except BaseException:
        Target("stock", url, token, {}, [], processes=[process]).stop()
        raise
    return Target(
        name="stock",
        url=url,
        token=token,
        pids={"rasa": process.pid},
        commands=[_command(process, token, STOCK_DIR)],
        cold_start={"first reply": total},
        processes=[process],
    )
