"""A description of the machine and software a benchmark ran on."""

from __future__ import annotations

import os
import platform
import time
from importlib.metadata import version
from pathlib import Path


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gib() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024**2
    except OSError:
        pass
    return float("nan")


def load() -> str:
    """The 1, 5 and 15 minute load averages, as other jobs on the machine affect every figure."""
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def describe() -> dict[str, str]:
    """Date, cores, CPU model, memory, OS, Python, Rasa and rasa-sdk versions, load average now."""
    return {
        "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
        "cores": str(os.cpu_count()),
        "cpu": _cpu_model(),
        "memory": f"{_memory_gib():.1f} GiB",
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "rasa": version("rasa"),
        "rasa-sdk": version("rasa-sdk"),
        "load average at start": load(),
    }
