"""An article page does not grow with the archive.

Material's default navigation puts every page in every page's sidebar, so the
output grows with the square of the corpus. Here the menu is fixed and the
articles live in listing pages: adding articles changes the listings, never
an article page. (Build speed is measured by a benchmark, not here.)
"""

from __future__ import annotations

import datetime as dt

import pytest

from scripts.paths import ROOT

from .builder import build, scratch_project, write_article
from .conftest import article

pytestmark = pytest.mark.slow

PAGES = [
    "articles/2025-02-19-spring-meeting/index.html",
    "zh/articles/2025-02-19-spring-meeting/index.html",
    "uk/articles/2025-02-19-spring-meeting/index.html",
    "zh/articles/2021-04-09-spring-meeting/index.html",  # a "not available" page
]


def more_articles(n: int):
    for i in range(n):
        day = dt.date(2016, 1, 1) + dt.timedelta(days=i * 9)
        key = f"{day.isoformat()}-extra-{i}"
        yield article(key, "vi", f"Bài thêm {i}", text=f"Đoạn văn số {i} về hợp tác.", event="spring-meeting-2022")
        if i % 2 == 0:
            yield article(key, "zh", f"附加文章 {i}", text=f"第{i}段。", relation="translation", translation_of="vi")
        if i % 3 == 0:
            yield article(key, "uk", f"Додаткова стаття {i}", text=f"Абзац {i}.", relation="report")


def test_article_pages_are_the_same_bytes_whatever_the_archive_size(tmp_path):
    small = build(scratch_project(tmp_path / "small"), "https://example.org/")
    project = scratch_project(tmp_path / "large")
    for extra in more_articles(60):
        write_article(project, extra)
    large = build(project, "https://example.org/")
    for page in PAGES:
        assert (small.site / page).read_bytes() == (large.site / page).read_bytes(), page
    # ...while the listing that must name every article did grow.
    assert (large.site / "articles/index.html").stat().st_size > (small.site / "articles/index.html").stat().st_size
    seeds = len(list((ROOT / "docs" / "vi" / "articles").glob("*.md")))
    assert (large.site / "articles/index.html").read_text(encoding="utf-8").count(
        'class="arc-item__title"'
    ) == seeds + 60
