"""Put generated files on disk: only what changed, never half a file.

Every write goes to a temporary file in the target folder and is renamed
over the target, so a reader (or `mkdocs serve`) sees the old file or the
new one, never a mix. Files whose bytes would not change are not touched,
which keeps a second ingest from rebuilding the site.

Two ingests never write at once: a run holds a lock on build/ (`lock`), and a
second one waits for it. A run killed halfway (kill -9) can leave a temporary
file (`.<name>.<random>.tmp`); the next run removes it (`remove_leftovers`),
and .gitignore keeps it out of commits meanwhile.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..contract import HEAD_BYTES, generated_source


@dataclass
class Plan:
    create: list[Path] = field(default_factory=list)
    update: list[Path] = field(default_factory=list)
    delete: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    reused: int = 0  # files known unchanged without being read (the ingest cache vouches for them)

    @property
    def changes(self) -> int:
        return len(self.create) + len(self.update) + len(self.delete)


def plan(outputs: dict[Path, str], existing_generated: list[Path]) -> Plan:
    """What writing `outputs` would do; `existing_generated` are stale-file candidates."""
    result = Plan()
    for path, text in sorted(outputs.items()):
        try:
            current = path.read_bytes()
        except FileNotFoundError:
            result.create.append(path)
            continue
        if current != text.encode("utf-8"):
            result.update.append(path)
        else:
            result.unchanged.append(path)
    result.delete = sorted(p for p in existing_generated if p not in outputs)
    return result


def apply(result: Plan, outputs: dict[Path, str]) -> None:
    for path in (*result.create, *result.update):
        write_atomic(path, outputs[path].encode("utf-8"))
    for path in result.delete:
        path.unlink(missing_ok=True)  # gone already: what deleting it was for


# The temporary files write_atomic makes: `.<name>.` + mkstemp's 8 random characters + `.tmp`.
LEFTOVER = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def lock(folder: Path, shared: bool = False) -> Iterator[None]:
    """Hold the lock on `folder` (build/) while a run reads and writes: exclusive for a run
    that writes, shared for one that only checks. A second run waits, saying so.

    The lock is the folder's own (flock on its descriptor): no lock file is left behind,
    and the lock goes when the process does, however it ends. Where there is no flock
    (Windows), runs are not serialized; writes stay atomic and deletes tolerant."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder, os.O_RDONLY)
    try:
        mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"waiting for another ingest to finish (it holds {folder})...", file=sys.stderr, flush=True)
            fcntl.flock(fd, mode)
        yield
    finally:
        os.close(fd)


def _articles_folders(docs: str, languages: tuple[str, ...]):
    """(language, entry) for every entry of each language's articles folder that exists."""
    for lang in languages:
        try:
            entries = list(os.scandir(f"{docs}/{lang}/articles"))
        except (FileNotFoundError, NotADirectoryError):
            continue
        for entry in entries:
            yield lang, entry


def remove_leftovers(docs: str, languages: tuple[str, ...]) -> list[str]:
    """Remove the temporary files an interrupted run left in the articles folders; their paths."""
    removed = []
    for _, entry in _articles_folders(docs, languages):
        if LEFTOVER.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(entry.path)
                removed.append(entry.path)
    return removed


def article_files(docs: str, languages: tuple[str, ...]) -> dict[str, str]:
    """Every Markdown file in the articles folders: path under docs/ -> full path."""
    return {
        f"{lang}/articles/{entry.name}": entry.path
        for lang, entry in _articles_folders(docs, languages)
        if entry.name.endswith(".md") and entry.is_file()
    }


def generated_by(path: str) -> str | None:
    """The `source:` a generated article names in its front matter: "" when it
    names none, None when ingestion did not write the file (no notice on top)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(HEAD_BYTES).decode("utf-8", "replace")
    except OSError:
        return None
    return generated_source(head)
