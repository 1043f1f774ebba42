"""The cluster's parts that need no server: settings, the Debian check, passwords, HAProxy's config, the monitor."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

import pytest

from cluster import debian
from cluster.haproxy import BACKEND_HEADER, Layout, Pool, config
from cluster.monitor import Monitor, Watched
from cluster.passwords import password
from cluster.settings import Settings, scaled_variables


def test_settings_default_to_two_replicas_on_port_8000() -> None:
    settings = Settings.from_env({})
    assert (settings.replicas, settings.action_servers, settings.port, settings.rasa_token) == (2, 2, 8000, None)
    assert settings.workdir.parts[-2:] == ("var", "cluster")


def test_settings_come_from_the_environment(tmp_path: Path) -> None:
    env = {"CLUSTER_REPLICAS": "3", "CLUSTER_PORT": "8100", "CLUSTER_DIR": str(tmp_path), "RASA_TOKEN": "t"}
    assert Settings.from_env(env) == Settings(3, 2, 8100, tmp_path, "t")


@pytest.mark.parametrize("raw", ["0", "two", "-1", "17"])
def test_a_bad_replica_count_is_a_clear_error(raw: str) -> None:
    with pytest.raises(ValueError, match=f"CLUSTER_REPLICAS must be a whole number from 1 to 16, not '{raw}'"):
        Settings.from_env({"CLUSTER_REPLICAS": raw})


def test_the_scaled_endpoints_variables_are_read_from_values_not_comments() -> None:
    assert scaled_variables() == [
        "ACTION_SERVER_URL",
        "POSTGRES_HOST",
        "POSTGRES_PORT",
        "POSTGRES_DB",
        "POSTGRES_USER",
        "POSTGRES_PASSWORD",
        "REDIS_HOST",
        "REDIS_PORT",
        "REDIS_PASSWORD",
    ]


def test_missing_packages_are_named_with_the_line_that_installs_them(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(debian, "POSTGRES_LIBRARY", tmp_path)
    monkeypatch.setattr(debian.shutil, "which", lambda name: "/usr/bin/haproxy" if name == "haproxy" else None)
    with pytest.raises(debian.MissingPackages) as missing:
        debian.find_binaries()
    assert "postgresql, redis-server, which are not installed" in str(missing.value)
    assert "sudo apt-get install -y postgresql redis-server haproxy" in str(missing.value)


def test_the_newest_postgresql_is_found_off_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for version in ("9", "15", "13"):
        (tmp_path / version / "bin").mkdir(parents=True)
        (tmp_path / version / "bin" / "initdb").touch()
    monkeypatch.setattr(debian, "POSTGRES_LIBRARY", tmp_path)
    monkeypatch.setattr(debian.shutil, "which", lambda name: f"/usr/bin/{name}")
    assert debian.find_binaries().postgres_bin == tmp_path / "15" / "bin"


def test_a_password_is_made_once_and_readable_by_its_owner_only(tmp_path: Path) -> None:
    first = password(tmp_path, "redis")
    assert len(first) >= 32 and password(tmp_path, "redis") == first != password(tmp_path, "postgres")
    assert stat.S_IMODE((tmp_path / "secrets" / "redis").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "secrets").stat().st_mode) == 0o700


LAYOUT = Layout(
    bind="127.0.0.1:8000",
    actions_bind="127.0.0.1:9055",
    rasa=Pool("rasa", ("127.0.0.1:9001", "127.0.0.1:9002")),
    actions=Pool("actions", ("127.0.0.1:9101", "127.0.0.1:9102")),
)


def section(cfg: str, header: str) -> str:
    """One section of an HAProxy config, from its header to the next blank line."""
    return cfg.split(f"\n{header}\n")[1].split("\n\n")[0]


def test_rest_is_round_robin_over_every_replica_each_health_checked_and_named() -> None:
    rasa = section(config(LAYOUT), "backend rasa")
    assert "balance roundrobin" in rasa and "option httpchk GET /" in rasa
    assert "server rasa-1 127.0.0.1:9001 check" in rasa and "server rasa-2 127.0.0.1:9002 check" in rasa
    assert f"http-response set-header {BACKEND_HEADER} %[srv_name]" in rasa


def test_socketio_sticks_to_one_replica_per_client() -> None:
    cfg = config(LAYOUT)
    assert "use_backend rasa_socketio if socketio" in section(cfg, "frontend assistant")
    sticky = section(cfg, "backend rasa_socketio")
    assert "balance source" in sticky and sticky.count(" check") == 2


def test_the_action_servers_are_balanced_and_checked_on_their_own_port() -> None:
    actions = section(config(LAYOUT), "listen actions")
    assert "bind 127.0.0.1:9055" in actions and "option httpchk GET /health" in actions
    assert actions.count(" check") == 2
    assert "http-reuse never" in actions  # Rasa's kept connection keeps its own action-server connection


def test_the_monitor_logs_each_change_once(caplog: pytest.LogCaptureFixture) -> None:
    answers = iter([True, False, False, True])
    monitor = Monitor([Watched("PostgreSQL (127.0.0.1:5432)", lambda: next(answers), "apologies")])
    with caplog.at_level(logging.INFO, logger="cluster"):
        for _ in range(4):
            monitor.check()
    assert [record.getMessage() for record in caplog.records] == [
        "PostgreSQL (127.0.0.1:5432) is not answering: apologies until it is back.",
        "PostgreSQL (127.0.0.1:5432) is back: the assistant replies again.",
    ]
