"""Find sources on disk and read them: the raw file and its meta.yml.

A source is a folder under `sources/` holding one raw file — the article as
text (`source.txt`) or as a saved web page (`source.html`) — and the
editor's `meta.yml`. A bare file can be ingested too, to try out an article
before it gets a folder; its key then comes from the file name.

What a source folder holds must stay inside the repository: a raw file or
meta.yml that is a symbolic link to somewhere else is refused, so building
the site never reads files it does not own.

A folder's name must be one every editor's checkout can hold, on Windows and
macOS too: no control characters, none of `<>:"/\\|?*`, no device name
(`con`, `aux.txt`), no trailing dot or space, at most 100 characters, and no
two folders whose names differ only in case.
"""

from __future__ import annotations

import functools
import os
import unicodedata
from pathlib import Path

from ..contract import (
    EVENTS_NAME,
    PLACES_NAME,
    EventsError,
    PlacesError,
    parse_events,
    parse_places,
    printable,
    quoted,
)
from . import decode, keys, meta_yml, places, saved_page
from .model import Role, Source, SourceError, SourceMeta

TEXT_NAME = "source.txt"
HTML_NAME = "source.html"
SOURCE_NAMES = (TEXT_NAME, HTML_NAME)
META_NAME = "meta.yml"
MAX_META_BYTES = 256 * 1024
_LIMITS = {TEXT_NAME: decode.MAX_TEXT_BYTES, HTML_NAME: decode.MAX_HTML_BYTES}
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def display(path: Path, root: Path) -> str:
    """A path as messages (and front matter) show it: relative to the repository when
    inside it; escaped and quoted when it holds a character that is not printable."""
    return printable(_relative(path, root))


def _relative(path: Path, root: Path) -> str:
    base = _resolved(root)
    try:
        return path.absolute().relative_to(base).as_posix()
    except ValueError:
        try:
            return path.resolve().relative_to(base).as_posix()
        except ValueError:
            return str(path)


@functools.lru_cache(maxsize=8)
def _resolved(root: Path) -> Path:
    return root.resolve()


def discover(sources_dir: Path) -> list[Path]:
    if not sources_dir.is_dir():
        return []
    with os.scandir(sources_dir) as listing:
        names = sorted(e.name for e in listing if e.is_dir() and not e.name.startswith("."))
    return [sources_dir / name for name in names]


# Folder names ------------------------------------------------------------------------------------

MAX_NAME = 100
# Names Windows keeps for devices, with or without an extension (`aux.txt` too).
_DEVICES = frozenset(
    {"con", "prn", "aux", "nul", "conin$", "conout$"} | {f"{p}{n}" for p in ("com", "lpt") for n in "0123456789¹²³"}
)
_NOT_IN_NAMES = '<>:"/\\|?*'
# Control and format characters (line breaks, escapes, direction overrides), separators, lone surrogates.
_CONTROL_CATEGORIES = ("Cc", "Cf", "Cs", "Zl", "Zp")
RENAME = "rename the folder: lowercase ASCII letters, digits and hyphens, like its key (e.g. 2025-02-19-spring-meeting)"


def name_problem(name: str) -> str | None:
    """Why a checkout on Windows or macOS could not hold a folder called `name`, or None."""
    if any(unicodedata.category(ch) in _CONTROL_CATEGORIES for ch in name):
        return "holds a control character (a line break, tab, escape or direction mark)"
    bad = sorted({ch for ch in name if ch in _NOT_IN_NAMES})
    if bad:
        return f"holds {' '.join(bad)}, which Windows or macOS cannot have in a file name"
    if name.split(".")[0].rstrip(" ").lower() in _DEVICES:
        return "is a name Windows reserves for a device (CON, AUX, NUL, COM1…, with or without an extension)"
    if name.endswith((".", " ")):
        return "ends with a dot or a space, which Windows drops"
    if len(name) > MAX_NAME:
        return f"is longer than {MAX_NAME} characters"
    return None


