"""The reader's bearings: the skip link, the menu's highlighted section, and
the "not available" pages that say what the article is and where to read it."""

from __future__ import annotations

from types import SimpleNamespace
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from mkdocs.structure.toc import AnchorLink, TableOfContents

from scripts.site import navigation

from .pages import PREFIX, all_pages

pytestmark = pytest.mark.slow


# navigation.py on its own ------------------------------------------------------------------


def entry(url: str) -> SimpleNamespace:
    return SimpleNamespace(url=url, is_page=True, active=False)


MENU = SimpleNamespace(items=[entry("zh/"), entry("zh/articles/"), entry("zh/years/"), entry("zh/events/")])


@pytest.mark.parametrize(
    ("url", "section"),
    [
        ("zh/articles/2025-02-19-spring-meeting/", "zh/articles/"),
        ("zh/articles/2025-02-19-spring-meeting/parallel/vi/", "zh/articles/"),
        ("zh/years/2025/", "zh/years/"),
        ("zh/events/spring-meeting-2025/", "zh/events/"),
        ("zh/articles/", None),  # the section's own page: Material marks it already
        ("zh/about/", None),  # not under a section: not under the home page either
    ],
)
def test_a_page_belongs_to_the_menu_section_its_address_extends(url, section):
    found = navigation.section_of(MENU, SimpleNamespace(url=url), home="zh/")
    assert (found.url if found else None) == section


def test_a_section_is_lit_for_one_page_only():
    page = SimpleNamespace(url="zh/years/2025/")
    navigation.mark_section(MENU, page, home="zh/")
    assert [e.url for e in MENU.items if e.active] == ["zh/years/"]
    navigation.unmark_sections()
    assert not any(e.active for e in MENU.items)


def test_the_skip_links_target_heads_the_table_of_contents_and_keeps_it():
    h2 = AnchorLink("Một", "mot", 2)
    page = SimpleNamespace(title="Bài", toc=TableOfContents([h2]))
    navigation.skip_to_content(page)
    (start,) = page.toc
    assert (start.url, start.level, start.children) == ("#arc-main", 1, [h2])
    # A page that starts with its own level-1 heading: its subheadings stay the table of contents.
    h1 = AnchorLink("Trang chủ", "trang-chu", 1)
    h1.children = [h2]
    home = SimpleNamespace(title="Trang chủ", toc=TableOfContents([h1]))
    navigation.skip_to_content(home)
    assert [(e.url, e.children) for e in home.toc] == [("#arc-main", [h2])]


# The built site -------------------------------------------------------------------------------


def soup(site, page) -> BeautifulSoup:
    file = site.dir / (page.url_path + ("" if page.path.endswith(".html") else "index.html"))
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def test_every_page_has_one_skip_link_first_to_its_own_start(site):
    pages = all_pages(site.dir)
    assert len(pages) > 50
    for page in pages:
        doc = soup(site, page)
        links = doc.body.find_all("a")
        skips = doc.select("a.md-skip")
        assert len(skips) == 1 and links[0] is skips[0], page.url_path
        assert skips[0]["href"] == "#arc-main"
        start = doc.find(id="arc-main")
        # The content's first heading is the page's title (an article's: before its facts).
        heading = start.find(["h1", "h2", "h3"])
        assert heading.name == "h1", page.url_path
        facts = start.select_one(".arc-facts")
        if facts:
            assert heading in facts.find_all_previous("h1")


def menu_entries(site, page, doc, selector: str) -> list[str]:
    here = site.url + page.url_path
    return [urlsplit(urljoin(here, a["href"])).path for a in doc.select(selector)]


def test_the_menu_shows_where_the_reader_is_on_every_page(site):
    """The entry lit is the page's own or its section's (the menu entry its address extends)."""
    root = urlsplit(site.url).path
    seen = set()
    for page in all_pages(site.dir):
        doc = soup(site, page)
        active = menu_entries(site, page, doc, ".md-nav--primary .md-nav__item--active > a.md-nav__link")
        if page.kind == "404":
            assert active == [], page.url_path
            continue
        menu = menu_entries(site, page, doc, ".md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link")
        section = page.path.split("/", 1)[0]
        expected = root + PREFIX[page.lang] + (f"{section}/" if section else "")
        assert active == ([expected] if expected in menu else []), f"{page.url_path}: {active}"
        if active:
            seen.add(page.kind.split(" ")[0])
    assert {"articles/*/", "years/*/", "events/*/", "home", "articles/", "years/", "events/"} <= seen


def test_a_not_available_page_says_what_the_article_reports_in_the_readers_language(site):
    doc = soup(site, next(p for p in all_pages(site.dir) if p.url_path == "uk/articles/2021-04-09-spring-meeting/"))
    about = doc.select_one(".arc-about")
    assert about.get_text() == "Ця стаття — про подію «Весняна зустріч 2021» (9 квітня 2021\u202fр.)."
    assert about.a["href"] == "../../events/spring-meeting-2021/"
    assert about.time["datetime"] == "2021-04-09"
    versions = [(a["hreflang"], a["href"]) for a in doc.select(".arc-list--versions a")]
    assert versions == [("vi", "../../../articles/2021-04-09-spring-meeting/")]


def test_every_not_available_page_links_its_event_and_the_versions_that_exist(site):
    checked = 0
    for page in all_pages(site.dir):
        if page.kind != "articles/*/ (noindex)":
            continue
        doc = soup(site, page)
        here = site.url + page.url_path
        about = doc.select_one(".arc-about")
        assert about is not None and about.time is not None, page.url_path
        for link in [*about.select("a"), *doc.select(".arc-list--versions a")]:
            target = urlsplit(urljoin(here, link["href"])).path[len(urlsplit(site.url).path) :]
            assert (site.dir / target / "index.html").is_file(), f"{page.url_path}: {link['href']}"
        event_links = about.select("a")
        if event_links:
            assert urljoin(here, event_links[0]["href"]).startswith(site.url + PREFIX[page.lang] + "events/")
        assert doc.select(".arc-list--versions a[hreflang]"), page.url_path
        checked += 1
    assert checked >= 6
