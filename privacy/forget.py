"""Deleting one conversation from Rasa's SQL tracker store, which Rasa's HTTP API cannot do.

Used by the Telegram bot's /forget and the web demo's "Forget me". The store is the one Rasa's
endpoints file names (privacy/tracker_store.py). The person's pain diary and scheduled check-ins,
kept in the same database (diary/store.py), go with the conversation.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy

from diary.store import forget_in
from privacy.tracker_store import tracker_store_url

DELETE = sqlalchemy.text("DELETE FROM events WHERE sender_id = :sender_id")


class Forgetter:
    """Deletes conversations, with their diaries, from the SQL tracker store an endpoints file names."""

    def __init__(self, endpoints: Path) -> None:
        self.engine = sqlalchemy.create_engine(tracker_store_url(endpoints))

    def forget(self, sender_id: str) -> int:
        """Delete every stored event of one conversation and its diary, in one transaction and without creating
        any table; return how many events there were."""
        with self.engine.begin() as connection:
            forget_in(connection, sender_id)
            return connection.execute(DELETE, {"sender_id": sender_id}).rowcount
