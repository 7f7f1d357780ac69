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
    r"|文|文字|文/图|图/文|文／图|图／文|記者|记者|作者|撰稿|摄影|攝影|图|圖|通讯员|通訊員"
    # Ukrainian
    r"|текст|автор(?:и)?|фото|текст і фото|текст та фото|новини (?:та|і) фотографії|новини (?:та|і) фото|матеріал"
    r")" + _SEP + r"(?P<names>.+)$",
    re.IGNORECASE,
)
# Chinese credits written without a colon: `文/刘玲`, `记者 唐霁 王某`, `（记者唐霁）`.
_HAN_NAME = r"[\u3400-\u9fff·・]{2,4}"
BYLINE_HAN = re.compile(
    r"^(?:(?:文|图|圖|文/图|图/文)\s*[/／]\s*(?P<a>.+)"
    rf"|[（(]?(?:记者|記者|通讯员|通訊員)\s*(?P<b>{_HAN_NAME}(?:\s*[ 、，,]\s*{_HAN_NAME})*)[）)]?)$"
)
# Words in front of a name that say what the person is, not who: `作者：记者唐霁`.
_NAME_ROLE = re.compile(
    r"^(?:记者|記者|通讯员|通訊員|特约记者|实习生|見習記者|本报记者|本報記者|phóng viên|pv)\s*", re.I
)

SOURCE = re.compile(
    r"^(?:nguồn(?: tin)?|来源|來源|稿件来源|稿件來源|出处|出處|джерело|источник|source)" + _SEP + r"(?P<value>.+)$",
    re.IGNORECASE,
)
# `Theo TTXVN`, `Theo Báo Quảng Ninh`: where a Vietnamese text was taken from (never `Theo đó, …`).
THEO = re.compile(r"^Theo\s+(?P<value>[A-ZĐÀ-Ỹ][\w.\-]*(?:\s+[\w.\-]+){0,5})\.?$")
# Who edited the text: named in credits, never an author.
EDITOR = re.compile(
    r"^(?:责任编辑|責任編輯|编辑|編輯|审核|審核|校对|校對|biên tập(?: viên)?|bt|редактор|редакторка)"
    + _SEP
    + r"(?P<names>.+)$",
    re.IGNORECASE,
)
URL = re.compile(r"^https?://\S+$")

# An agency or paper abbreviated in capitals, or named in parentheses, then a
# dash, at the start of the first paragraph: "БХГ – ", "(Baohagiang.vn) - ".
DATELINE = re.compile(
    r"^(?P<agency>(?:[A-ZĐА-ЯІЇЄҐ]{2,8}(?:\.[A-Za-z]{2,4})?)\s*[–—-]\s+|\([^()\s][^()]{1,40}\)\s*[–—-]\s*)(?=\S)"
)
# Chinese datelines: `新华社南宁2月22日电（记者唐霁）`, `本报讯（记者X）`, `越通社河内——`,
# `〔記者王某／台北報導〕`. The credit in brackets names the authors.
_AGENCY_HAN = r"(?:[\u3400-\u9fff]{1,6}?(?:社|网|網|报|報|台|频道|頻道))"
DATELINE_HAN = re.compile(
    rf"^(?:(?P<agency>{_AGENCY_HAN}|本报|本報|本网|本網)(?P<place>[\u3400-\u9fff]{{0,8}}?)"
    r"(?:\d{1,2}月\d{1,2}日)?(?:电|電|讯|訊)\s*(?:[（(](?P<credit>[^）)]{2,40})[）)])?\s*"
    rf"|(?P<agency2>[\u3400-\u9fff]{{1,6}}社)(?P<place2>[\u3400-\u9fff]{{0,6}})(?:——|—)\s*"
    r"|[〔\[【](?:記者|记者)?(?P<credit2>[^／/〕\]】]{2,20})[／/][^〕\]】]{1,12}(?:報導|报道|電|电)[〕\]】]\s*"
    r"|[（(](?P<credit3>(?:记者|記者|通讯员|通訊員)[^）)]{2,30})[）)]\s*"
    r"|[（(](?P<agency3>[\u3400-\u9fff]{1,6}社)(?:记者|記者)(?P<credit4>[\u3400-\u9fff]{2,3})"
    r"[\u3400-\u9fff]{2,6}\d{1,2}日(?:电|電)[）)]\s*)(?=\S)"
)
# A source credit closing a paragraph: `…传统友谊。(新华社)`, `… (Tân Hoa Xã)`, `…(越通社—VNA)`.
TRAILING_CREDIT = re.compile(r"(?<=[.。!！?？”\"])\s*[（(](?P<credit>[^()（）.。,，:：]{2,24})[)）]\s*$")