def check_names(folders: list[Path], root: Path) -> dict[Path, SourceError]:
    """The source folders that are refused for their names (see name_problem), and the
    folders whose names differ from another's in `folders`' parents only in case."""
    refused: dict[Path, SourceError] = {}
    for folder in folders:
        why = name_problem(folder.name)
        if why:
            refused[folder] = SourceError(display(folder, root), None, f"the folder name {why}", RENAME)
    siblings: dict[Path, dict[str, list[str]]] = {}
    for folder in folders:
        if folder in refused:
            continue
        if folder.parent not in siblings:
            siblings[folder.parent] = _by_folded_name(folder.parent)
        clash = [n for n in siblings[folder.parent].get(_folded(folder.name), []) if n != folder.name]
        if clash:
            others = ", ".join(display(folder.parent / n, root) for n in clash)
            refused[folder] = SourceError(
                display(folder, root),
                None,
                f"the folder name differs only in case from {others}; Windows and macOS hold them as one folder",
                "rename one of them (name a folder after its key, in lowercase)",
            )
    return refused


def _by_folded_name(parent: Path) -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    try:
        with os.scandir(parent) as listing:
            for entry in listing:
                names.setdefault(_folded(entry.name), []).append(entry.name)
    except OSError:
        pass
    return {folded: sorted(found) for folded, found in names.items()}


def _folded(name: str) -> str:
    # Case-insensitive, and macOS stores names decomposed: `é` and `e` + U+0301 are one name.
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())


def not_ingested(sources_dir: Path, root: Path) -> list[tuple[str, str]]:
    """What sources/ holds that discover() leaves out and an editor may have meant as a
    source, each with why: folders whose names start with a dot, and files beside the
    folders (events.yml aside; hidden files such as .DS_Store are the file system's own)."""
    found: list[tuple[str, str]] = []
    try:
        with os.scandir(sources_dir) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError:
        return found
    for entry in entries:
        shown = display(sources_dir / entry.name, root)
        if entry.is_dir():
            if entry.name.startswith("."):
                found.append(
                    (shown, "not ingested: its name starts with a dot, which hides it; rename it without the dot")
                )
        elif entry.name != EVENTS_NAME and not entry.name.startswith("."):
            found.append(
                (
                    shown,
                    "not ingested: a file directly in sources/ is not a source; "
                    "give it a folder of its own (`make new FILE=…` makes one)",
                )
            )
    return found


def load_events(sources_dir: Path, root: Path) -> dict[str, dict[str, str]] | None:
    """The event registry (id -> name per language), or None when there is none."""
    path = sources_dir / EVENTS_NAME
    if not path.is_file():
        return None
    shown = display(path, root)
    _inside(path, root, shown)
    try:
        return parse_events(_utf8(path, shown, MAX_META_BYTES))
    except EventsError as err:
        raise SourceError(shown, err.line, err.message, err.fix) from None


def load_places(sources_dir: Path, root: Path) -> places.Gazetteer | None:
    """The gazetteer (sources/places.yml), or None when there is none."""
    path = sources_dir / PLACES_NAME
    if not path.is_file():
        return None
    shown = display(path, root)
    _inside(path, root, shown)
    text = _utf8(path, shown, MAX_META_BYTES)
    try:
        return places.Gazetteer.build(parse_places(text), text)
    except PlacesError as err:
        raise SourceError(shown, err.line, err.message, err.fix) from None


