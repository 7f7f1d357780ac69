"""Hostile and odd sources: each is refused clearly or ingested harmlessly.

Every case is made here, in a scratch repository with one good source
beside the odd one, and run through the real command. A refusal must name
the file and say what to do, leave the good source ingested, exit non-zero
and write nothing for the refused source. Text that looks like markup must
reach the built site as text: that is checked in the HTML `mkdocs build`
writes, not only in the Markdown.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scripts import worktree
from scripts.ingest import decode
from scripts.ingest.cli import main

from .helpers import SOURCES

GOOD = "2021-04-09-spring-meeting"
GOOD_ARTICLE = Path("vi/articles/2021-04-09-spring-meeting.md")
LEAD = "Ngày 3 tháng 3 năm 2024, hai bên đã tổ chức hội đàm trực tuyến về hợp tác biên giới và thương mại."


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A scratch repository holding one good source."""
    shutil.copytree(SOURCES / GOOD, tmp_path / "sources" / GOOD)
    return tmp_path


def add(repo: Path, name: str, files: dict[str, bytes | str], key: str | None = None) -> Path:
    folder = repo / "sources" / name
    folder.mkdir(parents=True)
    if key is not False:
        (folder / "meta.yml").write_text(f"key: {key or name}\n", encoding="utf-8")
    for file, data in files.items():
        (folder / file).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return folder


def run(repo: Path, capsys, *args: str) -> tuple[int, str]:
    code = main(["--sources-dir", str(repo / "sources"), "--report", str(repo / "build" / "report.json"), *args])
    out = capsys.readouterr()
    return code, out.out + out.err


def refused(repo: Path, capsys, shown: str, message: str, fix: str) -> str:
    code, out = run(repo, capsys)
    assert code == 1
    (line,) = [x for x in out.splitlines() if x.startswith("error: ")]
    assert line.startswith(f"error: {shown}") and message in line, line
    assert fix in out
    assert (repo / "docs" / GOOD_ARTICLE).is_file(), "the other sources are still ingested"
    written = sorted(p.relative_to(repo / "docs").as_posix() for p in (repo / "docs").rglob("*") if p.is_file())
    assert written == [GOOD_ARTICLE.as_posix()], "nothing is written for the refused source"
    assert not list(repo.rglob("*.tmp")), "no half-written file is left behind"
    return out


# Refusals ---------------------------------------------------------------------------------------------------


def test_an_empty_source_is_refused(repo, capsys):
    add(repo, "empty", {"source.txt": b""})
    refused(repo, capsys, "sources/empty/source.txt", "the file is empty", "save the article's text in it")


def test_a_source_of_blank_lines_is_refused(repo, capsys):
    add(repo, "blank", {"source.txt": "\r\n \t\n\u00a0\n"})
    refused(repo, capsys, "sources/blank/source.txt", "only blank lines", "save the article's text")


def test_a_pdf_saved_as_source_txt_is_refused(repo, capsys):
    add(repo, "pdf", {"source.txt": b"%PDF-1.4\n%\xc7\xec\x8f\xa2\n5 0 obj\n<</Length 6 0 R>>\nstream\n"})
    refused(repo, capsys, "sources/pdf/source.txt", "a PDF document", "copy the article's text out of it")


def test_random_binary_bytes_are_refused(repo, capsys):
    add(repo, "binary", {"source.txt": bytes(range(256)) * 8})
    refused(repo, capsys, "sources/binary/source.txt", "binary, not text", "save the article as text")


