"""`python -m scripts.ingest`: writing, checking, reporting, refusing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.ingest import batch, write
from scripts.ingest.cli import main

from .helpers import ROOT


def run(repo: Path, *args: str) -> int:
    return main(["--sources-dir", str(repo / "sources"), "--quiet", *args])


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_the_committed_markdown_is_what_the_sources_produce():
    assert main(["--check", "--quiet"]) == 0


def test_it_runs_as_a_module_and_prints_a_summary(repo_copy):
    done = subprocess.run(
        [sys.executable, "-m", "scripts.ingest", "--sources-dir", str(repo_copy / "sources"), "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "5 sources ingested → 7 articles (vi 4, zh 2, uk 1)" in done.stdout


def test_a_second_run_changes_no_byte_and_touches_no_file(repo_copy):
    shutil.rmtree(repo_copy / "docs" / "vi" / "articles")
    assert run(repo_copy) == 0
    before = snapshot(repo_copy / "docs")
    assert run(repo_copy) == 0
    assert snapshot(repo_copy / "docs") == before


def test_check_passes_after_an_ingest_and_fails_after_a_source_is_edited(repo_copy):
    assert run(repo_copy, "--check") == 0
    source = repo_copy / "sources" / "2021-04-09-spring-meeting" / "source.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("Dương Liễu", "Dương Liễu Hà"), encoding="utf-8")
    before = snapshot(repo_copy / "docs")
    assert run(repo_copy, "--check") == 1
    assert snapshot(repo_copy / "docs") == before, "--check writes nothing"
    assert run(repo_copy) == 0
    assert run(repo_copy, "--check") == 0


def test_the_report_lists_articles_and_dropped_lines(repo_copy, tmp_path):
    report_path = tmp_path / "report.json"
    assert run(repo_copy, "--report", str(report_path)) == 0
    report = json.loads(report_path.read_text(encoding="utf-8"))
    first = report["articles"][0]
    assert set(first) >= {
        "key",
        "lang",
        "path",
        "title",
        "date",
        "authors",
        "source",
        "paragraphs",
        "headings",
        "captions",
    }
    assert first["path"] == f"docs/{first['lang']}/articles/{first['key']}.md"
    view = [d for d in report["dropped"] if d["text"] == "Lượt xem: 5205"]
    assert view == [
        {
            "source": "sources/2021-04-09-spring-meeting/source.txt",
            "line": 2,
            "text": "Lượt xem: 5205",
            "reason": "view counter",
        }
    ]
    assert report["errors"] == []


def test_a_broken_source_fails_the_run_but_the_others_are_ingested(repo_copy, capsys):
    (repo_copy / "sources" / "2025-02-21-spring-meeting-ha-giang" / "meta.yml").write_text(
        "key: 2025-02-19-spring-meeting\nrelation: report\n", encoding="utf-8"
    )  # no title for a source that has none
    shutil.rmtree(repo_copy / "docs" / "vi" / "articles")
    assert run(repo_copy) == 1
    err = capsys.readouterr().err
    assert "sources/2025-02-21-spring-meeting-ha-giang/source.txt:2: no Ukrainian title" in err
    assert "title: {uk:" in err
    assert len(list((repo_copy / "docs" / "vi" / "articles").glob("*.md"))) == 4
    # Its earlier article is kept until the source is fixed.
    assert (repo_copy / "docs" / "uk" / "articles" / "2025-02-19-spring-meeting.md").exists()


def test_two_sources_writing_the_same_file_is_an_error_not_an_overwrite(repo_copy, capsys):
    clash = repo_copy / "sources" / "2021-04-08-copy"  # sorts first: order must not decide who wins
    shutil.copytree(repo_copy / "sources" / "2021-04-09-spring-meeting", clash)
    source = clash / "source.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("Dương Liễu", "Dương Liễu Hà"), encoding="utf-8")
    (clash / "meta.yml").write_text("# a second copy\nkey: 2021-04-09-spring-meeting\n", encoding="utf-8")
    article = repo_copy / "docs" / "vi" / "articles" / "2021-04-09-spring-meeting.md"
    before = article.read_bytes()
    assert run(repo_copy) == 1
    err = capsys.readouterr().err
    # Each source is told, at the line of its `key`, which other source makes the same article, and what to do.
    assert (
        "error: sources/2021-04-08-copy/meta.yml:2: `key`: 2021-04-09-spring-meeting is also the key of "
        "sources/2021-04-09-spring-meeting/source.txt, and both make its vi article "
        "(docs/vi/articles/2021-04-09-spring-meeting.md)"
    ) in err
    assert (
        "error: sources/2021-04-09-spring-meeting/meta.yml:1: `key`: 2021-04-09-spring-meeting is also the key of "
        "sources/2021-04-08-copy/source.txt"
    ) in err
    assert "fix: give one of the two (most likely the one you added) a key of its own, e.g. " in err
    assert "`key: 2021-04-09-spring-meeting-2`" in err
    assert article.read_bytes() == before, "neither source overwrites the article"


def test_a_bare_file_whose_name_makes_a_taken_key_is_refused(repo_copy, tmp_path, capsys):
    bare = tmp_path / "2021-04-09-spring-meeting.txt"
    shutil.copy(repo_copy / "sources" / "2021-04-09-spring-meeting" / "source.txt", bare)
    folder = repo_copy / "sources" / "2021-04-09-spring-meeting"
    assert run(repo_copy, str(folder), str(bare), "--docs", str(tmp_path / "out")) == 1
    err = capsys.readouterr().err
    assert f"error: {bare.name}: its key '2021-04-09-spring-meeting' (from the file name) is also the key of" in err
    assert "rename the file" in err


def test_articles_no_source_makes_any_more_are_removed(repo_copy):
    shutil.rmtree(repo_copy / "sources" / "2021-04-09-spring-meeting")
    stale = repo_copy / "docs" / "vi" / "articles" / "2021-04-09-spring-meeting.md"
    assert stale.exists()
    assert run(repo_copy, "--check") == 1
    assert run(repo_copy) == 0
    assert not stale.exists()
    assert (repo_copy / "docs" / "vi" / "index.md").exists(), "hand-written pages are never touched"


def test_a_bare_file_can_be_ingested_into_any_folder(tmp_path):
    bare = tmp_path / "bai-viet-moi.txt"
    bare.write_text("Tiêu đề bài mới\n\nNgày 3 tháng 3 năm 2024, hai bên gặp nhau.\n", encoding="utf-8")
    assert main([str(bare), "--docs", str(tmp_path / "out"), "--quiet"]) == 0
    written = tmp_path / "out" / "vi" / "articles" / "bai-viet-moi.md"
    assert "title: Tiêu đề bài mới" in written.read_text(encoding="utf-8")


def test_a_write_that_fails_leaves_the_old_file_whole_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "a.md"
    target.write_bytes(b"old")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write.write_atomic(target, b"new content")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


def test_unchanged_sources_are_taken_from_the_cache_without_being_ingested(repo_copy, monkeypatch):
    assert run(repo_copy) == 0
    report = repo_copy / "report.json"

    def no_ingest(source):
        raise AssertionError(f"{source.path} was ingested again")

    monkeypatch.setattr(batch, "ingest", no_ingest)
    assert run(repo_copy, "--report", str(report)) == 0
    assert len(json.loads(report.read_text(encoding="utf-8"))["articles"]) == 7, "the report still lists everything"


def test_an_edited_source_or_a_hand_edited_article_is_ingested_again(repo_copy):
    assert run(repo_copy) == 0
    article = repo_copy / "docs" / "vi" / "articles" / "2021-04-09-spring-meeting.md"
    original = article.read_text(encoding="utf-8")
    article.write_text(original.replace("Dương Liễu", "Someone Else"), encoding="utf-8")
    assert run(repo_copy) == 0
    assert article.read_text(encoding="utf-8") == original, "the hand edit is undone"

    source = repo_copy / "sources" / "2021-04-09-spring-meeting" / "source.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("Dương Liễu", "Dương Liễu Hà"), encoding="utf-8")
    assert run(repo_copy) == 0
    assert "Dương Liễu Hà" in article.read_text(encoding="utf-8")


def test_a_change_to_the_pipeline_code_invalidates_the_cache(repo_copy, monkeypatch):
    assert run(repo_copy) == 0
    seen = []
    monkeypatch.setattr(batch.cache_mod, "code_version", lambda: "another version of the pipeline")
    real = batch.ingest
    monkeypatch.setattr(batch, "ingest", lambda source: seen.append(source.path) or real(source))
    assert run(repo_copy) == 0
    assert len(seen) == 5


def test_many_sources_are_ingested_in_parallel_with_the_same_result(repo_copy, monkeypatch, tmp_path):
    assert run(repo_copy, "--no-cache", "--docs", str(tmp_path / "serial")) == 0
    monkeypatch.setattr(batch, "PARALLEL_THRESHOLD", 2)
    assert run(repo_copy, "--no-cache", "--docs", str(tmp_path / "parallel")) == 0
    serial = {p.relative_to(tmp_path / "serial"): p.read_bytes() for p in (tmp_path / "serial").rglob("*.md")}
    parallel = {p.relative_to(tmp_path / "parallel"): p.read_bytes() for p in (tmp_path / "parallel").rglob("*.md")}
    assert serial == parallel and len(serial) == 7
