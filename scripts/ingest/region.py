"""Where the article is on a page copied whole: the run of prose lines, and what lies around it.

A reader who selects a whole page and copies it brings the menus, the
headline, the date line, the article, then related links, comment boxes and
the footer. What sets the article apart is prose: long lines of sentences,
close together. Menus, lists of other headlines and footers are short lines in
long runs. So the article's region is the run of prose lines (allowing a few
short lines between them: a heading, a caption, a photo credit) that holds the
most prose; the headline and its
date and byline lines sit just above it, and what comes after it is the page's
furniture, except the credits that close the text (an author, an editor, a
source), which the facts stage reads.

The rules are the shape of text, not any site's markup, so they hold for a
page nobody has seen; a source with no text around its article (an article
copied alone, a seed) has a region that covers it all, and nothing is cut.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .model import Drop, Line, Role, Segment
from .text import count_han

# A prose line: a sentence or more. Chinese counts characters, other scripts words.
MIN_HAN = 25
MIN_WORDS = 10
# A sentence's end, inside the line or closing it (a headline has none).
_SENTENCE = re.compile(r"[。！？]|[.!?…](?:\s|$|[\"”’»)])")
# Short lines allowed between two prose lines of one article (headings, captions, credits).
MAX_GAP = 6
# After the article, up to this many short lines are its own (a caption, an author's name);
# more than that is the page's furniture.
TAIL_KEPT = 2


@dataclass(frozen=True)
class Region:
    first: int  # line number of the article's first prose line
    last: int  # and of its last


# One line counts for no more than this: an article is several paragraphs, and one long block of
# legal text (an age gate, a site's terms) must not outweigh it.
LINE_WEIGHT_MAX = 300


# A line cut short with an ellipsis, shorter than this, is a teaser for another article
# (`…素有「黑道急救站...`); a paragraph may end with one too (`tuyên giáo...`: and so on).
TEASER_MAX = 120


def prose_weight(text: str) -> int:
    """How much prose a line holds (its length), or 0 when it is not a sentence."""
    if text.rstrip().endswith(("...", "…", "…»", "...»")) and len(text) < TEASER_MAX:
        return 0
    han = count_han(text)
    if han * 2 >= len(text):
        return min(len(text), LINE_WEIGHT_MAX) if han >= MIN_HAN and _SENTENCE.search(text) else 0
    return min(len(text), LINE_WEIGHT_MAX) if len(text.split()) >= MIN_WORDS and _SENTENCE.search(text) else 0


def find(segments: list[Segment], lines: list[Line]) -> Region | None:
    """The article's region among the text's segments, or None when none is prose.
    A photo's caption is never prose, however long. Gaps count every line with text
    between two prose lines, furniture already dropped included: a related list set
    aside still stands between an article and the page's footer."""
    written = [line.no for line in lines if line.text]
    runs: list[tuple[int, int, int]] = []  # (first, last, weight)
    current: list[int] | None = None  # [first, last, weight]
    dated = False  # a date line since the last prose line: a page's header, never inside an article
    for seg in segments:
        if seg.role == Role.TIMESTAMP and current is not None:
            dated = True
        weight = 0 if seg.role != Role.CONTENT or seg.hint == Role.CAPTION else prose_weight(seg.text)
        if not weight:
            continue
        gap = _between(written, current[1], seg.line) if current is not None else 0
        if current is not None and gap <= MAX_GAP and not dated:
            current[1], current[2] = seg.line, current[2] + weight
        else:
            if current is not None:
                runs.append(tuple(current))
            current = [seg.line, seg.line, weight]
        dated = False
    if current is not None:
        runs.append(tuple(current))
    if not runs:
        return None
    first, last, _ = max(runs, key=lambda run: run[2])
    return Region(first, last)


def _between(written: list[int], after: int, before: int) -> int:
    """How many lines with text lie strictly between two line numbers."""
    return max(0, bisect.bisect_left(written, before) - bisect.bisect_right(written, after))


def set_aside_tail(segments: list[Segment], region: Region | None, keep) -> list[Drop]:
    """Drop the page's furniture after the article: every text line after its region, unless
    only a few short lines follow it (a caption, an author), or a line is one `keep` accepts
    (an author's name, an agency)."""
    if region is None:
        return []
    tail = [s for s in segments if s.role == Role.CONTENT and s.line > region.last and not s.forced]
    if len({s.line for s in tail}) <= TAIL_KEPT:
        return []
    dropped = []
    leading = True
    for seg in tail:
        if leading and keep(seg.text):
            continue
        leading = False
        seg.role = Role.DROPPED
        dropped.append(Drop(seg.line, seg.text, "page text after the article (related links, comments, footer)"))
    return dropped
