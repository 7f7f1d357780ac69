"""Reading side by side, in the built HTML: which pages exist, their rows, languages, canonical,
switcher, and that search engines and the search index leave them alone.

The repository's bilingual seeds are read from the session's real build; a
translation that comes from a source of its own (ingested by the real
pipeline) and a three-language article whose Ukrainian version differs in
structure are built in a scratch project.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from scripts.contract import FrontMatter, Relation
from scripts.ingest.cli import main as ingest_main
from scripts.paths import ROOT

from ..seed_pairs import SEEDS, UNITS, matches
from ..test_pairing import KEY as CROSS_KEY
from ..test_pairing import split_seed
from .builder import build, scratch_project
from .conftest import write_docs

pytestmark = pytest.mark.slow

PREFIX = {"vi": "", "zh": "zh/", "uk": "uk/"}


@cache
def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page(site_dir: Path, lang: str, key: str, other: str | None = None) -> BeautifulSoup:
    tail = f"parallel/{other}/" if other else ""
    return soup(site_dir / f"{PREFIX[lang]}articles/{key}/{tail}index.html")


def cell_texts(row, side: str) -> list[str]:
    cell = row.select_one(f".arc-sbs__cell--{side}")
    return [] if cell is None else [el.get_text() for el in cell.find_all(["p", "h2", "h3", "figcaption"])]


def units_of(doc: BeautifulSoup, reader: str) -> list[tuple[list[str], list[str]]]:
    """Each row as (Vietnamese blocks, Chinese blocks), whichever side the reader's language is on."""
    found = []
    for row in doc.select(".arc-sbs__row"):
        left, right = cell_texts(row, "left"), cell_texts(row, "right")
        found.append((left, right) if reader == "vi" else (right, left))
    return found


def docs_blocks(docs: Path, lang: str, key: str) -> int:
    text = (docs / lang / "articles" / f"{key}.md").read_text(encoding="utf-8")
    return len([b for b in text.split("\n---\n", 1)[1].split("\n\n") if b.strip()])


# The seeds, in the session's build -------------------------------------------------------------


def test_each_bilingual_seed_reads_side_by_side_from_both_sides_and_the_report_never(site):
    made = sorted(p.relative_to(site.dir).as_posix() for p in site.dir.rglob("parallel/*/index.html"))
    assert made == [
        f"{PREFIX[lang]}articles/{SEEDS[seed]}/parallel/{other}/index.html"
        for lang, other in (("vi", "zh"), ("zh", "vi"))
        for seed in sorted(SEEDS)
    ]


@pytest.mark.parametrize("seed", sorted(SEEDS))
@pytest.mark.parametrize("reader", ["vi", "zh"])
def test_every_unit_shown_side_by_side_is_a_true_translation_pair(site, seed, reader):
    other = "zh" if reader == "vi" else "vi"
    units = units_of(page(site.dir, reader, SEEDS[seed], other), reader)
    assert len(units) == len(UNITS[seed])
    for expected, (vi_texts, zh_texts) in zip(UNITS[seed], units, strict=True):
        assert matches(expected, vi_texts, zh_texts), (expected, [t[:40] for t in vi_texts + zh_texts])


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_every_block_of_both_versions_is_in_one_row_in_its_own_language(site, seed):
    key = SEEDS[seed]
    doc = page(site.dir, "zh", key, "vi")
    left = doc.select(".arc-sbs__cell--left")
    right = doc.select(".arc-sbs__cell--right")
    assert {c["lang"] for c in left} == {"zh"} and {c["lang"] for c in right} == {"vi"}
    blocks = lambda cells: sum(len(c.find_all(["p", "h2", "h3", "figure"])) for c in cells)  # noqa: E731
    assert blocks(left) == docs_blocks(ROOT / "docs", "zh", key)
    assert blocks(right) == docs_blocks(ROOT / "docs", "vi", key)
    rows = doc.select(".arc-sbs__row")
    assert [row["id"] for row in rows] == [f"p-{n}" for n in range(1, len(rows) + 1)]
    assert all(row.select_one(f'a.arc-sbs__anchor[href="#{row["id"]}"]') for row in rows)
    # 2025: the captions stand alone in the Vietnamese column.
    alone = [row for row in rows if "arc-sbs__row--alone" in row["class"]]
    assert all(row.select_one(".arc-sbs__cell--right figure.caption") for row in alone)
    assert len(alone) == (5 if seed == "2025" else 0)


def test_rows_are_the_same_units_under_the_same_number_from_either_side(site):
    key = SEEDS["2025"]
    from_vi = page(site.dir, "vi", key, "zh").select(".arc-sbs__row")
    from_zh = page(site.dir, "zh", key, "vi").select(".arc-sbs__row")
    assert [(r["id"], cell_texts(r, "left"), cell_texts(r, "right")) for r in from_vi] == [
        (r["id"], cell_texts(r, "right"), cell_texts(r, "left")) for r in from_zh
    ]