def test_a_file_above_the_size_limit_is_refused(repo, capsys):
    add(repo, "huge", {"source.txt": ("Tiêu đề\n" + LEAD + "\n") * (decode.MAX_TEXT_BYTES // 100)})
    refused(repo, capsys, "sources/huge/source.txt", "above the limit of 2.0 MB", "one source per article")


def test_a_page_above_the_size_limit_for_html_is_refused(repo, capsys):
    add(repo, "huge-page", {"source.html": "<p>" + "x" * decode.MAX_HTML_BYTES + "</p>"})
    refused(repo, capsys, "sources/huge-page/source.html", "above the limit of 10.0 MB", "save only the article")


def test_a_text_in_an_encoding_that_cannot_be_told_is_refused(repo, capsys):
    add(repo, "latin1", {"source.txt": "Café crème brûlée, naïve façade.\n".encode("latin-1")})
    refused(repo, capsys, "sources/latin1/source.txt:1", "cannot be told with confidence", "save it as UTF-8")


def test_a_folder_with_no_source_file_is_refused_naming_what_it_holds(repo, capsys):
    add(repo, "no-source", {"bai-viet.docx": b"PK\x03\x04"})
    refused(repo, capsys, "sources/no-source", "no raw file (it holds bai-viet.docx)", "source.txt")


def test_a_folder_with_both_a_text_and_a_page_is_refused(repo, capsys):
    add(repo, "both", {"source.txt": f"Tiêu đề\n{LEAD}\n", "source.html": f"<h1>Tiêu đề</h1><p>{LEAD}</p>"})
    refused(repo, capsys, "sources/both", "both source.txt and source.html", "keep the one")


def test_a_folder_without_meta_yml_is_refused(repo, capsys):
    add(repo, "no-meta", {"source.txt": f"Tiêu đề\n{LEAD}\n"}, key=False)
    refused(repo, capsys, "sources/no-meta", "no meta.yml", "key:")


def test_a_meta_yml_that_is_not_utf8_is_refused(repo, capsys):
    folder = add(repo, "meta-cp1258", {"source.txt": f"Tiêu đề\n{LEAD}\n"})
    (folder / "meta.yml").write_bytes('key: a\ntitle: {vi: "Đà Nẵng"}\n'.encode("cp1258", errors="replace"))
    refused(repo, capsys, "sources/meta-cp1258/meta.yml:2", "meta.yml is not UTF-8", "save it as UTF-8")


@pytest.mark.parametrize("what", ["source.txt", "meta.yml"])
def test_a_link_out_of_the_repository_is_refused(repo, capsys, tmp_path_factory, what):
    outside = tmp_path_factory.mktemp("outside")
    (outside / what).write_text("key: x\n" if what == "meta.yml" else f"Tiêu đề\n{LEAD}\n", encoding="utf-8")
    folder = add(repo, "linked", {"source.txt": f"Tiêu đề\n{LEAD}\n"})
    (folder / what).unlink()
    (folder / what).symlink_to(outside / what)
    refused(repo, capsys, f"sources/linked/{what}", "outside the repository", "copy the file itself")


def test_a_source_folder_that_links_out_of_the_repository_is_refused(repo, capsys, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "source.txt").write_text(f"Tiêu đề\n{LEAD}\n", encoding="utf-8")
    (outside / "meta.yml").write_text("key: linked\n", encoding="utf-8")
    (repo / "sources" / "linked").symlink_to(outside, target_is_directory=True)
    refused(repo, capsys, "sources/linked", "outside the repository", "copy the folder itself")


def test_a_key_that_tries_to_leave_the_articles_folder_is_refused(repo, capsys):
    add(repo, "escape", {"source.txt": f"Tiêu đề\n{LEAD}\n"}, key="../../../etc/passwd")
    refused(repo, capsys, "sources/escape/meta.yml:1", "is not a valid key", "lowercase ASCII")


def test_a_reserved_key_is_refused(repo, capsys):
    add(repo, "index", {"source.txt": f"Tiêu đề\n{LEAD}\n"}, key="index")
    refused(repo, capsys, "sources/index/meta.yml:1", "reserved", "lowercase ASCII")


# Two sources, one file ----------------------------------------------------------------------------------------


def test_a_second_source_in_the_same_language_under_the_same_key_is_an_error(repo, capsys):
    add(repo, "zz-same-key", {"source.txt": f"Tiêu đề khác\n{LEAD}\n"}, key=GOOD)
    code, out = run(repo, capsys)
    assert code == 1
    assert f"error: sources/zz-same-key/meta.yml:1: `key`: {GOOD} is also the key of sources/{GOOD}/source.txt" in out
    # Both fail: neither overwrites the other, whichever was there first.
    assert not (repo / "docs" / GOOD_ARTICLE).exists()


def test_ingesting_one_source_never_overwrites_another_sources_article(repo, capsys):
    assert run(repo, capsys)[0] == 0
    before = (repo / "docs" / GOOD_ARTICLE).read_bytes()
    other = add(repo, "other", {"source.txt": f"Tiêu đề khác\n{LEAD}\n"}, key=GOOD)
    code, out = run(repo, capsys, str(other))
    assert code == 1 and f"writes the same file as sources/{GOOD}/source.txt" in out
    assert (repo / "docs" / GOOD_ARTICLE).read_bytes() == before


def test_a_failing_source_keeps_its_article_from_being_taken_by_another(repo, capsys):
    assert run(repo, capsys)[0] == 0
    before = (repo / "docs" / GOOD_ARTICLE).read_bytes()
    (repo / "sources" / GOOD / "source.txt").write_bytes(b"")  # breaks, so it writes nothing this time
    add(repo, "thief", {"source.txt": f"Tiêu đề khác\n{LEAD}\n"}, key=GOOD)
    code, out = run(repo, capsys)
    assert code == 1 and "writes the same file as" in out
    assert (repo / "docs" / GOOD_ARTICLE).read_bytes() == before


def test_a_hand_written_page_is_never_overwritten(repo, capsys):
    page = repo / "docs" / "vi" / "articles" / "notes.md"
    page.parent.mkdir(parents=True)
    page.write_text("# Ghi chú của biên tập viên\n", encoding="utf-8")
    add(repo, "notes", {"source.txt": f"Tiêu đề\n{LEAD}\n"}, key="notes")
    code, out = run(repo, capsys)
    assert code == 1 and "which ingestion did not write" in out
    assert page.read_text(encoding="utf-8") == "# Ghi chú của biên tập viên\n"


def test_a_source_that_moves_from_text_to_a_saved_page_takes_over_its_own_article(repo, capsys):
    assert run(repo, capsys)[0] == 0
    folder = repo / "sources" / GOOD
    text = (folder / "source.txt").read_text(encoding="utf-8")
    (folder / "source.txt").unlink()
    paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines()[2:] if line.strip())
    (folder / "source.html").write_text(
        f"<html><body><article><h1>{text.splitlines()[0]}</h1>{paragraphs}</article></body></html>"
    )
    code, out = run(repo, capsys)
    assert code == 0, out
    assert "source: sources/2021-04-09-spring-meeting/source.html" in (repo / "docs" / GOOD_ARTICLE).read_text()


# Odd but readable -------------------------------------------------------------------------------------------


def ingest_one(repo: Path, capsys, data: bytes | str, name: str = "odd", file: str = "source.txt") -> str:
    add(repo, name, {file: data})
    code, out = run(repo, capsys)
    assert code == 0, out
    return (repo / "docs" / "vi" / "articles" / f"{name}.md").read_text(encoding="utf-8")


def test_crlf_cr_tabs_zero_width_and_no_break_spaces_read_like_plain_text(repo, capsys):
    plain = f"Tiêu đề bài viết\n\n{LEAD}\n\nHai bên nhất trí tăng cường hợp tác.\n"
    odd = (
        "Tiêu\u00a0đề\u200b bài\tviết\r\n\r\n"
        + LEAD.replace(" ", " \u00a0", 3).replace("hội", "hội\u200d")
        + "\r\rHai bên\u3000nhất trí tăng\u2060 cường hợp tác.\r\n"
    )
    expected = ingest_one(repo, capsys, plain, name="plain").replace("plain", "odd")
    assert ingest_one(repo, capsys, odd, name="odd") == expected


def test_a_utf16_file_from_a_windows_tool_is_ingested(repo, capsys):
    text = f"Tiêu đề bài viết\r\n{LEAD}\r\n"
    assert "title: Tiêu đề bài viết" in ingest_one(repo, capsys, text.encode("utf-16"))


def test_a_guessed_encoding_is_reported_as_a_warning(repo, capsys):
    add(
        repo,
        "uk-1251",
        {"source.txt": (SOURCES / "2025-02-21-spring-meeting-ha-giang" / "source.txt").read_text().encode("cp1251")},
    )
    (repo / "sources" / "uk-1251" / "meta.yml").write_text(
        (SOURCES / "2025-02-21-spring-meeting-ha-giang" / "meta.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    code, out = run(repo, capsys)
    assert code == 0, out
    assert "warning: sources/uk-1251/source.txt: read as Windows-1251" in out
    report = (repo / "build" / "report.json").read_text(encoding="utf-8")
    assert '"message": "read as Windows-1251' in report


# Safety: source text is text on the built site ---------------------------------------------------------------

HOSTILE_LINES = [
    "<script>alert('bài viết')</script> Hai bên đã ký kết thỏa thuận hợp tác.",
    '<img src=x onerror="alert(1)"> Hai bên đã ký kết thỏa thuận hợp tác về du lịch.',
    "[Bấm vào đây](javascript:alert(1)) để xem toàn văn thỏa thuận hợp tác giữa hai tỉnh.",
    "![ảnh](https://evil.example/x.png) Hai bên cùng nhau trao đổi quà lưu niệm.",
    '<div onclick="alert(1)">Hai bên đã ký kết thỏa thuận hợp tác về thương mại.</div>',
    "{{ config.site_name }} và {% include 'x' %} là những gì hai bên đã ký kết.",
    "---",
    "title: bị chèn vào",
    "---",
    '<a href="javascript:alert(1)">liên kết</a> hai bên đã ký kết thỏa thuận.',
    '<iframe src="https://evil.example"></iframe> Hai bên trao đổi ý kiến.',
]
HOSTILE_CAPTION = "<script>alert('chú thích')</script> Các đại biểu <b>dự</b> Hội nghị"
MARKERS = [
    "<script>",
    "onerror=",
    "javascript:",
    "![ảnh]",
    "onclick=",
    "{{ config.site_name }}",
    "{% include",
    "<iframe",
]


def hostile_sources(repo: Path) -> None:
    text = "Hai tỉnh ký kết thỏa thuận hợp tác\n\n" + f"{LEAD}\n\n" + "\n\n".join(HOSTILE_LINES) + "\n"
    add(repo, "hostile-text", {"source.txt": text})
    page = (
        "<html><head><title>Báo</title></head><body><article><h1>Hai tỉnh ký kết thỏa thuận hợp tác mới</h1>"
        f"<p>{LEAD}</p>"
        + "".join(f"<p>{escape(line)}</p>" for line in HOSTILE_LINES)
        + f"<figure><img src='a.jpg' alt='x'><figcaption>{escape(HOSTILE_CAPTION)}</figcaption></figure>"
        + "<p>Kết thúc buổi làm việc, hai bên đã trao đổi quà lưu niệm và chụp ảnh chung.</p>"
        "<script>alert('the page itself')</script></article></body></html>"
    )
    add(repo, "hostile-page", {"source.html": page})


def escape(text: str) -> str:
    import html

    return html.escape(text, quote=False)


def test_markup_in_a_source_stays_text_in_the_generated_markdown(repo, capsys):
    hostile_sources(repo)
    code, out = run(repo, capsys)
    assert code == 0, out
    for name in ("hostile-text", "hostile-page"):
        body = (repo / "docs" / "vi" / "articles" / f"{name}.md").read_text(encoding="utf-8").split("---\n", 2)[2]
        assert "<script" not in body and "<img" not in body and "<iframe" not in body and "<div" not in body
        assert "\n---\n" not in body, "no front-matter fence or rule can form"


HOSTILE_TITLE = "<img src=x onerror=alert(1)> Tiêu đề </title><script>alert(2)</script>"


@pytest.fixture(scope="module")
def built_site(tmp_path_factory) -> Path:
    """The real site, built by `mkdocs build` from a copy of the repository plus the hostile sources."""
    tmp_path = tmp_path_factory.mktemp("built")
    site_repo = tmp_path / "repo"
    worktree.copy(site_repo, skip=lambda path: path.parts[0] == "tests")
    hostile_sources(site_repo)
    add(site_repo, "hostile-title", {"source.txt": f"{HOSTILE_TITLE}\n\n{LEAD}\n"})
    assert main(["--sources-dir", str(site_repo / "sources"), "--quiet"]) == 0
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "site")],
        cwd=site_repo,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert done.returncode == 0, done.stderr
    return tmp_path / "site"


@pytest.mark.slow
def test_markup_in_a_source_is_shown_as_text_on_the_built_site(built_site):
    from bs4 import BeautifulSoup

    for name, caption in (("hostile-text", None), ("hostile-page", HOSTILE_CAPTION)):
        soup = BeautifulSoup((built_site / "articles" / name / "index.html").read_text(encoding="utf-8"), "html.parser")
        content = soup.select_one("article") or soup.select_one(".md-content")
        assert content is not None
        h1 = content.find("h1")
        if h1:
            h1.decompose()  # the title is the site templates' to escape (see test below)
        assert not content.find(["script", "img", "iframe", "div"], recursive=True) or all(
            el.name == "div" and not el.get("onclick") for el in content.find_all(["script", "img", "iframe", "div"])
        )
        for el in content.find_all(True):
            assert not [a for a in el.attrs if a.lower().startswith("on")], el
            assert not str(el.get("href", "")).lower().startswith("javascript:"), el
        text = content.get_text(" ")
        for line in HOSTILE_LINES:
            if line != "---":
                assert " ".join(line.split()) in " ".join(text.split()), line
        if caption:
            (figcaption,) = content.find_all("figcaption")
            assert figcaption.get_text() == caption
            assert figcaption.find() is None, "the caption holds no markup"


@pytest.mark.slow
def test_a_title_with_markup_is_shown_as_text_on_the_built_site(built_site):
    from bs4 import BeautifulSoup

    page = (built_site / "articles" / "hostile-title" / "index.html").read_text(encoding="utf-8")
    assert "<img src=x onerror" not in page
    assert "<script>alert(2)" not in page
    soup = BeautifulSoup(page, "html.parser")
    assert HOSTILE_TITLE in soup.title.get_text(), "the tab shows the title as written"
    assert soup.find("h1").get_text(" ", strip=True) == " ".join(HOSTILE_TITLE.split())


# Fuzz: whatever the bytes, no traceback and no file outside the output folder ---------------------------------

FUZZ_TEXT = st.one_of(
    st.binary(max_size=600),
    st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.lists(
        st.sampled_from(
            HOSTILE_LINES
            + [LEAD, "Tiêu đề", "会晤结束后,各方发表了联合新闻公报。", "\r\n", "\x00", "\ufeff", "ChÆ°Æ¡ng"]
        ),
        max_size=12,
    ).map(lambda xs: "\n".join(xs).encode("utf-8", "surrogatepass")),
)


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(data=FUZZ_TEXT, file=st.sampled_from(["source.txt", "source.html"]), wrap=st.booleans())
def test_no_bytes_crash_ingestion_or_write_outside_the_output_folder(tmp_path_factory, data, file, wrap):
    repo = tmp_path_factory.mktemp("fuzz")
    folder = repo / "sources" / "fuzz"
    folder.mkdir(parents=True)
    if wrap and file == "source.html":
        data = (
            b"<html><body><article><h1>Ti\xc3\xaau \xc4\x91\xe1\xbb\x81</h1><p>"
            + data
            + b"</p></article></body></html>"
        )
    (folder / file).write_bytes(data)
    (folder / "meta.yml").write_text(
        "key: fuzz\ndate: 2024-01-02\ntitle: {vi: Tiêu đề, zh: 标题, uk: Заголовок}\n", encoding="utf-8"
    )
    before = {p for p in repo.rglob("*")}
    code = main(["--sources-dir", str(repo / "sources"), "--docs", str(repo / "out"), "--quiet"])
    assert code in (0, 1)
    new = {p for p in repo.rglob("*")} - before
    # Ingestion's own cache of unchanged sources lives in build/; nothing else is written outside out/.
    new -= {repo / "build", *(repo / "build").glob("ingest-cache-*.json")}
    assert all(p == repo / "out" or (repo / "out") in p.parents for p in new), new
    for written in (repo / "out").rglob("*.md") if (repo / "out").exists() else []:
        assert written.parent.parent.parent == repo / "out" and written.parent.name == "articles"
