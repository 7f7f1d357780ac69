"""Where the article is on a page copied whole: the run of prose lines, and what lies around it.

A reader who selects a whole page and copies it brings the menus, the
headline, the date line, the article, then related links, comment boxes and
the footer. What sets the article apart is prose: long lines of sentences,
close together. Menus, lists of other headlines and footers are short lines in
long runs. So the article's region is the first run of prose lines (allowing
a few short lines between them: a heading, a caption, a photo credit) that
holds at least half as much prose as the longest run; the headline and its
date and byline lines sit just above it, and what comes after it is the page's
furniture, except the credits that close the text (an author, an editor, a
source), which the facts stage reads.

The rules are the shape of text, not any site's markup, so they hold for a
page nobody has seen; a source with no text around its article (an article
copied alone, a seed) has a region that covers it all, and nothing is cut.
"""

from __future__ import annotations

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
MAX_GAP = 5
# A run holding at least this share of the longest run's prose is the article (the first such).
SHARE = 0.5
# After the article, up to this many short lines are its own (a caption, an author's name);
# more than that is the page's furniture.
TAIL_KEPT = 2


@dataclass(frozen=True)
class Region:
    first: int  # line number of the article's first prose line
    last: int  # and of its last


def prose_weight(text: str) -> int:
    """How much prose a line holds (its length), or 0 when it is not a sentence."""
    han = count_han(text)
    if han * 2 >= len(text):
        return len(text) if han >= MIN_HAN and _SENTENCE.search(text) else 0
    return len(text) if len(text.split()) >= MIN_WORDS and _SENTENCE.search(text) else 0


def find(lines: list[Line]) -> Region | None:
    """The article's region among the kept lines, or None when no line is prose."""
    runs: list[tuple[int, int, int]] = []  # (first, last, weight)
    current: list[int] | None = None  # [first, last, weight]
    gap = 0
    for line in lines:
        if not line.text:
            continue
        weight = prose_weight(line.text)
        if weight:
            if current is not None and gap <= MAX_GAP:
                current[1], current[2] = line.no, current[2] + weight
            else:
                if current is not None:
                    runs.append(tuple(current))
                current = [line.no, line.no, weight]
            gap = 0
        else:
            gap += 1
    if current is not None:
        runs.append(tuple(current))
    if not runs:
        return None
    best = max(weight for _, _, weight in runs)
    first, last, _ = next(run for run in runs if run[2] >= SHARE * best)
    return Region(first, last)


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
