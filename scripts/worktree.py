"""A scratch copy of the working tree, for the benchmark and for tests that
run the real commands (make, mkdocs) somewhere they may change things.

It copies what git would commit (uncommitted changes included, ignored files
not) and links the installed environments (.venv, node_modules) instead of
copying them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from scripts.paths import ROOT

SHARED = (".venv", "node_modules")


def files(root: Path = ROOT) -> list[Path]:
    """The working tree's files as git sees them: tracked and untracked, not ignored."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=root,
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    return [Path(name) for name in listed.split("\0") if name and (root / name).is_file()]


def copy(target: Path, skip: Callable[[Path], bool] = lambda path: False, root: Path = ROOT) -> Path:
    """Copy the working tree into `target` (created), leaving out paths `skip` names.

    Modification times are kept, so make sees the linked .venv's stamp as newer
    than the copied requirements.lock and does not reinstall.
    """
    target.mkdir(parents=True, exist_ok=True)
    for path in files(root):
        if skip(path):
            continue
        (target / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / path, target / path)
    for name in SHARED:
        if (root / name).exists() and not (target / name).exists():
            os.symlink(root / name, target / name)
    return target


def site_project(
    target: Path,
    docs: Path | None = None,
    keep: Callable[[Path], bool] = lambda rel: True,
    events: Path | None = None,
    link_events: bool = False,
    root: Path = ROOT,
) -> Path:
    """A folder to build the site in from docs of one's choosing: the
    repository's mkdocs.yml (copied), templates and hooks (linked), the pages
    of `docs` that `keep` accepts (paths relative to docs/), and an events file
    and the repository's places.yml (copied, or linked so that edits show).
    """
    docs = docs or root / "docs"
    (target / "sources").mkdir(parents=True)
    shutil.copyfile(root / "mkdocs.yml", target / "mkdocs.yml")
    for name in ("overrides", "scripts"):
        (target / name).symlink_to(root / name)
    events = events or root / "sources" / "events.yml"
    if link_events:
        (target / "sources" / "events.yml").symlink_to(events)
    else:
        shutil.copyfile(events, target / "sources" / "events.yml")
    # The gazetteer names the places articles mention (linked or copied like the events).
    places = root / "sources" / "places.yml"
    if places.is_file() and link_events:
        (target / "sources" / "places.yml").symlink_to(places)
    elif places.is_file():
        shutil.copyfile(places, target / "sources" / "places.yml")
    for page in docs.rglob("*"):
        rel = page.relative_to(docs)
        if page.is_file() and keep(rel):
            (target / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(page, target / "docs" / rel)
    (target / "docs").mkdir(exist_ok=True)
    return target
