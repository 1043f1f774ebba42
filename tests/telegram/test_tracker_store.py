"""/forget's deletion from an SQLite tracker store laid out like Rasa's."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from bot.tracker_store import delete_conversation

pytestmark = pytest.mark.asyncio


def tracker_db(path: Path, senders: list[str]) -> Path:
    """A database with Rasa's events table and one event per sender."""
    with closing(sqlite3.connect(path)) as db, db:
        db.execute(
            "CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255) NOT NULL, type_name VARCHAR(255),"
            " timestamp FLOAT, intent_name VARCHAR(255), action_name VARCHAR(255), data TEXT)"
        )
        db.executemany("INSERT INTO events (sender_id, type_name, data) VALUES (?, 'user', '{}')", [(s,) for s in senders])
    return path


def senders(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as db:
        return [row[0] for row in db.execute("SELECT sender_id FROM events ORDER BY id")]


async def test_only_that_conversation_is_deleted(tmp_path: Path) -> None:
    db = tracker_db(tmp_path / "tracker.db", ["telegram-1", "telegram-2", "telegram-1", "telegram-10"])
    assert await delete_conversation(db, "telegram-1") == 2
    assert senders(db) == ["telegram-2", "telegram-10"]
    assert await delete_conversation(db, "telegram-1") == 0


async def test_a_missing_database_is_an_error_not_a_new_file(tmp_path: Path) -> None:
    with pytest.raises(sqlite3.OperationalError):
        await delete_conversation(tmp_path / "nowhere.db", "telegram-1")
    assert not (tmp_path / "nowhere.db").exists()
