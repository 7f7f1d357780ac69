"""Lines that describe the article rather than tell it.

Bylines (`Bài: Lưu Linh`, `文:刘玲`, `Новини та фотографії: ВАН НГХІ`), a
trailing author name standing alone (`Dương Liễu`), source lines
(`Джерело: <url>`) and the agency dateline that opens a report (`БХГ – `)
become front-matter fields, never body text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import ends_sentence, is_cyrillic, is_han, is_latin, words

_SEP = r"\s*[:：]\s*"

BYLINE = re.compile(
    r"^(?:"
    # Vietnamese
    r"bài(?: và ảnh| và clip| viết)?|bài,? ảnh|tin(?:,? ảnh| và ảnh)?|ảnh|tác giả|nhóm (?:pv|phóng viên)|pv|phóng viên"
    # Chinese
    r"|文|文字|文/图|图/文|记者|作者|撰稿|摄影|图|通讯员"
    # Ukrainian
    r"|текст|автор(?:и)?|фото|текст і фото|текст та фото|новини (?:та|і) фотографії|новини (?:та|і) фото|матеріал"
    r")" + _SEP + r"(?P<names>.+)$",
    re.IGNORECASE,
)

SOURCE = re.compile(
    r"^(?:nguồn(?: tin)?|来源|稿件来源|出处|джерело|источник|source)" + _SEP + r"(?P<value>.+)$",
    re.IGNORECASE,
)
URL = re.compile(r"^https?://\S+$")

# An agency or paper abbreviated in capitals, or named in parentheses, then a
# dash, at the start of the first paragraph: "БХГ – ", "(Baohagiang.vn) - ".
DATELINE = re.compile(
    r"^(?P<agency>(?:[A-ZĐА-ЯІЇЄҐ]{2,8}(?:\.[A-Za-z]{2,4})?)|\([^()\s][^()]{1,40}\))\s*[–—-]\s+(?=\S)"
)

_NAME_SPLIT = re.compile(r"\s*(?:,|、|;|；|\s+-\s+|\s+–\s+|\s+và\s+|\s+та\s+|\s+і\s+|\s+和\s+)\s*")


@dataclass(frozen=True)
class Byline:
    names: list[str]


def byline(text: str) -> Byline | None:
    match = BYLINE.match(text)
    if not match:
        return None
    names = [n.strip(" .") for n in _NAME_SPLIT.split(match.group("names")) if n.strip(" .")]
    if not names or not all(_plausible_name(n) for n in names):
        return None  # a sentence that happens to start "Ảnh: ...", not a credit
    return Byline(names)


def _plausible_name(name: str) -> bool:
    """A person's or desk's name: 刘玲, Lưu Linh, ВАН НГХІ, TTXVN, PV Minh Anh."""
    if all(is_han(ch) or ch in "·• " for ch in name):
        return 2 <= len(name.replace(" ", "")) <= 8
    parts = words(name)
    if not 1 <= len(parts) <= 5 or len(name) > 50:
        return False
    return all(p[0].isupper() and all(ch.isalpha() or ch in "-.'" for ch in p) for p in parts)


def source_line(text: str) -> tuple[str, str] | None:
    """("url", value) or ("name", value) for a `Source: ...` line."""
    match = SOURCE.match(text)
    if not match:
        return None
    value = match.group("value").strip()
    return ("url", value) if URL.match(value) else ("name", value)


def is_author_name(text: str) -> bool:
    """A line that is nothing but a person's name: `Dương Liễu`, `ВАН НГХІ`.

    Two to four words, each capitalized, letters only, no closing punctuation.
    """
    parts = words(text)
    if not 2 <= len(parts) <= 4 or ends_sentence(text) or len(text) > 40:
        return False
    for part in parts:
        letters = part.replace("-", "")
        if not letters or not all(is_latin(ch) or is_cyrillic(ch) for ch in letters):
            return False
        if not letters[0].isupper():
            return False
    return True


def dateline(text: str) -> tuple[str, str] | None:
    """(agency, rest of the paragraph) when the paragraph opens with a dateline."""
    match = DATELINE.match(text)
    if not match:
        return None
    agency = match.group("agency").strip("()")
    return agency, text[match.end() :]
