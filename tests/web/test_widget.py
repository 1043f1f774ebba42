"""The widget in a real browser: Debian's chromium, driven by playwright-core through web/tests/widget.spec.mjs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from testbed.servers import ROOT, Assistant
from tests.web.helpers import WebServer, stored_events

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOT = ROOT / "var/widget.png"


def test_widget_in_chromium(assistant: Assistant, web: WebServer) -> None:
    """Greeting, a typed question, a quick reply, history after reload, then "Forget me" empties the store."""
    if not CHROMIUM.exists():
        pytest.skip(
            "no chromium: /usr/bin/chromium is missing and scripts/web-setup could not install it "
            "(it needs root and apt-get; install the Debian package chromium)"
        )
    SCREENSHOT.parent.mkdir(exist_ok=True)
    run = subprocess.run(
        ["node", "tests/widget.spec.mjs", f"{web.url}/", str(SCREENSHOT)],
        cwd=ROOT / "web",
        capture_output=True,
        text=True,
        timeout=300,
    )
    lines = run.stdout.strip().splitlines()
    result = json.loads(lines[-1]) if lines else {"ok": False, "error": run.stderr[-3000:]}
    (ROOT / "var/widget-result.json").write_text(json.dumps(result, indent=2))
    assert result["ok"], f"failed at step {result.get('step')!r}: {result.get('error')}\n{result.get('problems')}"
    assert not result["problems"], result["problems"]

    assert result["title"] == "Backspasm Assistant"
    assert result.get("repliesOverWebsocket"), "socket.io never upgraded to a websocket"
    assert result["forget"]["deleted"] > 0
    assert stored_events(assistant, result["sessionId"]) == []
    assert stored_events(assistant, result["newSessionId"])
    if os.environ.get("UPDATE_SCREENSHOT") == "1":
        (ROOT / "docs").mkdir(exist_ok=True)
        shutil.copyfile(SCREENSHOT, ROOT / "docs/widget.png")
