"""The hooks' own helpers (the hooks as a whole run in every site build test)."""

from __future__ import annotations

import pytest

from scripts.paths import ROOT
from scripts.site import hooks, search_index


def test_handwritten_pages_are_found_per_language_without_the_articles(tmp_path):
    for rel in ("vi/index.md", "vi/about.md", "vi/guide/index.md", "vi/articles/2024-01-01-k.md", "zh/index.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("# x\n", encoding="utf-8")
    assert hooks.handwritten_pages(tmp_path, ("vi", "zh", "uk")) == {
        "vi": {"", "about/", "guide/"},
        "zh": {""},
        "uk": set(),
    }


class _Page:
    def __init__(self, url):
        self.url = url


@pytest.mark.parametrize(
    ("path", "page_url", "base", "expected"),
    [
        ("", "articles/k/", "../..", "../../"),
        ("zh/", "articles/k/", "../..", "../../zh/"),
        ("", "", ".", "./"),
        ("", None, "/", "/"),  # the 404 page: absolute base
        ("", None, "/repo/", "/repo/"),
        ("uk/articles/", None, "/repo/", "/repo/uk/articles/"),
    ],
)
def test_page_urls_are_relative_on_pages_and_absolute_on_404(path, page_url, base, expected):
    context = {"page": _Page(page_url) if page_url is not None else None, "base_url": base}
    assert hooks._page_url(context, path) == expected  # pass_context only marks the function


def test_a_missing_search_tool_says_how_to_install_it(tmp_path):
    with pytest.raises(search_index.SearchIndexError, match="make site"):
        search_index.command(tmp_path / "site", tmp_path, "zh/")


def test_each_language_is_indexed_into_its_own_bundle():
    command = search_index.command(ROOT / "site", ROOT, "zh/")
    assert command[command.index("--glob") + 1] == "zh/articles/*/index.html"
    assert command[command.index("--output-subdir") + 1] == "zh/pagefind"


def test_the_indexer_is_the_pinned_extended_build():
    binary = search_index.binary(ROOT)
    assert binary.name == "pagefind_extended"  # the build that segments Chinese
    assert "@pagefind" in binary.parts
