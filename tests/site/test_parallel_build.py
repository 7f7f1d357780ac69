"""`mkdocs build` builds the languages side by side (scripts/site/parallel.py).

The result must be the same site, byte for byte, as the plugin's own builds one
language after another, and a failure in any language must fail the build.
"""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .builder import scratch_project

pytestmark = pytest.mark.slow


def mkdocs_build(project: Path, site: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        env={"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp"), "NO_MKDOCS_2_WARNING": "1", **env},
    )


def differences(a: Path, b: Path) -> list[str]:
    found = []

    def walk(cmp: filecmp.dircmp, at: str) -> None:
        found.extend(f"{at}{name}" for name in cmp.left_only + cmp.right_only + cmp.funny_files)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        found.extend(f"{at}{name}" for name in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{at}{name}/")

    walk(filecmp.dircmp(a, b), "")
    return found


def test_the_languages_built_side_by_side_make_the_same_site_as_one_after_another(tmp_path):
    project = scratch_project(tmp_path)
    parallel = mkdocs_build(project, tmp_path / "parallel")
    sequential = mkdocs_build(project, tmp_path / "sequential", ARCHIVE_BUILD_JOBS="1")
    assert parallel.returncode == 0, parallel.stderr
    assert sequential.returncode == 0, sequential.stderr
    assert (tmp_path / "parallel" / "zh" / "pagefind" / "pagefind.js").is_file()
    assert differences(tmp_path / "parallel", tmp_path / "sequential") == []


def test_a_language_that_fails_fails_the_whole_build(tmp_path):
    project = scratch_project(tmp_path)
    # A warning in strict mode, in the Ukrainian pages only: a link to a page that does not exist.
    (project / "docs" / "uk" / "broken.md").write_text("# Зламано\n\n[посилання](nowhere.md)\n", encoding="utf-8")
    done = mkdocs_build(project, tmp_path / "site")
    assert done.returncode != 0
    assert "nowhere.md" in done.stderr
    assert "building uk failed" in done.stderr
