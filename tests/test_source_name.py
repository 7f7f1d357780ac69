"""Every article names its source: the publisher (`source_name`) and the page's address, where known.

meta.yml's `source_name` wins, then a `Nguồn: …` / `来源：…` / `Джерело: …` line of the text, then a saved
page's metadata (og:site_name). `make new` asks for what the text does not say.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from scripts import new
from scripts.contract import FrontMatter
from scripts.ingest import meta_yml, sources
from scripts.ingest.model import SourceError
from scripts.ingest.pipeline import ingest

from . import pages
from .helpers import ROOT, ingest_text

VI = "Hai tỉnh ký kết biên bản hợp tác\n\nNgày 19/2/2025, hai bên gặp nhau tại Móng Cái và trao đổi về hợp tác biên giới.\n"


@pytest.mark.parametrize(
    ("text", "publisher"),
    [
        (VI + "\nNguồn: Báo Quảng Ninh\n", "Báo Quảng Ninh"),
        ("广西与越南举行会晤\n\n2025年2月19日，双方在南宁举行会晤，讨论合作事宜。\n\n来源：广西日报\n", "广西日报"),
        (
            "Весняна зустріч у Халонгу\n\n21 лютого 2025 року в Халонгу відбулася зустріч секретарів.\n\n"
            "Джерело: Газета Хазянг\n",
            "Газета Хазянг",
        ),
    ],
)
def test_the_publisher_a_text_names_reaches_the_front_matter(text, publisher):
    (article,) = ingest_text(text).articles
    assert article.source_name == publisher
    assert (
        f"source_name: {publisher}\n"
        in FrontMatter(title=article.title, key="k", lang=article.lang, source_name=article.source_name).dump()
    )
    assert all(publisher not in block.text for block in article.blocks), "a source line is not body text"


def test_meta_yml_names_the_publisher_over_the_text():
    (article,) = ingest_text(VI + "\nNguồn: Báo Quảng Ninh\n", source_name="Báo Cao Bằng").articles
    assert article.source_name == "Báo Cao Bằng"


def test_a_text_that_names_no_publisher_leaves_it_unknown():
    (article,) = ingest_text(VI).articles
    assert article.source_name is None and article.source_url is None


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('""', "is not a publisher's name"),
        ("[Báo, Cao Bằng]", "is not a publisher's name"),
        ('"Báo\\nCao Bằng"', "is not a publisher's name"),
    ],
)
def test_a_source_name_that_is_not_a_name_is_refused_with_its_line(value, message):
    with pytest.raises(SourceError) as caught:
        meta_yml.load("sources/x/meta.yml", f"key: x\nsource_name: {value}\n", None)
    assert caught.value.line == 2 and message in caught.value.message and "source_name" in caught.value.fix


def test_source_name_is_a_known_meta_yml_field():
    meta = meta_yml.load("meta.yml", "key: x\nsource_name:   Báo   Hà Giang \n", None)
    assert meta.source_name == "Báo Hà Giang"
    assert "source_name" in meta_yml.help_text()


def page(site_name: str | None, **changes) -> str:
    extra = f'<meta property="og:site_name" content="{site_name}">' if site_name else ""
    return pages.render(
        pages.SITES["vi"],
        pages.PageArticle(
            title="Hai tỉnh ký kết biên bản hợp tác",
            blocks=[
                pages.PageBlock("paragraph", "Hai bên đã ký kết biên bản ghi nhớ hợp tác về thương mại và du lịch.")
            ],
            published=date(2024, 3, 7),
            url="https://baocaobang.vn/hai-tinh-ky-ket-123.html",
            extra_meta=extra,
            **changes,
        ),
    )


def ingest_page(tmp_path: Path, html: str, meta: str = "key: a\n"):
    folder = tmp_path / "sources" / "page"
    folder.mkdir(parents=True)
    (folder / "source.html").write_text(html, encoding="utf-8")
    (folder / "meta.yml").write_text(meta, encoding="utf-8")
    (article,) = ingest(sources.load(folder, tmp_path, None)).articles
    return article


def test_a_saved_pages_site_name_is_the_publisher(tmp_path):
    article = ingest_page(tmp_path, page("Báo Cao Bằng"))
    assert article.source_name == "Báo Cao Bằng"
    assert article.source_url == "https://baocaobang.vn/hai-tinh-ky-ket-123.html"


@pytest.mark.parametrize("site_name", ["baocaobang.vn", "https://www.facebook.com/baocaobang", "www.baocaobang.vn"])
def test_an_address_is_never_taken_for_the_publishers_name(tmp_path, site_name):
    assert ingest_page(tmp_path, page(site_name)).source_name is None


def test_meta_yml_wins_over_the_pages_site_name(tmp_path):
    assert ingest_page(tmp_path, page("Báo Cao Bằng"), "key: a\nsource_name: Báo Lạng Sơn\n").source_name == (
        "Báo Lạng Sơn"
    )


def test_front_matter_without_a_publisher_keeps_its_bytes():
    matter = FrontMatter(title="T", key="k", lang="vi", source="sources/k/source.txt", source_url="https://a.vn/x")
    assert "source_name" not in matter.dump()
    named = FrontMatter(title="T", key="k", lang="vi", source="sources/k/source.txt", source_name="Báo Hà Giang")
    assert FrontMatter.read(named.dump(), "vi", "k", "k.md").source_name == "Báo Hà Giang"


def test_the_archives_sources_name_their_publisher_only_where_it_is_known():
    text = (ROOT / "docs" / "uk" / "articles" / "2025-02-19-spring-meeting.md").read_text(encoding="utf-8")
    matter = FrontMatter.read(text, "uk", "2025-02-19-spring-meeting", "x.md")
    assert matter.source_name == "Báo Hà Giang" and matter.source_url.startswith("https://baohagiang.vn/")


# --- make new asks for what the text does not say ---------------------------------------------------


def test_make_new_writes_commented_lines_for_a_missing_address_and_publisher():
    found = new.Findings(["vi"], {"vi": "Tiêu đề"}, [], date(2025, 2, 19))
    text = new.render_meta("2025-02-19-tieu-de", found, None)
    assert "NOT IN THE TEXT: the address of the page" in text and "# source_url: https://…" in text
    assert "NOT IN THE TEXT: the publisher" in text and '# source_name: ""' in text
    filled = text.replace('# source_name: ""', 'source_name: "Báo Quảng Ninh"').replace(
        "# source_url: https://…", "source_url: https://baoquangninh.vn/a.html"
    )
    meta = meta_yml.load("meta.yml", filled, None)
    assert meta.source_name == "Báo Quảng Ninh" and meta.source_url == "https://baoquangninh.vn/a.html"
    with pytest.raises(SourceError):  # uncommented but not filled in: refused, never an empty publisher
        meta_yml.load("meta.yml", text.replace('# source_name: ""', 'source_name: ""'), None)


def test_make_new_says_what_the_text_gave():
    found = new.Findings(["uk"], {"uk": "Заголовок"}, [], date(2025, 2, 21), None, "https://baohagiang.vn/a", "БХГ")
    text = new.render_meta("k", found, None)
    assert "# The page's address, as the text gives it: https://baohagiang.vn/a" in text
    assert "# The publisher, as the text names it: БХГ" in text
    assert "NOT IN THE TEXT" not in text and found.source_missing() == []


def test_make_new_asks_for_the_source_when_the_text_gives_none(repo_copy, tmp_path, capsys):
    saved = tmp_path / "bai.txt"
    saved.write_text(VI, encoding="utf-8")
    code = new.main([str(saved), "--sources-dir", str(repo_copy / "sources")])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "Source: the text does not give the page's address or the publisher's name" in out
    assert "fill in what it leaves open (event, source_url, source_name)" in out
    (meta,) = [p for p in (repo_copy / "sources").glob("*/meta.yml") if "hai-tinh" in str(p)]
    assert '# source_name: ""' in meta.read_text(encoding="utf-8")
