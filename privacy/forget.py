"""Deleting one conversation from Rasa's SQL tracker store, which Rasa's HTTP API cannot do.

Used by the Telegram bot's /forget and the web demo's "Forget me". The store is the one Rasa's
endpoints file names (privacy/tracker_store.py).
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy

from privacy.tracker_store import tracker_store_url

DELETE = sqlalchemy.text("DELETE FROM events WHERE sender_id = :sender_id")


class Forgetter:
    """Deletes conversations from the SQL tracker store an endpoints file names."""

    def __init__(self, endpoints: Path) -> None:
        self.engine = sqlalchemy.create_engine(tracker_store_url(endpoints))

    def forget(self, sender_id: str) -> int:
        """Delete every stored event of one conversation; return how many there were."""
        with self.engine.begin() as connection:
            return connection.execute(DELETE, {"sender_id": sender_id}).rowcount
