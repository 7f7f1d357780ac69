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
from dataclasses import dataclass, field

from .model import Drop, Role, Segment
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
# A caption from a table cell: `| … |`, or the cell's closing bar alone (`… |`).
_PIPED = re.compile(r"^(?:\|\s*(?P<text>.*?)\s*\||(?P<open>[^|]*[^|\s])\s+\|)$")


def is_han_text(text: str) -> bool:
    return count_han(text) * 2 >= len(text) - text.count(" ")


def is_short(text: str) -> bool:
    return len(text) <= (SHORT_HAN if is_han_text(text) else SHORT_LATIN)


# A sentence ending inside a line, then more text: prose, never a heading or a caption.
_INNER_SENTENCE_END = re.compile(r"[。！？]\s*\S|(?<=[^\W\d_]{2})[.!?]\s+[A-ZĐÀ-ỸА-ЯІЇЄҐ]")


def heading_shaped(text: str) -> bool:
    """Short, one phrase, and not closed like a sentence or opening a list."""
    return (
        is_short(text)
        and not ends_sentence(text)
        and not text.endswith((":", "：", ",", "，", ";", "；"))
        and not _INNER_SENTENCE_END.search(_after_numbering(text))
    )


def several_sentences(text: str) -> bool:
    """A sentence ends inside the text and more follows."""
    return bool(_INNER_SENTENCE_END.search(_after_numbering(text)))


def _after_numbering(text: str) -> str:
    return text.split(" ", 1)[-1] if numbering_scheme(text) else text


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
    """A line a headline could be: not too long, not closed by a stop (a question may be), and
    not introducing what follows (`…такі онлайн-видання:`)."""
    if text.endswith((":", "：")):
        return False
    return len(text) <= TITLE_MAX and (not ends_sentence(text) or text.endswith(("?", "？", "!", "！")))


# A photo credit closing a line: `…阮富仲 (图/黄克)`, `…(Ảnh / Hoàng Khắc)`, `… Фото: VNA`.
PHOTO_CREDIT = re.compile(
    r"(?:[（(]\s*(?:图|圖|图片|圖片|图片来源|圖片來源|摄影|攝影|摄|攝|ảnh|photo|фото)\s*[:：/／]?\s*[^()（）]{1,40}[)）]"
    r"|\b(?:ảnh|photo|фото)\s*[:：–—-]\s*[^.。!?]{1,40}|[\u3400-\u9fff]{2,4}(?:攝|摄))\s*$",
    re.IGNORECASE,
)


def photo_credited(text: str) -> bool:
    """A caption: it ends crediting the photographer (and is not a long paragraph)."""
    limit = CAPTION_MAX_HAN if is_han_text(text) else CAPTION_MAX_LATIN
    return len(text) <= limit + 40 and bool(PHOTO_CREDIT.search(text))


def piped_caption(text: str) -> str | None:
    match = _PIPED.match(text)
    if not match:
        return None
    return match.group("text") or match.group("open") or None


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
    above: list[Segment] = field(default_factory=list)  # title-shaped lines above a headline: site chrome
    deck: list[Segment] = field(default_factory=list)  # title-shaped lines between a headline and the text
    repeated: list[Segment] = field(default_factory=list)  # the headline again, as a line of its own
    bylines: list[Segment] = field(default_factory=list)  # a name alone under the headline: its author
    others: dict[str, list[Segment]] = field(default_factory=dict)  # per language, candidates not taken

    @property
    def headline_line(self) -> int | None:
        """The line the headline starts on (the earliest title), if the text holds one."""
        lines = [s.line for s in self.titles.values()]
        return min(lines) if lines else None


