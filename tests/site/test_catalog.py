"""The catalog: every article's front matter, read once, as the site needs it."""

from __future__ import annotations

import datetime as dt

import pytest

from scripts.contract import read_block, safe_url
from scripts.paths import ROOT
from scripts.site.catalog import CatalogError, read_catalog

from .conftest import LANGS, article, write_docs


def test_it_holds_every_version_of_every_key(corpus_catalog):
    assert set(corpus_catalog.versions("2025-02-19-meeting")) == {"vi", "zh", "uk"}
    assert list(corpus_catalog.versions("2024-02-20-vi-only")) == ["vi"]
    assert corpus_catalog.articles[("zh", "2025-02-19-meeting")].translation_of == "vi"
    assert corpus_catalog.articles[("vi", "2025-02-19-meeting")].authors == ("Lưu Linh",)


def test_each_language_lists_its_articles_newest_first(corpus_catalog):
    assert [a.key for a in corpus_catalog.by_lang["vi"]] == ["2025-02-19-meeting", "2024-02-20-vi-only"]
    assert [a.key for a in corpus_catalog.by_lang["zh"]] == ["2025-02-19-meeting", "2024-03-01-zh-only"]
    assert corpus_catalog.years == [2025, 2024]


def test_listings_by_year_and_event(corpus_catalog):
    assert [a.key for a in corpus_catalog.in_year("zh", 2024)] == ["2024-03-01-zh-only"]
    assert corpus_catalog.in_year("uk", 2024) == []
    assert [a.lang for a in corpus_catalog.in_event("uk", "spring-meeting-2025")] == ["uk"]
    assert corpus_catalog.reported_events == ["spring-meeting-2025", "spring-meeting-2024"]
    assert corpus_catalog.event_first_day["spring-meeting-2025"] == dt.date(2025, 2, 19)


def test_event_names_come_from_events_yml(corpus_catalog):
    assert corpus_catalog.events["spring-meeting-2025"].name("zh") == "2025年新春会晤"


def test_an_event_missing_from_events_yml_is_named_by_its_id(tmp_path):
    docs = write_docs(tmp_path / "docs", [article("2024-01-01-x", "vi", event="unlisted-event")])
    catalog = read_catalog(docs, LANGS, tmp_path / "no-such-events.yml")
    assert catalog.events["unlisted-event"].name("vi") == "unlisted-event"


def test_the_original_is_the_version_the_others_derive_from(corpus_catalog):
    assert corpus_catalog.original("2025-02-19-meeting").lang == "vi"
    assert corpus_catalog.original("2024-03-01-zh-only").lang == "zh"


def test_a_translation_names_its_original_when_none_is_marked_original(tmp_path):
    docs = write_docs(
        tmp_path / "docs",
        [
            article("2024-01-01-k", "vi", relation="parallel"),
            article("2024-01-01-k", "zh", relation="translation", translation_of="uk"),
            article("2024-01-01-k", "uk", relation="report"),
        ],
    )
    assert read_catalog(docs, LANGS).original("2024-01-01-k").lang == "uk"


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<script>", "//evil", "/local", "ftp://x/y", " "],
)
def test_only_http_links_survive(url):
    assert safe_url(url) is None


def test_http_links_survive():
    assert safe_url(" https://baohagiang.vn/a?b=1 ") == "https://baohagiang.vn/a?b=1"


def test_a_javascript_source_url_never_reaches_the_catalog(tmp_path):
    docs = write_docs(tmp_path / "docs", [article("2024-01-01-k", "vi", source_url="javascript:alert(1)")])
    assert read_catalog(docs, LANGS).articles[("vi", "2024-01-01-k")].source_url is None


def test_bad_front_matter_names_the_file_and_what_to_do(tmp_path):
    docs = write_docs(tmp_path / "docs", [])
    bad = docs / "vi" / "articles" / "2024-01-01-k.md"
    bad.write_text("---\ntitle: [unclosed\n---\n\nText\n", encoding="utf-8")
    with pytest.raises(
        CatalogError, match=r"2024-01-01-k\.md:3: front matter is not valid YAML \(.*\)\. Re-run `make ingest`"
    ):
        read_catalog(docs, LANGS)
    bad.write_text("No front matter at all\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"2024-01-01-k\.md: no front matter"):
        read_catalog(docs, LANGS)


def test_a_key_that_differs_from_the_file_name_is_an_error(tmp_path):
    docs = write_docs(tmp_path / "docs", [article("2024-01-01-k", "vi")])
    (docs / "vi" / "articles" / "2024-01-01-k.md").rename(docs / "vi" / "articles" / "renamed.md")
    with pytest.raises(CatalogError, match="renamed.md: front matter says `key: 2024-01-01-k`"):
        read_catalog(docs, LANGS)


def test_front_matter_is_read_without_the_body():
    text = "---\ntitle: T\nkey: k\n---\n\n---\nnot: front matter\n"
    assert read_block(text, "x.md") == {"title": "T", "key": "k"}


def test_the_real_docs_make_a_catalog():
    catalog = read_catalog(ROOT / "docs", LANGS, ROOT / "sources" / "events.yml")
    assert set(catalog.versions("2025-02-19-spring-meeting")) == {"vi", "zh", "uk"}
    assert list(catalog.versions("2021-04-09-spring-meeting")) == ["vi"]


def test_an_event_without_a_name_in_every_language_is_an_error_naming_events_yml(tmp_path):
    docs = write_docs(tmp_path / "docs", [article("2024-01-01-k", "vi", event="spring-meeting-2024")])
    events = tmp_path / "events.yml"
    events.write_text("spring-meeting-2024:\n  vi: Gặp gỡ đầu Xuân 2024\n  zh: 2024年新春会晤\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"events\.yml: event 'spring-meeting-2024' needs a name in each language"):
        read_catalog(docs, LANGS, events)
    events.write_text("spring-meeting-2024: [unclosed\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"events\.yml:\d+: events\.yml is not valid YAML"):
        read_catalog(docs, LANGS, events)
