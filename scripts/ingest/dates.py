"""Dates as news sites write them in Vietnamese, Chinese and Ukrainian.

`find_date` looks for the first date in running text (`Sáng 09/4, ...`,
`2月19日至21日，...`); `timestamp` recognises a line that is nothing but a
publication date and time (`14:27, 21 лютого 2025 р.`). A date written
without a year takes the year the caller passes (the one in the title).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_UK_MONTHS = {
    name: i
    for i, name in enumerate(
        "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня".split(),
        start=1,
    )
}

_RANGE = r"\s*(?:-|–|—|~|～|至|到)\s*"

_PATTERNS: list[re.Pattern] = [
    # 2022年2月25日, 2月19日至21日, 2015年12月05日
    re.compile(
        r"(?:(?P<y>\d{4})\s*年\s*)?(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]"
        rf"(?:{_RANGE}(?:(?:(?P<y2>\d{{4}})\s*年\s*)?(?P<m2>\d{{1,2}})\s*月\s*)?(?P<d2>\d{{1,2}})\s*[日号])?"
    ),
    # Ngày 22 tháng 02 năm 2023, ngày 25 tháng 2
    re.compile(
        rf"(?i:ngày)\s+(?P<d>\d{{1,2}})(?:{_RANGE}(?P<d2>\d{{1,2}}))?\s+(?i:tháng)\s+(?P<m>\d{{1,2}})"
        r"(?:\s*,?\s*(?i:năm)\s+(?P<y>\d{4}))?"
    ),
    # 21 лютого 2025 р., 19–21 лютого
    re.compile(
        rf"(?P<d>\d{{1,2}})(?:{_RANGE}(?P<d2>\d{{1,2}}))?\s+(?P<mon>{'|'.join(_UK_MONTHS)})"
        r"(?:\s+(?P<y>\d{4})(?:\s*р(?:оку|\.)?)?)?",
        re.IGNORECASE,
    ),
    # 2023-02-22, 2023/02/22, 2023.02.22, and with full-width separators (2023／02／22);
    # `2023 11/ 17`, the year apart from month and day (a date laid out in two parts)
    re.compile(
        r"(?<!\d)(?P<y>\d{4})(?:[-/.／．－]|\s+(?=\d{1,2}\s*/))(?P<m>\d{1,2})\s*[-/.／．－]\s*(?P<d>\d{1,2})(?!\d)"
    ),
    # 25/02/2022, 25-1-2025, 21.02.2025; 09/4 or 25-1 after a time-of-day word (Sáng 09/4, Ngày 25-1), 19-21/2
    re.compile(
        r"(?:(?:(?i:từ\s+ngày|ngày|sáng|chiều|tối|trưa|đêm|hôm)\s+)"
        rf"(?P<d>\d{{1,2}})(?:{_RANGE}(?P<d2>\d{{1,2}}))?\s*(?P<sep>[/-])\s*(?P<m>\d{{1,2}})"
        r"(?:\s*(?P=sep)\s*(?P<y>\d{4}))?(?![\d/])"
        r"|(?<![\d/.-])(?P<dy>\d{1,2})\s*(?P<sep2>[/.-])\s*(?P<my>\d{1,2})\s*(?P=sep2)\s*(?P<yy>\d{4})(?!\d))"
    ),
]

_TIME = re.compile(r"\d{1,2}\s*[:：h]\s*\d{2}(?:\s*[:：]\s*\d{2})?(?:\s*(?:AM|PM|am|pm|SA|CH))?|GMT\s*[+-]\s*\d{1,2}")
_LABEL = re.compile(
    r"^(?:cập nhật(?: lúc| ngày)?|ngày đăng|đăng ngày|đăng lúc|thời gian(?: đăng)?|xuất bản|ngày xuất bản"
    r"|发布时间|发布日期|發佈時間|發布時間|发表时间|發表時間|出版时间|出版時間|时间|時間|日期|更新时间|更新時間|来源时间"
    r"|опубліковано|оновлено|дата(?: публікації)?|published|updated|posted(?: on)?)\s*[:：]?\s*",
    re.IGNORECASE,
)
# Font-size buttons a page prints beside its date (`… [GMT +7] A  A`, `A- A A+`).
_WIDGET = re.compile(r"(?:\s+A[+-]?){2,3}$")
# A time of day given relative to the day the page was read: its date is unknown.
RELATIVE = re.compile(
    r"^(?:hôm nay|hôm qua|今天|昨天|今日|昨日|сьогодні|вчора|учора|today|yesterday)\s*[,，]?\s*"
    r"(?:\d{1,2}\s*[:：h]\s*\d{2})?$|^\d{1,2}\s*[:：]\s*\d{2}\s*[,，]?\s*(?:hôm nay|hôm qua|сьогодні|вчора|учора)$",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(
    r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật|星期[一二三四五六日天]|周[一二三四五六日]"
    r"|понеділок|вівторок|середа|четвер|п['ʼ’]ятниця|субота|неділя)",
    re.IGNORECASE,
)
_TIMESTAMP_MAX = 80
_LEFTOVER = re.compile(r"^[\s,.;:\-–—|/()\[\]（）【】]*$")


@dataclass(frozen=True)
class FoundDate:
    start: date
    end: date | None
    text: str  # the words the date was read from
    year_given: bool = True  # False: the year came from elsewhere (the title), not from these words


def years_in(text: str) -> list[int]:
    return [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", text)]


def find_date(text: str, year_hint: int | None = None) -> FoundDate | None:
    """The earliest complete date in `text`, or None."""
    best: tuple[int, FoundDate] | None = None
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            found = _to_date(match, year_hint)
            if found:
                if best is None or match.start() < best[0]:
                    best = (match.start(), found)
                break
    return best[1] if best else None


def timestamp(text: str) -> FoundDate | None:
    """The date of a line that holds only a publication date and time."""
    if len(text) > _TIMESTAMP_MAX:
        return None  # a paragraph, not a timestamp: skip the regex work
    rest = _LABEL.sub("", _WIDGET.sub("", text.strip()))
    rest = _WEEKDAY.sub(" ", rest)
    had_time = bool(_TIME.search(rest))
    rest = _TIME.sub(" ", rest)
    for pattern in _PATTERNS:
        match = pattern.search(rest)
        if not match:
            continue
        leftover = rest[: match.start()] + rest[match.end() :]
        if not _LEFTOVER.match(leftover):
            continue
        found = _to_date(match, None)
        if found and (had_time or _has_year(match)):
            return FoundDate(found.start, found.end, text.strip())
    return None


# A timestamp sharing its line with a label: `07-03-2026 - 00:01 AM | Thị trường chứng khoán`
# (the section), `Nguyên Minh - 07/03/2026 08:47` (the author).
_LABELLED = re.compile(
    r"^(?:(?P<before>[^|｜\d]{2,40}?)\s+[-–|｜]\s+)?(?P<stamp>.+?)(?:\s+[|｜]\s+(?P<after>[^|｜\d]{2,40}))?$"
)


@dataclass(frozen=True)
class Labelled:
    found: FoundDate
    label: str | None  # the words beside the date: a section, or a name
    before: bool  # the label comes before the date (a byline's place)


def labelled_timestamp(text: str) -> Labelled | None:
    """A timestamp with a short label beside it, the label not a sentence."""
    match = _LABELLED.match(text.strip())
    if not match or not (match.group("before") or match.group("after")):
        return None
    found = timestamp(match.group("stamp"))
    label = (match.group("before") or match.group("after") or "").strip()
    if found is None or len(label.split()) > 5 or label.endswith((".", "。")):
        return None
    return Labelled(FoundDate(found.start, found.end, text.strip()), label, bool(match.group("before")))


def _has_year(match: re.Match) -> bool:
    groups = match.groupdict()
    return bool(groups.get("y") or groups.get("yy"))


def _to_date(match: re.Match, year_hint: int | None) -> FoundDate | None:
    g = match.groupdict()
    if g.get("dy"):
        day, month, year = int(g["dy"]), int(g["my"]), int(g["yy"])
        end = None
    else:
        year_text = g.get("y")
        year = int(year_text) if year_text else year_hint
        if year is None:
            return None
        month = _UK_MONTHS[g["mon"].lower()] if g.get("mon") else int(g["m"])
        day = int(g["d"])
        end = None
        if g.get("d2"):
            end_year = int(g["y2"]) if g.get("y2") else year
            end_month = int(g["m2"]) if g.get("m2") else month
            end = _valid(end_year, end_month, int(g["d2"]))
    start = _valid(year, month, day)
    if start is None:
        return None
    if end is not None and end <= start:
        end = None
    return FoundDate(start, end, match.group(0), bool(g.get("dy") or g.get("y")))


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
