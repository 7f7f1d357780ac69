"""What each page shows, in the reader's language."""

from __future__ import annotations

import pytest

from scripts.site import strings
from scripts.site.pagemap import PageMap
from scripts.site.views import Views

NAMES = {"vi": "Tiếng Việt", "zh": "中文", "uk": "Українська"}
LANGS = ("vi", "zh", "uk")


@pytest.fixture
def views(corpus_catalog):
    site = PageMap(corpus_catalog, "vi", "https://example.org/", {lang: {""} for lang in LANGS})
    texts = {lang: strings.for_language(lang, LANGS) for lang in LANGS}
    return Views(site, NAMES, texts, "https://github.com/o/r/blob/HEAD/")


def test_an_article_says_when_where_who_and_what_it_is(views):
    view = views.page("vi", "articles/2025-02-19-meeting/")
    assert view.kind == "article" and view.title == "Gặp gỡ 2025"
    facts = dict(view.facts)
    assert facts["Ngày"] == "19 tháng 2, 2025"
    assert facts["Tác giả"] == "Lưu Linh"
    assert view.event.title == "Gặp gỡ đầu Xuân 2025" and view.event.url == "events/spring-meeting-2025/"
    assert view.original_language == "tiếng Việt" and view.text_relation == "bản gốc"
    assert view.source_file == "https://github.com/o/r/blob/HEAD/sources/2025-02-19-meeting/source.txt"


def test_an_article_links_its_other_languages_saying_translation_or_report(views):
    view = views.page("vi", "articles/2025-02-19-meeting/")
    assert [(v.lang, v.url, v.relation) for v in view.versions] == [
        ("zh", "zh/articles/2025-02-19-meeting/", "bản dịch từ tiếng Việt"),
        ("uk", "uk/articles/2025-02-19-meeting/", "bài viết riêng về cùng sự kiện"),
    ]
    uk = views.page("uk", "articles/2025-02-19-meeting/")
    assert [(v.lang, v.relation) for v in uk.versions] == [("vi", "оригінал"), ("zh", "переклад з в'єтнамської")]
    assert uk.text_relation == "окремий репортаж про ту саму подію"
    assert uk.source.url == "https://example.org/a" and uk.source.title == "example.org"


def test_an_article_names_the_languages_it_lacks(views):
    view = views.page("zh", "articles/2024-03-01-zh-only/")
    assert view.missing_versions == ["Tiếng Việt", "Українська"]
    assert view.original_language is None  # a separate report: no original to name


def test_a_missing_version_is_an_honest_page_in_the_readers_language(views):
    view = views.page("zh", "articles/2024-02-20-vi-only/")
    assert view.kind == "missing" and view.noindex
    assert view.title == "本文没有中文版"
    assert [(v.lang, v.title, v.url) for v in view.versions] == [
        ("vi", "Chỉ tiếng Việt", "articles/2024-02-20-vi-only/"),
    ]
    assert view.canonical == "https://example.org/articles/2024-02-20-vi-only/"
    assert [lang for lang, _ in view.alternates] == ["vi", "x-default"]
    assert "Українська" in [s.name for s in view.switcher]


def test_the_switcher_marks_the_current_language_and_those_without_a_version(views):
    view = views.page("vi", "articles/2024-02-20-vi-only/")
    assert [(s.lang, s.url, s.current, s.available) for s in view.switcher] == [
        ("vi", "articles/2024-02-20-vi-only/", True, True),
        ("zh", "zh/articles/2024-02-20-vi-only/", False, False),
        ("uk", "uk/articles/2024-02-20-vi-only/", False, False),
    ]


def test_the_archive_groups_a_languages_articles_by_year_newest_first(views):
    view = views.page("zh", "articles/")
    assert [g.label for g in view.groups] == ["2025", "2024"]
    assert [i.url for g in view.groups for i in g.items] == [
        "zh/articles/2025-02-19-meeting/",
        "zh/articles/2024-03-01-zh-only/",
    ]
    assert "2" in view.lead
    assert [(o.lang, o.count) for o in view.others] == [("vi", 2), ("uk", 1)]


def test_an_empty_listing_says_so_and_points_to_other_languages(views):
    view = views.page("uk", "years/2024/")
    assert view.groups == [] and view.lead == "Тут поки немає статей українською."
    assert view.noindex
    assert [(o.lang, o.url, o.count) for o in view.others] == [("vi", "years/2024/", 1), ("zh", "zh/years/2024/", 1)]


def test_an_event_page_is_titled_with_the_events_name_in_the_language(views):
    view = views.page("uk", "events/spring-meeting-2025/")
    assert view.title == "Весняна зустріч 2025"
    assert [i.title for g in view.groups for i in g.items] == ["Зустріч 2025"]


def test_the_home_page_shows_the_newest_articles_and_the_events(views):
    view = views.page("vi", "")
    assert [i.title for i in view.newest] == ["Gặp gỡ 2025", "Chỉ tiếng Việt"]
    assert [(m.title, m.date, m.count) for m in view.events] == [
        ("Gặp gỡ đầu Xuân 2025", "2025", 1),
        ("Gặp gỡ đầu Xuân 2024", "2024", 1),
    ]


def test_the_404_page_speaks_its_language_and_switches_to_homes(views):
    view = views.not_found("uk")
    assert view.title == "Сторінку не знайдено"
    assert [s.url for s in view.switcher] == ["", "zh/", "uk/"]
    assert view.canonical is None and view.alternates == []


def test_a_not_available_page_says_what_the_article_reports_and_when(views):
    view = views.page("uk", "articles/2024-02-20-vi-only/")
    assert [(p.text, p.url, p.datetime) for p in view.about] == [
        ("Ця стаття — про подію «", None, None),
        ("Весняна зустріч 2024", "uk/events/spring-meeting-2024/", None),
        ("» (", None, None),
        ("20 лютого 2024\u202fр.", None, "2024-02-20"),
        (").", None, None),
    ]
    # Without an event, the date alone.
    zh_only = views.page("vi", "articles/2024-03-01-zh-only/")
    assert "".join(p.text for p in zh_only.about) == "Ngày của bài viết: 1 tháng 3, 2024."


def test_counts_beside_languages_events_and_years_are_in_the_readers_grammar(views):
    assert [o.count_text for o in views.page("uk", "years/2024/").others] == ["1 стаття", "1 стаття"]
    assert [e.count_text for e in views.page("uk", "events/").events] == ["1 стаття", "0 статей"]
    assert views.page("uk", "articles/").lead == "Усі статті українською, від найновіших: 1 стаття."
