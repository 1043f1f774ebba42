"""Deleting a conversation from Rasa's SQLite tracker store, which Rasa's HTTP API cannot do."""

from __future__ import annotations

import asyncio
import sqlite3
from contextlib import closing
from pathlib import Path


def _delete(db: Path, sender: str) -> int:
    """Delete every stored event of sender; the database must exist (mode=rw)."""
    with closing(sqlite3.connect(f"{db.resolve().as_uri()}?mode=rw", uri=True, timeout=5)) as connection, connection:
        return connection.execute("DELETE FROM events WHERE sender_id = ?", (sender,)).rowcount


async def delete_conversation(db: Path, sender: str) -> int:
    """Delete sender's conversation from Rasa's SQL tracker store at db; return how many events went."""
    return await asyncio.to_thread(_delete, db, sender)
