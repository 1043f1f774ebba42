"""Fixtures for the hardening tests."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from channels.rest import CappedRestInput
from tests.hardening.channel_harness import LIMIT, ChannelClient, serve_channel


@pytest.fixture
async def channel() -> AsyncIterator[ChannelClient]:
    """The capped REST channel (limit 2000) before a fake agent that echoes."""
    async with serve_channel(CappedRestInput(max_chars=LIMIT)) as client:
        yield client