_NAME_SPLIT = re.compile(r"\s*(?:,|、|;|；|\s+-\s+|\s+–\s+|\s+và\s+|\s+та\s+|\s+і\s+|\s+和\s+)\s*")


@dataclass(frozen=True)
class Byline:
    names: list[str]


def byline(text: str) -> Byline | None:
    match = BYLINE.match(text)
    if match:
        raw = match.group("names")
    else:
        match = BYLINE_HAN.match(text)
        if not match:
            return None
        raw = match.group("a") or match.group("b")
    names = split_names(raw)
    if not names or not all(_plausible_name(n) for n in names):
        return None  # a sentence that happens to start "Ảnh: ...", not a credit
    return Byline(names)


def split_names(raw: str) -> list[str]:
    """Names in a credit: `Minh Anh - Thu Hà`, `陳貽澤 楊秋` (Chinese names hold no spaces)."""
    raw = re.sub(r"《[^》]{1,20}》", "", raw)  # the paper a reporter writes for: `《中国企业家》记者 林涛`
    names = [_NAME_ROLE.sub("", n.strip(" .")) for n in _NAME_SPLIT.split(raw) if n.strip(" .")]
    out: list[str] = []
    for name in names:
        parts = name.split()
        if len(parts) > 1 and all(all(is_han(ch) or ch in "·・" for ch in p) and 2 <= len(p) <= 4 for p in parts):
            out += parts
        elif name:
            out.append(name)
    return out


def roc_date(stamp: str):
    """A compact Republic of China calendar date (`1100731`) as a date, or None."""
    from datetime import date

    try:
        return date(int(stamp[:3]) + 1911, int(stamp[3:5]), int(stamp[5:7]))
    except ValueError:
        return None


# How a newsroom's desk is named in a Chinese credit (`〔即時新聞／綜合報導〕`): not a person.
_DESK = re.compile(r"(?:新聞|新闻|報導|报道|中心|編輯部|编辑部|本報|本报|綜合|综合|社)$")


def _plausible_name(name: str) -> bool:
    """A person's or desk's name: 刘玲, Lưu Linh, ВАН НГХІ, TTXVN, PV Minh Anh. A Chinese credit
    naming a desk (`即時新聞`) is not a name."""
    if all(is_han(ch) or ch in "·• " for ch in name):
        return 2 <= len(name.replace(" ", "")) <= 8 and not _DESK.search(name)
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


# A news agency or paper named alone, by its shape: `越通社`, `新华社`, `TTXVN`, `БХГ`.
AGENCY_NAME = re.compile(r"^(?:[\u3400-\u9fff]{2,8}(?:社|网|網|报|報|台)|[A-ZĐА-ЯІЇЄҐ]{2,8}(?:\.[A-Za-z]{2,3})?)$")


def is_agency_name(text: str) -> bool:
    return bool(AGENCY_NAME.match(text.strip(" .()（）")))


def closes_text(text: str) -> bool:
    """A line that may close an article's text: its author's or agency's name."""
    return is_agency_name(text) or is_author_name(text)


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
    agency = match.group("agency").strip().rstrip("–—-").strip().strip("()")
    return agency, text[match.end() :]


@dataclass(frozen=True)
class Opening:
    """What opens a Chinese paragraph before its text: an agency, a place, a credit."""

    agency: str | None
    names: list[str]
    rest: str


def dateline_han(text: str) -> Opening | None:
    match = DATELINE_HAN.match(text)
    if not match:
        return None
    agency = match.group("agency") or match.group("agency2") or match.group("agency3")
    credit = match.group("credit") or match.group("credit2") or match.group("credit3") or match.group("credit4") or ""
    names = [n for n in split_names(credit) if _plausible_name(n)]
    return Opening(agency, names, text[match.end() :])


def trailing_credit(text: str) -> tuple[str, str] | None:
    """(the paragraph without it, the credit) when a paragraph closes with a source credit."""
    match = TRAILING_CREDIT.search(text)
    if not match or len(match.group("credit").split()) > 4:
        return None
    return text[: match.start()].rstrip(), match.group("credit").strip()


