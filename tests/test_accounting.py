"""Nothing is lost: every non-blank line of every source is in an article or
in the report's dropped list with a reason.

Proved on what ingestion writes to disk: the report says where each line
went, and the article files are read back (Markdown rendered to text) to
check that the line's words are really there.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from scripts.ingest.cli import main
from scripts.ingest.credits import BYLINE, DATELINE, SOURCE
from scripts.ingest.text import normalize

from .helpers import SOURCES, source_folders
from .test_render import to_html

WORD = re.compile(r"\w+")


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    out = tmp_path_factory.mktemp("accounting")
    report_path = out / "report.json"
    assert main(["--docs", str(out / "docs"), "--report", str(report_path), "--quiet"]) == 0
    return out / "docs", json.loads(report_path.read_text(encoding="utf-8"))


def article_text(path: Path) -> str:
    """Everything a reader of this article can see, as plain text."""
    from bs4 import BeautifulSoup

    _, matter, body = path.read_text(encoding="utf-8").split("---\n", 2)
    data = yaml.safe_load(matter)
    fields = [data["title"], data.get("kicker") or "", data.get("agency") or "", data.get("source_url") or ""]
    fields += data.get("authors", [])
    return normalize(" ".join(fields) + " " + BeautifulSoup(to_html(body), "html.parser").get_text(" "))


def words_left(line: str, *texts: str) -> set[str]:
    """Words of `line` found in none of `texts` (labels such as `Bài:` aside)."""
    line = BYLINE.sub(lambda m: m.group("names"), line)
    line = SOURCE.sub(lambda m: m.group("value"), line)
    line = DATELINE.sub(lambda m: m.group("agency") + " ", line)
    haystack = " ".join(texts)  # substrings, not whole words: Chinese joins lines without a space
    return {w for w in WORD.findall(line) if w not in haystack}


@pytest.mark.parametrize("folder", source_folders(), ids=lambda p: p.name)
def test_every_line_is_in_an_article_or_dropped_with_a_reason(folder, ingested):
    docs, report = ingested
    source = f"sources/{folder.name}/source.txt"
    raw_lines = (folder / "source.txt").read_text(encoding="utf-8").splitlines()
    articles = [a for a in report["articles"] if a["source"] == source]
    dropped = [d for d in report["dropped"] if d["source"] == source]
    assert articles, "the source made no article"
    assert all(d["reason"] for d in dropped)

    texts = {a["lang"]: article_text(docs / a["lang"] / "articles" / f"{a['key']}.md") for a in articles}
    for no, raw in enumerate(raw_lines, start=1):
        if not raw:
            continue
        homes = [a["lang"] for a in articles if no in a["lines"]]
        drops = [d for d in dropped if d["line"] == no]
        assert homes or drops, f"line {no} is neither in an article nor dropped: {raw!r}"
        if len(homes) + len(drops) > 1:
            # Only a line holding two languages (a bilingual title) may be shared,
            # each article or drop taking its own part of it.
            assert len(set(homes)) == len(homes)
        left = words_left(normalize(raw), *(texts[lang] for lang in homes), *(normalize(d["text"]) for d in drops))
        assert not left, f"line {no}: words lost: {sorted(left)}"


@pytest.fixture(scope="module")
def ingested_pages(tmp_path_factory):
    """Every seed as a saved news page (tests/pages.py), ingested by the command."""
    from .test_html import SEEDS, page_for

    repo = tmp_path_factory.mktemp("accounting-html")
    for folder in SEEDS:
        (repo / "sources" / folder).mkdir(parents=True)
        (repo / "sources" / folder / "source.html").write_text(page_for(folder), encoding="utf-8")
        shutil.copy(SOURCES / folder / "meta.yml", repo / "sources" / folder / "meta.yml")
    report_path = repo / "report.json"
    assert main(["--sources-dir", str(repo / "sources"), "--report", str(report_path), "--quiet"]) == 0
    return repo, json.loads(report_path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("folder", [p.name for p in source_folders()])
def test_every_block_of_a_saved_page_is_in_an_article_or_dropped_with_a_reason(folder, ingested_pages):
    """For HTML, a line is a visible text block of the page (see scripts/ingest/saved_page.py)."""
    from scripts.ingest.saved_page import extract

    repo, report = ingested_pages
    source = f"sources/{folder}/source.html"
    blocks = extract((repo / source).read_text(encoding="utf-8"), source).lines
    articles = [a for a in report["articles"] if a["source"] == source]
    dropped = [d for d in report["dropped"] if d["source"] == source]
    assert articles and all(d["reason"] for d in dropped)
    texts = {a["lang"]: article_text(repo / "docs" / a["lang"] / "articles" / f"{a['key']}.md") for a in articles}
    for no, raw in enumerate(blocks, start=1):
        homes = [a["lang"] for a in articles if no in a["lines"]]
        drops = [d for d in dropped if d["line"] == no]
        assert homes or drops, f"block {no} is neither in an article nor dropped: {raw!r}"
        left = words_left(normalize(raw), *(texts[lang] for lang in homes), *(normalize(d["text"]) for d in drops))
        assert not left, f"block {no}: words lost: {sorted(left)}"
