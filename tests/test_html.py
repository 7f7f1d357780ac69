"""Saved HTML pages: the article comes out as clean as the same article in text.

The pages are made by tests/pages.py from each seed's clean text, inside a
news-site template full of furniture (menus, share and font-size buttons,
view counters, related lists, comments, a sidebar, scripts). Ingesting the
page must give the same article as ingesting the text: same title, blocks,
captions, date and authors, and none of the furniture.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

import pytest

from scripts.ingest import saved_page, sources
from scripts.ingest.cli import main
from scripts.ingest.model import SourceError
from scripts.ingest.pipeline import ingest

from . import pages
from .helpers import SOURCES, load_source

SEEDS = [
    "2021-04-09-spring-meeting",
    "2022-02-25-spring-meeting",
    "2023-02-22-joint-communique",
    "2025-02-19-spring-meeting",
    "2025-02-21-spring-meeting-ha-giang",
]


@cache
def text_result(folder: str):
    return ingest(load_source(SOURCES / folder))


def page_for(folder: str, **changes) -> str:
    """The seed's article as a page of the news site of its main language."""
    articles = text_result(folder).articles
    main_lang = articles[0].lang
    title = " ".join(a.title for a in articles)
    raw = (SOURCES / folder / "source.txt").read_text(encoding="utf-8").splitlines()
    article = pages.PageArticle(
        title=title, blocks=pages.from_articles(articles, raw), published=articles[0].date, **changes
    )
    return pages.render(pages.SITES[main_lang], article)


def ingest_page(tmp_path: Path, page: str, meta: str, name: str = "page") -> object:
    folder = tmp_path / "sources" / name
    folder.mkdir(parents=True)
    (folder / "source.html").write_text(page, encoding="utf-8")
    (folder / "meta.yml").write_text(meta, encoding="utf-8")
    return ingest(sources.load(folder, tmp_path, None))


def seed_meta(folder: str) -> str:
    return (SOURCES / folder / "meta.yml").read_text(encoding="utf-8")


FURNITURE = [
    "Trang chủ", "Thời sự", "Lượt xem", "Cỡ chữ", "Chia sẻ", "In bài", "Tin khác", "Ý kiến bạn đọc",
    "Gửi bình luận", "Đọc nhiều nhất", "Thống kê truy cập", "Bản quyền", "Từ khóa",
    "首页", "阅读量", "字号", "打印本页", "分享到", "相关新闻", "网友评论", "热门排行", "版权所有", "关键词",
    "Головна", "Переглядів", "Розмір шрифту", "Поділитися", "Читайте також", "Коментарі", "Найпопулярніше",
    "Дуже цікава стаття", "Чудова", "dataLayer", "onclick",
]  # fmt: skip


@pytest.mark.parametrize("folder", SEEDS)
def test_a_saved_page_gives_the_same_article_as_the_text(folder, tmp_path):
    from_text = text_result(folder)
    from_page = ingest_page(tmp_path, page_for(folder), seed_meta(folder))
    assert [a.lang for a in from_page.articles] == [a.lang for a in from_text.articles]
    for mine, theirs in zip(from_page.articles, from_text.articles, strict=True):
        assert mine.title == theirs.title
        assert [(b.kind, b.text) for b in mine.blocks] == [(b.kind, b.text) for b in theirs.blocks]
        assert (mine.date, mine.authors, mine.agency, mine.relation) == (
            theirs.date,
            theirs.authors,
            theirs.agency,
            theirs.relation,
        )


@pytest.mark.parametrize("folder", SEEDS)
def test_no_furniture_reaches_the_article(folder, tmp_path):
    result = ingest_page(tmp_path, page_for(folder), seed_meta(folder))
    for article in result.articles:
        seen = " ".join([article.title, *article.authors, *(b.text for b in article.blocks)])
        assert not [word for word in FURNITURE if word in seen]
        assert "\u00a0" not in seen and "  " not in seen, "&nbsp; runs are stripped"


