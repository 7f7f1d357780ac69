"""The reader's site, findable: sources named, places, Atom feeds, JSON-LD and Open Graph, search across scripts.

One real build of the repository's docs plus a few articles made for these
tests: one in Traditional characters, and one whose every field tries to break
out of the markup (a title that closes the JSON-LD's <script>, a publisher
with tags in it, control characters XML cannot hold).
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest
from bs4 import BeautifulSoup

from scripts.contract import FrontMatter
from scripts.paths import ROOT
from scripts.site import feeds, seo, strings
from scripts.site.catalog import read_catalog
from scripts.site.pagemap import PageMap
from scripts.site.views import Views

from .conftest import LANGS, _serve_build, article, write_docs

PREFIX = {"vi": "", "zh": "zh/", "uk": "uk/"}
NAMES = {"vi": "Tiếng Việt", "zh": "中文", "uk": "Українська"}
HOSTILE_TITLE = 'Tiêu đề </script><script>alert(1)</script><!-- & "trích" \u2028 hết'
HANT_TEXT = "雙方在廣寧省下龍市舉行會晤，討論邊境貿易與農產品檢疫合作。"

FIXTURES = [
    article(
        "2019-03-01-zh-hant",
        "zh",
        "廣西與越南廣寧省舉行會晤",
        text=HANT_TEXT,
        script="zh-Hant",
        places=("quang-ninh", "ha-long"),
        source_name="廣西新聞網",
    ),
    article(
        "2019-03-02-hostile",
        "vi",
        HOSTILE_TITLE,
        text="Đoạn đầu </script> và <!-- của bài viết \x0b ở Cao Bằng.",
        authors=("Tác giả </script>",),
        source_name="Báo <b>Thử</b> </script>",
        source_url="https://example.org/bai?a=1&b=</script>",
        places=("cao-bang",),
    ),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    served = _serve_build(tmp_path_factory.mktemp("findable"), "/", FIXTURES)
    yield served
    served.server.close()


@cache
def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def articles_of(lang: str) -> dict[str, FrontMatter]:
    folder = ROOT / "docs" / lang / "articles"
    found = {p.stem: FrontMatter.read(p.read_text(encoding="utf-8"), lang, p.stem, p) for p in folder.glob("*.md")}
    return found | {a.key: a.front_matter for a in FIXTURES if a.lang == lang}


def page_of(site, lang: str, path: str) -> BeautifulSoup:
    return soup(site.dir / PREFIX[lang] / path / "index.html")


# --- 1. every article names its source ---------------------------------------------------------


def ui(lang: str) -> dict:
    return strings.for_language(lang, LANGS)


@pytest.mark.slow
def test_every_article_names_its_publisher_and_address_or_says_plainly_they_are_unknown(site):
    checked = 0
    for lang in LANGS:
        for key, matter in articles_of(lang).items():
            row = page_of(site, lang, f"articles/{key}").select_one(".arc-source dd")
            text = row.get_text(" ", strip=True)
            if matter.source_name:
                assert row.select_one(".arc-source__publisher").get_text() == matter.source_name
            if matter.source_url:
                assert row.select_one(f'a[href="{matter.source_url}"]'), (lang, key)
            if not matter.source_name and not matter.source_url:
                assert ui(lang)["source_unrecorded"] in text, (lang, key)
            elif not matter.source_url:
                assert ui(lang)["source_no_address"] in text, (lang, key)
            checked += 1
    assert checked >= 9


@pytest.mark.slow
def test_the_ha_giang_report_names_bao_ha_giang_and_links_its_page(site):
    row = page_of(site, "uk", "articles/2025-02-19-spring-meeting").select_one(".arc-source dd")
    assert row.select_one(".arc-source__publisher").get_text() == "Báo Hà Giang"
    assert row.select_one("a[href^='https://baohagiang.vn/']").get_text() == "baohagiang.vn"


@pytest.mark.slow
def test_the_footer_promises_a_source_only_where_one_is_known(site):
    footers = {lang: page_of(site, lang, "").select_one(".md-copyright").get_text(" ", strip=True) for lang in LANGS}
    assert "khi đã biết" in footers["vi"] and "nguồn được ghi ở mỗi bài" not in footers["vi"]
    assert "出处不详的亦予说明" in footers["zh"] and "出处见各篇文章" not in footers["zh"]
    assert "якщо воно відоме" in footers["uk"] and "вказано в кожній статті" not in footers["uk"]


def test_a_view_says_what_is_and_is_not_recorded_about_the_source(tmp_path):
    docs = write_docs(
        tmp_path / "docs",
        [
            article("2025-01-01-a", "vi", "A"),
            article("2025-01-02-b", "vi", "B", source_name="Báo Cao Bằng"),
            article("2025-01-03-c", "vi", "C", source_url="https://baocaobang.vn/c.html"),
        ],
    )
    catalog = read_catalog(docs, LANGS)
    pages = PageMap(catalog, "vi", "https://example.org/", {lang: set() for lang in LANGS})
    views = Views(pages, NAMES, {lang: ui(lang) for lang in LANGS})
    a, b, c = (views.page("vi", f"articles/{k}/") for k in ("2025-01-01-a", "2025-01-02-b", "2025-01-03-c"))
    assert (a.publisher, a.source, a.source_note) == (None, None, ui("vi")["source_unrecorded"])
    assert (b.publisher, b.source, b.source_note) == ("Báo Cao Bằng", None, ui("vi")["source_no_address"])
    assert (c.publisher, c.source.title, c.source_note) == (None, "baocaobang.vn", None)


# --- 9. places ------------------------------------------------------------------------------------


def test_places_are_listed_by_country_with_each_languages_count(tmp_path):
    docs = write_docs(
        tmp_path / "docs",
        [
            article("2025-01-01-a", "vi", "A", places=("cao-bang", "nanning")),
            article("2025-01-02-b", "vi", "B", places=("cao-bang",)),
            article("2025-01-02-b", "zh", "乙", places=("mong-cai",)),
        ],
    )
    catalog = read_catalog(docs, LANGS, None, ROOT / "sources" / "places.yml")
    pages = PageMap(catalog, "vi", "https://example.org/", {lang: set() for lang in LANGS})
    views = Views(pages, NAMES, {lang: ui(lang) for lang in LANGS})
    listing = views.page("vi", "places/")
    assert [(g.label, [(i.title, i.count) for i in g.items]) for g in listing.groups] == [
        ("Việt Nam", [("Cao Bằng", 2), ("Móng Cái", 0)]),
        ("Trung Quốc", [("Nam Ninh", 1)]),
    ]
    assert listing.groups[0].items[1].kicker == "Quảng Ninh"  # Móng Cái lies in Quảng Ninh
    zh = views.page("zh", "places/cao-bang/")
    assert zh.title == "高平" and zh.lead == ui("zh")["empty"] and zh.noindex
    assert [o.lang for o in zh.others] == ["vi"]
    assert pages.exists("zh", "places/mong-cai/") and not pages.exists("uk", "places/")
    assert pages.servable("uk", "places/cao-bang/") and not pages.servable("vi", "places/ha-giang/")


@pytest.mark.slow
def test_each_language_lists_the_places_and_each_place_its_articles(site):
    for lang in LANGS:
        listing = page_of(site, lang, "places")
        names = [a.get_text() for a in listing.select(".arc-list--places .arc-item__title")]
        assert {"vi": "Cao Bằng", "zh": "高平", "uk": "Каобанг"}[lang] in names
        for key, matter in articles_of(lang).items():
            for place in matter.places:
                page = page_of(site, lang, f"places/{place}")
                links = [
                    urlsplit(urljoin(f"/{PREFIX[lang]}places/{place}/", a["href"])).path
                    for a in page.select(".arc-list a.arc-item__title")
                ]
                assert f"/{PREFIX[lang]}articles/{key}/" in links, (lang, place, key)


@pytest.mark.slow
def test_an_article_links_its_places_by_their_names_in_the_readers_language(site):
    doc = page_of(site, "uk", "articles/2025-02-19-spring-meeting")
    links = {a.get_text(): a["href"] for a in doc.select(".arc-facts a[href*='places/']")}
    assert links["Каобанг"] == "../../places/cao-bang/" and links["Куангнінь"] == "../../places/quang-ninh/"
    zh = page_of(site, "zh", "articles/2019-03-01-zh-hant")
    assert [a.get_text() for a in zh.select(".arc-facts a[href*='places/']")] == ["广宁", "下龙"]


@pytest.mark.slow
def test_a_place_page_gives_its_names_in_every_language_and_its_other_languages(site):
    doc = page_of(site, "vi", "places/quang-ninh")
    assert doc.h1.get_text() == "Quảng Ninh"
    aliases = {(s["lang"], s.get_text()) for s in doc.select(".arc-aliases span[lang]")}
    assert {("zh", "广宁"), ("zh", "廣寧"), ("uk", "Куангнінь")} <= aliases
    assert [a["hreflang"] for a in doc.select(".arc-others a")] == ["zh", "uk"]


@pytest.mark.slow
def test_place_pages_are_in_the_sitemap_only_where_they_have_articles(site):
    sitemap = (site.dir / "sitemap.xml").read_text(encoding="utf-8")
    assert f"{site.url}places/cao-bang/</loc>" in sitemap
    assert f"{site.url}zh/places/quang-ninh/</loc>" in sitemap
    assert f"{site.url}uk/places/nanning/</loc>" not in sitemap  # no Ukrainian article mentions Nanning
    assert not (site.dir / "places" / "no-such-place").exists()


# --- 7. feeds ------------------------------------------------------------------------------------


def parse_feed(site, lang: str):
    parsed = feedparser.parse((site.dir / PREFIX[lang] / "feed.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


@pytest.mark.slow
def test_each_language_has_an_atom_feed_of_its_newest_articles_with_full_titles(site):
    for lang in LANGS:
        feed = parse_feed(site, lang)
        assert feed.feed.language == lang
        assert feed.feed.links[0].href == f"{site.url}{PREFIX[lang]}feed.xml"
        expected = sorted(
            (a for a in articles_of(lang).values() if a.date), key=lambda a: (a.date, a.key), reverse=True
        )[: feeds.FEED_SIZE]
        assert [e.title for e in feed.entries] == [a.title.replace("\x0b", "") for a in expected]
        for entry, matter in zip(feed.entries, expected, strict=True):
            assert entry.link == f"{site.url}{PREFIX[lang]}articles/{matter.key}/"
            assert dt.date(*entry.published_parsed[:3]) == matter.date
            assert entry.summary, f"{lang}/{matter.key} has no summary"
            assert entry.title_detail.language == ("zh-Hant" if matter.script == "zh-Hant" else lang)
            assert [a.name for a in entry.get("authors", []) if a.get("name")] == list(
                matter.authors
            ) or not matter.authors


@pytest.mark.slow
def test_a_feed_entry_carries_the_lead_the_source_and_the_event(site):
    feed = parse_feed(site, "uk")
    (entry,) = [e for e in feed.entries if e.id.endswith("/uk/articles/2025-02-19-spring-meeting/")]
    assert entry.summary.startswith("Вранці 21 лютого в місті Халонг")
    assert [link.href for link in entry.links if link.rel == "via"][0].startswith("https://baohagiang.vn/")
    assert {t.term for t in entry.tags} >= {"spring-meeting-2025", "cao-bang"}


@pytest.mark.slow
def test_every_page_links_its_languages_feed_from_its_head(site):
    checked = 0
    for path in site.dir.rglob("*.html"):
        if "pagefind" in path.parts:
            continue
        rel = path.relative_to(site.dir).as_posix()
        lang = rel.split("/", 1)[0] if rel.split("/", 1)[0] in ("zh", "uk") else "vi"
        (link,) = soup(path).head.select('link[rel~="alternate"][type="application/atom+xml"]')
        if rel.endswith("404.html"):
            assert urlsplit(urljoin(site.url + rel, link["href"])).path == f"/{PREFIX[lang]}feed.xml"
        else:
            target = (path.parent / link["href"]).resolve()
            assert target == (site.dir / PREFIX[lang] / "feed.xml").resolve(), rel
        checked += 1
    assert checked > 60


def test_a_feed_holds_the_newest_fifty_and_survives_any_text(tmp_path):
    many = [article(f"2020-01-{d:02d}-a{d}", "vi", f"Bài số {d}") for d in range(1, 29)]
    many += [article(f"2021-02-{d:02d}-b{d}", "vi", f"Bài thứ {d}") for d in range(1, 29)]
    many.append(article("2022-03-01-evil", "vi", 'Tiêu đề <b>&amp; ]]> </feed> "x"\x0b\x1f', authors=("A <x>",)))
    docs = write_docs(tmp_path / "docs", many)
    pages = PageMap(read_catalog(docs, LANGS), "vi", "https://example.org/sub/", {lang: set() for lang in LANGS})
    data = feeds.atom("vi", pages, "Lưu trữ", "Mô tả", {("vi", "2022-03-01-evil"): "Đoạn </summary> đầu"})
    parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert len(parsed.entries) == feeds.FEED_SIZE
    first = parsed.entries[0]
    assert first.title == 'Tiêu đề <b>&amp; ]]> </feed> "x"'  # as written, less what XML cannot hold
    assert first.summary == "Đoạn </summary> đầu" and first.author == "A <x>"
    assert first.link == "https://example.org/sub/articles/2022-03-01-evil/"
    assert parsed.entries[-1].title == "Bài số 8", "the oldest are left out (a1 to a7)"
    assert feeds.atom("vi", PageMap(read_catalog(docs, LANGS), "vi", None, {}), "t", None, {}) is None


# --- 8. JSON-LD and Open Graph ----------------------------------------------------------------------


def json_ld(doc: BeautifulSoup) -> dict:
    (script,) = doc.select('script[type="application/ld+json"]')
    return json.loads(script.string)


def og(doc: BeautifulSoup) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for meta in doc.head.select("meta[property]"):
        found.setdefault(meta["property"], []).append(meta["content"])
    return found


@pytest.mark.slow
def test_each_article_describes_itself_as_a_news_article(site):
    for lang in LANGS:
        for key, matter in articles_of(lang).items():
            data = json_ld(page_of(site, lang, f"articles/{key}"))
            assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
            assert data["headline"] == matter.title
            assert data["url"] == f"{site.url}{PREFIX[lang]}articles/{key}/"
            assert data["inLanguage"] == ("zh-Hant" if matter.script == "zh-Hant" else lang)
            assert data.get("datePublished") == (matter.date.isoformat() if matter.date else None)
            assert [a["name"] for a in data.get("author", [])] == list(matter.authors)
            assert data.get("isBasedOn") == matter.source_url
            assert (data.get("publisher") or {}).get("name") == matter.source_name


@pytest.mark.slow
def test_translations_and_their_original_point_at_each_other(site):
    vi = json_ld(page_of(site, "vi", "articles/2025-02-19-spring-meeting"))
    zh = json_ld(page_of(site, "zh", "articles/2025-02-19-spring-meeting"))
    uk = json_ld(page_of(site, "uk", "articles/2025-02-19-spring-meeting"))
    assert zh["translationOfWork"]["@id"] == vi["@id"] and zh["translationOfWork"]["inLanguage"] == "vi"
    assert [w["@id"] for w in vi["workTranslation"]] == [zh["@id"]]
    assert "translationOfWork" not in uk and "workTranslation" not in uk  # a separate report, not a translation
    assert uk["publisher"] == {"@type": "Organization", "name": "Báo Hà Giang"}
    assert uk["isBasedOn"].startswith("https://baohagiang.vn/")
    assert {p["name"] for p in uk["contentLocation"]} >= {"Каобанг", "Хайфон"}


@pytest.mark.slow
def test_no_source_text_can_close_the_json_ld_or_become_markup(site):
    html = (site.dir / "articles" / "2019-03-02-hostile" / "index.html").read_text(encoding="utf-8")
    doc = soup(site.dir / "articles" / "2019-03-02-hostile" / "index.html")
    assert len(doc.find_all("script", string=lambda s: s and "alert(1)" in s)) == 1  # only inside the JSON-LD
    (script,) = doc.select('script[type="application/ld+json"]')
    assert "</" not in script.string and "<!--" not in script.string
    data = json.loads(script.string)
    assert data["headline"] == HOSTILE_TITLE
    assert data["publisher"]["name"] == "Báo <b>Thử</b> </script>"
    assert data["author"] == [{"@type": "Person", "name": "Tác giả </script>"}]
    assert "<b>Thử</b>" not in html.replace(script.string, "")
    assert og(doc)["og:title"] == [HOSTILE_TITLE]


@pytest.mark.slow
def test_open_graph_names_the_locale_and_the_other_languages_versions(site):
    vi = og(page_of(site, "vi", "articles/2025-02-19-spring-meeting"))
    assert vi["og:type"] == ["article"] and vi["og:locale"] == ["vi_VN"]
    assert vi["og:locale:alternate"] == ["zh_CN", "uk_UA"]
    assert vi["og:url"] == [f"{site.url}articles/2025-02-19-spring-meeting/"]
    assert vi["og:description"][0].startswith("Với tinh thần hữu nghị")
    assert vi["article:published_time"] == ["2025-02-19"]
    only_vi = og(page_of(site, "vi", "articles/2021-04-09-spring-meeting"))
    assert "og:locale:alternate" not in only_vi
    assert og(page_of(site, "zh", "articles/2019-03-01-zh-hant"))["og:locale"] == ["zh_TW"]
    home = og(page_of(site, "uk", ""))
    assert home["og:type"] == ["website"] and home["og:locale"] == ["uk_UA"]
    assert home["og:locale:alternate"] == ["vi_VN", "zh_CN"]


@pytest.mark.slow
def test_an_articles_description_is_its_lead(site):
    doc = page_of(site, "zh", "articles/2019-03-01-zh-hant")
    assert doc.head.select_one('meta[name="description"]')["content"] == HANT_TEXT


# --- 6. search across Chinese scripts -------------------------------------------------------------


def search(page, query: str) -> list[str]:
    """Type a query in the header search box; the result links' paths, best first."""
    page.fill(".md-search__input", query)
    page.wait_for_function(
        "q => document.querySelector('[data-arc-search-result]').dataset.query === q", arg=query.strip()
    )
    return [
        urlsplit(h).path for h in page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
    ]


