"""`make new`: a saved article becomes a source folder, a meta.yml and ingested Markdown."""

from __future__ import annotations

import io
import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scripts import new
from scripts.ingest import keys, meta_yml
from scripts.ingest.model import Source, SourceError, SourceMeta

from .helpers import SOURCES


def analyze(text: str) -> new.Findings:
    return new.analyze(Source("x.txt", text, SourceMeta(key="new-article")))


SEED_BILINGUAL = SOURCES / "2022-02-25-spring-meeting" / "source.txt"  # vi + zh, title and date in the text
SEED_UNTITLED = SOURCES / "2025-02-21-spring-meeting-ha-giang" / "source.txt"  # uk, scraped without its headline
SEED_FURNITURE = SOURCES / "2021-04-09-spring-meeting" / "source.txt"  # vi, with view counters and widgets
EVENTS = ["spring-meeting-2021", "spring-meeting-2022", "spring-meeting-2023", "spring-meeting-2025"]


# --- the key ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Gặp gỡ đầu Xuân", "gap-go-dau-xuan"),
        ("Đồng Đăng – Lạng Sơn", "dong-dang-lang-son"),
        ("Весняна зустріч у Хазянгу", "vesniana-zustrich-u-khaziangu"),
        ("新春会晤", "xin-chun-hui-wu"),
        ("  «Thông cáo» -- chung!! ", "thong-cao-chung"),
        ("2025年", "2025nian"),
    ],
)
def test_slugify_transliterates_to_readable_ascii_words(text, slug):
    assert new.slugify(text) == slug


def test_the_key_is_the_date_and_the_first_words_of_the_title():
    titles = {"vi": "Gặp gỡ đầu xuân 4 tỉnh biên giới Việt Nam với Quảng Tây - Trung Quốc"}
    assert new.propose_key(date(2022, 2, 25), titles, set()) == "2022-02-25-gap-go-dau-xuan-4-tinh"


def test_the_year_is_not_repeated_after_the_date():
    titles = {"vi": "Gặp gỡ đầu Xuân 2023 giữa các Bí thư"}
    assert new.propose_key(date(2023, 2, 22), titles, set()) == "2023-02-22-gap-go-dau-xuan-giua-cac"


def test_the_title_part_stays_short_on_long_words():
    titles = {"uk": "Весняна зустріч секретарів парткомів провінцій Хазянг, Куангнінь"}
    key = new.propose_key(date(2025, 2, 21), titles, set())
    assert key == "2025-02-21-vesniana-zustrich-sekretariv-partkomiv"
    assert len(key) - len("2025-02-21-") <= new.KEY_TITLE_CHARS


def test_vietnamese_then_ukrainian_then_chinese_title_names_the_key():
    titles = {"zh": "新春会晤", "uk": "Весняна зустріч", "vi": "Gặp gỡ đầu Xuân"}
    assert new.propose_key(None, titles, set()) == "gap-go-dau-xuan"
    del titles["vi"]
    assert new.propose_key(None, titles, set()) == "vesniana-zustrich"
    del titles["uk"]
    assert new.propose_key(None, titles, set()) == "xin-chun-hui-wu"


def test_without_a_title_the_file_name_gives_the_words():
    assert new.propose_key(date(2025, 2, 21), {}, set(), "bài Hà Giang") == "2025-02-21-bai-ha-giang"
    assert new.propose_key(date(2025, 2, 21), {}, set()) == "2025-02-21-article"
    assert new.propose_key(None, {}, set(), "") == "article"


def test_a_taken_key_gets_the_next_free_number():
    titles = {"vi": "Gặp gỡ đầu Xuân"}
    taken = {"2021-04-09-gap-go-dau-xuan", "2021-04-09-gap-go-dau-xuan-2"}
    assert new.propose_key(date(2021, 4, 9), titles, taken) == "2021-04-09-gap-go-dau-xuan-3"


@given(
    title=st.text(max_size=300),
    day=st.none() | st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    taken=st.sets(st.sampled_from(["article", "article-2", "a", "a-2", "2025-01-01-a"])),
)
def test_every_proposed_key_is_valid_and_free(title, day, taken):
    key = new.propose_key(day, {"vi": title}, taken, "a")
    assert keys.KEY_PATTERN.match(key) and len(key) <= keys.KEY_MAX
    assert key not in taken


def test_taken_keys_are_folder_names_and_declared_keys(tmp_path):
    shutil.copytree(SOURCES, tmp_path / "sources")
    (tmp_path / "sources" / "broken").mkdir()
    (tmp_path / "sources" / "broken" / "meta.yml").write_text("key: [unclosed\n", encoding="utf-8")
    taken = new.taken_keys(tmp_path / "sources")
    # The Hà Giang report lives in its own folder but declares the 2025 article's key.
    assert {"2025-02-21-spring-meeting-ha-giang", "2025-02-19-spring-meeting", "broken"} <= taken
    assert "events.yml" not in taken


# --- what the text holds -----------------------------------------------------------------


