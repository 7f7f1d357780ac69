"""The editor's loop: with `make serve` (or `make preview`) running, how long
until a saved change to a source shows on its page."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return None


def measure(repo: Path, folder: str, key: str, preview: bool = False, timeout: float = 900) -> tuple[float, float]:
    """(seconds until the server first answers, seconds from saving the source to its page showing the change).

    With `preview`, `make preview SOURCE=sources/<folder>`; else `make serve`.
    """
    port = free_port()
    target = ["preview", f"SOURCE=sources/{folder}"] if preview else ["serve"]
    server = subprocess.Popen(
        ["make", "--no-print-directory", *target, f"PORT={port}"],
        cwd=repo,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group, to stop make, Python and MkDocs together
    )
    page = f"http://127.0.0.1:{port}/articles/{key}/"
    try:
        start = time.perf_counter()
        while _get(page) is None:
            if time.perf_counter() - start > timeout or server.poll() is not None:
                raise RuntimeError("make serve did not come up")
            time.sleep(0.2)
        up = time.perf_counter() - start
        source = repo / "sources" / folder / "source.txt"
        original = source.read_text(encoding="utf-8")
        marker = f"benchmark{time.time_ns()}"  # a word no page holds yet
        lines = original.split("\n")
        longest = max(range(len(lines)), key=lambda i: len(lines[i]))
        lines[longest] = f"{lines[longest]} {marker}"
        saved = time.perf_counter()
        source.write_text("\n".join(lines), encoding="utf-8")
        try:
            while marker not in (_get(page) or ""):
                if time.perf_counter() - saved > timeout:
                    raise RuntimeError("the change never showed")
                time.sleep(0.1)
            return up, time.perf_counter() - saved
        finally:
            source.write_text(original, encoding="utf-8")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait()
