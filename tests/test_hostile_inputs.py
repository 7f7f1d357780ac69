"""A hostile contributor's audit: each attack is made here and must be refused or made harmless.

Every refusal names the file (and the line, when there is one) and says what
to do; one bad source never stops the others; nothing is lost silently.
Big inputs are generated here, never committed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scripts.contract import EventsError, parse_events
from scripts.ingest import keys
from scripts.ingest.meta_yml import load as load_meta
from scripts.ingest.model import SourceError

from .helpers import SOURCES
from .test_hostile import GOOD, LEAD, add, refused

EVENT_NAMES = {"vi": "Sự kiện", "zh": "活动", "uk": "Подія"}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A scratch repository holding one good source (as in test_hostile.py)."""
    shutil.copytree(SOURCES / GOOD, tmp_path / "sources" / GOOD)
    return tmp_path


def meta_error(text: str, events: set[str] | None = None) -> SourceError:
    with pytest.raises(SourceError) as caught:
        load_meta("sources/x/meta.yml", text, events)
    return caught.value


# 4. A value with a trailing newline passes a check made with `re.match` and `$` ------------------------------


def test_a_key_with_a_trailing_newline_is_not_a_key():
    assert keys.problem("abc\n") is not None
    assert keys.problem("abc") is None


def test_a_quoted_key_with_a_trailing_newline_is_refused_in_meta_yml():
    err = meta_error('key: "2025-02-19-spring-meeting\\n"\n')
    assert err.line == 1 and "not a valid key" in err.message and "lowercase ASCII" in err.fix


def test_a_source_whose_key_ends_in_a_newline_writes_no_file(repo, capsys):
    folder = add(repo, "newline-key", {"source.txt": f"Tiêu đề\n{LEAD}\n"})
    (folder / "meta.yml").write_text('key: "newline-key\\n"\n', encoding="utf-8")
    refused(repo, capsys, "sources/newline-key/meta.yml:1", "is not a valid key", "lowercase ASCII")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("date", '"2025-02-19\\n"'),
        ("date", "20250219"),  # ISO 8601's basic form: Python reads it, the site's YYYY-MM-DD does not
        ("date", "2025-W08-3"),
        ("source_url", '"https://example.vn/a\\n<script>"'),
        ("source_url", '"https://example.vn/a b"'),
        ("source_url", '"https://[example.vn/a"'),  # urlparse raises on an unclosed IPv6 bracket
        ("event", '"spring-meeting-2025\\n"'),
    ],
)
def test_a_value_with_a_trailing_newline_or_another_form_is_refused(field, value):
    err = meta_error(f"key: a\n{field}: {value}\n")
    assert err.line == 2 and f"`{field}`" in err.message


def test_an_event_id_that_cannot_be_part_of_a_url_is_refused_in_events_yml():
    names = "".join(f"  {lang}: {name}\n" for lang, name in EVENT_NAMES.items())
    with pytest.raises(EventsError) as caught:
        parse_events(f'"spring\\n":\n{names}')
    assert "event id" in caught.value.message
    assert parse_events(f"spring-2025:\n{names}") == {"spring-2025": EVENT_NAMES}
