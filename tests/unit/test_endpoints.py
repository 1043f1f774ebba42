"""The endpoint files: SQLite by default; PostgreSQL and Redis, from the environment, to scale out."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.core.utils import read_endpoints_from_path
from rasa.shared.core.domain import Domain

ROOT = Path(__file__).resolve().parents[2]
SCALED = {
    "ACTION_SERVER_URL": "http://actions.internal:5055/webhook",
    "POSTGRES_HOST": "db.internal",
    "POSTGRES_PORT": "5432",
    "POSTGRES_DB": "rasa",
    "POSTGRES_USER": "rasa",
    "POSTGRES_PASSWORD": "from-the-environment",
    "REDIS_HOST": "redis.internal",
    "REDIS_PORT": "6379",
    "REDIS_PASSWORD": "also-from-the-environment",
}


def test_default_endpoints_keep_conversations_in_a_local_sqlite_file() -> None:
    endpoints = read_endpoints_from_path(ROOT / "endpoints.yml")
    assert endpoints.tracker_store.type == "SQL"
    assert endpoints.tracker_store.kwargs == {"dialect": "sqlite", "db": "var/tracker.db"}
    assert endpoints.action.url == "http://127.0.0.1:5055/webhook"
    assert endpoints.lock_store is None


def test_scaled_endpoints_take_postgres_and_redis_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in SCALED.items():
        monkeypatch.setenv(name, value)
    endpoints = read_endpoints_from_path(ROOT / "endpoints.scaled.yml")
    assert endpoints.action.url == SCALED["ACTION_SERVER_URL"]
    assert endpoints.tracker_store.url == "db.internal"
    assert endpoints.tracker_store.kwargs == {
        "dialect": "postgresql",
        "port": "5432",
        "db": "rasa",
        "username": "rasa",
        "password": "from-the-environment",
    }
    assert (endpoints.lock_store.type, endpoints.lock_store.url) == ("redis", "redis.internal")
    assert endpoints.lock_store.kwargs["password"] == "also-from-the-environment"


def test_scaled_endpoints_refuse_to_start_without_their_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in SCALED:
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(Exception, match="POSTGRES|ACTION_SERVER_URL|REDIS"):
        read_endpoints_from_path(ROOT / "endpoints.scaled.yml")


@pytest.mark.parametrize("name", ["endpoints.yml", "endpoints.scaled.yml"])
def test_the_domain_goes_only_to_the_actions_that_read_it(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each action call carries the tracker; the domain (every response) only goes to the form validators,
    which read their forms' slots from it."""
    for variable, value in SCALED.items():
        monkeypatch.setenv(variable, value)
    assert read_endpoints_from_path(ROOT / name).action.kwargs.get("enable_selective_domain") is True
    domain = Domain.load(ROOT / "domain.yml")
    needs_domain = domain.does_custom_action_explicitly_need_domain
    sent_the_domain = {action for action in domain.user_actions if needs_domain(action)}
    assert sent_the_domain == {"validate_symptom_check_form", "validate_checkin_form"}
