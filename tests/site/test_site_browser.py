"""A reader in headless Chromium: switching language, searching in each language, 404s.

The site is the real build of the repository's docs (plus the search
fixtures in conftest.py), served on 127.0.0.1 as GitHub Pages serves it.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from scripts.paths import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TITLE_2025 = {
    "vi": "Chương trình Gặp gỡ đầu Xuân 2025",
    "zh": "2025年新春会晤活动",
    "uk": "Весняна зустріч секретарів парткомів",
}


def switch_language(page, lang: str) -> None:
    """Open Material's language menu in the header and pick a language, as a reader does."""
    page.hover(".md-header__option .md-select")
    with page.expect_navigation():
        page.click(f".md-select__link[hreflang={lang}]")


def path_of(page, site) -> str:
    return urlsplit(page.url).path[len(urlsplit(site.url).path) - 1 :]


def test_switching_language_on_an_article_in_every_language_and_back(page, site):
    page.goto(site.url + "articles/2025-02-19-spring-meeting/")
    assert page.locator("h1").inner_text().startswith(TITLE_2025["vi"])
    for lang, path in (("zh", "/zh/"), ("uk", "/uk/"), ("vi", "/")):
        switch_language(page, lang)
        assert path_of(page, site) == f"{path}articles/2025-02-19-spring-meeting/"
        assert page.evaluate("document.documentElement.lang") == lang
        assert page.locator("h1").inner_text().startswith(TITLE_2025[lang])
    assert page.requests.failed == []
    # Reading never downloads the search index; only a reader who searches loads (part of) it.
    assert not [url for url in page.requests.urls if "/pagefind/" in url]


@pytest.mark.parametrize(
    ("lang", "notice", "placeholder"),
    [("zh", "本文没有中文版", "搜索"), ("uk", "Ця стаття недоступна українською", "Пошук")],
)
def test_switching_an_article_that_exists_only_in_vietnamese(page, site, lang, notice, placeholder):
    page.goto(site.url + "articles/2021-04-09-spring-meeting/")
    switch_language(page, lang)
    assert path_of(page, site) == f"/{lang}/articles/2021-04-09-spring-meeting/"
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.locator("h1").inner_text() == notice
    assert page.get_attribute(".md-search__input", "placeholder") == placeholder  # the chrome speaks it too
    assert "Sáng 09/4" not in page.content(), "no Vietnamese text under another language"
    with page.expect_navigation():
        page.click(".arc-list--versions a[hreflang=vi]")
    assert path_of(page, site) == "/articles/2021-04-09-spring-meeting/"
    assert page.locator("h1").inner_text().startswith("Chương trình Gặp gỡ đầu Xuân năm 2021")


def search(page, query: str) -> list[str]:
    """Type a query in the header search box; the result links, best first."""
    page.fill(".md-search__input", query)
    page.wait_for_function(
        "q => document.querySelector('[data-arc-search-result]').dataset.query === q", arg=query.strip()
    )
    return [
        urlsplit(href).path
        for href in page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
    ]


def docs_text(lang: str, key: str) -> str:
    return (ROOT / "docs" / lang / "articles" / f"{key}.md").read_text(encoding="utf-8")


def keys_containing(lang: str, pattern: str) -> set[str]:
    return {
        p.stem
        for p in (ROOT / "docs" / lang / "articles").glob("*.md")
        if re.search(pattern, p.read_text(encoding="utf-8"))
    }


@pytest.mark.parametrize("query", ["广宁", "合作"])
def test_chinese_words_are_found_in_unsegmented_text(page, site, query):
    expected = keys_containing("zh", query)
    assert expected, f"the seeds must contain {query}"
    page.goto(site.url + "zh/")
    found = search(page, query)
    assert {f"/zh/articles/{key}/" for key in expected} <= set(found)
    assert all(path.startswith("/zh/") for path in found)
    assert re.search(r"\d", page.inner_text(".md-search-result__meta"))
    assert "符合条件的结果" in page.inner_text(".md-search-result__meta")  # Material's Chinese strings
    marks = page.eval_on_selector_all(".md-search-result mark", "els => els.map(e => e.textContent)")
    assert query in "".join(marks) or all(ch in "".join(marks) for ch in query)


def test_vietnamese_without_diacritics_finds_mong_cai(page, site):
    expected = keys_containing("vi", "Móng Cái")
    assert expected
    page.goto(site.url)
    found = search(page, "Mong Cai")
    # Every page with Móng Cái, before any page that only has the two words apart.
    assert set(found[: len(expected)]) == {f"/articles/{key}/" for key in expected}


def test_vietnamese_without_diacritics_finds_hop_tac(page, site):
    expected = keys_containing("vi", "hợp tác")
    page.goto(site.url)
    found = search(page, "hop tac")
    assert {f"/articles/{key}/" for key in expected} <= set(found)


