"""Shared fixtures (the helpers they use are in helpers.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .helpers import DAY, ROOT, SOURCES, article, ingest_text, load_source, source_folders

__all__ = ["DAY", "ROOT", "SOURCES", "article", "ingest_text", "load_source", "source_folders"]


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """A scratch copy of the repository's sources and docs, to ingest into."""
    shutil.copytree(SOURCES, tmp_path / "sources")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path
