"""Which pages exist in which language, and how they point at each other."""

from __future__ import annotations

import pytest

from scripts.site import sitemap
from scripts.site.catalog import CatalogError
from scripts.site.pagemap import ARCHIVE, ARTICLE, EVENT, HOME, MISSING, PAGE, YEAR, PageMap, place

from .conftest import LANGS, article, write_docs

SITE = "https://example.org/archive/"
HANDWRITTEN = {"vi": {"", "about/"}, "zh": {""}, "uk": {""}}


@pytest.fixture
def site(corpus_catalog):
    return PageMap(corpus_catalog, "vi", SITE, HANDWRITTEN)


def test_paths_name_what_a_page_is():
    assert place("").kind == HOME
    assert place("articles/").kind == ARCHIVE
    assert place("articles/2025-02-19-meeting/") == place("articles/2025-02-19-meeting")
    assert place("articles/k/").ref == "k" and place("articles/k/").kind == ARTICLE
    assert place("years/2025/").ref == 2025 and place("years/2025/").kind == YEAR
    assert place("events/spring-meeting-2025/").kind == EVENT
    assert place("about/").kind == PAGE


def test_urls_follow_the_contract(site):
    assert site.url("vi", "articles/k/") == "articles/k/"
    assert site.url("zh", "articles/k/") == "zh/articles/k/"
    assert site.absolute("uk", "years/2025/") == "https://example.org/archive/uk/years/2025/"
    assert site.absolute("vi", "") == "https://example.org/archive/"


def test_missing_versions_become_generated_pages(site):
    zh = {(g.path, g.kind) for g in site.generated("zh")}
    assert ("articles/2024-02-20-vi-only/", MISSING) in zh
    assert ("articles/2025-02-19-meeting/", MISSING) not in zh  # zh has its own version
    vi = {(g.path, g.kind) for g in site.generated("vi")}
    assert ("articles/2024-03-01-zh-only/", MISSING) in vi
    for lang in LANGS:  # every listing exists in every language, so the switcher always lands
        paths = {g.path for g in site.generated(lang)}
        assert {"articles/", "years/", "years/2024/", "years/2025/", "events/", "events/spring-meeting-2025/"} <= paths


def test_a_page_exists_where_the_language_has_content(site):
    assert site.exists("uk", "articles/2025-02-19-meeting/")
    assert not site.exists("uk", "articles/2024-02-20-vi-only/")
    assert site.exists("zh", "years/2024/") and not site.exists("uk", "years/2024/")
    assert site.exists("vi", "about/") and not site.exists("zh", "about/")


def test_the_switcher_goes_to_the_same_page_or_that_languages_home(site):
    assert site.switch_target("zh", "articles/2024-02-20-vi-only/") == "zh/articles/2024-02-20-vi-only/"
    assert site.switch_target("uk", "years/2024/") == "uk/years/2024/"
    assert site.switch_target("zh", "about/") == "zh/"
    assert site.switch_target("uk", None) == "uk/"


def test_hreflang_lists_only_real_versions_plus_x_default(site):
    assert site.alternates("articles/2024-02-20-vi-only/") == [
        ("vi", "https://example.org/archive/articles/2024-02-20-vi-only/"),
        ("x-default", "https://example.org/archive/articles/2024-02-20-vi-only/"),
    ]
    langs = [lang for lang, _ in site.alternates("articles/2025-02-19-meeting/")]
    assert langs == ["vi", "zh", "uk", "x-default"]
    assert all(href.startswith("https://") for _, href in site.alternates("articles/2025-02-19-meeting/"))


def test_x_default_is_the_original(site):
    assert dict(site.alternates("articles/2024-03-01-zh-only/"))["x-default"].endswith(
        "/zh/articles/2024-03-01-zh-only/"
    )


def test_a_page_without_its_own_version_is_canonical_to_the_original(site):
    assert (
        site.canonical("zh", "articles/2024-02-20-vi-only/")
        == "https://example.org/archive/articles/2024-02-20-vi-only/"
    )
    assert (
        site.canonical("uk", "articles/2024-03-01-zh-only/")
        == "https://example.org/archive/zh/articles/2024-03-01-zh-only/"
    )
    assert (
        site.canonical("zh", "articles/2025-02-19-meeting/")
        == "https://example.org/archive/zh/articles/2025-02-19-meeting/"
    )


def test_the_sitemap_lists_real_pages_only_with_their_alternates(site):
    entries = {e["loc"]: e["alternates"] for e in sitemap.entries(site)}
    assert "https://example.org/archive/zh/articles/2024-02-20-vi-only/" not in entries
    assert "https://example.org/archive/uk/years/2024/" not in entries
    alternates = entries["https://example.org/archive/uk/articles/2025-02-19-meeting/"]
    assert [lang for lang, _ in alternates] == ["vi", "zh", "uk", "x-default"]
    assert "https://example.org/archive/about/" in entries


def test_an_event_id_that_cannot_be_a_url_is_refused(tmp_path):
    from scripts.site.catalog import read_catalog

    docs = write_docs(tmp_path / "docs", [article("2024-01-01-k", "vi", event="../../etc")])
    with pytest.raises(CatalogError, match="cannot be part of a URL"):
        PageMap(read_catalog(docs, LANGS), "vi", SITE, HANDWRITTEN)
