"""Measuring a command: wall time, peak memory, files it touched, sizes on disk."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

# Runs a command and reports its peak resident memory (the largest of its
# process tree's members, as the kernel accounts waited-for children).
_PEAK = (
    "import json, resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:]).returncode\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "print(json.dumps({'peak_kb': peak}), file=sys.stderr)\n"
    "sys.exit(code)\n"
)


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float


class CommandFailed(RuntimeError):
    pass


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, *command],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    seconds = time.perf_counter() - start
    last = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "{}"
    if done.returncode != 0:
        raise CommandFailed(f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return Run(seconds, json.loads(last).get("peak_kb", 0) / 1024)


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """(mtime, size) of every file under folder, to count what a command touched."""
    return {str(p): (p.stat().st_mtime_ns, p.stat().st_size) for p in folder.rglob("*") if p.is_file()}


def touched(before: dict, after: dict) -> int:
    return sum(1 for path in before.keys() | after.keys() if before.get(path) != after.get(path))


def tree_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def sizes(paths: list[Path]) -> tuple[float, int]:
    """Median and maximum size of the files, in bytes."""
    values = [p.stat().st_size for p in paths]
    return (statistics.median(values), max(values)) if values else (0.0, 0)