def find_titles(
    segments: list[Segment], body_starts: int | None = None, known: str | None = None, opens: int | None = None
) -> Titles:
    """The headline of each language among the lines that open the source.

    The head of a text is what comes before its first paragraph: on a page
    copied whole, menus, banners, a clock, breadcrumbs, then the headline,
    maybe a date or byline line, maybe a deck. Per language, the headline is
    the headline-like line (long enough) just before a date/byline line, or
    else the last one before the text: chrome sits above it. Title-shaped
    lines above the headline are chrome; between it and the text, a deck. A
    source that opens with its lead paragraph has no title.
    """
    head, anchors, prose = _head(segments, body_starts)
    found = Titles({}, None)
    if head and is_kicker(head[0].text) and len(head) > 1 and title_shaped(head[1].text):
        found.kicker = head.pop(0)
    for lang in dict.fromkeys(s.lang for s in head):
        mine = [s for s in head if s.lang == lang]
        if known is not None:
            title = next((s for s in mine if s.text == known), None)
            if title is None:
                found.above += mine
                continue
        else:
            title = _headline(mine, anchors, segments, opens)
        found.titles[lang] = title
        found.others[lang] = [s for s in mine if s is not title]
        under = [s for s in found.others[lang] if s.line > title.line]
        for seg in found.others[lang]:
            if seg.text == title.text:
                found.repeated.append(seg)
            elif seg.line < title.line:
                found.above.append(seg)
            elif seg is under[0] and is_name(seg.text):  # a byline sits right under the headline
                found.bylines.append(seg)
            else:
                found.deck.append(seg)
    # Lines of text above every headline, before the article: the page's chrome.
    if found.titles:
        top = min(s.line for s in found.titles.values())
        found.above += [s for s in prose if s.line < top]
    # meta.yml has the last word.
    for seg in segments:
        if seg.forced == Role.TITLE:
            found.titles[seg.lang] = seg
        elif seg.forced == Role.KICKER:
            found.kicker = seg
    return found


def _head(segments: list[Segment], body_starts: int | None) -> tuple[list[Segment], set[int], list[Segment]]:
    """The title-shaped lines before the text, the positions (indexes) of the date and byline
    lines among them, and the other lines there. The text starts at `body_starts` (the article's
    region on a page copied whole), else at the first paragraph-shaped line; with no paragraph
    at all, only the first line is a candidate."""
    head: list[Segment] = []
    prose: list[Segment] = []
    anchors: set[int] = set()
    for index, seg in enumerate(segments):
        if body_starts is not None and seg.line >= body_starts:
            return head, anchors, prose
        if seg.role in (Role.TIMESTAMP, Role.BYLINE, Role.SOURCE):
            anchors.add(index)
            continue
        if seg.role != Role.CONTENT or seg.forced in (Role.TITLE, Role.KICKER):
            continue
        if seg.forced or not title_shaped(seg.text):
            if body_starts is None or seg.forced:
                return head, anchors, prose
            prose.append(seg)
            continue
        if seg.hint != Role.CAPTION:  # a photo's caption is never the headline
            head.append(seg)
    return (head, anchors, prose) if body_starts is not None else (head[:1], anchors, prose)


def _headline(mine: list[Segment], anchors: set[int], segments: list[Segment], opens: int | None) -> Segment:
    """Of a language's candidates: the one just above a date or byline line; else the one the
    text opens with (an article copied from its headline: what follows may be its photo's
    caption); else, below the site's chrome, the last one before the text."""
    like = [s for s in mine if headline_like(s.text)] or mine
    position = {id(s): i for i, s in enumerate(segments)}
    for seg in like:
        following = position[id(seg)] + 1
        while following < len(segments) and segments[following].line == seg.line:
            following += 1  # the other half of a title line holding two languages
        if following in anchors:
            return seg
    if like[0].line == opens:
        return like[0]
    return like[-1]


def is_name(text: str) -> bool:
    from .credits import is_author_name  # credits reads shapes from here; the name test is its own

    return is_author_name(text)


def headline_like(text: str) -> bool:
    """Long enough to be a headline, not a menu item: four words, or eight Chinese characters."""
    return count_han(text) >= 8 or len(text.split()) >= 4


def mark_titles(found: Titles) -> list[Drop]:
    """Set the roles the head gave: titles, kicker, deck; chrome above a headline and a
    repeated headline leave the text, each with its reason."""
    for seg in found.titles.values():
        seg.role = Role.TITLE
    if found.kicker:
        found.kicker.role = Role.KICKER
    dropped = []
    for seg in found.above:
        seg.role = Role.DROPPED
        dropped.append(Drop(seg.line, seg.text, "above the headline: the site's menu, banner or other chrome"))
    for seg in found.repeated:
        seg.role = Role.DROPPED
        dropped.append(Drop(seg.line, seg.text, "the headline repeated"))
    for seg in found.deck:
        seg.hint = Role.HEADING
    return dropped


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
