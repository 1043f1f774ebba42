"""Settings for the Telegram bot, read from the environment."""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from diary.settings import CheckinSettings, SettingsError, checkin_settings
from privacy.forget import tracker_store_url

NO_TOKEN = (
    "TELEGRAM_TOKEN is not set. To get a token, open Telegram, talk to @BotFather, send /newbot "
    "and follow its steps; then run: TELEGRAM_TOKEN=<the token> python -m bot"
)
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")
_LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


class ConfigError(Exception):
    """The environment does not describe a bot that can start."""


@dataclass(frozen=True)
class Settings:
    """Everything the bot needs to start; see from_env for the variable names."""

    token: str
    rasa_url: str = "http://127.0.0.1:5005"
    rasa_timeout: float = 10.0
    rasa_endpoints: Path | None = None
    api_url: str = "https://api.telegram.org"
    webhook_url: str | None = None
    webhook_secret: str = ""
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    log_level: str = "INFO"
    checkins: CheckinSettings = field(default_factory=lambda: checkin_settings({}))

    @property
    def webhook_path(self) -> str:
        """The path of TELEGRAM_WEBHOOK_URL, where the webhook server listens."""
        return urlsplit(self.webhook_url or "").path or "/"

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Settings:
        """Read TELEGRAM_*, RASA_*, LOG_LEVEL and CHECKIN_*; raise ConfigError when unusable."""
        token = env.get("TELEGRAM_TOKEN", "").strip()
        if not token:
            raise ConfigError(NO_TOKEN)
        webhook_url = env.get("TELEGRAM_WEBHOOK_URL", "").strip() or None
        if webhook_url and urlsplit(webhook_url).scheme not in ("http", "https"):
            raise ConfigError(f"TELEGRAM_WEBHOOK_URL must look like https://example.org/telegram, not {webhook_url!r}")
        secret = env.get("TELEGRAM_WEBHOOK_SECRET", "").strip() or secrets.token_urlsafe(32)
        if not _SECRET.fullmatch(secret):
            raise ConfigError("TELEGRAM_WEBHOOK_SECRET may hold only A-Z, a-z, 0-9, _ and -, at most 256 of them")
        endpoints = env.get("RASA_ENDPOINTS", "").strip()
        if endpoints:
            _check_tracker_store(Path(endpoints))
        log_level = env.get("LOG_LEVEL", cls.log_level).strip().upper()
        if log_level not in _LOG_LEVELS:
            raise ConfigError(f"LOG_LEVEL must be one of {', '.join(_LOG_LEVELS)}, got {log_level!r}")
        try:
            checkins = checkin_settings(env)
        except SettingsError as error:
            raise ConfigError(str(error)) from None
        return cls(
            token=token,
            rasa_url=env.get("RASA_URL", cls.rasa_url).rstrip("/"),
            rasa_timeout=_number(env, "RASA_TIMEOUT", cls.rasa_timeout, float),
            rasa_endpoints=Path(endpoints) if endpoints else None,
            api_url=env.get("TELEGRAM_API_URL", cls.api_url).rstrip("/"),
            webhook_url=webhook_url,
            webhook_secret=secret,
            webhook_listen=env.get("TELEGRAM_WEBHOOK_LISTEN", cls.webhook_listen),
            webhook_port=_number(env, "TELEGRAM_WEBHOOK_PORT", cls.webhook_port, int),
            log_level=log_level,
            checkins=checkins,
        )


def _check_tracker_store(endpoints: Path) -> None:
    """ConfigError unless RASA_ENDPOINTS is a readable endpoints file with an SQL tracker store (for /forget)."""
    try:
        tracker_store_url(endpoints)
    except (OSError, ValueError, yaml.YAMLError) as error:
        raise ConfigError(f"RASA_ENDPOINTS: {error}") from None


def _number(env: Mapping[str, str], name: str, default: float, kind: type[float] | type[int]) -> float | int:
    """A positive number from env[name], or default when unset."""
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = kind(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from None
    if value <= 0:
        raise ConfigError(f"{name} must be positive, got {raw!r}")
    return value
