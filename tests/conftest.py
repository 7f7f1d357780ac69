"""Shared fixtures: the repository, its sources, and ingestion of small texts."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from scripts import paths
from scripts.ingest import sources
from scripts.ingest.model import Result, Source, SourceMeta
from scripts.ingest.pipeline import ingest

ROOT = paths.ROOT
SOURCES = ROOT / "sources"


def source_folders() -> list[Path]:
    return sources.discover(SOURCES)


def load_source(folder: Path) -> Source:
    registry = sources.load_events(SOURCES, ROOT)
    return sources.load(folder, ROOT, set(registry) if registry else None)


def ingest_text(text: str, **meta) -> Result:
    """Ingest `text` exactly as given, as if it were sources/test/source.txt."""
    meta.setdefault("key", "test-article")
    return ingest(Source("sources/test/source.txt", text, SourceMeta(**meta)))


def article(result: Result, lang: str):
    (found,) = [a for a in result.articles if a.lang == lang]
    return found


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """A scratch copy of the repository's sources and docs, to ingest into."""
    shutil.copytree(SOURCES, tmp_path / "sources")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path


DAY = date(2024, 2, 20)
