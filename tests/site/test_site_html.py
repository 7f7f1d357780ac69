"""The built site's HTML: languages, alternates, canonicals, anchors, links, search index."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from scripts.paths import ROOT

pytestmark = pytest.mark.slow

LANGS = ("vi", "zh", "uk")
PREFIX = {"vi": "", "zh": "zh/", "uk": "uk/"}


def lang_of(rel: str) -> str:
    head = rel.split("/", 1)[0]
    return head if head in ("zh", "uk") else "vi"


@cache
def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def pages(site) -> list[Path]:
    return sorted(p for p in site.dir.rglob("*.html") if "pagefind" not in p.parts)


def rel(site, path: Path) -> str:
    return path.relative_to(site.dir).as_posix()


def page_url(site, path: Path) -> str:
    r = rel(site, path)
    return site.url + (r[: -len("index.html")] if r.endswith("index.html") else r)


def keys(lang: str) -> set[str]:
    return {p.stem for p in (ROOT / "docs" / lang / "articles").glob("*.md")}


def alternates(doc) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in doc.select("link[rel~=alternate][hreflang]")}


def test_the_build_is_strict_and_silent(site):
    assert "WARNING" not in site.built.stderr
    assert "ERROR" not in site.built.stderr


def test_every_page_declares_its_language(site):
    checked = 0
    for path in pages(site):
        assert soup(path).html["lang"] == lang_of(rel(site, path)), rel(site, path)
        checked += 1
    assert checked > 40


def test_there_is_a_404_page_per_language_and_the_root_one_is_the_default(site):
    for lang in LANGS:
        doc = soup(site.dir / PREFIX[lang] / "404.html")
        assert doc.html["lang"] == lang
        assert doc.find("meta", attrs={"name": "robots", "content": "noindex"})
    assert soup(site.dir / "zh/404.html").h1.get_text(strip=True) == "页面未找到"
    assert soup(site.dir / "404.html").h1.get_text(strip=True) == "Không tìm thấy trang"


def test_articles_announce_absolute_alternates_only_for_versions_that_exist(site):
    for lang in LANGS:
        for key in keys(lang):
            doc = soup(site.dir / PREFIX[lang] / "articles" / key / "index.html")
            found = alternates(doc)
            have = [other for other in LANGS if key in keys(other)]
            assert sorted(k for k in found if k != "x-default") == sorted(have), (lang, key)
            assert "x-default" in found
            for other in have:
                assert found[other] == f"{site.url}{PREFIX[other]}articles/{key}/"


def test_every_alternate_and_canonical_points_at_a_real_page_of_its_language(site):
    for path in pages(site):
        doc = soup(path)
        links = list(alternates(doc).items())
        canonical = doc.find("link", rel="canonical")
        if canonical:
            links.append(("canonical", canonical["href"]))
        for hreflang, href in links:
            assert href.startswith(site.url), (rel(site, path), href)
            target_rel = href[len(site.url) :] + "index.html"
            target = soup(site.dir / target_rel)
            assert not target.find("meta", attrs={"name": "robots"}), f"{rel(site, path)} -> {href} is not a real page"
            if hreflang not in ("canonical", "x-default"):
                assert target.html["lang"] == hreflang


def test_an_article_is_its_own_canonical(site):
    doc = soup(site.dir / "zh/articles/2025-02-19-spring-meeting/index.html")
    assert doc.find("link", rel="canonical")["href"] == f"{site.url}zh/articles/2025-02-19-spring-meeting/"


def test_a_language_without_the_article_gets_an_honest_page_not_a_copy(site):
    vi = soup(site.dir / "articles/2021-04-09-spring-meeting/index.html")
    first_paragraph = vi.select_one(".arc-article > p").get_text()
    for lang, notice in (("zh", "本文没有中文版"), ("uk", "Ця стаття недоступна українською")):
        path = site.dir / PREFIX[lang] / "articles/2021-04-09-spring-meeting/index.html"
        doc = soup(path)
        assert doc.html["lang"] == lang
        assert doc.h1.get_text(strip=True) == notice
        assert first_paragraph[:40] not in path.read_text(encoding="utf-8"), "the Vietnamese text must not be copied"
        assert doc.find("meta", attrs={"name": "robots", "content": "noindex"})
        assert doc.find("link", rel="canonical")["href"] == f"{site.url}articles/2021-04-09-spring-meeting/"
        assert set(alternates(doc)) == {"vi", "x-default"}
        assert not doc.select("[data-pagefind-body]")
        link = doc.select_one(".arc-list--versions a[hreflang=vi]")
        assert urljoin(page_url(site, path), link["href"]) == f"{site.url}articles/2021-04-09-spring-meeting/"


def test_an_article_says_which_of_its_versions_are_translations_and_which_reports(site):
    doc = soup(site.dir / "articles/2025-02-19-spring-meeting/index.html")
    versions = {
        a.a["hreflang"]: a.select_one(".arc-versions__relation").get_text(strip=True)
        for a in doc.select(".arc-versions li")
        if a.a
    }
    assert versions == {"zh": "bản dịch từ tiếng Việt", "uk": "bài viết riêng về cùng sự kiện"}
    facts = {
        dt.get_text(strip=True): dd.get_text(" ", strip=True)
        for dt, dd in zip(doc.select(".arc-facts dt"), doc.select(".arc-facts dd"), strict=True)
    }
    assert facts["Ngày"].startswith("19") and "2025" in facts["Ngày"]
    assert facts["Tác giả"] == "Lưu Linh"
    assert facts["Ngôn ngữ gốc"] == "tiếng Việt"
    uk = soup(site.dir / "uk/articles/2025-02-19-spring-meeting/index.html")
    source = uk.select_one(".arc-facts a[rel~=nofollow]")
    assert source["href"].startswith("https://baohagiang.vn/") and source.get_text() == "baohagiang.vn"


def test_heading_anchors_are_readable_in_every_script(site):
    zh = soup(site.dir / "zh/articles/2025-02-19-spring-meeting/index.html")
    assert [h["id"] for h in zh.select(".arc-article h2")] == ["肯定地方高效合作典范机制", "提升战略合作伙伴关系"]
    vi = soup(site.dir / "articles/2025-02-19-spring-meeting/index.html")
    assert vi.select(".arc-article h2")[0]["id"] == "khẳng-định-cơ-chế-hợp-tác-hiệu-quả-tiêu-biểu-cấp-địa-phương"
    for path in pages(site):
        for h in soup(path).select(".arc-article h2[id], .arc-article h3[id]"):
            assert not re.fullmatch(r"_?\d+", h["id"]), f"{rel(site, path)}: unreadable anchor #{h['id']}"


def test_every_internal_link_and_anchor_resolves(site):
    for path in pages(site):
        base = page_url(site, path)
        doc = soup(path)
        for a in doc.find_all("a", href=True):
            url = urljoin(base, a["href"])
            if not url.startswith(site.url):
                continue
            parts = urlsplit(url)
            target_rel = parts.path[len(urlsplit(site.url).path) :]
            target = site.dir / (
                target_rel + "index.html" if target_rel.endswith("/") or not target_rel else target_rel
            )
            assert target.is_file(), f"{rel(site, path)}: broken link {a['href']}"
            if parts.fragment:
                from urllib.parse import unquote

                ids = {el["id"] for el in soup(target).find_all(id=True)}
                assert unquote(parts.fragment) in ids, f"{rel(site, path)}: no anchor {a['href']}"


def test_nothing_is_loaded_from_another_site(site):
    for path in pages(site):
        html = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, rel(site, path)
        doc = soup(path)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for el in doc.find_all(tag, attrs={attr: True}):
                if tag == "link" and not {"stylesheet", "icon", "preload", "modulepreload", "preconnect"} & set(
                    el.get("rel", [])
                ):
                    continue
                assert not urlsplit(el[attr]).netloc, f"{rel(site, path)} loads {el[attr]}"


def test_article_pages_do_not_carry_the_archive_in_their_navigation(site):
    doc = soup(site.dir / "articles/2025-02-19-spring-meeting/index.html")
    nav_links = doc.select(".md-nav--primary a.md-nav__link")
    assert len(nav_links) <= 6
    assert not [a for a in nav_links if "/articles/20" in a.get("href", "")]


def test_listings_link_every_article_of_their_language(site):
    for lang in LANGS:
        path = site.dir / PREFIX[lang] / "articles/index.html"
        base = page_url(site, path)
        linked = {urljoin(base, a["href"]) for a in soup(path).select(".arc-item__title")}
        expected = {f"{site.url}{PREFIX[lang]}articles/{key}/" for key in keys(lang)}
        assert expected <= linked, lang
        assert {u for u in linked if "/articles/" in u} <= expected | {
            f"{site.url}{PREFIX[lang]}articles/{p}/"
            for p in (p.stem for p in (site.project / "docs" / lang / "articles").glob("*.md"))
        }
    for url in ("years/2025/", "events/spring-meeting-2025/", "zh/years/2022/", "uk/events/spring-meeting-2025/"):
        assert soup(site.dir / url / "index.html").select(".arc-item__title"), url


def test_the_sitemap_lists_real_pages_with_their_alternates(site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    tree = ET.parse(site.dir / "sitemap.xml")
    entries = {
        url.find("s:loc", ns).text: {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
        for url in tree.getroot().findall("s:url", ns)
    }
    assert f"{site.url}zh/articles/2021-04-09-spring-meeting/" not in entries
    assert entries[f"{site.url}uk/articles/2025-02-19-spring-meeting/"] == {
        "vi": f"{site.url}articles/2025-02-19-spring-meeting/",
        "zh": f"{site.url}zh/articles/2025-02-19-spring-meeting/",
        "uk": f"{site.url}uk/articles/2025-02-19-spring-meeting/",
        "x-default": f"{site.url}articles/2025-02-19-spring-meeting/",
    }
    for loc in entries:
        target = site.dir / (loc[len(site.url) :] + "index.html")
        assert target.is_file() and not soup(target).find("meta", attrs={"name": "robots"}), loc


def test_search_indexes_article_text_only_one_index_per_language(site):
    # One bundle per language, at <prefix>pagefind/, holding that language's articles and nothing else.
    for lang in LANGS:
        prefix = "" if lang == "vi" else f"{lang}/"
        entry = json.loads((site.dir / prefix / "pagefind" / "pagefind-entry.json").read_text())
        counts = {indexed: data["page_count"] for indexed, data in entry["languages"].items()}
        assert counts == {lang: len(list((site.project / "docs" / lang / "articles").glob("*.md")))}
    assert not (site.dir / "search" / "search_index.json").exists(), "Material's search must be off"
    doc = soup(site.dir / "articles/2025-02-19-spring-meeting/index.html")
    body = doc.select("[data-pagefind-body]")
    assert len(body) == 1
    assert not body[0].find_parent(attrs={"data-md-component": "skip"})
    assert body[0].select_one(".arc-versions")["data-pagefind-ignore"] is not None
    assert (site.dir / "assets/javascripts/vendor/orama-stemmer-uk.js").is_file()


def fragments(site) -> dict[str, dict]:
    """What Pagefind stored of each indexed page (gzipped JSON after a signature)."""
    import gzip

    found = {}
    for path in site.dir.glob("**/pagefind/fragment/*.pf_fragment"):
        data = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
        fragment = json.loads(data)
        found[fragment["url"]] = fragment
    return found


def test_the_index_holds_the_article_text_and_none_of_the_page_chrome(site):
    indexed = fragments(site)
    assert set(indexed) == {
        f"/{PREFIX[lang]}articles/{p.stem}/"
        for lang in LANGS
        for p in (site.project / "docs" / lang / "articles").glob("*.md")
    }
    zh = indexed["/zh/articles/2025-02-19-spring-meeting/"]
    text = zh["content"].replace("\u200b", "")  # Pagefind marks Chinese word breaks with zero-width spaces
    assert zh["meta"]["title"] == "2025年新春会晤活动 推动活跃、有效、务实、全面合作"
    assert "中越两国地方层面高效合作的典范" in text
    for chrome in ("跳转至", "全部文章", "本文的其他语言版本", "Chương trình", "Весняна", "¶", "作者"):
        assert chrome not in text, chrome
    vi = indexed["/articles/2025-02-19-spring-meeting/"]["content"]
    for chrome in ("Bỏ qua", "Tất cả bài viết", "Bài này bằng ngôn ngữ khác", "2025年", "¶", "Tác giả"):
        assert chrome not in vi, chrome
