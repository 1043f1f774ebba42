"""Forgetting a conversation and its diary (privacy/forget.py) in an SQLite tracker store laid out like Rasa's."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from diary.store import CheckIn
from privacy.forget import Forgetter
from privacy.tracker_store import tracker_store_url
from testbed.telegram.harness import endpoints_for, senders, tracker_db
from tests.unit.diary_entries import T0, at, entry, tracker_store


def test_only_that_conversation_is_deleted(tmp_path: Path) -> None:
    db = tracker_db(tmp_path / "tracker.db", ["telegram-1", "telegram-2", "telegram-1", "telegram-10"])
    forgetter = Forgetter(endpoints_for(db))
    assert forgetter.forget("telegram-1") == 2
    assert senders(db) == ["telegram-2", "telegram-10"]
    assert forgetter.forget("telegram-1") == 0


def test_forgetting_creates_no_table_in_a_database_the_diary_never_used(tmp_path: Path) -> None:
    """A PostgreSQL user without CREATE rights can still forget: the diary's tables are not made on this path."""
    db = tracker_db(tmp_path / "tracker.db", ["telegram-1"])
    assert Forgetter(endpoints_for(db)).forget("telegram-1") == 1
    with closing(sqlite3.connect(db)) as connection:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    assert tables == ["events"]


def test_the_diary_and_its_checkins_go_with_the_conversation(tmp_path: Path) -> None:
    endpoints, diary = tracker_store(tmp_path)
    diary.add(entry(0, 6, "stiff", sender_id="telegram-2"))
    diary.add(entry(0, 3, sender_id="telegram-3"))
    diary.save_checkin(CheckIn("telegram-2", at(2), T0, None, stopped=False))
    assert Forgetter(endpoints).forget("telegram-2") == 1
    assert senders(tmp_path / "tracker.db") == []
    assert diary.entries("telegram-2") == []
    assert diary.checkin("telegram-2") is None
    assert diary.entries("telegram-3") == [entry(0, 3, sender_id="telegram-3")]


def test_forgetting_works_while_the_scheduler_is_still_creating_the_diarys_tables(tmp_path: Path) -> None:
    """The bot's check-in scheduler creates the diary's tables at start-up, one by one: /forget at that moment
    finds the entries table and not yet the check-ins table."""
    db = tracker_db(tmp_path / "tracker.db", ["telegram-1"])
    with closing(sqlite3.connect(db)) as connection, connection:
        connection.execute("CREATE TABLE diary_entries (id INTEGER PRIMARY KEY, sender_id TEXT, pain REAL)")
        connection.execute("INSERT INTO diary_entries (sender_id, pain) VALUES ('telegram-1', 4)")
    assert Forgetter(endpoints_for(db)).forget("telegram-1") == 1
    with closing(sqlite3.connect(db)) as connection:
        assert connection.execute("SELECT count(*) FROM diary_entries").fetchone() == (0,)


def test_a_missing_database_is_an_error_not_a_new_file(tmp_path: Path) -> None:
    forgetter = Forgetter(endpoints_for(tmp_path / "nowhere.db"))
    with pytest.raises(OperationalError):
        forgetter.forget("telegram-1")
    assert not (tmp_path / "nowhere.db").exists()


def test_a_store_that_is_not_sql_is_refused(tmp_path: Path) -> None:
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text("tracker_store:\n  type: redis\n  url: localhost\n")
    with pytest.raises(ValueError, match="type SQL"):
        Forgetter(endpoints)


def test_postgres_settings_are_read_as_rasa_reads_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DB_HOST", "db.example")
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(
        "tracker_store:\n  type: SQL\n  dialect: postgresql\n  url: ${DB_HOST}\n  port: 5433\n"
        "  db: rasa\n  username: rasa\n  password: secret\n"
    )
    url = tracker_store_url(endpoints)
    assert (url.drivername, url.host, url.port, url.database, url.username) == (
        "postgresql",
        "db.example",
        5433,
        "rasa",
        "rasa",
    )
