"""`make serve` follows the editor: a saved source shows on its page in seconds."""

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
