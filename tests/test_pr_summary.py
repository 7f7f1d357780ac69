"""The job summary a pull request's reviewer reads: what ingestion made of the sources it changes."""

from __future__ import annotations

import shutil
import subprocess

from scripts import pr_summary

from .helpers import SOURCES


def git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def repo_with_a_new_source(tmp_path, text: str):
    shutil.copytree(SOURCES, tmp_path / "sources")
    git(tmp_path, "init", "-q")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base", "--allow-empty")
    git(tmp_path, "add", "-A")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "seeds")
    base = subprocess.run(["git", "rev-parse", "HEAD"], cwd=tmp_path, capture_output=True, text=True).stdout.strip()
    folder = tmp_path / "sources" / "2024-11-20-new"
    folder.mkdir()
    (folder / "source.txt").write_text(text, encoding="utf-8")
    (folder / "meta.yml").write_text("key: 2024-11-20-new\n", encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "new source")
    return base


PAGE = (
    "星期二, 10/12/2024 10:05 (GMT +7)\n\n"
    "Hai lối mở biên giới <script>alert(1)</script> | *tạm thời* mở\n\n"
    "星期三, 20/11/2024 | 21:28:30 [GMT +7] A  A\n\n"
    "Ngày 17/11, lối mở Bát Bố (Trung Quốc) - Nghĩa Thuận (Việt Nam) tạm thời mở để vận chuyển hành khách qua biên giới.\n"
)


def test_only_the_changed_sources_are_summarized_with_their_articles_drops_and_doubts(tmp_path):
    base = repo_with_a_new_source(tmp_path, PAGE)
    folders = pr_summary.changed_folders(base, tmp_path / "sources", tmp_path)
    assert [f.name for f in folders] == ["2024-11-20-new"]
    text = pr_summary.summarize(folders, tmp_path, None)
    assert "| vi | Hai lối mở biên giới" in text and "| 2024-11-20 |" in text
    assert "the site&#39;s clock above the headline" in text
    assert "lines left out" in text


def test_source_text_never_becomes_markup_in_the_summary(tmp_path):
    base = repo_with_a_new_source(tmp_path, PAGE)
    text = pr_summary.summarize(pr_summary.changed_folders(base, tmp_path / "sources", tmp_path), tmp_path, None)
    title_row = next(line for line in text.splitlines() if line.startswith("| vi |"))
    assert "<script>" not in title_row and "&#60;script&#62;" in title_row
    assert title_row.count("|") == 6, "a | in a title cannot add a column"
    assert "*tạm thời*" not in title_row


def test_a_source_that_cannot_be_ingested_is_summarized_with_its_error(tmp_path):
    base = repo_with_a_new_source(tmp_path, "Дуже коротко.\n")
    text = pr_summary.summarize(pr_summary.changed_folders(base, tmp_path / "sources", tmp_path), tmp_path, None)
    assert "**needs the editor**" in text or "**error**" in text


def test_a_code_span_holds_backticks_without_ending_early():
    assert pr_summary.code("a `b` c") == "`` a `b` c ``"
