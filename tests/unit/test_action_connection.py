"""The kept action-server connection (components/action_connection.py): one connection for many calls, Rasa's
own session for endpoints with headers or auth, and a server that restarts is reached again."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
from aiohttp import web
from rasa.utils.endpoints import EndpointConfig
from sanic.config import DEFAULT_CONFIG

from cluster.service import free_port
from components.action_connection import (
    KEEP_ALIVE_SECONDS,
    KeptActionConnection,
    _rasa_session,
    kept_session,
    session,
)


class Server:
    """A local HTTP server that answers every POST with JSON and notes which client connection it came on."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.peers: list[Any] = []
        self.runner: web.AppRunner | None = None

    async def _answer(self, request: web.Request) -> web.Response:
        assert request.transport is not None
        self.peers.append(request.transport.get_extra_info("peername"))
        return web.json_response({"events": []})

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/webhook", self._answer)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        await web.TCPSite(self.runner, "127.0.0.1", self.port).start()

    async def stop(self) -> None:
        assert self.runner is not None
        await self.runner.cleanup()


@pytest.fixture
def installed() -> Iterator[None]:
    """The component's session while a test runs, Rasa's again after it."""
    KeptActionConnection.create({}, None, None, None)  # type: ignore[arg-type]
    yield
    EndpointConfig.session = _rasa_session


def calls(endpoint_options: dict[str, Any], restart: bool = False) -> list[Any]:
    """The client connections of three calls to a local server (restarted between the second and the third)."""

    async def run() -> list[Any]:
        server = Server(free_port())
        await server.start()
        endpoint = EndpointConfig(url=f"http://127.0.0.1:{server.port}/webhook", **endpoint_options)
        try:
            for call in range(3):
                if restart and call == 2:
                    await server.stop()
                    server.runner = None
                    await server.start()
                assert await endpoint.request(json={"next_action": "action_answer_topic"}) == {"events": []}
        finally:
            await server.stop()
            if EndpointConfig.session is session:
                await kept_session().close()
        return server.peers

    return asyncio.run(run())


def test_the_component_installs_the_kept_session(installed: None) -> None:
    assert EndpointConfig.session is session


def test_calls_to_a_plain_endpoint_share_one_connection(installed: None) -> None:
    first, second, third = calls({})
    assert first == second == third


def test_rasa_s_own_session_opens_a_connection_per_call() -> None:
    first, second, third = calls({})
    assert len({first, second, third}) == 3


@pytest.mark.parametrize("options", [{"headers": {"X-Check": "1"}}, {"basic_auth": {"username": "a", "password": "b"}}])
def test_an_endpoint_with_headers_or_auth_keeps_rasa_s_session(installed: None, options: dict[str, Any]) -> None:
    first, second, third = calls(options)
    assert len({first, second, third}) == 3


def test_a_restarted_server_is_reached_on_a_new_connection(installed: None) -> None:
    first, second, third = calls({}, restart=True)
    assert first == second != third


def test_an_idle_connection_is_dropped_before_the_action_server_would_close_it() -> None:
    """rasa_sdk serves on Sanic, which closes a connection idle for KEEP_ALIVE_TIMEOUT seconds."""
    assert DEFAULT_CONFIG["KEEP_ALIVE_TIMEOUT"] > KEEP_ALIVE_SECONDS