def test_the_pipeline_finds_the_languages_titles_and_date_of_a_bilingual_text():
    found = analyze(SEED_BILINGUAL.read_text(encoding="utf-8"))
    assert found.langs == ["vi", "zh"]
    assert found.titles["vi"] == "Gặp gỡ đầu xuân 4 tỉnh biên giới Việt Nam với Quảng Tây - Trung Quốc"
    assert found.titles["zh"].startswith("2022年中国广西与越南边境四省党委书记新春会晤")
    assert found.missing_titles == []
    assert found.date == date(2022, 2, 25)


def test_a_text_that_does_not_open_with_a_title_is_reported_missing_one():
    found = analyze(SEED_UNTITLED.read_text(encoding="utf-8"))
    assert found.langs == ["uk"] and found.titles == {} and found.missing_titles == ["uk"]
    assert found.date == date(2025, 2, 21)  # from its timestamp line


def test_a_text_without_a_date_is_reported_missing_one():
    found = analyze("Tiêu đề bài mới\n\nHai bên gặp nhau và trao đổi về hợp tác biên giới.\n")
    assert found.titles == {"vi": "Tiêu đề bài mới"} and found.date is None


def test_a_text_with_no_article_in_it_is_refused():
    with pytest.raises(SourceError) as caught:
        analyze("Lượt xem: 5205\n")
    assert caught.value.path == "x.txt"


# --- meta.yml -------------------------------------------------------------------------------


def test_the_meta_yml_written_is_valid_and_says_what_was_found():
    found = new.Findings(["vi", "zh"], {"vi": "Tiêu đề", "zh": "标题"}, [], date(2022, 2, 25))
    text = new.render_meta("2022-02-25-tieu-de", found, EVENTS)
    meta = meta_yml.load("meta.yml", text, set(EVENTS))
    assert meta.key == "2022-02-25-tieu-de" and meta.titles == {} and meta.date is None
    assert "# Languages found: vi, zh." in text
    assert "#   vi: Tiêu đề" in text and "#   zh: 标题" in text
    assert "# original: vi" in text  # bilingual: asks which language came first
    assert "# event: spring-meeting-2022" in text  # the one event of that year, offered, not set
    assert "TO DO" not in text


def test_a_missing_title_is_a_commented_line_to_fill_in():
    found = new.Findings(["uk"], {}, ["uk"], date(2025, 2, 21))
    text = new.render_meta("2025-02-21-bai", found, EVENTS)
    assert "TO DO: no Ukrainian title" in text
    (line,) = [line for line in text.splitlines() if line.startswith("# title:")]
    filled = text.replace(line, 'title: {uk: "Весняна зустріч"}')
    assert meta_yml.load("meta.yml", filled, set(EVENTS)).titles == {"uk": "Весняна зустріч"}
    # Uncommented but not filled in, it is refused, not published as an empty title.
    with pytest.raises(SourceError):
        meta_yml.load("meta.yml", text.replace(line, line[2:]), set(EVENTS))


def test_a_missing_date_is_a_commented_line_to_fill_in():
    found = new.Findings(["vi"], {"vi": "Tiêu đề"}, [], None)
    text = new.render_meta("tieu-de", found, EVENTS)
    assert "TO DO: no date" in text
    filled = text.replace("# date: YYYY-MM-DD", "date: 2024-03-03")
    assert meta_yml.load("meta.yml", filled, None).date == date(2024, 3, 3)
    with pytest.raises(SourceError) as caught:
        meta_yml.load("meta.yml", text.replace("# date: YYYY-MM-DD", "date: YYYY-MM-DD"), None)
    assert "not a date" in caught.value.message


# --- the command, in a scratch copy of the repository -----------------------------------------


def run_new(repo: Path, capsys, *args: str) -> tuple[int, str]:
    code = new.main([*args, "--sources-dir", str(repo / "sources")])
    out, err = capsys.readouterr()
    return code, out + err


def folders(repo: Path) -> set[str]:
    return {p.name for p in (repo / "sources").iterdir()}


def test_a_bilingual_article_is_scaffolded_ingested_and_accounted_for(repo_copy, tmp_path, capsys):
    shutil.rmtree(repo_copy / "sources" / "2022-02-25-spring-meeting")
    saved = tmp_path / "bài mới.txt"
    shutil.copy(SEED_BILINGUAL, saved)
    code, out = run_new(repo_copy, capsys, str(saved))
    assert code == 0, out
    key = "2022-02-25-gap-go-dau-xuan-4-tinh"
    folder = repo_copy / "sources" / key
    assert (folder / "source.txt").read_bytes() == SEED_BILINGUAL.read_bytes(), "the raw file is kept as it was"
    assert meta_yml.load("meta.yml", (folder / "meta.yml").read_text(encoding="utf-8"), None).key == key
    for lang in ("vi", "zh"):
        article = repo_copy / "docs" / lang / "articles" / f"{key}.md"
        assert f"source: sources/{key}/source.txt" in article.read_text(encoding="utf-8")
        assert f"  {lang}  docs/{lang}/articles/{key}.md" in out
    assert "8 paragraphs" in out and "9 paragraphs" in out
    assert f"Created sources/{key}/" in out and "languages vi, zh" in out and "date 2022-02-25" in out
    assert "Dropped lines: none" in out and "Warnings: none" in out
    assert f"http://127.0.0.1:8000/zh/articles/{key}/" in out
    assert "Needs you" not in out


