"""Keys: readable ASCII slugs that can never leave docs/<lang>/articles/."""

from __future__ import annotations

from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from scripts.ingest.keys import KEY_MAX, KEY_PATTERN, RESERVED, problem, slugify
from scripts.ingest.sources import key_from_name


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=400), st.one_of(st.none(), st.text(max_size=20)))
@example("../../etc/passwd", None)
@example("/absolute/path", None)
@example("CON", None)
@example("index", None)
@example("🎉🎉🎉", None)
@example("ꦲꦤꦕꦫꦏ", None)
@example("Gặp gỡ " * 100, None)
def test_any_text_gives_a_safe_key(text, seed):
    key = slugify(text, seed)
    assert problem(key) is None, key
    assert KEY_PATTERN.match(key) and len(key) <= KEY_MAX and key not in RESERVED
    articles = Path("/docs/vi/articles")
    assert (articles / f"{key}.md").resolve().parent == articles
    assert slugify(text, seed) == key, "the same text always gives the same key"


def test_titles_in_each_script_become_readable_slugs():
    assert slugify("Gặp gỡ đầu Xuân 2025") == "gap-go-dau-xuan-2025"
    assert slugify("2025年新春会晤活动") == "2025nian-xin-chun-hui-wu-huo-dong"
    assert slugify("Весняна зустріч секретарів") == "vesniana-zustrich-sekretariv"


def test_text_with_nothing_readable_gets_a_stable_hashed_fallback():
    a = slugify("🎉🎉", "sources/x/source.txt")
    assert a.startswith("article-") and a == slugify("🎉🎉", "sources/x/source.txt")
    assert a != slugify("🎉🎉", "sources/y/source.txt")


def test_reserved_names_and_path_tricks_never_come_through():
    assert slugify("../..").startswith("article-")
    assert slugify("con").startswith("article-con-")
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("C:\\Windows\\system32") == "c-windows-system32"


def test_very_long_titles_are_cut_at_a_word_boundary():
    key = slugify("Chương trình Gặp gỡ đầu Xuân năm 2021 giữa Bí thư Tỉnh ủy 4 tỉnh của Việt Nam và Bí thư Khu ủy")
    assert len(key) <= KEY_MAX and not key.endswith("-")
    assert key == "chuong-trinh-gap-go-dau-xuan-nam-2021-giua-bi-thu-tinh-uy-4-tinh-cua-viet-nam-va"


def test_a_bare_file_gets_its_key_from_its_name():
    assert key_from_name("Bài viết mới") == "bai-viet-moi"
    assert key_from_name("nul").startswith("article-")