def test_the_head_gives_both_titles_dates_and_authors_in_their_languages(site):
    doc = page(site.dir, "vi", SEEDS["2025"], "zh")
    left, right = doc.select_one(".arc-sbs__version--left"), doc.select_one(".arc-sbs__version--right")
    assert left["lang"] == "vi" and right["lang"] == "zh"
    assert doc.select("h1") == [left.select_one("h1")], "one h1: the reader's title"
    assert left.select_one("h1").get_text().startswith("Chương trình Gặp gỡ đầu Xuân 2025")
    assert right.select_one(".arc-sbs__title").get_text().startswith("2025年新春会晤活动")
    assert left.select_one("time")["datetime"] == right.select_one("time")["datetime"] == "2025-02-19"
    assert "Lưu Linh" in left.get_text() and "刘玲" in right.get_text()
    assert doc.html["lang"] == "vi"
    assert doc.title.get_text().startswith("Đọc song song: Chương trình Gặp gỡ đầu Xuân 2025")
    assert doc.select_one(".arc-sbs__note") is None, "a close translation gets no note"


def test_an_article_links_to_reading_it_beside_each_translation(site):
    key = SEEDS["2025"]
    vi_links = page(site.dir, "vi", key).select(".arc-sbs-links a")
    assert [(a["href"], a.get_text(), a.span["lang"]) for a in vi_links] == [
        ("parallel/zh/", "Đọc song song với 中文", "zh")
    ]
    zh_links = page(site.dir, "zh", key).select(".arc-sbs-links a")
    assert [(a["href"], a.get_text()) for a in zh_links] == [("parallel/vi/", "与 Tiếng Việt 版本对照阅读")]
    assert page(site.dir, "uk", key).select(".arc-sbs-links") == [], "a separate report has no link"
    assert page(site.dir, "vi", "2021-04-09-spring-meeting").select(".arc-sbs-links") == []
    assert page(site.dir, "vi", key).select_one(".arc-sbs-links").has_attr("data-pagefind-ignore")


def test_the_switcher_goes_to_the_same_pair_from_the_other_side_else_to_the_article(site):
    doc = page(site.dir, "vi", SEEDS["2022"], "zh")
    links = {a["hreflang"]: a for a in doc.select(".md-select__link")}
    assert links["vi"]["href"] == "./" and "arc-current" in links["vi"]["class"]
    assert links["zh"]["href"] == "../../../../zh/articles/2022-02-25-spring-meeting/parallel/vi/"
    assert links["uk"]["href"] == "../../../../uk/articles/2022-02-25-spring-meeting/"
    assert "arc-unavailable" in links["uk"]["class"], "no Ukrainian version: its 'not available' page"
    doc = page(site.dir, "zh", SEEDS["2025"], "vi")
    links = {a["hreflang"]: a for a in doc.select(".md-select__link")}
    assert links["vi"]["href"] == "../../../../../articles/2025-02-19-spring-meeting/parallel/zh/"
    assert links["uk"]["href"] == "../../../../../uk/articles/2025-02-19-spring-meeting/"
    assert "arc-unavailable" not in links["uk"]["class"], "the Ukrainian report exists"


