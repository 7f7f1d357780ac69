"""Links under docs/, overrides/ and sources/ never carry a file from outside the repository into site/.

MkDocs follows links: /etc/passwd, /proc/self/environ and .git/config reached
site/ through them. scripts/site/links.py refuses every link the build would
follow out of the files git tracks; the hooks stop the build with it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.site import links

from .builder import scratch_project

GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "init.defaultBranch=main"]


def git(repo: Path, *args: str) -> None:
    subprocess.run([*GIT, "-C", str(repo), *args], check=True, capture_output=True)


def write(path: Path, text: str = "x\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def repo(tmp_path):
    """A committed repository: docs/, overrides/, sources/, an ignored build/ and .env, an untracked note."""
    root = tmp_path / "repo"
    write(root / "docs" / "vi" / "index.md", "# Trang chủ\n")
    write(root / "overrides" / "main.html")
    write(root / "sources" / "events.yml", "{}\n")
    write(root / "shared" / "page.md", "# Chung\n")
    write(root / ".gitignore", "/build/\n.env\n")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "init")
    write(root / "build" / "secret.txt", "built\n")
    write(root / ".env", "TOKEN=hunter2\n")
    write(root / "notes.txt", "mine\n")
    return root


FOLDERS = ("docs", "overrides", "sources")


def check(repo: Path) -> list[links.Refusal]:
    return links.check(repo, [repo / name for name in FOLDERS], code_root=repo)


def link(at: Path, target: str | Path) -> Path:
    at.parent.mkdir(parents=True, exist_ok=True)
    at.symlink_to(target)
    return at


def reasons(refusals: list[links.Refusal]) -> dict[str, str]:
    return {r.link: r.reason for r in refusals}


def test_a_repository_without_links_passes_without_asking_git(repo, monkeypatch):
    def no_git(*args, **kwargs):
        raise AssertionError("git was run")

    monkeypatch.setattr(links.subprocess, "run", no_git)
    assert check(repo) == []


def test_a_link_to_a_tracked_file_or_folder_is_followed(repo):
    link(repo / "docs" / "vi" / "also.md", "index.md")
    link(repo / "docs" / "vi" / "shared", "../../shared")
    link(repo / "overrides" / "copy.html", repo / "overrides" / "main.html")
    assert check(repo) == []


@pytest.mark.parametrize(
    ("where", "target", "reason"),
    [
        ("docs/vi/passwd.md", "/etc/passwd", "outside the repository"),
        ("docs/vi/env.md", "/proc/self/environ", "outside the repository"),
        ("overrides/etc", "/etc", "outside the repository"),
        ("docs/vi/config.md", "../../.git/config", "git does not track"),
        ("sources/x/source.txt", "../../.env", "git does not track"),
        ("docs/vi/notes.md", "../../notes.txt", "git does not track"),
        ("docs/vi/built.md", "../../build/secret.txt", "git does not track"),
        ("docs/vi/git", "../../.git", "tracks no file"),
        ("docs/vi/build", "../../build", "tracks no file"),
        ("docs/vi/gone.md", "../../nothing.md", "nothing is there"),
        ("docs/vi/up", "..", "loops"),
    ],
)
def test_a_link_out_of_the_tracked_files_is_refused_and_named(repo, where, target, reason):
    link(repo / where, target)
    refused = check(repo)
    assert [r.link for r in refused] == [where]
    assert reason in refused[0].reason
    assert target.split("/")[-1] in refused[0].target


def test_a_link_to_a_tracked_folder_that_holds_untracked_files_is_refused_at_those_files(repo, tmp_path):
    # The repository's root is tracked, but following it reaches .git/ and .env.
    project = tmp_path / "project"
    link(project / "docs" / "vi" / "all", repo)
    shown = reasons(links.check(project, [project / "docs"], code_root=repo))
    assert any(name.startswith("docs/vi/all/.git/") for name in shown)
    assert "docs/vi/all/.env" in shown and "docs/vi/all/notes.txt" in shown
    assert "docs/vi/all/shared/page.md" not in shown


def test_a_folder_ignored_by_gitignore_is_refused_even_with_a_file_forced_in(repo):
    git(repo, "add", "--force", "build/secret.txt")
    link(repo / "docs" / "vi" / "build", "../../build")
    assert "keeps out of the repository" in reasons(check(repo))["docs/vi/build"]


def test_a_folder_the_build_reads_may_be_a_link_into_the_repository_and_nowhere_else(repo, tmp_path):
    project = tmp_path / "project"
    link(project / "overrides", repo / "overrides")
    link(project / "sources", "/etc")
    write(project / "docs" / "vi" / "index.md")
    refused = links.check(project, [project / name for name in FOLDERS], code_root=repo)
    assert reasons(refused) == {"sources": "outside the repository"}


def test_the_repositorys_own_scratch_projects_pass(tmp_path):
    # How the tests and `make preview` build: overrides/ and scripts/ linked to the repository's.
    project = scratch_project(tmp_path)
    (project / "sources" / "events.yml").unlink()
    (project / "sources" / "events.yml").symlink_to(links.paths.SOURCES / "events.yml")
    assert links.check(project, [project / name for name in FOLDERS]) == []


# --- the build ----------------------------------------------------------------------------------


def mkdocs_build(project: Path) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "HOME": os.environ.get("HOME", "/tmp"), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, capture_output=True, text=True, env=env
    )


def site_text(site: Path) -> str:
    return "".join(p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*") if p.is_file())


@pytest.mark.slow
def test_the_build_refuses_links_to_system_files_and_publishes_nothing(tmp_path):
    project = scratch_project(tmp_path)
    link(project / "docs" / "vi" / "passwd.md", "/etc/passwd")
    link(project / "docs" / "vi" / "environ.md", "/proc/self/environ")
    link(project / "docs" / "assets" / "etc", "/etc")
    done = mkdocs_build(project)
    assert done.returncode != 0
    for name in ("docs/vi/passwd.md", "docs/vi/environ.md", "docs/assets/etc"):
        assert f"{name} is a link to" in done.stderr, done.stderr
    assert "Replace the link with a copy of the file" in done.stderr
    site = project / "site"
    assert not site.exists() or "root:x:0:0" not in site_text(site)


@pytest.mark.slow
def test_the_build_refuses_a_link_to_git_config_inside_the_repository(tmp_path):
    project = scratch_project(tmp_path)
    git(project, "init", "-q")
    git(project, "add", "docs", "sources", "mkdocs.yml")
    git(project, "commit", "-qm", "init")
    link(project / "docs" / "vi" / "config.md", "../../.git/config")
    done = mkdocs_build(project)
    assert done.returncode != 0
    assert "docs/vi/config.md is a link to ../../.git/config" in done.stderr, done.stderr
    assert "git does not track" in done.stderr
    assert not (project / "site").exists() or "[core]" not in site_text(project / "site")


def test_without_git_a_link_may_lead_only_into_the_folders_a_build_reads(tmp_path):
    # A copy of the repository that is not a clone (the tests' scratch copies): nothing says what is tracked.
    copy = tmp_path / "copy"
    write(copy / "overrides" / "main.html")
    write(copy / "sources" / "events.yml")
    write(copy / ".env", "TOKEN=x\n")
    write(copy / "build" / "x.md")
    project = copy / "build" / "preview"
    link(project / "overrides", copy / "overrides")
    link(project / "sources" / "events.yml", copy / "sources" / "events.yml")
    write(project / "docs" / "vi" / "index.md")
    folders = [project / name for name in FOLDERS]
    assert links.check(project, folders, code_root=copy) == []
    link(project / "docs" / "vi" / "env.md", copy / ".env")
    link(project / "docs" / "vi" / "built.md", copy / "build" / "x.md")
    link(project / "docs" / "vi" / "passwd.md", "/etc/passwd")
    assert reasons(links.check(project, folders, code_root=copy)) == {
        "docs/vi/built.md": "outside docs/, overrides/, sources/ of a repository that is not a git clone",
        "docs/vi/env.md": "outside docs/, overrides/, sources/ of a repository that is not a git clone",
        "docs/vi/passwd.md": "outside the repository",
    }
