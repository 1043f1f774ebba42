"""Resident memory of a process and all its descendants, read from /proc (no psutil needed)."""

from __future__ import annotations

from pathlib import Path

PROC = Path("/proc")


def _parents() -> dict[int, int]:
    """pid -> parent pid, for every process visible now."""
    parents: dict[int, int] = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # the process ended while we looked
            continue
        fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (comm) ": state, ppid, ...
        parents[int(entry.name)] = int(fields[1])
    return parents


def tree(pid: int) -> list[int]:
    """pid and all its descendants."""
    parents = _parents()
    found, frontier = [pid], [pid]
    while frontier:
        children = [child for child, parent in parents.items() if parent in frontier]
        found += children
        frontier = children
    return found


def _status_kib(pid: int, field: str) -> int:
    try:
        for line in (PROC / str(pid) / "status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_mib(pid: int, field: str = "VmRSS") -> float:
    """Sum of a /proc/<pid>/status field (VmRSS now, VmHWM peak) over the process tree, in MiB."""
    return sum(_status_kib(member, field) for member in tree(pid)) / 1024


def tree_size(pid: int) -> int:
    """How many processes the tree holds (1 when the server does not fork)."""
    return len(tree(pid))
