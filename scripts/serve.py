"""`make serve`: the site at http://HOST:PORT/, following the editor's changes.

    python -m scripts.serve [--dev-addr HOST:PORT]

`mkdocs serve` rebuilds the site when docs/ changes, but editors change
sources/. So this runs `mkdocs serve` and, beside it, watches sources/: when a
source or its meta.yml is saved, it ingests again (only what changed is
ingested, see scripts/ingest/cache.py), the Markdown under docs/ changes, and
`mkdocs serve` rebuilds and reloads the browser. An ingest error is printed
here and the site keeps its last good version.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import threading
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from scripts.ingest import cli as ingest_cli

ROOT = Path(__file__).resolve().parents[1]
SETTLE = 0.3  # seconds: an editor's save is often several writes


class _Reingest(FileSystemEventHandler):
    def __init__(self) -> None:
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write") or "/." in str(event.src_path):
            return  # reads and editors' hidden swap files change nothing
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(SETTLE, self.ingest)
            self._timer.daemon = True
            self._timer.start()

    def ingest(self) -> None:
        print("sources/ changed: ingesting", flush=True)
        ingest_cli.main(["--report", str(ROOT / "build" / "ingest-report.json")])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.serve", description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help="HOST:PORT to serve at")
    args = parser.parse_args(argv)

    observer = Observer()
    observer.schedule(_Reingest(), str(ROOT / "sources"), recursive=True)
    observer.daemon = True
    observer.start()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", args.dev_addr], cwd=ROOT)
    try:
        return server.wait()
    except KeyboardInterrupt:
        server.terminate()
        return server.wait()
    finally:
        observer.stop()


if __name__ == "__main__":
    sys.exit(main())
