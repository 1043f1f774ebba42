"""Rasa component: one kept-alive HTTP session per event loop for plain endpoints, not a new one per call.

For every custom action, Rasa 3.6's `EndpointConfig.request` opens a new aiohttp session, and with it a new
TCP connection to the action server, then closes both. Measured on the `make bench` mix in process, that was
about a quarter of a reply's median time (docs/architecture.md). This component, when the model loads, has
endpoints with no headers and no basic auth (our action endpoint) share one session per event loop, whose
connections stay open for KEEP_ALIVE_SECONDS: below the action server's own idle timeout (Sanic's 5 s), so a
connection the server is about to close is never reused. URLs, parameters, timeouts, errors and the replies
are Rasa's own; any other endpoint keeps Rasa's session. Behind HAProxy (`make cluster`), `http-reuse never`
keeps the same promise for the connection to the action server. Messages pass through untouched.
"""

from __future__ import annotations

import asyncio
from types import TracebackType

import aiohttp
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.utils.endpoints import DEFAULT_REQUEST_TIMEOUT, EndpointConfig

from components.rasa_patch import RasaPatch

KEEP_ALIVE_SECONDS = 4.0
_rasa_session = EndpointConfig.session
_kept: dict[asyncio.AbstractEventLoop, aiohttp.ClientSession] = {}


class _Lent:
    """`async with` over a kept session that leaves it open for the next call."""

    def __init__(self, session: aiohttp.ClientSession) -> None:
        self._session = session

    async def __aenter__(self) -> aiohttp.ClientSession:
        return self._session

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        return None


def kept_session() -> aiohttp.ClientSession:
    """The running event loop's shared session, made on first use (or after it was closed)."""
    loop = asyncio.get_running_loop()
    session = _kept.get(loop)
    if session is None or session.closed:
        session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(keepalive_timeout=KEEP_ALIVE_SECONDS, limit=0),  # no cap, as before
            timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
        )
        _kept[loop] = session
    return session


def session(endpoint: EndpointConfig) -> _Lent | aiohttp.ClientSession:
    """In place of `EndpointConfig.session`: the kept session for a plain endpoint, Rasa's own for the rest."""
    if endpoint.headers or endpoint.basic_auth:
        return _rasa_session(endpoint)
    return _Lent(kept_session())


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class KeptActionConnection(RasaPatch):
    """Installs `session` in place of Rasa's session per request."""

    @classmethod
    def install(cls) -> None:
        EndpointConfig.session = session
