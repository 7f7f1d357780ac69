"""`make serve` and `make preview`: the site at http://HOST:PORT/, following the editor's changes.

    python -m scripts.serve [--dev-addr HOST:PORT] [--only SOURCE ...]

`mkdocs serve` rebuilds the site when docs/ changes, but editors change
sources/. So this runs `mkdocs serve` and, beside it, watches sources/: when a
source or its meta.yml is saved, it ingests again (only what changed is
ingested, see scripts/ingest/cache.py), the Markdown under docs/ changes, and
`mkdocs serve` rebuilds and reloads the browser. An ingest error is printed
here and the site keeps its last good version.

A rebuild is a whole-site build, so it takes longer as the archive grows.
With `--only` (`make preview SOURCE=...`) the site holds just the given
sources' articles, with every other-language version of them, on the real
templates and hand-written pages; it is built in build/preview/ and rebuilds
in about the same short time whatever the archive's size.

The server itself is scripts/devserver.py, `mkdocs serve` answering only
requests for this machine's names (DNS rebinding) with live reload that the
pages' Content-Security-Policy allows. Stopping this command stops it too:
Ctrl-C, SIGTERM or SIGHUP (an IDE's stop button, a process manager) end the
server before this process exits, and the server ends itself if this process
is killed outright.
"""

from __future__ import annotations

import argparse
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from scripts import logsafe, paths, worktree
from scripts.ingest import cli as ingest_cli
from scripts.ingest import meta_yml, sources
from scripts.ingest.model import SourceError

SETTLE = 0.3  # seconds: an editor's save is often several writes
STOP_GRACE = 10  # seconds the server has to shut down cleanly before it is killed


class Stopped(Exception):
    """SIGTERM or SIGHUP: stop the server, then exit."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def _stopped(signum, frame):
    raise Stopped(signum)


def stop(server: subprocess.Popen) -> None:
    """End the server and wait for it: the port is free when this returns."""
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_IGN)  # a second Ctrl-C or SIGTERM must not cut this short
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(STOP_GRACE)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


class _Reingest(FileSystemEventHandler):
    def __init__(self, ingest_args: list[str]) -> None:
        self._args = ingest_args
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
        print("sources changed: ingesting", flush=True)
        ingest_cli.main(self._args)


def preview_project(chosen: list[Path], work: Path) -> tuple[Path, list[Path]]:
    """A project holding only the articles of `chosen` source folders (and of
    every source that shares a key with them), on the repository's config,
    templates and hand-written pages. Returns it and the folders to ingest."""
    keys = {_key(folder) for folder in chosen}
    folders = [folder for folder in sources.discover(paths.SOURCES) if _key(folder) in keys]
    found = {folder.resolve() for folder in folders}
    folders += [folder for folder in chosen if folder.resolve() not in found]
    if work.exists():
        shutil.rmtree(work)
    # The hand-written pages; the articles are ingested into it.
    worktree.site_project(work, keep=lambda rel: "articles" not in rel.parts[1:2], link_events=True)
    return work, folders


def _key(folder: Path) -> str | None:
    try:
        text = (folder / sources.META_NAME).read_text(encoding="utf-8")
        return meta_yml.load(str(folder / sources.META_NAME), text).key
    except (OSError, UnicodeDecodeError, SourceError):
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.serve", description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help="HOST:PORT to serve at")
    parser.add_argument(
        "--only", nargs="+", type=Path, metavar="SOURCE", help="serve just these source folders' articles"
    )
    args = parser.parse_args(argv)
    # Installed first, so a stop at any moment (even during the first ingest) leaves nothing running.
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _stopped)
    try:
        return _serve(args)
    except KeyboardInterrupt:
        return 130
    except Stopped as stopped:
        return 128 + stopped.signum


def _serve(args: argparse.Namespace) -> int:
    config = paths.MKDOCS_YML
    ingest_args = ["--report", str(paths.REPORT)]
    watched = [paths.SOURCES]
    if args.only:
        missing = [str(p) for p in args.only if not (p / sources.META_NAME).is_file()]
        if missing:
            print(logsafe.text(f"error: not a source folder (no meta.yml): {', '.join(missing)}"), file=sys.stderr)
            return 2
        project, folders = preview_project([p.resolve() for p in args.only], paths.BUILD / "preview")
        config = project / "mkdocs.yml"
        ingest_args = [*map(str, folders), "--docs", str(project / "docs")]
        watched = folders
        if ingest_cli.main(ingest_args) != 0:
            print("The preview shows what could be ingested; fix the errors above and save.", file=sys.stderr)
        print(logsafe.text(f"Previewing {len(folders)} source(s): " + ", ".join(f.name for f in folders)), flush=True)

    observer = Observer()
    handler = _Reingest(ingest_args)
    for folder in watched:
        observer.schedule(handler, str(folder), recursive=True)
    observer.daemon = True
    observer.start()
    server = subprocess.Popen(
        [sys.executable, "-m", "scripts.devserver", "--config-file", str(config), "--dev-addr", args.dev_addr],
        cwd=paths.ROOT,
    )
    try:
        return server.wait()
    finally:  # Ctrl-C, SIGTERM, SIGHUP, or an error here: the server goes too
        stop(server)
        observer.stop()


if __name__ == "__main__":
    sys.exit(main())
