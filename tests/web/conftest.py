"""Fixtures for the web tests: the widget's static server beside the session's assistant, and socket.io users."""

from __future__ import annotations

import subprocess
from collections.abc import AsyncIterator, Iterator

import pytest

from testbed.servers import ROOT, Assistant
from testbed.web import SocketUser, WebServer


@pytest.fixture(scope="session")
def web(assistant: Assistant) -> Iterator[WebServer]:
    """The widget's static server (scripts/web-setup runs first: npm ci and chromium, when missing)."""
    subprocess.run([ROOT / "scripts/web-setup"], check=True)
    server = WebServer(assistant)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
async def socket_user(assistant: Assistant) -> AsyncIterator[SocketUser]:
    """A connected socket.io user with a confirmed session."""
    async with SocketUser(assistant.rasa_url) as user:
        yield user
