"""Each source's expected Markdown, reviewed by a person and committed.

A change to ingestion that changes any output shows here as a diff. When the
change is intended, regenerate with `UPDATE_GOLDEN=1 make test`, read the diff
of tests/golden/, and commit it with the change.
"""

from __future__ import annotations

import os

import pytest

from scripts.ingest.pipeline import ingest
from scripts.ingest.render import render

from .conftest import ROOT, load_source, source_folders

GOLDEN = ROOT / "tests" / "golden"


@pytest.mark.parametrize("folder", source_folders(), ids=lambda p: p.name)
def test_output_matches_the_reviewed_markdown(folder):
    result = ingest(load_source(folder))
    expected_dir = GOLDEN / folder.name
    if os.environ.get("UPDATE_GOLDEN"):
        expected_dir.mkdir(parents=True, exist_ok=True)
        for old in expected_dir.glob("*.md"):
            old.unlink()
        for article in result.articles:
            (expected_dir / f"{article.lang}.md").write_text(render(article), encoding="utf-8")
    expected = {p.stem: p.read_text(encoding="utf-8") for p in sorted(expected_dir.glob("*.md"))}
    actual = {a.lang: render(a) for a in result.articles}
    assert sorted(actual) == sorted(expected), "languages differ from the golden files"
    for lang, text in actual.items():
        assert text == expected[lang], f"{folder.name}/{lang}.md differs from tests/golden"
