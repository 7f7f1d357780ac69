"""Give each content segment its place in an article.

Works on segments in source order and decides, with the cues scraped text
still carries, which segment is a title, a kicker, a heading, a caption or a
paragraph, and which lines a page break cut in two.

The cues:
- separator style: a source either separates paragraphs with blank lines, or
  with single line breaks; in the latter an empty line is where a photo was,
  and the line after it is a caption candidate;
- shape: short, without closing punctuation; numbered (`1.`, `(1)`); in
  capitals (a document kind such as `THÔNG CÁO CHUNG`); wrapped in `| … |`;
- for bilingual sources, the pairing: headings pair across languages,
  captions do not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Role, Segment
from .text import count_han, ends_sentence, is_han, starts_lowercase

# Longest a heading or caption may be, in characters.
SHORT_LATIN = 160
SHORT_HAN = 60
# Longest a title may be.
TITLE_MAX = 300
# Longest a caption candidate after an empty line may be: captions can be
# whole sentences ("Các đồng chí Bí thư ... bắt tay hợp tác ...").
CAPTION_MAX_LATIN = 300
CAPTION_MAX_HAN = 100

_NUMBERING: tuple[tuple[str, re.Pattern], ...] = (
    ("roman", re.compile(r"^[IVXLC]{1,6}\.\s+\S")),
    ("arabic", re.compile(r"^\d{1,2}\.\s+\S")),
    ("paren", re.compile(r"^\(\d{1,2}\)\s+\S")),
    ("letter", re.compile(r"^[a-zđ]\)\s+\S")),
    ("han", re.compile(r"^[一二三四五六七八九十]+、\S")),
    ("han-paren", re.compile(r"^[（(][一二三四五六七八九十]+[）)]\S")),
)
_PIPED = re.compile(r"^\|\s*(?P<text>.*?)\s*\|$")


def is_han_text(text: str) -> bool:
    return count_han(text) * 2 >= len(text) - text.count(" ")


def is_short(text: str) -> bool:
    return len(text) <= (SHORT_HAN if is_han_text(text) else SHORT_LATIN)


def heading_shaped(text: str) -> bool:
    """Short, and not closed like a sentence or opening a list."""
    return is_short(text) and not ends_sentence(text) and not text.endswith((":", "：", ",", "，", ";", "；"))


def is_kicker(text: str) -> bool:
    """A document kind set in capitals above the title: `THÔNG CÁO CHUNG`."""
    letters = [ch for ch in text if ch.isalpha()]
    enough = len(letters) >= 6 or len(text.split()) >= 2  # not an acronym such as UBND
    return (
        enough
        and len(letters) >= 4
        and all(ch.isupper() for ch in letters)
        and len(text) <= 80
        and not ends_sentence(text)
    )


def title_shaped(text: str) -> bool:
    return len(text) <= TITLE_MAX and (not ends_sentence(text) or text.endswith(("?", "？", "!", "！")))


def piped_caption(text: str) -> str | None:
    match = _PIPED.match(text)
    return match.group("text") if match and match.group("text") else None


def numbering_scheme(text: str) -> str | None:
    for name, pattern in _NUMBERING:
        if pattern.match(text):
            return name
    return None


def separator_style(segments: list[Segment]) -> str:
    """ "blank" when blank lines separate paragraphs, "line" when line breaks do."""
    gaps = [s.blank_before for s in segments[1:]]
    if not gaps:
        return "line"
    return "blank" if sum(gaps) * 2 >= len(gaps) else "line"


@dataclass
class Titles:
    titles: dict[str, Segment]
    kicker: Segment | None


def find_titles(segments: list[Segment]) -> Titles:
    """The title of each language among the segments that open the source.

    Titles come first, before any paragraph: one per language (a bilingual
    title line has been split already), possibly under a kicker. The first
    segment shaped like a paragraph ends the search, so a source that opens
    with its lead paragraph (the page's headline was not scraped) has no title.
    """
    titles: dict[str, Segment] = {}
    kicker: Segment | None = None
    for index, seg in enumerate(segments):
        if seg.role != Role.CONTENT or seg.forced in (Role.TITLE, Role.KICKER):
            continue
        if seg.forced or not title_shaped(seg.text) or seg.lang in titles:
            break
        following = next((s for s in segments[index + 1 :] if s.role == Role.CONTENT), None)
        if kicker is None and not titles and is_kicker(seg.text) and following and title_shaped(following.text):
            kicker = seg
            continue
        titles[seg.lang] = seg
    # meta.yml has the last word.
    for seg in segments:
        if seg.forced == Role.TITLE:
            titles[seg.lang] = seg
        elif seg.forced == Role.KICKER:
            kicker = seg
    return Titles(titles, kicker)


def mark_titles(found: Titles) -> None:
    for seg in found.titles.values():
        seg.role = Role.TITLE
    if found.kicker:
        found.kicker.role = Role.KICKER


def join_page_breaks(segments: list[Segment]) -> list[Segment]:
    """Mend paragraphs that a page break (text copied from a PDF) cut in two.

    The first part stops mid-sentence and the next part, in the same language
    with nothing but empty lines between, carries on in lower case:
    `… góp` ⏎⏎ `phần tích cực …`.
    """
    out: list[Segment] = []
    for seg in segments:
        prev = out[-1] if out else None
        if prev is not None and seg.role == Role.CONTENT and prev.role == Role.CONTENT and _continues(prev, seg):
            glue = _glue(prev.text, seg.text)
            text = prev.text[:-1] + seg.text if glue == "hyphen" else prev.text + glue + seg.text
            out[-1] = Segment(
                prev.line,
                prev.lang,
                text,
                prev.role,
                prev.blank_before,
                (*prev.joined, seg.line, *seg.joined),
                prev.forced,
            )
            continue
        out.append(seg)
    return out


def _continues(prev: Segment, seg: Segment) -> bool:
    if prev.lang != seg.lang:
        return False
    if seg.forced == Role.JOIN:
        return True
    if seg.forced or prev.forced or numbering_scheme(prev.text):
        return False
    if prev.lang == "zh":
        return prev.text[-1] in "，、；,;" and bool(seg.text) and is_han(seg.text[0])
    if ends_sentence(prev.text) or prev.text.endswith((":", "：")):
        return False
    return starts_lowercase(seg.text)


def _glue(left: str, right: str) -> str:
    if is_han(left[-1]) or left[-1] in "，、；" or is_han(right[0]):
        return ""
    if len(left) > 1 and left[-1] == "-" and left[-2].isalpha():
        return "hyphen"
    return " "


def heading_levels(segments: list[Segment]) -> dict[str, int]:
    """Heading level per numbering scheme, in order of first use: the first
    scheme a source uses is level 2 (the title is level 1), the next 3."""
    levels: dict[str, int] = {}
    for seg in segments:
        scheme = numbering_scheme(seg.text)
        if scheme and heading_shaped(seg.text) and scheme not in levels:
            levels[scheme] = min(2 + len(levels), 4)
    return levels


def caption_candidate(seg: Segment, style: str) -> bool:
    """Could this segment be a photo caption? Pairing decides for bilingual sources."""
    if numbering_scheme(seg.text):
        return False
    if style == "line" and seg.blank_before:
        limit = CAPTION_MAX_HAN if is_han_text(seg.text) else CAPTION_MAX_LATIN
        return len(seg.text) <= limit and not seg.text.endswith((":", "："))
    return heading_shaped(seg.text)