def test_every_block_of_the_page_is_in_the_article_or_dropped_with_the_part_of_the_page(tmp_path):
    result = ingest_page(tmp_path, page_for("2021-04-09-spring-meeting"), "key: a\n")
    extracted = saved_page.extract(page_for("2021-04-09-spring-meeting"), "x")
    (article,) = result.articles
    dropped = {d.line: d.reason for d in result.dropped}
    for no, text in enumerate(extracted.lines, start=1):
        assert (no in article.lines) != (no in dropped), f"line {no} {text!r}"
    reasons = set(dropped.values())
    for part in ("navigation", "comments", "related-articles list", "sidebar", "page footer"):
        assert any(part in r for r in reasons), part
    assert dropped[next(n for n, t in enumerate(extracted.lines, 1) if t.startswith("Chúc mừng thành công"))] == (
        "left out of the article by the HTML extractor (comments)"
    )


def test_the_headline_is_the_title_not_the_sites_name_in_title(tmp_path):
    page = page_for("2021-04-09-spring-meeting", og_title=False)
    (article,) = ingest_page(tmp_path, page, "key: a\n").articles
    assert article.title.startswith("Chương trình Gặp gỡ đầu Xuân năm 2021")
    assert "Báo Cao Bằng" not in article.title


def test_without_a_visible_headline_the_og_title_is_used(tmp_path):
    page = page_for("2021-04-09-spring-meeting").replace(
        '<h1 class="detail-title">', '<h1 hidden class="detail-title">'
    )
    (article,) = ingest_page(tmp_path, page, "key: a\n").articles
    assert article.title.startswith("Chương trình Gặp gỡ đầu Xuân năm 2021")


def test_the_pages_publication_date_and_address_are_used_when_the_text_has_none(tmp_path):
    page = pages.render(
        pages.SITES["vi"],
        pages.PageArticle(
            title="Hai tỉnh ký kết biên bản hợp tác",
            blocks=[
                pages.PageBlock("paragraph", "Hai bên đã ký kết biên bản ghi nhớ hợp tác về thương mại và du lịch.")
            ],
            published=date(2024, 3, 7),
            url="https://baocaobang.vn/hai-tinh-ky-ket-123.html",
        ),
    )
    (article,) = ingest_page(tmp_path, page, "key: a\n").articles
    assert article.date == date(2024, 3, 7)
    assert article.source_url == "https://baocaobang.vn/hai-tinh-ky-ket-123.html"


def test_alt_text_is_a_caption_only_where_the_photo_has_no_other(tmp_path):
    folder = "2021-04-09-spring-meeting"
    page = page_for(folder, alt_only_captions=True)
    (article,) = ingest_page(tmp_path, page, seed_meta(folder)).articles
    (expected,) = text_result(folder).articles
    assert [b.text for b in article.blocks if b.kind == "caption"] == [
        b.text for b in expected.blocks if b.kind == "caption"
    ]


@pytest.mark.parametrize(
    "alt",
    ["IMG_2041.jpg", "anh1.png", "ảnh minh họa", "logo", "/uploads/a.jpg", "Ảnh 3"],
)
def test_an_alt_text_that_is_not_a_caption_is_dropped_with_a_reason(alt, tmp_path):
    lead = "Sáng 09/4/2021, hai bên đã tổ chức hội đàm trực tuyến về hợp tác biên giới và thương mại."
    page = (
        "<html><body><article><h1>Hai tỉnh hội đàm trực tuyến</h1>"
        f"<p>{lead}</p><p><img src='a.jpg' alt='{alt}'></p><p>{lead.replace('Sáng 09/4/2021, hai', 'Hai')}</p>"
        "</article></body></html>"
    )
    result = ingest_page(tmp_path, page, "key: a\n")
    (article,) = result.articles
    assert [b.kind for b in article.blocks] == ["paragraph", "paragraph"]
    assert [d.reason for d in result.dropped if d.text == alt] == [saved_page.ALT_REASON]


