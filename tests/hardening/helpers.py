"""Small helpers shared by the hardening tests: raw posts, reply text, logs and process memory."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import requests

from testbed.servers import Assistant


def webhook(assistant: Assistant) -> str:
    """The REST channel's webhook URL."""
    return f"{assistant.rasa_url}/webhooks/rest/webhook"


def post_raw(assistant: Assistant, body: bytes, timeout: float = 30) -> requests.Response:
    """POST a body as it is (JSON or not) to the REST webhook."""
    return requests.post(webhook(assistant), data=body, headers={"Content-Type": "application/json"}, timeout=timeout)


def user_texts(tracker: dict[str, Any]) -> list[str]:
    """The user's messages in a tracker, in order."""
    return [event["text"] for event in tracker["events"] if event["event"] == "user"]


def rss_bytes(pid: int) -> int:
    """Resident memory of a process (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def log_offset(assistant: Assistant, name: str) -> int:
    """The current size of a server's log, to read only what comes after."""
    path = assistant.workdir / f"{name}.log"
    return path.stat().st_size if path.exists() else 0


def log_since(assistant: Assistant, name: str, offset: int = 0) -> str:
    """A server's log from a byte offset on."""
    with open(assistant.workdir / f"{name}.log", "rb") as log:
        log.seek(offset)
        return log.read().decode("utf-8", errors="replace")


def rasa_is_up(assistant: Assistant) -> bool:
    """The Rasa process is alive and its REST channel answers a health check."""
    if assistant.rasa is None or assistant.rasa.poll() is not None:
        return False
    try:
        return requests.get(f"{assistant.rasa_url}/webhooks/rest/", timeout=10).ok
    except requests.RequestException:
        return False


def ensure_running(assistant: Assistant) -> None:
    """Start whichever server a test stopped, so later tests find the assistant whole."""
    if assistant.actions is None or assistant.actions.poll() is not None:
        assistant.start_actions()
    if assistant.rasa is None or assistant.rasa.poll() is not None:
        assistant.start_rasa()


def _writable(path: Path) -> bool:
    try:
        with open(path, "r+b"):
            return True
    except PermissionError:
        return False


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[bool]:
    """Make a file read-only (chmod 0444; as root also `chattr +i`, since root ignores modes), then restore it.

    Yields whether writing to it now really fails for this process.
    """
    mode = path.stat().st_mode & 0o7777
    immutable = False
    try:
        path.chmod(0o444)
        if _writable(path) and shutil.which("chattr"):
            immutable = subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode == 0
        yield not _writable(path)
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(path)], check=True, capture_output=True)
        os.chmod(path, mode)
