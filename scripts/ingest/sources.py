"""Find sources on disk and read them: the raw file and its meta.yml.

A source is a folder under `sources/` holding one raw file (`source.txt`)
and the editor's `meta.yml`. A bare file can be ingested too, to try out an
article before it gets a folder; its key then comes from the file name.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from unidecode import unidecode

from . import meta as meta_yml
from .model import LANGUAGES, Source, SourceError, SourceMeta

SOURCE_NAMES = ("source.txt",)
META_NAME = "meta.yml"
EVENTS_NAME = "events.yml"


def display(path: Path, root: Path) -> str:
    """A path as messages show it: relative to the repository when inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def discover(sources_dir: Path) -> list[Path]:
    if not sources_dir.is_dir():
        return []
    return sorted(p for p in sources_dir.iterdir() if p.is_dir() and not p.name.startswith("."))


def load_events(sources_dir: Path, root: Path) -> dict[str, dict[str, str]] | None:
    """The event registry (id -> name per language), or None when there is none."""
    path = sources_dir / EVENTS_NAME
    if not path.is_file():
        return None
    shown = display(path, root)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise SourceError(shown, mark.line + 1 if mark else None, "events.yml is not valid YAML", "fix the YAML") from None
    if not isinstance(data, dict):
        raise SourceError(shown, None, "events.yml must map event ids to names", "see the example at its top")
    for event, names in data.items():
        if not isinstance(names, dict) or set(names) != set(LANGUAGES):
            raise SourceError(
                shown, None, f"event {event!r} needs a name in each language", f"give {', '.join(LANGUAGES)}"
            )
    return data


def load(target: Path, root: Path, events: set[str] | None) -> Source:
    """Read one source: a folder under sources/, or a bare text file."""
    if target.is_dir():
        raw = _raw_file(target, root)
        meta_path = target / META_NAME
        if not meta_path.is_file():
            raise SourceError(
                display(target, root),
                None,
                "no meta.yml in the source folder",
                f"create {display(meta_path, root)} with at least `key: <yyyy-mm-dd-short-name>` "
                "(`make new` writes one for you)",
            )
    elif target.is_file():
        raw = target
        meta_path = target.parent / META_NAME
        if target.name not in SOURCE_NAMES or not meta_path.is_file():
            meta_path = None
    else:
        raise SourceError(str(target), None, "no such file or folder", "check the path")

    shown = display(raw, root)
    if meta_path is not None:
        meta = meta_yml.load(display(meta_path, root), meta_path.read_text(encoding="utf-8"), events)
    else:
        meta = SourceMeta(key=key_from_name(raw.stem))
    return Source(shown, decode(raw.read_bytes(), shown), meta)


def _raw_file(folder: Path, root: Path) -> Path:
    found = [folder / name for name in SOURCE_NAMES if (folder / name).is_file()]
    if not found:
        raise SourceError(
            display(folder, root),
            None,
            "the source folder has no raw file",
            f"save the article as {display(folder / SOURCE_NAMES[0], root)}",
        )
    return found[0]


def decode(data: bytes, shown: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise SourceError(
            shown, line, "the file is not UTF-8 text", "open it in a text editor and save it as UTF-8"
        ) from None


def key_from_name(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", unidecode(name).lower()).strip("-")
    return slug[: meta_yml.KEY_MAX].strip("-") or "article"