def test_a_line_the_extractor_left_out_comes_back_when_meta_yml_gives_it_a_role(tmp_path):
    page = page_for("2021-04-09-spring-meeting")
    extracted = saved_page.extract(page, "x")
    views = next(n for n, t in enumerate(extracted.lines, 1) if t.startswith("Thứ Sáu"))
    result = ingest_page(tmp_path, page, f"key: a\nlines: {{{views}: paragraph}}\n")
    (article,) = result.articles
    assert views in article.lines
    assert views not in {d.line for d in result.dropped}


def test_traditional_chinese_is_chinese_marked_zh_hant(tmp_path):
    hant = [
        "二月二十五日，廣西與越南高平、廣寧、河江、諒山等四省黨委書記新春會晤活動以視頻連線方式舉行。",
        "雙方表示，新的一年將繼續加強高層友好交往，深化經貿、人文、疫情防控、邊境管控等領域互利共贏合作。",
    ]
    page = pages.render(
        pages.SITES["zh"],
        pages.PageArticle(
            title="廣西與越南邊境四省黨委書記新春會晤舉行",
            blocks=[pages.PageBlock("paragraph", p) for p in hant],
            published=date(2022, 2, 25),
        ),
    )
    (article,) = ingest_page(tmp_path, page, "key: a\n").articles
    assert article.lang == "zh" and article.script == "zh-Hant"
    assert article.title == "廣西與越南邊境四省黨委書記新春會晤舉行", "kept as written, never converted"
    assert [b.text for b in article.blocks] == hant


def test_simplified_chinese_is_not_marked():
    (zh,) = [a for a in text_result("2022-02-25-spring-meeting").articles if a.lang == "zh"]
    assert zh.script is None


def test_a_page_in_a_legacy_encoding_is_read_with_its_declared_charset(tmp_path):
    page = page_for("2025-02-21-spring-meeting-ha-giang").replace(
        '<meta charset="utf-8">', '<meta charset="windows-1251">'
    )
    folder = tmp_path / "sources" / "cp1251"
    folder.mkdir(parents=True)
    (folder / "source.html").write_bytes(page.encode("cp1251", errors="xmlcharrefreplace"))
    (folder / "meta.yml").write_text(seed_meta("2025-02-21-spring-meeting-ha-giang"), encoding="utf-8")
    (article,) = ingest(sources.load(folder, tmp_path, None)).articles
    (expected,) = text_result("2025-02-21-spring-meeting-ha-giang").articles
    assert [b.text for b in article.blocks] == [b.text for b in expected.blocks]


def test_a_page_with_no_text_is_refused(tmp_path):
    with pytest.raises(SourceError, match="no visible text"):
        ingest_page(
            tmp_path, "<html><head><title>x</title><script>var a = 1;</script></head><body></body></html>", "key: a\n"
        )


def test_an_html_source_is_ingested_by_the_command(tmp_path):
    folder = tmp_path / "sources" / "2021-page"
    folder.mkdir(parents=True)
    (folder / "source.html").write_text(page_for("2021-04-09-spring-meeting"), encoding="utf-8")
    (folder / "meta.yml").write_text("key: 2021-04-09-spring-meeting\n", encoding="utf-8")
    assert main(["--sources-dir", str(tmp_path / "sources"), "--quiet"]) == 0
    written = (tmp_path / "docs" / "vi" / "articles" / "2021-04-09-spring-meeting.md").read_text(encoding="utf-8")
    assert "source: sources/2021-page/source.html" in written
    assert "Lượt xem" not in written and "Tin khác" not in written


# What a real page's markup says, beyond the seeds' templates. -----------------------------------

