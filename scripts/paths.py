"""Where the repository keeps things: the one place commands and hooks look them up.

`scripts` is installed in editable mode (`make venv` runs `pip install -e .`),
so this file stays inside the repository and every command finds the
repository from here, whatever the current directory.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "sources"  # what editors add: one folder per source, and events.yml
DOCS = ROOT / "docs"  # the Markdown ingestion writes (and hand-written pages)
BUILD = ROOT / "build"  # scratch output, never committed: report, caches, locks
SITE = ROOT / "site"  # the built site
NODE_MODULES = ROOT / "node_modules"
MKDOCS_YML = ROOT / "mkdocs.yml"
REPORT = BUILD / "ingest-report.json"
