"""What the ingestion tests share: the repository's places, and ingesting a source, a text or a case."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from scripts import paths
from scripts.ingest import meta_yml, sources
from scripts.ingest.model import Result, Source, SourceMeta
from scripts.ingest.pipeline import ingest

ROOT = paths.ROOT
SOURCES = paths.SOURCES
DAY = date(2024, 2, 20)


def events() -> set[str] | None:
    registry = sources.load_events(SOURCES, ROOT)
    return set(registry) if registry else None


def source_folders() -> list[Path]:
    return sources.discover(SOURCES)


def load_source(folder: Path) -> Source:
    return sources.load(folder, ROOT, events())


def ingest_text(text: str, **meta) -> Result:
    """Ingest `text` exactly as given, as if it were sources/test/source.txt."""
    meta.setdefault("key", "test-article")
    return ingest(Source("sources/test/source.txt", text, SourceMeta(**meta)))


def ingest_case(case: Path) -> Result:
    """Ingest a case folder (tests/cases/<name>/) as if it were sources/<name>/."""
    (raw,) = [case / name for name in sources.SOURCE_NAMES if (case / name).is_file()]
    meta_path = case / sources.META_NAME
    shown = f"sources/{case.name}"
    meta = meta_yml.load(f"{shown}/{sources.META_NAME}", meta_path.read_text(encoding="utf-8"), events())
    return ingest(sources.from_bytes(raw.read_bytes(), f"{shown}/{raw.name}", meta, raw.name == sources.HTML_NAME))


def article(result: Result, lang: str):
    (found,) = [a for a in result.articles if a.lang == lang]
    return found
