"""Every word in the reader's language and grammar.

Counts take the form CLDR's plural rules give their number, in Python (Babel)
and in the search box (the browser's Intl.PluralRules, checked against
Babel); every date a page prints is written in its language's one style, a
span of days whole, search results included; no English is left in the
chrome (the headings' ¶ links).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml
from babel import Locale
from bs4 import BeautifulSoup

from scripts.site import strings
from scripts.site.catalog import read_catalog

from .pages import LANGS, PREFIX, all_pages
from .test_site_browser import search

UI = {lang: strings.for_language(lang, LANGS) for lang in LANGS}


# Counts -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "1 стаття"),
        (2, "2 статті"),
        (4, "4 статті"),
        (5, "5 статей"),
        (11, "11 статей"),
        (12, "12 статей"),
        (14, "14 статей"),
        (21, "21 стаття"),
        (22, "22 статті"),
        (25, "25 статей"),
        (0, "0 статей"),
        (101, "101 стаття"),
        (111, "111 статей"),
        (1000, "1\xa0000 статей"),
    ],
)
def test_a_ukrainian_count_agrees_with_its_number(n, expected):
    assert strings.count_text("uk", UI["uk"]["count_articles"], n) == expected


def test_the_ukrainian_search_count_is_grammatical_from_two_on():
    forms = UI["uk"]["search_results"]
    assert [strings.count_text("uk", forms, n) for n in (1, 2, 5, 21, 22)] == [
        "Знайдено 1 збіг",
        "Знайдено 2 збіги",
        "Знайдено 5 збігів",
        "Знайдено 21 збіг",
        "Знайдено 22 збіги",
    ]


@pytest.mark.parametrize(("lang", "expected"), [("vi", "1.000 bài viết"), ("zh", "1,000 篇文章")])
def test_vietnamese_and_chinese_counts_have_one_form_and_their_own_digits(lang, expected):
    message = UI[lang]["count_articles"]
    assert set(message) == {"other"} == strings.categories(lang)
    assert strings.count_text(lang, message, 1000) == expected


@pytest.mark.parametrize(
    ("lang", "key", "forms", "error"),
    [
        ("uk", "count_articles", {"one": "{count}", "many": "{count}", "other": "{count}"}, "needs exactly few, many"),
        ("vi", "archive_lead", {"one": "{count}", "other": "{count}"}, "vi needs exactly other"),
    ],
)
def test_a_count_message_without_the_forms_its_language_needs_is_refused(tmp_path, lang, key, forms, error):
    data = {code: dict(block) for code, block in strings.load().items()}
    data[lang][key] = forms
    path = tmp_path / "strings.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(strings.StringsError, match=f"`{lang}.{key}` has the forms .*{error}") as raised:
        strings.check(data, LANGS, path)
    assert str(path) in str(raised.value)


def soup(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def site_pages(site):
    for page in all_pages(site.dir):
        file = site.dir / (page.url_path + ("index.html" if not page.path.endswith(".html") else ""))
        yield page, soup(file)


def test_every_count_the_site_prints_agrees_with_its_number(site):
    checked = 0
    for page, doc in site_pages(site):
        ui = UI[page.lang]
        for badge in doc.select(".arc-count"):
            n = int(re.sub(r"\D", "", badge.get_text()))
            assert badge.get_text() == strings.count_text(page.lang, ui["count_articles"], n), page.url_path
            checked += 1
        for lead in doc.select(".arc-lead"):
            digits = re.findall(r"\d[\d\s.,]*", lead.get_text())
            if digits:
                n = int(re.sub(r"\D", "", digits[0]))
                # Whatever the message, it is one of strings.yml's count messages, in the form for n.
                messages = [strings.count_text(page.lang, m, n) for m in ui.values() if strings.is_plural(m)]
                assert lead.get_text() in messages, page.url_path
                checked += 1
    assert checked > 50


# Dates --------------------------------------------------------------------------------------


def test_every_date_a_page_prints_is_in_its_languages_one_style(site):
    """Each <time> says a date (or span) exactly as strings.date_text writes it in the page's language."""
    catalog = read_catalog(site.project / "docs", LANGS, site.project / "sources" / "events.yml")
    written = {
        lang: {
            text
            for a in catalog.articles.values()
            if a.date
            for text in (strings.date_text(lang, a.date), strings.date_text(lang, a.date, a.date_end))
        }
        for lang in LANGS
    }
    spans = 0
    for page, doc in site_pages(site):
        for time in doc.select("time"):
            text = time.get_text()
            if re.fullmatch(r"\d{4}", text):  # an event's year in the list of events
                continue
            assert text in written[page.lang], f"{page.url_path}: {text!r}"
            spans += "–" in text or "至" in text
    assert spans >= 6, "the spans of days are checked too"
    # No abbreviated month anywhere (Babel's spans used them).
    vi = "".join(doc.get_text() for page, doc in site_pages(site) if page.lang == "vi")
    assert " thg " not in vi


@pytest.mark.parametrize(("lang", "query"), [("vi", "Thúc đẩy hợp tác"), ("zh", "推动活跃")])
def test_search_results_show_a_span_of_days_whole(page, site, lang, query):
    page.goto(site.url + PREFIX[lang])
    found = search(page, query)
    target = f"/{PREFIX[lang]}articles/2025-02-19-spring-meeting/"
    assert target in found
    shown = page.eval_on_selector_all(
        ".md-search-result__link",
        "els => els.map(e => [new URL(e.href).pathname, e.querySelector('time')?.textContent])",
    )
    assert dict(shown)[target] == strings.date_text(lang, dt.date(2025, 2, 19), dt.date(2025, 2, 21))


# The search box's counts ----------------------------------------------------------------------


def test_the_browsers_plural_rules_are_babels(page, site):
    """The search box picks a form with Intl.PluralRules: the same CLDR categories as Babel's, for every count."""
    page.goto(site.url)
    numbers = list(range(0, 260)) + [1001, 1002, 1005, 1011, 1021, 10_000]
    for lang in LANGS:
        browser = page.evaluate("([lang, ns]) => ns.map((n) => new Intl.PluralRules(lang).select(n))", [lang, numbers])
        assert browser == [Locale.parse(lang).plural_form(n) for n in numbers], lang


@pytest.mark.parametrize(("query", "category"), [("митних", "one"), ("Тестова стаття", "few")])
def test_the_search_count_speaks_ukrainian(page, site, query, category):
    page.goto(site.url + "uk/")
    found = search(page, query)
    assert Locale.parse("uk").plural_form(len(found)) == category, found
    shown = page.inner_text(".md-search-result__meta").strip()
    assert shown == strings.count_text("uk", UI["uk"]["search_results"], len(found))


# The chrome -----------------------------------------------------------------------------------


def test_no_heading_link_is_titled_in_english(site):
    titled = dict.fromkeys(LANGS, 0)
    for page, doc in site_pages(site):
        assert "Permanent link" not in str(doc), page.url_path
        for link in doc.select("a.headerlink"):
            assert link["title"] == UI[page.lang]["permalink_title"], page.url_path
            titled[page.lang] += 1
    assert all(titled.values()), titled
