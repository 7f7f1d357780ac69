"""Remember what each source made, so an unchanged source is not ingested again.

A source's fingerprint covers everything its articles depend on: the raw
file's bytes, its meta.yml, the event registry, the gazetteer (places.yml), where it sits, the code of
the pipeline itself and of the contract that writes front matter, and the
versions of Python and of the libraries the pipeline calls. When the
fingerprint matches the last run's and every article file it wrote is still on
disk as written (same size and mtime), the source is skipped: its report
entries come from the cache and its files are not read, rendered or touched.
Anything else (a new source, an edit, a changed pipeline, an upgraded library,
a hand-edited or deleted article) means a real ingest.

`--check` never uses the cache: it proves docs/ by comparing content, and
size and mtime prove nothing (an edit can keep both).

The cache lives in build/ (never committed); losing it only costs time.
Paths are plain strings here: with thousands of sources, pathlib's overhead
would be most of a run that finds nothing to do.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from .sources import META_NAME, SOURCE_NAMES
from .write import write_atomic

_FORMAT = 1


@dataclass(frozen=True)
class Entry:
    fingerprint: str
    fragment: dict  # the source's part of the report (see report.fragment)
    outputs: dict[str, tuple[int, int]]  # article path under docs/ -> (size, mtime_ns) as written


# The libraries whose behaviour shapes an article (extraction, dates, languages, encodings,
# YAML, keys), trafilatura's own helpers among them.
LIBRARIES = (
    "trafilatura",
    "htmldate",
    "justext",
    "courlan",
    "lxml",
    "lxml-html-clean",
    "py3langid",
    "numpy",
    "ftfy",
    "charset-normalizer",
    "hanzidentifier",
    "PyYAML",
    "Unidecode",
)


def code_files() -> list[Path]:
    """The code an article depends on: the pipeline's modules and the contract."""
    here = Path(__file__).parent
    return [*sorted(here.glob("*.py")), here.parent / "contract.py"]


def code_version() -> str:
    """A digest of the pipeline's code and the versions of Python and the libraries it
    calls: changing any of them invalidates every entry."""
    digest = hashlib.sha256(sys.version.encode())
    for name in LIBRARIES:
        digest.update(f"\0{name}={_version(name)}".encode())
    for path in code_files():
        digest.update(b"\0" + path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def shared_inputs(events: frozenset[str] | None, places_digest: str | None) -> str:
    """What every source's articles depend on besides the source: the code, the events, the gazetteer."""
    return "\0".join([code_version(), "\0".join(sorted(events or ())), "places", places_digest or "(none)"])


def fingerprint(target: str, shown: str, shared: str) -> str | None:
    """The digest of what a source's articles depend on, or None when it cannot
    be had cheaply and safely (the source is then simply ingested)."""
    try:
        with os.scandir(target) as listing:
            entries = {entry.name: entry for entry in listing}
    except NotADirectoryError:
        files = [(target, os.path.islink(target)), (os.path.join(os.path.dirname(target), META_NAME), False)]
    except OSError:
        return None
    else:
        raws = [name for name in SOURCE_NAMES if name in entries]
        if len(raws) != 1:
            return None
        meta = entries.get(META_NAME)
        files = [
            (entries[raws[0]].path, entries[raws[0]].is_symlink()),
            (os.path.join(target, META_NAME), meta is not None and meta.is_symlink()),
        ]
    digest = hashlib.sha256(f"{_FORMAT}\0{shared}\0{shown}".encode())
    for path, link in files:
        if link:
            return None  # links get the full checks every time
        digest.update(b"\0" + os.path.basename(path).encode() + b"\0")
        try:
            with open(path, "rb") as handle:
                digest.update(handle.read())
        except FileNotFoundError:
            digest.update(b"(none)")
        except OSError:
            return None
    return digest.hexdigest()


def stat_of(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns)


class Cache:
    def __init__(self, path: Path | None):
        self.path = path
        self.entries: dict[str, Entry] = {}
        if path is not None and path.is_file():
            try:
                raw = json.loads(path.read_text(encoding="utf-8"))
                self.entries = {
                    source: Entry(e["fingerprint"], e["fragment"], {k: tuple(v) for k, v in e["outputs"].items()})
                    for source, e in raw.get("entries", {}).items()
                }
            except (ValueError, KeyError, TypeError, AttributeError):
                self.entries = {}  # a damaged cache is no cache

    def lookup(self, shown: str, print_: str | None, docs: str) -> Entry | None:
        entry = self.entries.get(shown)
        if entry is None or print_ is None or entry.fingerprint != print_:
            return None
        for rel, stat in entry.outputs.items():
            if stat_of(f"{docs}/{rel}") != stat:
                return None
        return entry

    def save(self, entries: dict[str, Entry]) -> None:
        if self.path is None or entries == self.entries:
            return  # nothing new: leave the file (and its mtime) alone
        data = {
            "format": _FORMAT,
            "entries": {
                source: {"fingerprint": e.fingerprint, "fragment": e.fragment, "outputs": e.outputs}
                for source, e in sorted(entries.items())
            },
        }
        write_atomic(self.path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
