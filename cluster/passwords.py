"""The cluster's passwords: generated once into its work directory (under var/, never in git), readable by root only."""

from __future__ import annotations

import secrets
from pathlib import Path


def password(workdir: Path, name: str) -> str:
    """The password called name, made on first use and kept in workdir/secrets/name (mode 600)."""
    folder = workdir / "secrets"
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o700)
    path = folder / name
    if not path.exists():
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(24))
    return path.read_text().strip()
