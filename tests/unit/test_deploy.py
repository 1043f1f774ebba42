"""deploy/: no Docker daemon runs here, so the compose file and the Dockerfile are checked against the cluster's
settings (cluster/settings.py), endpoints.scaled.yml and the HAProxy config that cluster/haproxy.py writes."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from cluster.haproxy import CONTAINER_LAYOUT, config
from cluster.settings import (
    ACTIONS,
    BOT,
    DATABASE,
    DATABASE_USER,
    HAPROXY,
    LOCK_LIFETIME_SECONDS,
    PORTS,
    POSTGRES,
    RASA,
    REDIS,
    ROOT,
    VARIABLES,
    WEB,
    WEB_PORT,
    Settings,
    scaled_variables,
)

DEPLOY = ROOT / "deploy"
SECRETS = ("POSTGRES_PASSWORD", "REDIS_PASSWORD")
PINNED = r":\d+\.\d+(\.\d+)?-[a-z-]+$"  # an image tag with its version and distribution: never latest


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())


def env(compose: dict[str, Any], service: str) -> dict[str, str]:
    return compose["services"][service].get("environment", {})


def default_of(value: str, variable: str) -> str:
    """The default in "${VARIABLE:-default}", asserting that form."""
    match = re.fullmatch(rf"\$\{{{variable}:-([^}}]*)\}}", value)
    assert match, f"{value!r} is not ${{{variable}:-...}}"
    return match.group(1)


def test_the_services_are_the_clusters(compose: dict[str, Any]) -> None:
    assert set(compose["services"]) == {POSTGRES, REDIS, RASA, ACTIONS, HAPROXY, WEB, BOT}


def test_rasa_gets_every_variable_of_the_scaled_endpoints_at_the_standard_ports(compose: dict[str, Any]) -> None:
    rasa = env(compose, RASA)
    assert set(scaled_variables()) <= set(rasa)
    assert rasa["RASA_ENDPOINTS"] == "endpoints.scaled.yml" and (ROOT / rasa["RASA_ENDPOINTS"]).exists()
    assert rasa["ACTION_SERVER_URL"] == f"http://{HAPROXY}:{PORTS[ACTIONS]}/webhook"
    assert (rasa["POSTGRES_HOST"], rasa["POSTGRES_PORT"]) == (POSTGRES, str(PORTS[POSTGRES]))
    assert (rasa["REDIS_HOST"], rasa["REDIS_PORT"]) == (REDIS, str(PORTS[REDIS]))
    assert (rasa["POSTGRES_DB"], rasa["POSTGRES_USER"]) == (DATABASE, DATABASE_USER)
    assert rasa["RASA_PORT"] == str(PORTS[RASA])
    assert rasa["TICKET_LOCK_LIFETIME"] == str(LOCK_LIFETIME_SECONDS)
    assert (
        env(compose, POSTGRES)["POSTGRES_DB"] == DATABASE and env(compose, POSTGRES)["POSTGRES_USER"] == DATABASE_USER
    )


def test_the_clients_forget_in_the_same_database(compose: dict[str, Any]) -> None:
    """The bot and the web page forget, and the action servers keep the diary, in Rasa's database."""
    for client in (WEB, BOT, ACTIONS):
        assert {name: env(compose, client)[name] for name in scaled_variables()} == {
            name: env(compose, RASA)[name] for name in scaled_variables()
        }
    assert env(compose, BOT)["RASA_URL"] == f"http://{HAPROXY}:{PORTS[HAPROXY]}"


def test_secrets_come_from_the_environment_and_are_required(compose: dict[str, Any]) -> None:
    text = (DEPLOY / "docker-compose.yml").read_text()
    for service in (POSTGRES, REDIS, RASA, WEB, BOT):
        for name, value in env(compose, service).items():
            if name in SECRETS:
                assert value == f"${{{name}:?set {name}}}", (service, name)
    assert "PASSWORD=" not in text.replace("_PASSWORD=...", "")


def test_counts_and_ports_use_the_makefiles_variables_and_defaults(compose: dict[str, Any]) -> None:
    defaults = Settings()
    replicas = compose["services"][RASA]["deploy"]["replicas"]
    assert default_of(replicas, VARIABLES["replicas"]) == str(defaults.replicas)
    action_servers = compose["services"][ACTIONS]["deploy"]["replicas"]
    assert default_of(action_servers, VARIABLES["action_servers"]) == str(defaults.action_servers)
    [front] = compose["services"][HAPROXY]["ports"]
    host, published, inside = re.fullmatch(r"([\d.]+):(\$\{[^}]+\}):(\d+)", front).groups()
    assert (host, default_of(published, VARIABLES["port"])) == ("127.0.0.1", str(defaults.port))
    assert int(inside) == PORTS[HAPROXY] == defaults.port
    [page] = compose["services"][WEB]["ports"]
    assert page.endswith(f":{WEB_PORT}")
    makefile = (ROOT / "Makefile").read_text()
    assert all(f"{target}:" in makefile for target in ("cluster", "cluster-stop", "cluster-test"))


def test_every_server_has_a_health_check(compose: dict[str, Any]) -> None:
    for service in (POSTGRES, REDIS, RASA, ACTIONS, HAPROXY, WEB):
        assert compose["services"][service]["healthcheck"]["test"], service
    assert compose["services"][RASA]["depends_on"][POSTGRES]["condition"] == "service_healthy"


def test_haproxy_cfg_is_what_cluster_haproxy_writes_for_containers(compose: dict[str, Any]) -> None:
    mounted = compose["services"][HAPROXY]["volumes"][0].split(":")[0]
    assert (DEPLOY / mounted).read_text() == config(CONTAINER_LAYOUT), "run: python -m cluster haproxy-cfg"


def test_the_dockerfile_pins_its_bases_installs_our_pins_and_runs_as_a_user(compose: dict[str, Any]) -> None:
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    bases = re.findall(r"^FROM (\S+)", dockerfile, re.MULTILINE)
    images = [base for base in bases if ":" in base]
    assert images and all(re.search(PINNED, image) for image in images), images
    assert "-r requirements.txt -c constraints.txt" in dockerfile
    targets = set(re.findall(r" AS (\w+)$", dockerfile, re.MULTILINE))
    built = {service["build"]["target"] for service in compose["services"].values() if "build" in service}
    assert built == {RASA, ACTIONS, BOT, WEB} and built <= targets
    for target in built:
        stage = dockerfile.split(f" AS {target}\n")[1].split("\nFROM ")[0]
        assert "\nUSER app\n" in f"\n{stage}\n", target
    assert all(re.search(PINNED, compose["services"][name]["image"]) for name in (POSTGRES, REDIS, HAPROXY))


def test_docs_say_the_containers_were_not_run_here() -> None:
    assert "not run here" in Path(ROOT / "docs" / "scaling.md").read_text().lower()
