"""Links (symlinks) under docs/, overrides/ and sources/ lead only to files the repository tracks.

MkDocs follows links: a link under docs/ to /etc/passwd or /proc/self/environ is
read like any file and published in site/, and a link inside the repository to
.git/config publishes that as a page. So before the build reads anything, every
link under the folders it reads (docs_dir, the theme's custom_dir, sources/) is
followed, and must end at a file git tracks in the repository, or at a folder
git tracks files in and does not ignore (whose files are then checked one by
one). A link that leaves the repository, points at an untracked or ignored file
(.git/, build/, a local .env), points at nothing, or loops back to a folder above
it stops the build with a message naming it and saying what to do.

"The repository" is the git work tree holding the project (mkdocs.yml's folder)
and the one holding this code (scripts.paths.ROOT): a scratch project (the
tests', `make preview`'s) links overrides/ and sources/events.yml to the
repository's own. A folder the build reads may itself be such a link; files
directly in a folder of the project are the project's own and not questioned.

Git is asked only when there is a link to check, so a build without links runs
no git at all.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from scripts import paths

FIX = (
    "Replace the link with a copy of the file, committed to the repository, or remove it "
    "(`git ls-files` lists what the repository tracks)."
)


@dataclass(frozen=True)
class Refusal:
    link: str  # as the project shows it: docs/vi/page.md
    target: str
    reason: str

    def render(self) -> str:
        return f"{self.link} is a link to {self.target}: {self.reason}"


class LinkError(Exception):
    def __init__(self, refusals: list[Refusal]):
        self.refusals = refusals
        lines = [r.render() for r in refusals]
        super().__init__(
            "links under docs/, overrides/ or sources/ lead out of the files the repository tracks, and "
            "MkDocs would publish what they point at:\n  " + "\n  ".join(lines) + "\n" + FIX
        )


# Without git (a copy of the repository that is not a clone: the tests' scratch
# copies), nothing says what is tracked; a link may then lead only into the
# folders the build reads anyway, in the repository this code runs from.
FOLDERS_WITHOUT_GIT = ("docs", "overrides", "sources")


@dataclass
class Repositories:
    """The git work trees a link may lead into, asked lazily and once."""

    project: Path
    code_root: Path
    _roots: list[Path] | None = field(default=None, repr=False)
    _copy: Path | None = field(default=None, repr=False)
    _listed: dict[Path, tuple[frozenset[str], frozenset[str]]] = field(default_factory=dict, repr=False)

    def roots(self) -> list[Path]:
        if self._roots is None:
            found = {start: _toplevel(start) for start in (self.project, self.code_root)}
            self._roots = sorted({r for r in found.values() if r is not None}, key=lambda r: -len(r.parts))
            self._copy = self.code_root.resolve() if found[self.code_root] is None else None
        return self._roots

    def holding(self, path: Path) -> tuple[Path, str] | None:
        """The repository a real path lies in, and the path relative to it (posix)."""
        for root in [*self.roots(), *([self._copy] if self._copy else [])]:
            if path == root or path.is_relative_to(root):
                return root, path.relative_to(root).as_posix()
        return None

    def without_git(self, root: Path) -> bool:
        return root == self._copy

    def tracked(self, root: Path) -> tuple[frozenset[str], frozenset[str]]:
        """The files git tracks in `root`, and every folder holding one (posix, relative)."""
        if root not in self._listed:
            self._listed[root] = _tracked(root)
        return self._listed[root]


def _git(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True)


def _toplevel(start: Path) -> Path | None:
    directory = start if start.is_dir() else start.parent
    try:
        done = _git(directory, "rev-parse", "--show-toplevel")
    except OSError:  # no git
        return None
    return Path(os.fsdecode(done.stdout.strip())).resolve() if done.returncode == 0 else None


def _tracked(root: Path) -> tuple[frozenset[str], frozenset[str]]:
    listed = _git(root, "ls-files", "-z").stdout.decode("utf-8", "surrogateescape")
    files = frozenset(name for name in listed.split("\0") if name)
    folders = {"."}
    for name in files:
        parts = name.split("/")[:-1]
        folders.update("/".join(parts[: i + 1]) for i in range(len(parts)))
    return files, frozenset(folders)


def _ignored(root: Path, rel: str) -> bool:
    # --no-index: by the patterns alone, even when a file inside was added with --force.
    return _git(root, "check-ignore", "--quiet", "--no-index", "--", rel).returncode == 0


def _copy_problem(rel: str) -> str | None:
    parts = rel.split("/")
    if parts[0] in FOLDERS_WITHOUT_GIT and not any(part.startswith(".") for part in parts):
        return None
    return f"outside {', '.join(f'{name}/' for name in FOLDERS_WITHOUT_GIT)} of a repository that is not a git clone"


def _file_problem(target: Path, repos: Repositories) -> str | None:
    held = repos.holding(target)
    if held is None:
        return "outside the repository"
    root, rel = held
    if repos.without_git(root):
        return _copy_problem(rel)
    if rel not in repos.tracked(root)[0]:
        return "a file git does not track (untracked or ignored)"
    return None


def _folder_problem(target: Path, repos: Repositories) -> str | None:
    held = repos.holding(target)
    if held is None:
        return "outside the repository"
    root, rel = held
    if repos.without_git(root):
        return _copy_problem(rel)
    if rel not in repos.tracked(root)[1]:
        return "a folder git tracks no file in"
    if rel != "." and _ignored(root, rel):
        return "a folder .gitignore keeps out of the repository"
    return None


@dataclass
class _Walk:
    repos: Repositories
    refusals: list[Refusal] = field(default_factory=list)

    def refuse(self, link: str, target: Path | str, reason: str) -> None:
        self.refusals.append(Refusal(link, str(target), reason))

    def folder(self, directory: Path, shown: str, linked: bool, above: tuple[Path, ...]) -> None:
        """Everything under a real folder; `linked`: reached through a link, so its files are checked too."""
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as err:
            self.refuse(shown, directory, f"cannot be read ({err.strerror})")
            return
        for entry in entries:
            path, name = Path(entry.path), f"{shown}/{entry.name}"
            if entry.is_symlink():
                self.link(path, name, (*above, directory))
            elif entry.is_dir(follow_symlinks=False):
                self.folder(path, name, linked, (*above, directory))
            elif linked:
                problem = _file_problem(path.resolve(), self.repos)
                if problem:
                    self.refuse(name, path.resolve(), problem)

    def link(self, path: Path, shown: str, above: tuple[Path, ...]) -> None:
        target = Path(os.path.realpath(path))
        said = os.readlink(path)
        where = said if os.path.isabs(said) and Path(said) == target else f"{said} ({target})"
        if not target.exists():
            self.refuse(shown, said, "nothing is there")
        elif target.is_dir():
            if any(folder == target or folder.is_relative_to(target) for folder in above):
                self.refuse(shown, where, "a folder above the link: it loops")
            elif problem := _folder_problem(target, self.repos):
                self.refuse(shown, where, problem)
            else:
                self.folder(target, shown, True, (*above, target))
        elif problem := _file_problem(target, self.repos):
            self.refuse(shown, where, problem)


def check(project: Path, folders: list[Path], code_root: Path = paths.ROOT) -> list[Refusal]:
    """Every link under `folders` (the build's docs_dir, custom_dir, sources/) that must not be followed."""
    project = project.absolute()
    walk = _Walk(Repositories(project, code_root))
    for folder in folders:
        folder = folder if folder.is_absolute() else project / folder
        if not os.path.lexists(folder):
            continue
        shown = _shown(folder, project)
        real = folder.resolve()
        own = folder.is_relative_to(project) and real == project.resolve() / folder.relative_to(project)
        if not own:  # the folder is a link, or lies outside the project
            problem = _folder_problem(real, walk.repos) if real.is_dir() else "not a folder"
            if problem:
                walk.refuse(shown, real, problem)
                continue
        walk.folder(real, shown, False, ())
    return walk.refusals


def _shown(folder: Path, project: Path) -> str:
    try:
        return folder.relative_to(project).as_posix()
    except ValueError:
        return str(folder)
