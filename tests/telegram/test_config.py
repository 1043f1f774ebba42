"""Settings from the environment, and `python -m bot` refusing to start without a token."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from bot.config import ConfigError, Settings
from diary.settings import CheckinSettings, checkin_settings
from testbed.servers import ROOT
from testbed.telegram.harness import bot_env

ENDPOINTS = ROOT / "endpoints.yml"


def test_defaults() -> None:
    settings = Settings.from_env({"TELEGRAM_TOKEN": "1:abc"})
    assert settings.token == "1:abc"
    assert settings.rasa_url == "http://127.0.0.1:5005"
    assert settings.rasa_timeout == 10
    assert settings.api_url == "https://api.telegram.org"
    assert settings.webhook_url is None
    assert (settings.webhook_listen, settings.webhook_port) == ("127.0.0.1", 8443)
    assert settings.rasa_endpoints is None
    assert settings.checkins == checkin_settings({})


def test_everything_can_be_set() -> None:
    settings = Settings.from_env(
        {
            "TELEGRAM_TOKEN": "1:abc",
            "RASA_URL": "http://rasa:5005/",
            "RASA_TIMEOUT": "2.5",
            "RASA_ENDPOINTS": str(ENDPOINTS),
            "TELEGRAM_API_URL": "http://127.0.0.1:8081/",
            "TELEGRAM_WEBHOOK_URL": "https://bot.example.org/telegram/hook",
            "TELEGRAM_WEBHOOK_SECRET": "a_Secret-1",
            "TELEGRAM_WEBHOOK_LISTEN": "0.0.0.0",
            "TELEGRAM_WEBHOOK_PORT": "8080",
            "LOG_LEVEL": "debug",
            "CHECKIN_DELAY_SECONDS": "3",
            "CHECKIN_QUIET_HOURS": "",
        }
    )
    assert settings.rasa_url == "http://rasa:5005"
    assert settings.rasa_timeout == 2.5
    assert settings.rasa_endpoints == ENDPOINTS
    assert settings.api_url == "http://127.0.0.1:8081"
    assert settings.webhook_path == "/telegram/hook"
    assert settings.webhook_secret == "a_Secret-1"
    assert (settings.webhook_listen, settings.webhook_port) == ("0.0.0.0", 8080)
    assert settings.log_level == "DEBUG"
    assert settings.checkins == CheckinSettings(timedelta(seconds=3), quiet_hours=None)


def test_a_webhook_without_a_secret_gets_a_random_one() -> None:
    env = {"TELEGRAM_TOKEN": "1:abc", "TELEGRAM_WEBHOOK_URL": "https://bot.example.org/"}
    first, second = Settings.from_env(env), Settings.from_env(env)
    assert len(first.webhook_secret) >= 32 and first.webhook_secret != second.webhook_secret
    assert first.webhook_path == "/"


@pytest.mark.parametrize(
    ("name", "value", "complaint"),
    [
        ("TELEGRAM_TOKEN", "  ", "@BotFather"),
        ("TELEGRAM_WEBHOOK_PORT", "https", "number"),
        ("RASA_TIMEOUT", "0", "positive"),
        ("TELEGRAM_WEBHOOK_SECRET", "no spaces allowed", "A-Z"),
        ("TELEGRAM_WEBHOOK_URL", "bot.example.org/hook", "https://"),
        ("LOG_LEVEL", "LOUD", "LOG_LEVEL"),
        ("CHECKIN_DELAY_SECONDS", "two days", "CHECKIN_DELAY_SECONDS must be a number of seconds"),
        ("CHECKIN_QUIET_HOURS", "9pm-8am", "CHECKIN_QUIET_HOURS must be two different hours"),
    ],
)
def test_bad_settings_are_refused_clearly(name: str, value: str, complaint: str) -> None:
    with pytest.raises(ConfigError, match=complaint):
        Settings.from_env({"TELEGRAM_TOKEN": "1:abc", name: value})


@pytest.mark.parametrize(
    ("content", "complaint"),
    [(None, "No such file"), ("tracker_store:\n  type: redis\n", "type SQL"), ("a: [", "RASA_ENDPOINTS")],
)
def test_an_endpoints_file_that_cannot_serve_forget_is_refused(
    tmp_path: Path, content: str | None, complaint: str
) -> None:
    endpoints = tmp_path / "endpoints.yml"
    if content is not None:
        endpoints.write_text(content)
    with pytest.raises(ConfigError, match=complaint):
        Settings.from_env({"TELEGRAM_TOKEN": "1:abc", "RASA_ENDPOINTS": str(endpoints)})


def test_without_a_token_the_bot_exits_at_once_and_says_how_to_get_one() -> None:
    env = bot_env("http://127.0.0.1:9", "http://127.0.0.1:9")
    del env["TELEGRAM_TOKEN"]
    done = subprocess.run([sys.executable, "-m", "bot"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=30)
    assert done.returncode == 1
    assert "TELEGRAM_TOKEN" in done.stderr and "@BotFather" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_bad_checkin_setting_stops_the_bot_at_start_with_a_clear_message() -> None:
    env = {**bot_env("http://127.0.0.1:9", "http://127.0.0.1:9"), "CHECKIN_DELAY_SECONDS": "soon"}
    done = subprocess.run([sys.executable, "-m", "bot"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=30)
    assert done.returncode == 1
    assert "CHECKIN_DELAY_SECONDS must be a number of seconds greater than 0; got 'soon'" in done.stderr
    assert "Traceback" not in done.stderr
