"""Where Rasa keeps conversations: the SQL tracker store an endpoints file names.

Read as Rasa reads it: ${VARIABLES} expanded, the host under `url`, a relative SQLite path taken
from the working directory. A SQLite file that does not exist is an error, not a new empty database.
Used to forget a conversation (privacy/forget.py) and to keep the pain diary beside it (diary/).
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from sqlalchemy.engine import URL

ENDPOINTS_VARIABLE = "RASA_ENDPOINTS"
DEFAULT_ENDPOINTS = Path("endpoints.yml")


def endpoints_file() -> Path:
    """The endpoints file Rasa runs with: RASA_ENDPOINTS, else endpoints.yml (where the diary is kept too)."""
    return Path(os.environ.get(ENDPOINTS_VARIABLE) or DEFAULT_ENDPOINTS)


def tracker_store_url(endpoints: Path) -> URL:
    """The database URL of the SQL tracker store in an endpoints file; ValueError when it names none."""
    store = (yaml.safe_load(endpoints.read_text()) or {}).get("tracker_store") or {}
    if str(store.get("type", "")).lower() != "sql":
        raise ValueError(f"{endpoints}: the tracker_store must be of type SQL (to forget conversations, keep diaries)")
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
