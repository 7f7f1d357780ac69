"""Measuring a command: wall time, peak memory, files it touched, sizes on disk."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

_SAMPLE_EVERY = 0.05  # seconds


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float  # the most memory (PSS) the command's processes held at once, all together
    out: str = ""  # what it printed on stdout
    cpu_seconds: float = 0.0  # user + system time of the command and every process it waited for


class CommandFailed(RuntimeError):
    pass


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run a command, timing it and sampling the resident memory of its whole process tree.

    The tree matters: the site build forks a process per language, and make
    starts Python, which starts Pagefind. Memory is read from /proc (Linux).
    """
    start = time.perf_counter()
    used = _children_cpu()
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss(process.pid))
            done.wait(_SAMPLE_EVERY)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    done.set()
    sampler.join()
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        raise CommandFailed(f"{' '.join(command)} failed ({process.returncode}):\n{out[-3000:]}\n{err[-3000:]}")
    return Run(seconds, peak[0] / 1024, out, _children_cpu() - used)


def _children_cpu() -> float:
    """CPU seconds of this process's finished children (and theirs): on a shared machine, steadier than wall time."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _tree_rss(root: int) -> int:
    """Memory of `root` and all its descendants, in KiB: their proportional set
    size (PSS), so pages a forked child still shares with its parent count once."""
    parents: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as handle:
                    parents[int(entry.name)] = int(handle.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    total = 0
    for pid in parents:
        p = pid
        while p and p != root:
            p = parents.get(p, 0)
        if p == root:
            total += _pss(pid)
    return total


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
            for line in handle:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


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
