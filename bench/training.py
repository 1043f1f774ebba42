"""Training time: ours from a clean Rasa cache, then again with the cache warm; stock `rasa init` from clean."""

from __future__ import annotations

import subprocess
import tempfile
import time
from pathlib import Path

from testbed.servers import BIN, ROOT, server_env

TRAIN_TIMEOUT = 3600.0  # seconds per training run
LOG_DIR = ROOT / "var" / "bench"


def _train(out: Path, cache: Path, log: Path, project: Path = ROOT) -> float:
    """One `rasa train` of a project into out with RASA_CACHE_DIRECTORY=cache; return its wall time in seconds."""
    command = [str(BIN / "rasa"), "train", "--config", "config.yml", "--domain", "domain.yml", "--data", "data"]
    command += ["--out", str(out), "--fixed-model-name", "bench"]
    started = time.perf_counter()
    with log.open("wb") as output:
        subprocess.run(
            command,
            cwd=project,
            env={**server_env(), "RASA_CACHE_DIRECTORY": str(cache)},
            stdout=output,
            stderr=subprocess.STDOUT,
            timeout=TRAIN_TIMEOUT,
            check=True,
        )
    return time.perf_counter() - started


def measure(stock_project: Path) -> tuple[str, dict[str, tuple[float, float | None]]]:
    """Ours twice, sharing one initially empty cache, and stock once from its own empty cache.

    Returns the command and {when: (ours, stock)} in seconds.
    """
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bench-train-") as tmp:
        cache = Path(tmp, "cache")
        clean = _train(Path(tmp, "clean"), cache, LOG_DIR / "train-clean.log")
        warm = _train(Path(tmp, "warm"), cache, LOG_DIR / "train-warm.log")
        stock = _train(Path(tmp, "stock"), Path(tmp, "stock-cache"), LOG_DIR / "train-stock.log", stock_project)
    command = "RASA_CACHE_DIRECTORY=<new temp dir> rasa train --config config.yml --domain domain.yml --data data"
    command += " --out <new temp dir> --fixed-model-name bench   # in this project and in the stock one"
    return command, {"clean cache": (clean, stock), "warm cache": (warm, None)}
