"""Training time of our model: from a clean Rasa cache, then again with the cache warm."""

from __future__ import annotations

import subprocess
import tempfile
import time
from pathlib import Path

from tests.servers import BIN, ROOT, server_env

TRAIN_TIMEOUT = 3600.0  # seconds per training run
LOG_DIR = ROOT / "var" / "bench"


def _train(out: Path, cache: Path, log: Path) -> float:
    """One `rasa train` into out with RASA_CACHE_DIRECTORY=cache; return its wall time in seconds."""
    command = [str(BIN / "rasa"), "train", "--config", "config.yml", "--domain", "domain.yml", "--data", "data"]
    command += ["--out", str(out), "--fixed-model-name", "bench"]
    started = time.perf_counter()
    with log.open("wb") as output:
        subprocess.run(
            command,
            cwd=ROOT,
            env={**server_env(), "RASA_CACHE_DIRECTORY": str(cache)},
            stdout=output,
            stderr=subprocess.STDOUT,
            timeout=TRAIN_TIMEOUT,
            check=True,
        )
    return time.perf_counter() - started


def measure() -> tuple[str, dict[str, float]]:
    """Train twice into temporary directories sharing one initially empty cache; the command and both times."""
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bench-train-") as tmp:
        cache = Path(tmp, "cache")
        clean = _train(Path(tmp, "clean"), cache, LOG_DIR / "train-clean.log")
        warm = _train(Path(tmp, "warm"), cache, LOG_DIR / "train-warm.log")
    command = "RASA_CACHE_DIRECTORY=<new temp dir> rasa train --config config.yml --domain domain.yml --data data"
    command += " --out <new temp dir> --fixed-model-name bench"
    return command, {"clean cache": clean, "warm cache": warm}
