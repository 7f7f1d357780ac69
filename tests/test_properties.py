"""Properties that hold for any text whatever: ingestion never crashes, never
loses a line, and gives the same bytes every time."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scripts.ingest.model import Result, SourceError
from scripts.ingest.render import render
from scripts.ingest.text import normalize, split_lines

from .helpers import ingest_text
from .test_accounting import words_left

FRAGMENTS = [
    "Kết thúc buổi gặp gỡ, các bên đã ra thông cáo báo chí chung.",
    "Các đại biểu dự Hội nghị tại điểm cầu Cao Bằng",
    "会晤结束后,各方发表了联合新闻公报。",
    "肯定地方高效合作典范机制",
    "Сторони погодилися, що 2025 рік має особливе значення.",
    "Стороны согласились, что год важный.",
    "The meeting was held online with eight points.",
    "Lượt xem: 5205",
    "Tin khác",
    "1\u00a02\u00a03\u00a0...",
    "Thống kê truy cập",
    "  • Hôm nay: 1",
    "Коментар (0)",
    "文:刘玲",
    "Bài: Lưu Linh",
    "Dương Liễu",
    "Джерело: https://example.vn/a",
    "БХГ – Вранці 21 лютого відбулася зустріч.",
    "14:27, 21 лютого 2025 р.",
    "| Огляд програми. |",
    "THÔNG CÁO CHUNG",
    "1. Về hợp tác",
    "(1) Về du lịch",
    "phần tích cực vào việc thúc đẩy hợp tác.",
    "hai bên, góp",
    "<script>alert(1)</script> *x* _y_ [z](javascript:1)",
    "\u00a0",
    "",
    "",
]

line = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40))
documents = st.lists(line, min_size=1, max_size=25).map("\n".join)
META = dict(titles={"vi": "Tiêu đề", "zh": "标题", "uk": "Заголовок"}, date=date(2024, 1, 2))


def check_nothing_lost(text: str, result: Result) -> None:
    for ln in split_lines(text):
        if not ln.raw:
            continue
        homes = [a for a in result.articles if ln.no in a.lines]
        drops = [d for d in result.dropped if d.line == ln.no]
        assert homes or drops, f"line {ln.no} lost: {ln.raw!r}"
        seen = []
        for a in homes:
            seen += [a.title, a.kicker or "", a.agency or "", a.source_url or "", *a.authors]
            seen += [b.text for b in a.blocks]
        seen += [normalize(d.text) for d in drops]
        assert not words_left(normalize(ln.raw), *seen), f"line {ln.no}: {ln.raw!r}"


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_any_text_is_ingested_or_refused_with_a_message(text):
    try:
        result = ingest_text(text, **META)
    except SourceError as err:
        assert err.path == "sources/test/source.txt" and err.message and err.fix
        return
    check_nothing_lost(text, result)
    again = ingest_text(text, **META)
    assert [render(a) for a in again.articles] == [render(a) for a in result.articles]


@settings(max_examples=200, deadline=None)
@given(documents)
def test_without_meta_a_missing_title_or_date_is_refused_never_invented(text):
    try:
        result = ingest_text(text)
    except SourceError as err:
        assert re.search(r"no (date|\w+ title)|no text|no article text|the text is in \w+", err.message), err.message
        return
    for article in result.articles:
        assert any(article.title == normalize(ln.raw) or article.title in normalize(ln.raw) for ln in split_lines(text))