def test_a_plain_d_finds_d_with_stroke(page, site):
    expected = keys_containing("vi", "Bạch Đằng")
    assert expected
    page.goto(site.url)
    found = search(page, "Bach Dang")
    assert set(found[: len(expected)]) == {f"/articles/{key}/" for key in expected}


def test_exact_diacritics_rank_first(page, site):
    exact = keys_containing("vi", r"\bhọp\b")
    folded_only = keys_containing("vi", r"\bhợp\b") - exact
    assert exact and folded_only, "the seeds hold both họp and hợp"
    page.goto(site.url)
    found = search(page, "họp")
    assert set(found[: len(exact)]) == {f"/articles/{key}/" for key in exact}
    assert {f"/articles/{key}/" for key in folded_only} <= set(found[len(exact) :])


@pytest.mark.parametrize(
    ("query", "only_other_form"),
    [
        ("співпраця", "2019-01-10-uk-spivpratsi"),
        ("співпраці", "2019-01-11-uk-spivpratsia"),
        ("співробітництво", "2019-01-12-uk-spivrobitnytstva"),
        ("співробітництва", "2019-01-13-uk-spivrobitnytstvo"),
    ],
)
def test_ukrainian_inflected_forms_find_each_other(page, site, query, only_other_form):
    text = (site.project / "docs/uk/articles" / f"{only_other_form}.md").read_text(encoding="utf-8")
    assert query not in text, "the fixture must hold only the other form"
    page.goto(site.url + "uk/")
    found = search(page, query)
    assert f"/uk/articles/{only_other_form}/" in found
    assert "/uk/articles/2025-02-19-spring-meeting/" in found
    assert all(path.startswith("/uk/") for path in found)


@pytest.mark.parametrize("query", ["2025", "Hạ Long", "Quảng Ninh"])
def test_a_query_on_a_chinese_page_never_returns_other_languages(page, site, query):
    page.goto(site.url)
    assert search(page, query), "the Vietnamese index has this word"
    page.goto(site.url + "zh/articles/2025-02-19-spring-meeting/")
    found = search(page, query)
    assert all(path.startswith("/zh/") for path in found), found


def test_search_results_open_the_article(page, site):
    page.goto(site.url + "uk/")
    search(page, "Хазянг")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert path_of(page, site) == "/uk/articles/2025-02-19-spring-meeting/"


def test_the_search_box_takes_the_keyboard_like_materials(page, site):
    page.goto(site.url + "zh/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.type("合作")
    page.wait_for_selector(".md-search-result__link")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")


@pytest.mark.parametrize(
    ("lang", "title"), [("zh", "页面未找到"), ("uk", "Сторінку не знайдено"), ("vi", "Không tìm thấy trang")]
)
def test_a_missing_page_says_so_in_the_readers_language(page, site, lang, title):
    prefix = "" if lang == "vi" else f"{lang}/"
    response = page.goto(site.url + prefix + "no/such/page/")
    assert response.status == 404
    page.wait_for_function("lang => document.documentElement.lang === lang", arg=lang)
    assert page.locator("h1").inner_text() == title
    assert urlsplit(page.url).path == f"/{prefix}no/such/page/", "the address the reader typed stays"
    home = page.locator(".md-content a").first.get_attribute("href")
    assert home == f"/{prefix}"


def test_no_request_leaves_the_site(page, site):
    page.goto(site.url)
    page.goto(site.url + "articles/2025-02-19-spring-meeting/")
    switch_language(page, "zh")
    search(page, "合作")
    page.keyboard.press("Escape")
    switch_language(page, "uk")
    search(page, "співпраця")
    page.goto(site.url + "zh/articles/2021-04-09-spring-meeting/")
    page.goto(site.url + "zh/no-such-page/")
    page.wait_for_function("document.documentElement.lang === 'zh'")
    hosts = {urlsplit(url).netloc for url in page.requests.urls}
    assert hosts == {urlsplit(site.url).netloc}
    assert [f for f in page.requests.failed if "no-such-page" not in f] == []
    assert any("/pagefind/" in url for url in page.requests.urls), "search ran"
    assert not any(url.endswith("sitemap.xml") for url in page.requests.urls)


def test_a_site_under_a_subpath_finds_its_search_index_and_links_results_there(page, subpath_site):
    site = subpath_site
    page.goto(site.url + "zh/")
    found = search(page, "广宁")
    assert found and all(path.startswith("/spring-meetings/zh/articles/") for path in found)
    with page.expect_navigation():
        page.click(".md-search-result__link")
    assert urlsplit(page.url).path.startswith("/spring-meetings/zh/articles/")
    response = page.goto(site.url + "uk/missing/")
    assert response.status == 404
    page.wait_for_function("document.documentElement.lang === 'uk'")
    assert page.locator("h1").inner_text() == "Сторінку не знайдено"
    switch_language(page, "zh")
    assert urlsplit(page.url).path == "/spring-meetings/zh/"
    assert {urlsplit(u).netloc for u in page.requests.urls} == {urlsplit(site.url).netloc}
