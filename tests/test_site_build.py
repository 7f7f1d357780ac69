"""The real MkDocs build of the real docs/ succeeds in strict mode."""

from __future__ import annotations

import subprocess
import sys

import pytest

from scripts.paths import ROOT


@pytest.mark.slow
def test_mkdocs_builds_strict_with_every_article(tmp_path):
    site = tmp_path / "site"
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    assert "WARNING" not in done.stderr
    for lang, prefix in (("vi", ""), ("zh", "zh/"), ("uk", "uk/")):
        for md in sorted((ROOT / "docs" / lang / "articles").glob("*.md")):
            assert (site / f"{prefix}articles/{md.stem}/index.html").is_file()
