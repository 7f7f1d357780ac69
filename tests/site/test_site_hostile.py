"""Front matter is source text: whatever it holds, the built site shows it as text.

A site is built from articles whose every front-matter field (and the event
names) holds markup, script, quotes and template syntax, written as ingestion
writes them (the contract's front matter, the text escaped); then every built file is checked, and the search box is
driven over it in Chromium.
"""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from .builder import Server, build, free_port, scratch_project
from .conftest import article, write_docs

pytestmark = pytest.mark.slow

TITLE = """Xenon <script>alert("t")</script><img src=x onerror=alert(1)> "dq" 'sq' {{ config.site_name }} {% if x %}"""
ZH_TITLE = "</title><script>alert(8)</script> 氙气"
EVENTS = """\
hostile-event:
  vi: <script>alert(10)</script>
  zh: '"><img src=x onerror=alert(11)>'
  uk: '{{ 7*7 }}'
"""


def hostile_articles():
    return [
        article(
            "2024-05-01-hostile",
            "vi",
            TITLE,
            text="Xenon <script>alert(6)</script> <img src=x onerror=alert(7)> [a](javascript:alert(1)) {{ 7*7 }}",
            kicker="<img src=x onerror=alert(2)>",
            authors=["<b onmouseover=alert(3)>A</b>", "\"quoted\" & 'single'"],
            agency='"><svg onload=alert(4)>',
            source_url="javascript:alert(5)",
            event="hostile-event",
        ),
        article(
            "2024-05-01-hostile",
            "zh",
            ZH_TITLE,
            text="氙气 <script>alert(12)</script>",
            relation="translation",
            translation_of="vi",
            source_url='https://example.org/"><script>alert(9)</script>',
            event="hostile-event",
        ),
    ]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    docs = write_docs(tmp / "docs", hostile_articles())
    (tmp / "events.yml").write_text(EVENTS, encoding="utf-8")
    port = free_port()
    built = build(scratch_project(tmp, docs=docs, events=tmp / "events.yml"), f"http://127.0.0.1:{port}/")
    server = Server(built.site, "/", port)
    yield built, server
    server.close()


def documents(site_dir):
    for path in sorted(site_dir.rglob("*.html")):
        if "pagefind" not in path.parts:
            yield path, BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_no_markup_from_front_matter_becomes_live(hostile_site):
    built, _ = hostile_site
    checked = 0
    for path, doc in documents(built.site):
        checked += 1
        where = path.relative_to(built.site)
        for script in doc.find_all("script"):
            if script.get("type") == "application/ld+json":
                # Data, never run (seo.py): the source's text is in it, as JSON that cannot close the element.
                assert "</" not in script.get_text() and json.loads(script.get_text()), f"{where}: JSON-LD"
                continue
            assert "alert(" not in script.get_text(), f"{where}: a script from a source"
        for element in doc.find_all(True):
            handlers = [name for name in element.attrs if name.lower().startswith("on")]
            assert not handlers, f"{where}: <{element.name} {handlers}>"
            for attr in ("href", "src", "action"):
                value = element.get(attr)
                assert not (isinstance(value, str) and value.strip().lower().startswith("javascript:")), (
                    f"{where}: {value}"
                )
        assert not doc.find("img"), f"{where}: an <img> from a source"
    assert checked > 10
    sitemap = (built.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<script" not in sitemap


def test_hostile_text_is_shown_exactly_as_written(hostile_site):
    built, _ = hostile_site
    doc = BeautifulSoup(
        (built.site / "articles/2024-05-01-hostile/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert doc.h1.get_text() == TITLE
    assert doc.title.get_text().startswith(TITLE)
    assert TITLE in doc.select_one(".md-header__topic[data-md-component=header-topic]").get_text()
    assert doc.select_one(".arc-kicker").get_text() == "<img src=x onerror=alert(2)>"
    facts = {
        dt.get_text(): dd.get_text()
        for dt, dd in zip(doc.select(".arc-facts dt"), doc.select(".arc-facts dd"), strict=True)
    }
    assert facts["Tác giả"] == "<b onmouseover=alert(3)>A</b>, \"quoted\" & 'single'"
    assert facts["Cơ quan báo chí"] == '"><svg onload=alert(4)>'
    assert facts["Sự kiện"] == "<script>alert(10)</script>"
    assert "javascript:" not in str(doc.select_one(".arc-facts"))  # an unsafe source_url is no link at all
    assert doc.select_one(".arc-versions a[hreflang=zh]").get_text(" ", strip=True).endswith(ZH_TITLE)
    assert "{{ 7*7 }}" in doc.select_one(".arc-article").get_text()


def test_a_quoted_url_stays_inside_its_attribute(hostile_site):
    built, _ = hostile_site
    doc = BeautifulSoup(
        (built.site / "zh/articles/2024-05-01-hostile/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    link = doc.select_one(".arc-facts a[rel~=nofollow]")
    assert link["href"] == 'https://example.org/"><script>alert(9)</script>'
    assert doc.title.get_text().startswith(ZH_TITLE)


def test_event_names_are_text_on_every_page_that_shows_them(hostile_site):
    built, _ = hostile_site
    uk = BeautifulSoup((built.site / "uk/events/hostile-event/index.html").read_text(encoding="utf-8"), "html.parser")
    assert uk.h1.get_text() == "{{ 7*7 }}"
    zh = BeautifulSoup((built.site / "zh/events/index.html").read_text(encoding="utf-8"), "html.parser")
    assert '"><img src=x onerror=alert(11)>' in [a.get_text() for a in zh.select(".arc-item__title")]


@pytest.mark.browser
def test_search_results_show_hostile_titles_and_text_as_text(hostile_site, page):
    _, server = hostile_site
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server.url)
    page.fill(".md-search__input", "Xenon")
    page.wait_for_selector(".md-search-result__link")
    result = page.locator(".md-search-result").first
    assert page.locator(".md-search-result .arc-search-result__title").first.inner_text() == TITLE
    assert result.locator("script, img, svg[onload], b").count() == 0
    page.goto(server.url + "zh/")
    page.fill(".md-search__input", "氙气")
    page.wait_for_selector(".md-search-result__link")
    assert page.locator(".md-search-result .arc-search-result__title").first.inner_text() == ZH_TITLE
    assert page.locator(".md-search-result script").count() == 0
    page.goto(server.url + "articles/2024-05-01-hostile/")
    page.goto(server.url + "zh/events/hostile-event/")
    assert dialogs == []
