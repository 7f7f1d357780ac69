"""The site's own words and dates, in the reader's language."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

import yaml
from babel.dates import format_date, format_interval

STRINGS_FILE = Path(__file__).with_name("strings.yml")


class StringsError(Exception):
    pass


@lru_cache(maxsize=4)
def load(path: Path = STRINGS_FILE) -> dict[str, dict]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not data:
        raise StringsError(f"{path}: expected one mapping of strings per language")
    return data


def for_language(lang: str, languages: tuple[str, ...], path: Path = STRINGS_FILE) -> dict:
    """The strings of one language, after checking the file is complete for every site language."""
    data = load(path)
    check(data, languages, path)
    return data[lang]


def check(data: dict, languages: tuple[str, ...], path: Path = STRINGS_FILE) -> None:
    missing = [lang for lang in languages if lang not in data]
    if missing:
        raise StringsError(
            f"{path}: no strings for {', '.join(missing)}; copy another language's block and translate it"
        )
    reference = _shape(data[languages[0]])
    for lang in languages:
        shape = _shape(data[lang])
        if shape != reference:
            gaps = sorted(reference ^ shape)
            raise StringsError(f"{path}: `{lang}` differs from `{languages[0]}` in keys {', '.join(gaps)}")
        for name in ("language", "translated_from"):
            absent = [other for other in languages if other not in data[lang][name]]
            if absent:
                raise StringsError(f"{path}: `{lang}.{name}` lacks {', '.join(absent)}")


def _shape(block: dict, prefix: str = "") -> set[str]:
    keys = set()
    for key, value in block.items():
        if isinstance(value, dict) and key not in ("language", "translated_from"):
            keys |= _shape(value, f"{prefix}{key}.")
        else:
            keys.add(prefix + key)
    return keys


@lru_cache(maxsize=8192)
def date_text(lang: str, start: dt.date | None, end: dt.date | None = None) -> str | None:
    """A date or a span of days as a reader of `lang` writes it: 19 tháng 2, 2025 / 2025年2月19日至21日."""
    if start is None:
        return None
    if end is None or end == start:
        return format_date(start, "long", locale=lang)
    return format_interval(start, end, "yMMMMd", locale=lang)