@pytest.mark.slow
@pytest.mark.browser
def test_a_query_in_either_chinese_script_finds_articles_written_in_either(page, site):
    page.goto(site.url + "zh/")
    written = {
        "/zh/articles/2025-02-19-spring-meeting/",  # 广宁, Simplified
        "/zh/articles/2022-02-25-spring-meeting/",  # 广宁, Simplified
        "/zh/articles/2019-03-01-zh-hant/",  # 廣寧, Traditional
    }
    assert set(search(page, "廣寧")) == written
    assert set(search(page, "广宁")) == written
    # A word only the Traditional article holds (檢疫, quarantine), typed in Simplified characters.
    assert search(page, "检疫") == ["/zh/articles/2019-03-01-zh-hant/"]
    assert search(page, "边境贸易")[0] == "/zh/articles/2019-03-01-zh-hant/"  # the phrase, written 邊境貿易
    assert any(url.endswith("/zh/pagefind/zh-variants.json") for url in page.requests.urls)


@pytest.mark.slow
@pytest.mark.browser
def test_only_the_chinese_search_fetches_the_character_table(page, site):
    page.goto(site.url)
    assert search(page, "Quảng Ninh")
    page.goto(site.url + "uk/")
    assert search(page, "Куангнінь")
    assert not any("zh-variants" in url for url in page.requests.urls)


def test_the_lead_is_the_first_paragraph_never_a_heading_or_a_caption():
    html = (
        '<h2 id="x">Tiêu đề phụ<a class="headerlink" href="#x">¶</a></h2>'
        '<figure class="caption"><figcaption>Ảnh: quang cảnh</figcaption></figure>'
        "<p>Đoạn <em>đầu</em>\n tiên.</p><p>Đoạn hai.</p>"
    )
    assert seo.lead(html) == "Đoạn đầu tiên."
    assert seo.lead("") is None and seo.lead("<h2>Chỉ tiêu đề</h2>") is None


def test_a_long_lead_is_cut_at_a_word_for_descriptions():
    text = "hợp tác " * 60
    short = seo.shorten(text.strip(), seo.DESCRIPTION_CHARS)
    assert len(short) <= seo.DESCRIPTION_CHARS + 1 and short.endswith("tác…")
    assert seo.shorten("广西与越南" * 60, 20) == "广西与越南" * 4 + "…"  # no spaces: cut anywhere
    assert seo.script_json({"t": "</script><!--&\u2028"}) == '{"t":"\\u003c/script\\u003e\\u003c!--\\u0026\\u2028"}'