BODY = "".join(
    f"<p>Đoạn {n}: các bên nhất trí tăng cường hợp tác trong các lĩnh vực kinh tế, thương mại và du lịch.</p>"
    for n in range(1, 6)
)


def page(head: str, body: str) -> str:
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def test_the_headline_is_the_heading_the_title_names_nearest_the_article_not_a_logo():
    html = page(
        "<title>Hai tỉnh hội đàm về hợp tác biên giới _ Báo Tin Tức</title>",
        "<h1>Báo Tin Tức</h1><nav><a href='/'>Trang chủ</a></nav>"
        f"<div class='article'><h2>Hai tỉnh hội đàm về hợp tác biên giới</h2>{BODY}</div>"
        "<aside><h2>Báo Tin Tức</h2></aside>",
    )
    extracted = saved_page.extract(html, "x")
    (title,) = [no for no, role in extracted.page.roles.items() if role == "title"]
    assert extracted.lines[title - 1] == "Hai tỉnh hội đàm về hợp tác biên giới"


def test_the_lede_the_extractor_leaves_out_is_brought_back_from_the_description():
    lede = "Sáng nay, đoàn đại biểu hai tỉnh đã hội đàm về việc mở thêm các lối thông quan hàng hóa."
    html = page(
        f"<title>Hội đàm</title><meta name='description' content='{lede}'>",
        f"<h1>Hội đàm</h1><h2 class='sapo'>{lede}</h2><div class='content'>{BODY}</div>",
    )
    extracted = saved_page.extract(html, "x")
    assert lede in extracted.text.split("\n")


def test_a_caption_in_a_box_after_the_photos_box_is_a_caption():
    html = page(
        "<title>Hội đàm</title>",
        "<h1>Hội đàm</h1><div class='content'><p>Đoạn mở đầu: hai tỉnh tổ chức hội đàm về hợp tác kinh tế và thương mại.</p>"
        "<div class='image'><img src='a.jpg' alt=''></div>"
        "<div class='image'><em><span class='img_caption'>Quang cảnh buổi hội đàm. Ảnh – TTXVN</span></em></div>"
        f"{BODY}</div>",
    )
    extracted = saved_page.extract(html, "x")
    captions = [extracted.lines[no - 1] for no, role in extracted.page.roles.items() if role == "caption"]
    assert captions == ["Quang cảnh buổi hội đàm. Ảnh – TTXVN"]


def test_the_date_beside_the_headline_beats_the_pages_metadata():
    html = page(
        "<title>Hội đàm</title><meta property='article:modified_time' content='2025-08-22'>",
        f"<h1>Hội đàm</h1><div class='meta'>Nguyên Minh - 29/11/2024 15:35</div><div class='content'>{BODY}</div>",
    )
    info = saved_page.extract(html, "x").page
    assert info.date == date(2024, 11, 29) and info.date_from == "beside the headline"
    assert info.authors == ("Nguyên Minh",)


def test_the_sites_name_in_the_author_metadata_is_not_an_author():
    assert saved_page._authors("Theo Hồ Hương; VCCorp vn", "cafef.vn") == ["Hồ Hương"]
    assert saved_page._authors("VietNamNet News; Duy Anh") == ["Duy Anh"]


def test_on_a_table_laid_out_page_the_paragraphs_beside_the_photos_are_text():
    long = (
        "Các bên nhất trí tăng cường hợp tác. Hai tỉnh sẽ mở thêm lối thông quan và tổ chức hội chợ thương mại chung."
    )
    html = page(
        "<title>Hội đàm</title>",
        "<h1>Hội đàm</h1><table><tr><td><img src='a.jpg' alt=''></td>"
        f"<td>{long}</td></tr><tr><td>Quang cảnh buổi hội đàm</td><td>{BODY}</td></tr></table>",
    )
    extracted = saved_page.extract(html, "x")
    roles = {extracted.lines[no - 1]: role for no, role in extracted.page.roles.items()}
    assert roles.get(long) != "caption"