def load(target: Path, root: Path, events: set[str] | None) -> Source:
    """Read one source: a folder under sources/, or a bare text or HTML file."""
    if target.is_dir():
        refused = check_names([target], root)
        if refused:
            raise refused[target]
        _inside(target, root, display(target, root), folder=True)
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
        _inside(raw, root, display(raw, root))
        _inside(meta_path, root, display(meta_path, root))
    elif target.is_file():
        raw = target
        meta_path = target.parent / META_NAME
        if target.name not in SOURCE_NAMES or not meta_path.is_file():
            meta_path = None
        else:
            # A source folder's file named on the command line: the folder's rules hold.
            _inside(raw, root, display(raw, root))
            _inside(meta_path, root, display(meta_path, root))
    else:
        raise SourceError(printable(str(target)), None, "no such file or folder", "check the path")

    shown = display(raw, root)
    if meta_path is not None:
        meta_shown = display(meta_path, root)
        meta = meta_yml.load(meta_shown, _utf8(meta_path, meta_shown, MAX_META_BYTES), events)
    else:
        meta = SourceMeta(key=key_from_name(raw.stem))

    html = is_html(raw.name)
    data = decode.read_bytes(raw, shown, decode.MAX_HTML_BYTES if html else decode.MAX_TEXT_BYTES)
    return from_bytes(data, shown, meta, html)


def is_html(name: str) -> bool:
    return name.lower().endswith(_HTML_SUFFIXES)


def from_bytes(data: bytes, shown: str, meta: SourceMeta, html: bool) -> Source:
    """A source from the raw file's bytes: decoded, and for a saved page, extracted."""
    if html:
        decoded = decode.decode(data, shown, saved_page.declared_charset(data))
        page = saved_page.extract(decoded.text, shown)
        # A line meta.yml gives a role (other than drop) comes back even if the extractor left it out.
        page = saved_page.restore(page, {no for no, o in meta.lines.items() if o.get("role") != Role.DROP})
        return Source(shown, page.text, meta, page=page.page, warnings=decoded.warnings)
    decoded = decode.decode(data, shown)
    return Source(shown, decoded.text, meta, warnings=decoded.warnings)


def _raw_file(folder: Path, root: Path) -> Path:
    found = [folder / name for name in SOURCE_NAMES if (folder / name).is_file() or (folder / name).is_symlink()]
    if len(found) > 1:
        raise SourceError(
            display(folder, root),
            None,
            f"the source folder holds both {TEXT_NAME} and {HTML_NAME}; it can only hold one article",
            "keep the one that is the article as published (usually source.html) and delete the other, "
            "or move it to a folder of its own",
        )
    if not found:
        others = sorted(p.name for p in folder.iterdir() if p.is_file() and p.name != META_NAME)
        hint = f" (it holds {', '.join(quoted(name) for name in others[:5])})" if others else ""
        raise SourceError(
            display(folder, root),
            None,
            f"the source folder has no raw file{hint}",
            f"save the article as {display(folder / TEXT_NAME, root)} (text) "
            f"or {display(folder / HTML_NAME, root)} (a saved web page)",
        )
    return found[0]


def _inside(path: Path, root: Path, shown: str, folder: bool = False) -> None:
    """Refuse a path that leads outside the repository (a symbolic link out of it)."""
    try:
        resolved = path.resolve(strict=True)
    except (OSError, RuntimeError):
        raise SourceError(shown, None, "is a broken symbolic link", "replace the link with the file itself") from None
    if not resolved.is_relative_to(_resolved(root)):
        what = "folder" if folder else "file"
        raise SourceError(
            shown,
            None,
            f"this {what} is a link to {resolved}, outside the repository",
            f"copy the {what} itself into the repository instead of linking to it",
        )


def _utf8(path: Path, shown: str, limit: int) -> str:
    """A YAML file's text: UTF-8 (a byte-order mark is allowed), and not huge."""
    data = decode.read_bytes(path, shown, limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise SourceError(
            shown,
            decode.line_of(data, err.start),
            f"{path.name} is not UTF-8 text",
            decode.RESAVE,
        ) from None


def key_from_name(name: str) -> str:
    """The key of a bare file: its name as a slug (`Bài viết mới.txt` → `bai-viet-moi`)."""
    return keys.slugify(name, fallback_seed=name)
