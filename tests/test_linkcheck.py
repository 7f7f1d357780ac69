"""`make linkcheck`: a built site's internal links and anchors all resolve.

Small hand-made sites, one per scenario, run through the real lychee.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from scripts import linkcheck
from scripts.paths import ROOT


def page(site: Path, path: str, body: str) -> None:
    target = site / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f"<!doctype html><html><head><title>t</title></head><body>{body}</body></html>", "utf-8")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """Two pages that link to each other, to an anchor and to the outside world."""
    root = tmp_path / "site"
    page(
        root,
        "index.html",
        '<a href="articles/a/">a</a> <a href="articles/a/#intro">intro</a> <a href="#top">top</a>'
        '<h1 id="top">Top</h1> <a href="https://example.org/never-fetched">out</a>',
    )
    page(root, "articles/a/index.html", '<h2 id="intro">Intro</h2> <a href="../../">home</a>')
    return root


def check(site: Path, capfd, site_url: str = "") -> tuple[int, str]:
    code = linkcheck.main([str(site), "--site-url", site_url])
    out, err = capfd.readouterr()
    return code, out + err


def test_a_site_whose_links_resolve_passes(site, capfd):
    code, out = check(site, capfd)
    assert code == 0, out
    assert "every internal link and anchor resolves" in out


def test_a_link_to_a_missing_page_fails_and_is_named(site, capfd):
    page(site, "articles/b/index.html", '<a href="../missing/">gone</a>')
    code, out = check(site, capfd)
    assert code != 0
    assert "articles/missing" in out and "File not found" in out


def test_a_link_to_a_folder_without_index_html_fails(site, capfd):
    (site / "empty").mkdir()
    page(site, "articles/b/index.html", '<a href="../../empty/">empty</a>')
    code, out = check(site, capfd)
    assert code != 0 and "empty" in out


def test_a_link_to_a_missing_anchor_fails_and_is_named(site, capfd):
    page(site, "articles/b/index.html", '<a href="../a/#no-such-heading">x</a>')
    code, out = check(site, capfd)
    assert code != 0
    assert "no-such-heading" in out and "fragment" in out


def test_a_missing_anchor_on_the_same_page_fails(site, capfd):
    page(site, "articles/b/index.html", '<a href="#nowhere">x</a>')
    code, out = check(site, capfd)
    assert code != 0 and "nowhere" in out


def test_root_absolute_links_are_checked_under_the_site_path(site, capfd):
    # GitHub Pages serves a project site at /<repo>/: `/<repo>/articles/a/` works there, `/articles/a/` does not.
    page(site, "articles/b/index.html", '<a href="/spring-archive/articles/a/#intro">ok</a>')
    code, out = check(site, capfd, "https://example.github.io/spring-archive/")
    assert code == 0, out
    page(site, "articles/c/index.html", '<a href="/articles/a/">forgets the base path</a>')
    code, out = check(site, capfd, "https://example.github.io/spring-archive/")
    assert code != 0 and "articles/a" in out


def test_no_built_site_says_to_build_it(tmp_path, capfd):
    code, out = check(tmp_path / "site", capfd)
    assert code == 2 and "make site" in out


@pytest.mark.parametrize(
    ("site_url", "expected"),
    [
        (None, "/"),
        ("", "/"),
        ("https://example.github.io", "/"),
        ("https://example.github.io/", "/"),
        ("https://example.github.io/repo", "/repo/"),
        ("https://example.github.io/repo/", "/repo/"),
        ("https://www.example.org/a/b/", "/a/b/"),
    ],
)
def test_the_base_path_comes_from_site_url(site_url, expected):
    assert linkcheck.base_path(site_url) == expected


def test_the_site_is_mounted_at_a_nested_base_path(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    root = linkcheck.serve_root(site, "/a/b/", tmp_path / "root")
    assert (root / "a" / "b").resolve() == site.resolve()
    assert linkcheck.serve_root(site, "/", tmp_path / "unused") == site.resolve()


def test_the_readme_and_the_editors_guide_link_to_files_and_headings_that_exist():
    # The guide's contents and cross-references are anchors: a renamed heading must not strand them.
    root = ROOT
    lychee = linkcheck.find_lychee()
    done = subprocess.run(
        [lychee, "--offline", "--include-fragments", "--no-progress", "--mode=plain", "README.md", "CONTRIBUTING.md"],
        cwd=root,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