# What may close a Chinese paragraph besides its text: a reporter (`（记者张淼淼）`,
# `（王煌忠／台中報導）`), an editor (`（編輯：張銘坤）`), and the agency's compact date in the
# Republic of China calendar (`1100731`: year 110 = 2021, 31 July), in any order.
_CLOSING_HAN = re.compile(
    r"(?P<mark>[（(](?:(?:记者|記者)\s*(?P<reporter>[\u3400-\u9fff·]{2,4}(?:[ 、，,][\u3400-\u9fff·]{2,4})*)"
    r"|(?P<reporter2>[\u3400-\u9fff·]{2,4})[／/][\u3400-\u9fff]{1,8}(?:報導|报道)"
    r"|(?:编辑|編輯|责任编辑|責任編輯)\s*[:：]\s*(?P<editor>[^）)]{2,20}))[）)])\s*(?P<roc>1\d{6})?\s*$"
)


@dataclass(frozen=True)
class Closing:
    rest: str
    reporters: list[str]
    editors: list[str]
    roc_date: str | None  # `1100731`
    removed: str


def closing_han(text: str) -> Closing | None:
    """The credits glued to the end of a Chinese paragraph, peeled off one by one."""
    reporters: list[str] = []
    found_editors: list[str] = []
    roc = None
    rest = text
    while (match := _CLOSING_HAN.search(rest)) and match.start() > 0:
        if match.group("reporter") or match.group("reporter2"):
            reporters = split_names(match.group("reporter") or match.group("reporter2")) + reporters
        if match.group("editor"):
            found_editors = split_names(match.group("editor")) + found_editors
        roc = roc or match.group("roc")
        rest = rest[: match.start()].rstrip()
    if rest == text:
        return None
    return Closing(rest, reporters, found_editors, roc, text[len(rest) :].strip())


# A copy-link button with the page's address beside it: `Скопіювати Скопійовано! https://…`.
COPY_LINK = re.compile(
    r"^(?:(?:скопіювати|скопійовано!?|копіювати|sao chép(?: liên kết| link)?|đã sao chép|复制链接|複製連結|已复制"
    r"|copy link|copied!?)\s*)+(?P<url>https?://\S+)$",
    re.IGNORECASE,
)


def copy_link(text: str) -> str | None:
    match = COPY_LINK.match(text)
    return match.group("url") if match else None


def theo(text: str) -> str | None:
    """The source a `Theo X` line names."""
    match = THEO.match(text)
    return match.group("value") if match else None


def editors(text: str) -> list[str] | None:
    match = EDITOR.match(text.strip().strip("（）()【】[]〔〕").strip())
    if not match:
        return None
    return split_names(match.group("names"))


# A line of labelled fields: `發佈時間: 2023-02-23 |來源: 廣西日報 |作者: 陳貽澤 楊秋 |責任編輯: 李鑫`.
_FIELD_SPLIT = re.compile(
    r"\s*[|｜]\s*|\s{2,}|\s+(?=(?:来源|來源|作者|责任编辑|責任編輯|编辑|編輯|Nguồn|Tác giả|Джерело|Автор)\s*[:：])"
    r"|\s+(?=(?:参与互动|參與互動|评论|評論|浏览|瀏覽|阅读|閱讀)\s*[(（:：]?\s*\d)"
)
_DATE_LABEL = re.compile(
    r"^(?:发布时间|發佈時間|發布時間|发表时间|發表時間|时间|時間|日期|更新时间|Ngày đăng|Cập nhật|Thời gian|Дата|Опубліковано)\s*[:：]",
    re.IGNORECASE,
)
_COUNT_LABEL = re.compile(
    r"^(?:浏览|瀏覽|阅读|閱讀|点击|點擊|参与互动|參與互動|评论|評論|Lượt xem|Переглядів)[^:：(（]*[:：(（]\s*[\d,.]*\s*[)）]?$",
    re.IGNORECASE,
)


def _is_timestamp(text: str) -> bool:
    from .dates import timestamp  # dates does not import credits; kept local to say so

    return timestamp(text) is not None


@dataclass(frozen=True)
class FieldsLine:
    date_text: str | None
    source: str | None
    authors: list[str]
    editors: list[str]


def fields_line(text: str) -> FieldsLine | None:
    """The fields of a line made only of `label: value` parts (two at least, each a known label)."""
    parts = [p for p in _FIELD_SPLIT.split(text.strip()) if p]
    if len(parts) < 2:
        return None
    date_text = source = None
    authors: list[str] = []
    found_editors: list[str] = []
    for part in parts:
        if _DATE_LABEL.match(part) or (date_text is None and _is_timestamp(part)):
            date_text = part
        elif (src := source_line(part)) is not None:
            source = src[1]
        elif (credit := byline(part)) is not None:
            authors += credit.names
        elif (names := editors(part)) is not None:
            found_editors += names
        elif not _COUNT_LABEL.match(part):
            return None
    return FieldsLine(date_text, source, authors, found_editors)
