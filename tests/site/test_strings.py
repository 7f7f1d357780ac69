"""The site's own words: complete in every language, dates as each language writes them."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from scripts.site import strings

LANGS = ("vi", "zh", "uk")


def test_every_language_has_every_string():
    data = strings.load()
    strings.check(data, LANGS)
    for lang in LANGS:
        assert all(v for v in data[lang].values()), lang


def test_a_missing_string_is_reported_with_its_key(tmp_path):
    data = strings.load()
    broken = {lang: dict(block) for lang, block in data.items()}
    del broken["uk"]["empty"]
    path = tmp_path / "strings.yml"
    path.write_text(yaml.safe_dump(broken, allow_unicode=True), encoding="utf-8")
    with pytest.raises(strings.StringsError, match="`uk` differs from `vi` in keys empty"):
        strings.check(broken, LANGS, path)


@pytest.mark.parametrize(
    ("lang", "start", "end", "expected"),
    [
        ("vi", dt.date(2025, 2, 19), None, "19 tháng 2, 2025"),
        ("zh", dt.date(2025, 2, 19), None, "2025年2月19日"),
        ("uk", dt.date(2025, 2, 21), None, "21 лютого 2025\u202fр."),  # narrow no-break space, per CLDR
        ("zh", dt.date(2025, 2, 19), dt.date(2025, 2, 21), "2025年2月19日至21日"),
        ("uk", dt.date(2025, 2, 19), dt.date(2025, 2, 21), "19–21 лют. 2025\u202fр."),
    ],
)
def test_dates_read_naturally_in_each_language(lang, start, end, expected):
    assert strings.date_text(lang, start, end) == expected
