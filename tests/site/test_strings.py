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
        # A span of days in the same style as a single date: the month spelled out, as CLDR's
        # long date writes it (Babel's spans abbreviated it: "19–21 лют. 2025 р.", "19 – 21 thg 2, 2025").
        ("uk", dt.date(2025, 2, 19), dt.date(2025, 2, 21), "19–21 лютого 2025\u202fр."),
        ("vi", dt.date(2025, 2, 19), dt.date(2025, 2, 21), "19\u2009–\u200921 tháng 2, 2025"),
        ("vi", dt.date(2025, 2, 27), dt.date(2025, 3, 2), "27 tháng 2\u2009–\u20092 tháng 3, 2025"),
        ("uk", dt.date(2025, 2, 27), dt.date(2025, 3, 2), "27 лютого – 2 березня 2025\u202fр."),
        ("vi", dt.date(2024, 12, 30), dt.date(2025, 1, 2), "30 tháng 12, 2024\u2009–\u20092 tháng 1, 2025"),
        ("zh", dt.date(2024, 12, 30), dt.date(2025, 1, 2), "2024年12月30日至2025年1月2日"),
        ("uk", dt.date(2024, 12, 30), dt.date(2025, 1, 2), "30 грудня 2024 – 2 січня 2025\u202fрр."),
    ],
)
def test_dates_read_naturally_in_each_language(lang, start, end, expected):
    assert strings.date_text(lang, start, end) == expected


@pytest.mark.parametrize("lang", LANGS)
def test_a_span_of_days_is_written_in_the_style_of_a_single_date(lang):
    start, end = dt.date(2025, 2, 19), dt.date(2025, 2, 21)
    single = strings.date_text(lang, end)
    span = strings.date_text(lang, start, end)
    # The span ends as the single date of its last day is written: same month word, same year.
    assert span.endswith(single.split("21", 1)[1]), (span, single)
