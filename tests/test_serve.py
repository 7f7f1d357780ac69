"""`make serve` and `make preview` follow the editor: a saved source shows on its page."""

from __future__ import annotations

import pytest

from scripts import worktree
from scripts.bench import editor_loop


@pytest.mark.slow
def test_a_saved_source_shows_on_the_served_site(tmp_path):
    repo = worktree.copy(tmp_path / "repo", skip=lambda path: path.parts[0] == "tests")
    up, shown = editor_loop.measure(repo, "2021-04-09-spring-meeting", "2021-04-09-spring-meeting", timeout=120)
    assert shown < 60, "the page changed after the source was saved"
    # The benchmark reports how long it took; at the archive's size it is a few seconds.


@pytest.mark.slow
def test_a_preview_serves_the_article_and_its_other_versions_alone(tmp_path):
    repo = worktree.copy(tmp_path / "repo", skip=lambda path: path.parts[0] == "tests")
    # 2025-02-19-spring-meeting: the bilingual source; its Ukrainian version comes from another source.
    up, shown = editor_loop.measure(
        repo, "2025-02-19-spring-meeting", "2025-02-19-spring-meeting", preview=True, timeout=120
    )
    assert shown < 60
    preview_docs = repo / "build" / "preview" / "docs"
    assert sorted(p.relative_to(preview_docs).as_posix() for p in preview_docs.glob("*/articles/*.md")) == [
        "uk/articles/2025-02-19-spring-meeting.md",
        "vi/articles/2025-02-19-spring-meeting.md",
        "zh/articles/2025-02-19-spring-meeting.md",
    ]
    assert (preview_docs / "vi" / "index.md").is_file(), "the hand-written pages come along"
