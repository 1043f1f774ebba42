"""/forget's deletion from an SQLite tracker store laid out like Rasa's."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.tracker_store import delete_conversation
from tests.telegram.harness import senders, tracker_db

pytestmark = pytest.mark.asyncio


async def test_only_that_conversation_is_deleted(tmp_path: Path) -> None:
    db = tracker_db(tmp_path / "tracker.db", ["telegram-1", "telegram-2", "telegram-1", "telegram-10"])
    assert await delete_conversation(db, "telegram-1") == 2
    assert senders(db) == ["telegram-2", "telegram-10"]
    assert await delete_conversation(db, "telegram-1") == 0


async def test_a_missing_database_is_an_error_not_a_new_file(tmp_path: Path) -> None:
    with pytest.raises(sqlite3.OperationalError):
        await delete_conversation(tmp_path / "nowhere.db", "telegram-1")
    assert not (tmp_path / "nowhere.db").exists()