def test_every_dropped_line_is_printed_with_its_reason(repo_copy, tmp_path, capsys):
    saved = tmp_path / "tin.txt"
    shutil.copy(SEED_FURNITURE, saved)
    code, out = run_new(repo_copy, capsys, str(saved))
    assert code == 0, out
    assert "Dropped lines (9):" in out
    assert "line   2  view counter: 'Lượt xem: 5205'" in out


def test_an_article_pasted_on_standard_input(repo_copy, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(SEED_BILINGUAL.read_bytes())))
    code, out = run_new(repo_copy, capsys, "-")
    assert code == 0, out
    # The seed is still there: same date and title, so the key takes the next free name.
    folder = repo_copy / "sources" / "2022-02-25-gap-go-dau-xuan-4-tinh"
    assert (folder / "source.txt").read_bytes() == SEED_BILINGUAL.read_bytes()
    assert "standard input, as it was" in out


def test_the_same_article_twice_gets_two_keys(repo_copy, tmp_path, capsys):
    saved = tmp_path / "a.txt"
    shutil.copy(SEED_BILINGUAL, saved)
    assert run_new(repo_copy, capsys, str(saved))[0] == 0
    assert run_new(repo_copy, capsys, str(saved))[0] == 0
    made = {f for f in folders(repo_copy) if f.startswith("2022-02-25-gap-go")}
    assert made == {"2022-02-25-gap-go-dau-xuan-4-tinh", "2022-02-25-gap-go-dau-xuan-4-tinh-2"}


def test_an_untitled_article_is_scaffolded_and_the_editor_told_what_to_add(repo_copy, tmp_path, capsys):
    saved = tmp_path / "bao-ha-giang.txt"
    shutil.copy(SEED_UNTITLED, saved)
    code, out = run_new(repo_copy, capsys, str(saved))
    assert code == 1
    folder = repo_copy / "sources" / "2025-02-21-bao-ha-giang"
    assert "TO DO: no Ukrainian title" in (folder / "meta.yml").read_text(encoding="utf-8")
    assert "Not ingested yet" in out and "Needs you:" in out
    assert "sources/2025-02-21-bao-ha-giang/source.txt:2: no Ukrainian title" in out
    assert 'fix: add the title to sources/2025-02-21-bao-ha-giang/meta.yml as `title: {uk: "…"}`' in out
    assert not (repo_copy / "docs" / "uk" / "articles" / "2025-02-21-bao-ha-giang.md").exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "no such file"),
        ("empty.txt", b"  \n\n", "the article is empty"),
        ("scan.pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "not text"),
        ("binary.txt", b"\x00\x01\x02\x03" * 64, "binary"),
        ("furniture.txt", "Lượt xem: 5205\n".encode(), "no article text"),
    ],
)
def test_input_that_cannot_become_a_source_creates_nothing(repo_copy, tmp_path, capsys, name, content, message):
    saved = tmp_path / name
    if content is not None:
        saved.write_bytes(content)
    before = folders(repo_copy)
    code, out = run_new(repo_copy, capsys, str(saved))
    assert code == 1
    assert message in out and "fix:" in out and "Nothing was created." in out
    assert folders(repo_copy) == before


def test_a_saved_web_page_becomes_source_html_and_is_ingested(repo_copy, tmp_path, capsys):
    from .test_html import page_for

    saved = tmp_path / "bao-quang-ninh.html"
    saved.write_text(page_for("2025-02-19-spring-meeting"), encoding="utf-8")
    shutil.rmtree(repo_copy / "sources" / "2025-02-19-spring-meeting")
    code, out = run_new(repo_copy, capsys, str(saved))
    assert code == 0, out
    (folder,) = [p for p in (repo_copy / "sources").iterdir() if p.is_dir() and (p / "source.html").exists()]
    assert (folder / "source.html").read_bytes() == saved.read_bytes()
    assert folder.name.startswith("2025-02-19-")
    assert (repo_copy / "docs" / "zh" / "articles" / f"{folder.name}.md").exists()


def test_what_the_pipeline_is_not_sure_of_is_shown_with_its_candidates(repo_copy, tmp_path, capsys):
    saved = tmp_path / "bai.txt"
    saved.write_text(
        "Hội đàm năm 2024 giữa hai tỉnh\n\nSáng 09/4, hai tỉnh tổ chức hội đàm về hợp tác biên giới và thương mại.\n",
        encoding="utf-8",
    )
    new.main([str(saved), "--sources-dir", str(repo_copy / "sources")])
    out = capsys.readouterr().out
    assert "Not sure (1), check these against the page:" in out
    assert "the year was taken from the title" in out and "to settle it, write in meta.yml: date: 2024-04-09" in out
    (meta,) = [p for p in (repo_copy / "sources").glob("2024-04-09*/meta.yml")]
    assert "# NOT SURE of the date" in meta.read_text(encoding="utf-8")