def test_side_by_side_pages_point_their_canonical_at_the_article_and_stay_out_of_sitemap_and_search(site):
    for lang, other in (("vi", "zh"), ("zh", "vi")):
        doc = page(site.dir, lang, SEEDS["2022"], other)
        assert doc.select_one("link[rel=canonical]")["href"] == f"{site.url}{PREFIX[lang]}articles/{SEEDS['2022']}/"
        assert doc.select("link[rel~=alternate][hreflang]") == []
        assert doc.select("[data-pagefind-body]") == [], "Pagefind indexes only pages marked for it"
    assert "/parallel/" not in (site.dir / "sitemap.xml").read_text(encoding="utf-8")
    for lang in ("vi", "zh"):
        entry = json.loads((site.dir / PREFIX[lang] / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
        count = sum(1 for p in (site.project / "docs" / lang / "articles").glob("*.md"))
        assert entry["languages"][lang]["page_count"] == count, "the articles, and nothing else"


def test_the_page_loads_its_script_from_a_file_and_reads_without_it(site):
    doc = page(site.dir, "vi", SEEDS["2022"], "zh")
    scripts = doc.select("script")
    assert any(s.get("src", "").endswith("assets/javascripts/side-by-side.js") for s in scripts)
    inline = lambda d: [s for s in d.select("script") if not s.get("src") and s.get("type") is None]  # noqa: E731
    assert len(inline(doc)) == len(inline(page(site.dir, "vi", SEEDS["2022"]))), "no inline script beyond Material's"
    assert (site.dir / "assets/javascripts/side-by-side.js").is_file()
    assert (site.dir / "assets/stylesheets/side-by-side.css").is_file()
    assert len(doc.select(".arc-sbs__row .arc-sbs__cell p")) >= 17, "the rows are in the HTML itself"


# A translation from a source of its own, and versions that differ --------------------------------------

THREE = "2024-05-01-three-versions"
VI_PARAGRAPHS = [
    f"Đoạn {n} của bản gốc tiếng Việt, đủ dài để đọc được và so sánh được với bản dịch." for n in range(1, 7)
]
UK_PARAGRAPHS = [
    "Перший абзац українського перекладу, приблизно такої ж довжини, як в'єтнамський.",
    "Другий абзац, який переказує решту статті одним довгим текстом. " * 6,
]


def handmade(lang: str, relation: str, paragraphs: list[str], alignment: dict, **fields) -> str:
    matter = FrontMatter(
        title=f"{THREE} ({lang})",
        key=THREE,
        lang=lang,
        source=f"sources/{THREE}-{lang}/source.txt",
        date=dt.date(2024, 5, 1),
        relation=Relation(relation),
        alignment=alignment,
        **fields,
    )
    return matter.dump() + "\n" + "\n\n".join(paragraphs) + "\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("parallel")
    docs = write_docs(tmp / "docs", [])
    sources = split_seed(tmp / "repo")
    (sources / "sources" / "events.yml").unlink(missing_ok=True)
    assert ingest_main(["--sources-dir", str(sources / "sources"), "--docs", str(docs), "--quiet", "--no-cache"]) == 0
    pairs = tuple(((n,), (n,)) for n in range(1, 7))
    files = {
        "vi": handmade("vi", "original", VI_PARAGRAPHS, {"zh": pairs, "uk": (((1,), (1,)),)}),
        "zh": handmade(
            "zh",
            "translation",
            [f"越南语原文第{n}段的中文译文。" for n in range(1, 7)],
            {"vi": pairs},
            translation_of="vi",
        ),
        "uk": handmade("uk", "translation", UK_PARAGRAPHS, {"vi": (((1,), (1,)),)}, translation_of="vi"),
    }
    for lang, text in files.items():
        (docs / lang / "articles" / f"{THREE}.md").write_text(text, encoding="utf-8")
    project = scratch_project(tmp, docs)
    result = build(project, "https://archive.example/")
    yield result
    shutil.rmtree(tmp, ignore_errors=True)


def test_a_translation_from_its_own_source_reads_side_by_side_like_a_bilingual_one(built):
    for reader, other in (("vi", "zh"), ("zh", "vi")):
        units = units_of(page(built.site, reader, CROSS_KEY, other), reader)
        assert len(units) == len(UNITS["2022"])
        for expected, (vi_texts, zh_texts) in zip(UNITS["2022"], units, strict=True):
            assert matches(expected, vi_texts, zh_texts), expected


def test_an_article_with_two_translations_links_to_both(built):
    links = page(built.site, "vi", THREE).select(".arc-sbs-links a")
    assert [a["href"] for a in links] == ["parallel/zh/", "parallel/uk/"]
    assert [a.get_text() for a in page(built.site, "uk", THREE).select(".arc-sbs-links a")] == [
        "Читати паралельно з версією: Tiếng Việt"
    ]


def test_versions_that_differ_in_structure_are_shown_whole_with_a_note(built):
    doc = page(built.site, "uk", THREE, "vi")
    assert "версії різняться будовою" in doc.select_one(".arc-sbs__note").get_text()
    left = [p.get_text() for p in doc.select(".arc-sbs__cell--left p")]
    right = [p.get_text() for p in doc.select(".arc-sbs__cell--right p")]
    assert [t.strip() for t in left] == [t.strip() for t in UK_PARAGRAPHS]
    assert right == VI_PARAGRAPHS, "every paragraph, paired or not"
    assert page(built.site, "vi", THREE, "zh").select_one(".arc-sbs__note") is None


def test_the_switcher_from_a_pair_leads_the_third_language_to_its_own_article(built):
    links = {a["hreflang"]: a["href"] for a in page(built.site, "uk", THREE, "vi").select(".md-select__link")}
    assert re.search(r"/articles/2024-05-01-three-versions/parallel/uk/$", links["vi"])
    assert re.search(r"/zh/articles/2024-05-01-three-versions/$", links["zh"])
    assert not (built.site / f"uk/articles/{THREE}/parallel/zh").exists(), "no alignment between uk and zh"
