"""The site's own words, counts and dates, in the reader's language.

Counts and dates follow the Unicode CLDR rules (through Babel): a message
that holds a count is a mapping from CLDR plural categories to text
(`one`/`few`/`many`/`other` in Ukrainian, `other` alone in Vietnamese and
Chinese), and every date, single or a span of days, is written in the
language's one long style.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

import yaml
from babel import Locale
from babel.dates import format_date, parse_pattern
from babel.numbers import format_decimal

STRINGS_FILE = Path(__file__).with_name("strings.yml")

# Mappings of language names, not messages: their keys are the site's languages.
LANGUAGE_TABLES = ("language", "translated_from")
# The plural categories CLDR defines (https://cldr.unicode.org/index/cldr-spec/plural-rules).
CATEGORIES = frozenset({"zero", "one", "two", "few", "many", "other"})


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
        for name in LANGUAGE_TABLES:
            absent = [other for other in languages if other not in data[lang][name]]
            if absent:
                raise StringsError(f"{path}: `{lang}.{name}` lacks {', '.join(absent)}")
        _check_plurals(data[lang], lang, path)


def is_plural(value) -> bool:
    """A message with a count: a mapping from CLDR plural categories to text, `other` among them."""
    return isinstance(value, dict) and "other" in value and set(value) <= CATEGORIES


def categories(lang: str) -> frozenset[str]:
    """The plural categories `lang` tells apart (CLDR): {'other'} for vi and zh, one/few/many/other for uk."""
    return frozenset(Locale.parse(lang).plural_form.tags | {"other"})


def _check_plurals(block: dict, lang: str, path: Path, prefix: str = "") -> None:
    wanted = categories(lang)
    for key, value in block.items():
        if key in LANGUAGE_TABLES:
            continue
        if is_plural(value):
            if set(value) != wanted:
                raise StringsError(
                    f"{path}: `{lang}.{prefix}{key}` has the forms {', '.join(sorted(value))}; "
                    f"{lang} needs exactly {', '.join(sorted(wanted))} (CLDR plural categories)"
                )
        elif isinstance(value, dict):
            _check_plurals(value, lang, path, f"{prefix}{key}.")


def _shape(block: dict, prefix: str = "") -> set[str]:
    keys = set()
    for key, value in block.items():
        if isinstance(value, dict) and key not in LANGUAGE_TABLES and not is_plural(value):
            keys |= _shape(value, f"{prefix}{key}.")
        else:
            keys.add(prefix + key)
    return keys


def count_text(lang: str, message: dict, count: int) -> str:
    """A plural message for `count`, in the form CLDR's rules pick for `lang`, the number written as `lang` writes it."""
    category = Locale.parse(lang).plural_form(count)
    text = message.get(category, message["other"])
    return text.format(count=format_decimal(count, locale=lang))


@lru_cache(maxsize=8192)
def date_text(lang: str, start: dt.date | None, end: dt.date | None = None) -> str | None:
    """A date or a span of days as a reader of `lang` writes it, both in one style:
    19 tháng 2, 2025 · 19 – 21 tháng 2, 2025 / 2025年2月19日 · 2025年2月19日至21日."""
    if start is None:
        return None
    if end is None or end == start:
        return format_date(start, "long", locale=lang)
    return _span(lang, start, end)


# CLDR has span patterns for abbreviated months (skeleton yMMMd) but none for
# full ones (yMMMMd), so Babel's spans abbreviate the month ("19 – 21 thg 2, 2025")
# where single dates spell it out ("22 tháng 2, 2023"). UTS #35 says to widen the
# fields of the closest pattern to the requested width, as ICU does: MMM -> MMMM.
_ABBREVIATED_MONTH = re.compile(r"(?<![ML'])(MMM|LLL)(?![ML])")


def _span(lang: str, start: dt.date, end: dt.date) -> str:
    patterns = Locale.parse(lang).interval_formats["yMMMd"]
    field = "y" if start.year != end.year else "M" if start.month != end.month else "d"
    first, second = (_ABBREVIATED_MONTH.sub(lambda m: m.group(1) + m.group(1)[0], p) for p in patterns[field])
    return parse_pattern(first).apply(start, lang) + parse_pattern(second).apply(end, lang)
