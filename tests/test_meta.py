"""meta.yml: every mistake an editor can make is named, with its line and fix."""

from datetime import date

import pytest

from scripts.ingest.meta_yml import load
from scripts.ingest.model import SourceError

EVENTS = {"spring-meeting-2025"}
PATH = "sources/x/meta.yml"


def error(text: str) -> SourceError:
    with pytest.raises(SourceError) as caught:
        load(PATH, text, EVENTS)
    return caught.value


def test_a_full_meta_yml_is_read():
    meta = load(
        PATH,
        "key: 2025-02-19-spring-meeting\n"
        "event: spring-meeting-2025\n"
        "original: vi\n"
        'title: {uk: "Весняна зустріч"}\n'
        "date: 2025-02-19\n"
        "date_end: 2025-02-21\n"
        "source_url: https://example.vn/a\n"
        "authors: {vi: [Lưu Linh]}\n"
        "lines: {12: caption, 40: {lang: vi}}\n",
        EVENTS,
    )
    assert meta.key == "2025-02-19-spring-meeting"
    assert meta.titles == {"uk": "Весняна зустріч"}
    assert (meta.date, meta.date_end) == (date(2025, 2, 19), date(2025, 2, 21))
    assert meta.authors == {"vi": ["Lưu Linh"]}
    assert meta.lines == {12: {"role": "caption"}, 40: {"lang": "vi"}}


def test_bad_yaml_names_the_line():
    err = error('key: a\ntitle: {vi: "unclosed\n')
    assert err.path == PATH and err.line is not None and "not valid YAML" in err.message


def test_an_unknown_field_is_named_and_known_ones_are_listed():
    err = error("key: a\ntitel: x\n")
    assert err.line == 2 and "titel" in err.message and "title" in err.fix


def test_a_missing_key():
    assert "`key` is missing" in error("event: spring-meeting-2025\n").message


def test_a_key_that_is_not_a_slug():
    err = error("key: ../../etc/passwd\n")
    assert err.line == 1 and "lowercase ASCII" in err.fix


def test_a_language_the_site_does_not_have():
    err = error("key: a\ntitle: {en: Hello}\n")
    assert err.line == 2 and "'en' is not a language" in err.message and "vi, zh, uk" in err.fix


def test_a_date_that_is_not_a_date():
    err = error("key: a\ndate: 2025-02-30\n")
    assert err.line == 2 and "not a date" in err.message and "YYYY-MM-DD" in err.fix


def test_an_end_before_the_start():
    assert "not after" in error("key: a\ndate: 2025-02-21\ndate_end: 2025-02-19\n").message


def test_an_unknown_event():
    err = error("key: a\nevent: spring-meeting-2099\n")
    assert "unknown event" in err.message and "spring-meeting-2025" in err.fix


def test_a_translation_must_say_of_what():
    assert "translation_of" in error("key: a\nrelation: translation\n").message


def test_a_line_override_with_an_unknown_role():
    err = error("key: a\nlines: {12: picture}\n")
    assert "unknown role" in err.message and "caption" in err.fix


def test_a_source_url_that_is_not_a_web_address():
    assert "not a web address" in error("key: a\nsource_url: baohagiang.vn\n").message


def test_a_field_given_twice():
    assert "given twice" in error("key: a\nkey: b\n").message


def test_a_key_that_is_a_reserved_name():
    for key in ("con", "index", "lpt1"):
        err = error(f"key: {key}\n")
        assert err.line == 1 and "reserved" in err.message


def test_a_key_that_is_too_long():
    assert "longer than 80" in error(f"key: {'a' * 81}\n").message
