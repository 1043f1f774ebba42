"""A small secret scanner for the repository's files (what `git ls-files` would commit)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

PATTERNS = {
    "Telegram bot token": re.compile(r"\b\d{8,10}:[A-Za-z0-9_-]{35}\b"),
    "private key": re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----"),
    "AWS access key id": re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
    "AWS secret access key": re.compile(r"(?i)aws_secret_access_key\s*[:=]\s*['\"]?[A-Za-z0-9/+]{40}"),
    "GitHub token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36}\b"),
}
# `token: 123`, `auth_token: "..."`, `secret: ...` and the like in YAML.
YAML_KEY = re.compile(
    r"^\s*-?\s*[\"']?(?P<key>[A-Za-z0-9_.-]*(?:token|secret|password|passwd|api_key|apikey|private_key)"
    r"[A-Za-z0-9_.-]*)[\"']?\s*:\s*(?P<value>.*)$",
    re.IGNORECASE,
)
# Values that are no secret: empty, null, or taken from the environment ($NAME, ${NAME}, and compose's
# ${NAME:?message} (required) and ${NAME:-} (empty by default); ${NAME:-default} would put a default in git).
HARMLESS_VALUE = re.compile(
    r"""^(?:|~|null|none|true|false|["']{2}|["']?\$(?:[A-Za-z_]\w*|\{[A-Za-z_]\w*(?::\?[^}]*|:-)?\})["']?)$""", re.I
)


def repository_files(root: Path) -> list[Path]:
    """Tracked files plus new files git would add (not ignored), that exist."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=root,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return [root / name for name in sorted(set(listed.split("\0"))) if name and (root / name).is_file()]


def _yaml_findings(text: str) -> list[str]:
    findings = []
    for number, line in enumerate(text.splitlines(), 1):
        match = YAML_KEY.match(line)
        if match is None:
            continue
        value = match["value"].split(" #")[0].strip()
        if not HARMLESS_VALUE.match(value):
            findings.append(f"line {number}: a literal value for {match['key']!r}")
    return findings


def scan_text(name: str, text: str) -> list[str]:
    """What looks like a secret in one file's text."""
    findings = [
        f"line {text.count(chr(10), 0, match.start()) + 1}: {kind}"
        for kind, pattern in PATTERNS.items()
        for match in pattern.finditer(text)
    ]
    if name.endswith((".yml", ".yaml")):
        findings += _yaml_findings(text)
    if Path(name).name.startswith(".env"):
        findings.append("a .env file")
    return findings


def scan(root: Path, max_bytes: int = 2_000_000) -> dict[str, list[str]]:
    """Findings per file (relative name); binary and very large files are skipped."""
    results = {}
    for path in repository_files(root):
        data = path.read_bytes()[:max_bytes]
        if b"\0" in data:
            continue
        findings = scan_text(str(path.relative_to(root)), data.decode("utf-8", errors="replace"))
        if findings:
            results[str(path.relative_to(root))] = findings
    return results
