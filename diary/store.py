"""Diary entries and scheduled check-ins, in their own tables of the conversations' database.

The engine is the tracker store's (privacy/tracker_store.py; diary.service.open_store opens it from an
endpoints file): SQLite by default, PostgreSQL with endpoints.scaled.yml. The tables are created on
first use, so a database Rasa has not written yet is only touched when the diary is.
Times are stored in UTC and read back as aware datetimes on either database.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import Any

import sqlalchemy
from sqlalchemy import Boolean, Column, DateTime, Float, Integer, MetaData, String, Table, Text
from sqlalchemy.engine import Connection, Engine

SENDER_ID_LENGTH = 255  # as Rasa's events.sender_id


class UTCDateTime(sqlalchemy.types.TypeDecorator):
    """An aware datetime, written in UTC; SQLite keeps no zone, so one read without a zone is UTC."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("diary times must carry a time zone")
        return None if value is None else value.astimezone(timezone.utc)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


METADATA = MetaData()
ENTRIES = Table(
    "diary_entries",
    METADATA,
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(SENDER_ID_LENGTH), nullable=False, index=True),
    Column("pain", Float, nullable=False),
    Column("note", Text),
    Column("logged_at", UTCDateTime, nullable=False),
)
CHECKINS = Table(
    "diary_checkins",
    METADATA,
    Column("sender_id", String(SENDER_ID_LENGTH), primary_key=True),
    Column("due_at", UTCDateTime, nullable=False),
    Column("started_at", UTCDateTime, nullable=False),
    Column("last_asked_at", UTCDateTime),
    Column("stopped", Boolean, nullable=False, default=False),
)


@dataclass(frozen=True)
class Entry:
    """One logged pain score (0-10) with an optional note."""

    sender_id: str
    pain: float
    note: str | None
    logged_at: datetime


@dataclass(frozen=True)
class CheckIn:
    """A person's check-in schedule: when the next one is due, since when, when last asked, and whether stopped."""

    sender_id: str
    due_at: datetime
    started_at: datetime
    last_asked_at: datetime | None
    stopped: bool


class DiaryStore:
    """Reads and writes diary entries and check-ins through one SQLAlchemy engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._tables_ready = False

    def _begin(self) -> AbstractContextManager[Connection]:
        """A transaction, after creating the diary's tables if they are missing."""
        if not self._tables_ready:
            METADATA.create_all(self.engine)
            self._tables_ready = True
        return self.engine.begin()

    def add(self, entry: Entry) -> None:
        """Store one entry."""
        with self._begin() as connection:
            connection.execute(ENTRIES.insert().values(**asdict(entry)))

    def entries(self, sender_id: str, since: datetime | None = None) -> list[Entry]:
        """A person's entries, oldest first; only those logged at or after `since` when given."""
        query = ENTRIES.select().where(ENTRIES.c.sender_id == sender_id)
        if since is not None:
            query = query.where(ENTRIES.c.logged_at >= since)
        with self._begin() as connection:
            rows = connection.execute(query.order_by(ENTRIES.c.logged_at, ENTRIES.c.id))
            return [Entry(row.sender_id, row.pain, row.note, row.logged_at) for row in rows]

    def save_checkin(self, checkin: CheckIn) -> None:
        """Store a person's check-in schedule, replacing the one before."""
        with self._begin() as connection:
            connection.execute(CHECKINS.delete().where(CHECKINS.c.sender_id == checkin.sender_id))
            connection.execute(CHECKINS.insert().values(**asdict(checkin)))

    def checkin(self, sender_id: str) -> CheckIn | None:
        """A person's check-in schedule, if there is one."""
        with self._begin() as connection:
            row = connection.execute(CHECKINS.select().where(CHECKINS.c.sender_id == sender_id)).first()
            return None if row is None else CheckIn(**row._mapping)

    def active_checkins(self, prefix: str) -> list[CheckIn]:
        """Every check-in schedule that has not stopped, of the senders whose id starts with `prefix` ("" for all).

        LIKE finds them with `%` and `_` escaped; SQLite's LIKE ignores the case of ASCII letters, so the
        prefix is checked again exactly.
        """
        query = CHECKINS.select().where(~CHECKINS.c.stopped, CHECKINS.c.sender_id.startswith(prefix, autoescape=True))
        with self._begin() as connection:
            checkins = [CheckIn(**row._mapping) for row in connection.execute(query)]
        return [checkin for checkin in checkins if checkin.sender_id.startswith(prefix)]

    def forget(self, sender_id: str) -> int:
        """Delete a person's entries and check-ins; return how many rows there were."""
        with self.engine.begin() as connection:
            return forget_in(connection, sender_id)


def forget_in(connection: Connection, sender_id: str) -> int:
    """Delete a person's entries and check-ins inside the caller's transaction, creating no table; return how
    many rows there were. Each table is looked for on its own: a database the diary never used has neither, and
    one whose tables the check-in scheduler is creating at this moment may have only the first."""
    inspector = sqlalchemy.inspect(connection)
    return sum(
        connection.execute(table.delete().where(table.c.sender_id == sender_id)).rowcount
        for table in (ENTRIES, CHECKINS)
        if inspector.has_table(table.name)
    )
