"""Deleting one conversation from Rasa's SQL tracker store, which Rasa's HTTP API cannot do.

Used by the Telegram bot's /forget and the web demo's "Forget me". The store is the one Rasa's
endpoints file names (SQLite or PostgreSQL), read as Rasa reads it: ${VARIABLES} expanded, the
host under `url`, a relative SQLite path taken from the working directory. A SQLite file that does
not exist is an error, not a new empty database.
"""

from __future__ import annotations

import os
from pathlib import Path

import sqlalchemy
import yaml
from sqlalchemy.engine import URL

DELETE = sqlalchemy.text("DELETE FROM events WHERE sender_id = :sender_id")


def tracker_store_url(endpoints: Path) -> URL:
    """The database URL of the SQL tracker store in an endpoints file; ValueError when it names none."""
    store = (yaml.safe_load(endpoints.read_text()) or {}).get("tracker_store") or {}
    if str(store.get("type", "")).lower() != "sql":
        raise ValueError(f"{endpoints}: forgetting a conversation needs a tracker_store of type SQL")
    setting = {key: os.path.expandvars(str(value)) for key, value in store.items() if value is not None}
    dialect, database = setting.get("dialect", "sqlite"), setting.get("db", "rasa.db")
    if dialect == "sqlite":  # read-write, never create: a missing file means a wrong path
        return URL.create("sqlite", database=f"file:{Path(database).resolve()}", query={"mode": "rw", "uri": "true"})
    return URL.create(
        dialect,
        username=setting.get("username"),
        password=setting.get("password"),
        host=setting.get("url"),
        port=int(setting["port"]) if "port" in setting else None,
        database=database,
    )


class Forgetter:
    """Deletes conversations from the SQL tracker store an endpoints file names."""

    def __init__(self, endpoints: Path) -> None:
        self.engine = sqlalchemy.create_engine(tracker_store_url(endpoints))

    def forget(self, sender_id: str) -> int:
        """Delete every stored event of one conversation; return how many there were."""
        with self.engine.begin() as connection:
            return connection.execute(DELETE, {"sender_id": sender_id}).rowcount
