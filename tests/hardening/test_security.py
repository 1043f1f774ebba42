"""Security defaults: no secrets in the repository, no open HTTP API by default, no message text in the logs."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import requests

from channels.guard import as_words
from testbed.servers import ROOT, Assistant
from tests.hardening.helpers import log_since, user_texts, webhook
from tests.hardening.secrets_scan import scan, scan_text

# Planted secrets, built at run time so this file does not itself look like one.
FAKE_TELEGRAM = "1234567890" + ":" + "AAH" + "x" * 32
FAKE_KEY_HEADER = "-----BEGIN " + "RSA PRIVATE KEY-----"
FAKE_AWS = "AKIA" + "ABCDEFGHIJKLMNOP"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("bot.py", f'TOKEN = "{FAKE_TELEGRAM}"'),
        ("key.pem", f"{FAKE_KEY_HEADER}\nMIIEow...\n"),
        ("deploy.sh", f"export AWS_ACCESS_KEY_ID={FAKE_AWS}"),
        ("credentials.yml", "telegram:\n  access_token: " + "s3cr3t-value"),
        ("credentials.yml", "rest:\n  secret: " + "'hunter2'"),
        ("endpoints.yml", "tracker_store:\n  password: " + "pa55word"),
        ("docker-compose.yml", "  POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-" + "pa55word}"),
        (".env", "TELEGRAM_TOKEN=x"),
    ],
)
def test_the_scanner_finds_a_planted_secret(name: str, text: str) -> None:
    assert scan_text(name, text)


@pytest.mark.parametrize(
    "text",
    [
        "telegram:\n  access_token: ${TELEGRAM_TOKEN}\n  verify: bot\n",
        "rest:\n  token:\n",
        "socketio:\n  token: null\n",
        'api:\n  secret: ""\n',
        "  auth_token: $RASA_TOKEN  # from the environment\n",
        "  POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}\n",
        "  TELEGRAM_TOKEN: ${TELEGRAM_TOKEN:-}\n",
    ],
)
def test_the_scanner_lets_environment_references_pass(text: str) -> None:
    assert scan_text("credentials.yml", text) == []


def test_no_secret_is_in_the_repository() -> None:
    """Every file git tracks or would add; real tokens belong in the environment (see README)."""
    assert scan(ROOT) == {}


def _run_rasa_server(tmp_path: Path, **env: str) -> list[str]:
    """Run the real scripts/rasa-server in a copy of the repo layout whose `rasa` only records its arguments."""
    (tmp_path / "scripts").mkdir()
    shutil.copy2(ROOT / "scripts/rasa-server", tmp_path / "scripts/rasa-server")
    model_path = tmp_path / "scripts/model-path"
    model_path.write_text("#!/usr/bin/env bash\necho models/fake.tar.gz\n")
    fake_bin = tmp_path / ".venv/bin"
    fake_bin.mkdir(parents=True)
    fake_rasa = fake_bin / "rasa"
    fake_rasa.write_text('#!/usr/bin/env bash\nprintf "%s\\0" "$@" > "$ARGS_FILE"\n')
    for script in (model_path, fake_rasa):
        script.chmod(0o755)
    args_file = tmp_path / "args"
    base = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(tmp_path), "ARGS_FILE": str(args_file)}
    done = subprocess.run(
        [tmp_path / "scripts/rasa-server"], env={**base, **env}, capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 0, done.stderr
    return args_file.read_bytes().decode().split("\0")[:-1]


def _option(args: list[str], name: str) -> str:
    return args[args.index(name) + 1]


def test_rasa_server_has_no_http_api_by_default_and_listens_on_loopback(tmp_path: Path) -> None:
    args = _run_rasa_server(tmp_path)
    assert args[0] == "run"
    assert not {"--enable-api", "--auth-token", "--jwt-secret"} & set(args), args
    assert _option(args, "--interface") == "127.0.0.1"
    assert _option(args, "--model") == "models/fake.tar.gz"


def test_rasa_server_ignores_an_empty_token(tmp_path: Path) -> None:
    args = _run_rasa_server(tmp_path, RASA_TOKEN="", RASA_JWT_SECRET="")
    assert "--enable-api" not in args


def test_rasa_server_enables_the_api_with_a_token(tmp_path: Path) -> None:
    args = _run_rasa_server(tmp_path, RASA_TOKEN="t0ken-value")
    assert args.count("--enable-api") == 1
    assert _option(args, "--auth-token") == "t0ken-value"


def test_rasa_server_enables_the_api_with_a_jwt_secret(tmp_path: Path) -> None:
    args = _run_rasa_server(tmp_path, RASA_JWT_SECRET="jwt-s3cret")
    assert args.count("--enable-api") == 1
    assert _option(args, "--jwt-secret") == "jwt-s3cret"
    assert _option(args, "--jwt-method") == "HS256"
    assert "--auth-token" not in args


def test_message_text_stays_out_of_the_logs(assistant: Assistant, sender: str) -> None:
    """The servers log at INFO; a user's words (health details) must not reach their logs by any path."""
    marker = f"zq{os.getpid()}marker"
    offsets = {name: (assistant.workdir / f"{name}.log").stat().st_size for name in ("rasa", "actions")}
    sent = [
        f"my lower back has hurt for 3 days {marker}",
        f"how long should I put ice on my back? {marker}",
        f'/describe_pain{{"body_part": "{marker}"}}',
        f"I peed myself {marker}",
        f"/log 6 {marker} after gardening",  # a diary entry: its note is stored, never logged
        "show my diary",
    ]
    for text in sent:
        assert assistant.talk(sender, text)
    stored = user_texts(assistant.tracker(sender))[-len(sent) :]
    assert stored == [as_words(text) for text in sent], "the marker never reached the assistant"
    for body in (
        {"sender": sender, "message": f"{marker} " * 1000},
        {"sender": sender, "message": f"hello {marker}", "metadata": 5},
        {"sender": sender, "message": [f"hello {marker}"]},
    ):
        assert requests.post(webhook(assistant), json=body, timeout=30).status_code < 500
    for name, offset in offsets.items():
        log = log_since(assistant, name, offset)
        leaks = [line for line in log.splitlines() if marker in line]
        assert not leaks, f"{name}.log quotes the user: {leaks[:3]}"
    assert "Rasa server is up and running" in log_since(assistant, "rasa")
