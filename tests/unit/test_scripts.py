"""The shell helpers that start a server beside a command stop, with its log, when the server never comes up."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from testbed.servers import ROOT, free_port


def _wait(tmp_path: Path, server: str, seconds: int) -> subprocess.CompletedProcess[str]:
    """Start `server` in the background and run wait_healthy on it, then a command that must not run."""
    log = tmp_path / "server.log"
    log.write_text("line one of the log\nthe last words of the server\n")
    script = (
        f"source scripts/lib/wait-healthy.sh; {server} > /dev/null 2>&1 & "
        f'wait_healthy "test server" $! http://127.0.0.1:{free_port()}/ {log} {seconds}; echo carried on'
    )
    return subprocess.run(["bash", "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=30)


@pytest.mark.parametrize(
    ("server", "reason"),
    [("sleep 5", "did not become healthy within 1 s"), ("true", "exited before it became healthy")],
)
def test_a_server_that_never_becomes_healthy_stops_the_command_with_its_log(
    tmp_path: Path, server: str, reason: str
) -> None:
    done = _wait(tmp_path, server, seconds=1)
    assert done.returncode == 1
    assert "carried on" not in done.stdout
    assert "the last words of the server" in done.stdout
    assert f"The test server {reason}" in done.stderr
