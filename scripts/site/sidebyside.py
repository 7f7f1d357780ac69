"""Read side by side: two language versions of one article, aligned unit against unit.

`<prefix>articles/<key>/parallel/<other>/` shows the reader's language's
version on the left (first) and `other`'s on the right, in rows: a row holds
one aligned unit (a paragraph and its translation, the one-to-two or
two-to-one group the alignment found, a heading pair, a caption pair) or a
unit that has no counterpart, alone in its column. Every block of both
articles is in exactly one row, in order; nothing is dropped.

Which versions can be read side by side, and which blocks answer which, come
from the articles' front matter (`alignment`, written at ingest for bilingual
sources and for translations from sources of their own): two versions of a
key whose relations say they are the same text (not a `report`), with an
alignment between them. The blocks themselves are read from the generated
Markdown and rendered as MkDocs renders them, when a page needs them.

Rows are numbered in an order that does not depend on which side the reader
stands: `#p-12` is the same unit on `/articles/<key>/parallel/zh/` and on
`/zh/articles/<key>/parallel/vi/`.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import OrderedDict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

import markdown
from markupsafe import Markup

from scripts.contract import AlignedPair, FrontMatter, Relation

# The relations whose versions say the same thing, paragraph for paragraph.
ALIGNED = frozenset({Relation.ORIGINAL, Relation.TRANSLATION, Relation.PARALLEL})

# When the versions differ in structure (a note says so): more than this share of
# either side's paragraphs and headings with no counterpart, or of the pairs
# whose length ratio strays more than twofold from the pairs' median.
UNPAIRED_LIMIT = 0.25
STRAY_LIMIT = 0.25
STRAY_FACTOR = 2.0


def path(key: str, other: str) -> str:
    """The language-relative path of `key` read side by side with its `other` version."""
    return f"articles/{key}/parallel/{other}/"


def readable(versions: dict[str, FrontMatter]) -> dict[str, tuple[str, ...]]:
    """For one key's versions (in site order): each language's versions it can be read side by side with."""
    found: dict[str, list[str]] = {lang: [] for lang in versions}
    for (a, fa), (b, fb) in combinations(versions.items(), 2):
        if fa.relation in ALIGNED and fb.relation in ALIGNED and (b in fa.alignment or a in fb.alignment):
            found[a].append(b)
            found[b].append(a)
    return {lang: tuple(others) for lang, others in found.items() if others}


def pairs_between(mine: FrontMatter, theirs: FrontMatter) -> tuple[AlignedPair, ...]:
    """Which of my blocks answer which of theirs, from my front matter or (mirrored) from theirs."""
    if theirs.lang in mine.alignment:
        return tuple(mine.alignment[theirs.lang])
    return tuple((ours, mine_) for mine_, ours in theirs.alignment.get(mine.lang, ()))


# Blocks -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """One block of an article body, as HTML ready to print (it is what MkDocs makes of the Markdown)."""

    kind: str  # "paragraph", "heading" or "caption"
    html: Markup
    length: int  # characters of text, to compare the two sides' lengths
    level: int = 0  # a heading's level


_ELEMENT = re.compile(
    r'^(?:<p>(?P<p>.*)</p>|<h(?P<level>[1-6])>(?P<h>.*)</h(?P=level)>|<figure class="caption"><figcaption>(?P<c>.*)</figcaption></figure>)$',
    re.DOTALL,
)
_TAG = re.compile(r"<[^>]*>|&[#\w]+;")


def parse_body(text: str, renderer: markdown.Markdown | None = None) -> list[Block]:
    """The blocks of a generated article's body (the Markdown after its front matter), in order.

    Ingestion writes one block per paragraph, heading or caption, separated by
    blank lines, with source text escaped; each is rendered by Python-Markdown,
    as MkDocs renders the article, minus the table of contents' heading anchors.
    """
    renderer = renderer or markdown.Markdown()
    blocks = []
    for chunk in (c.strip() for c in text.split("\n\n")):
        if not chunk:
            continue
        renderer.reset()
        html = renderer.convert(chunk).strip()
        found = _ELEMENT.match(html)
        if found is None:  # not a shape ingestion writes: shown whole, as a paragraph
            blocks.append(Block("paragraph", Markup(html), _length(html)))
        elif found["h"] is not None:
            blocks.append(Block("heading", Markup(found["h"]), _length(found["h"]), int(found["level"])))
        elif found["c"] is not None:
            blocks.append(Block("caption", Markup(found["c"]), _length(found["c"])))
        else:
            blocks.append(Block("paragraph", Markup(found["p"]), _length(found["p"])))
    return blocks


def _length(html: str) -> int:
    return len(_TAG.sub("x", html))


class Bodies:
    """Article bodies read from docs/ when a page needs them.

    The side-by-side pages of one key are built one after another (pagemap.py
    lists them by key), so the last few bodies are kept, not every one: a
    build's memory does not grow with the archive.
    """

    KEPT = 8

    def __init__(self, docs: Path):
        self.docs = docs
        self._renderer = markdown.Markdown()
        self._recent: OrderedDict[tuple[str, str], list[Block]] = OrderedDict()

    def blocks(self, lang: str, key: str) -> list[Block]:
        if (lang, key) in self._recent:
            self._recent.move_to_end((lang, key))
            return self._recent[(lang, key)]
        text = (self.docs / lang / "articles" / f"{key}.md").read_text(encoding="utf-8")
        end = text.find("\n---\n", 3)
        found = parse_body(text[end + 5 :] if end != -1 else "", self._renderer)
        self._recent[(lang, key)] = found
        if len(self._recent) > self.KEPT:
            self._recent.popitem(last=False)
        return found


# Rows -------------------------------------------------------------------------------------------


@dataclass
class Cell:
    lang: str
    blocks: list[Block]


@dataclass
class Row:
    number: int
    left: Cell | None
    right: Cell | None

    @property
    def id(self) -> str:
        return f"p-{self.number}"

    @property
    def paired(self) -> bool:
        return self.left is not None and self.right is not None


def rows(
    left: tuple[str, list[Block]], right: tuple[str, list[Block]], pairs: tuple[AlignedPair, ...], left_first: bool
) -> list[Row]:
    """Every block of both sides in one row each unit, in order.

    Between two aligned units, the blocks with no counterpart come in the order
    of the languages (`left_first`: the left side's before the right side's),
    so the rows are numbered alike on both sides' pages. Pairs that do not fit
    (outside either text, out of order: a hand-edited front matter) are left
    out, and their blocks shown alone.
    """
    (left_lang, left_blocks), (right_lang, right_blocks) = left, right
    found: list[Row] = []

    def alone(lang: str, blocks: list[Block], start: int, stop: int) -> list[Row]:
        return [
            Row(0, Cell(lang, [blocks[n]]), None) if lang == left_lang else Row(0, None, Cell(lang, [blocks[n]]))
            for n in range(start, stop)
        ]

    i = j = 0  # the next block of each side not yet in a row (0-based)
    for ours, theirs in [*_fitting(pairs, len(left_blocks), len(right_blocks)), ((), ())]:
        stop_i, stop_j = (ours[0] - 1, theirs[0] - 1) if ours else (len(left_blocks), len(right_blocks))
        solos = [alone(left_lang, left_blocks, i, stop_i), alone(right_lang, right_blocks, j, stop_j)]
        found += solos[0] + solos[1] if left_first else solos[1] + solos[0]
        if ours:
            found.append(
                Row(
                    0,
                    Cell(left_lang, [left_blocks[n - 1] for n in ours]),
                    Cell(right_lang, [right_blocks[n - 1] for n in theirs]),
                )
            )
            i, j = ours[-1], theirs[-1]
    for number, row in enumerate(found, 1):
        row.number = number
    return found


def _fitting(pairs: tuple[AlignedPair, ...], n: int, m: int) -> list[AlignedPair]:
    """The pairs that are runs of consecutive blocks inside both texts, each after the one before."""
    kept: list[AlignedPair] = []
    last_i = last_j = 0
    for ours, theirs in pairs:
        if not ours or not theirs:
            continue
        runs = list(ours) == list(range(ours[0], ours[0] + len(ours))) and list(theirs) == list(
            range(theirs[0], theirs[0] + len(theirs))
        )
        if runs and last_i < ours[0] and ours[-1] <= n and last_j < theirs[0] and theirs[-1] <= m:
            kept.append((ours, theirs))
            last_i, last_j = ours[-1], theirs[-1]
    return kept


def differs(found: list[Row]) -> bool:
    """Whether the two versions differ in structure: many units alone, or lengths far from their usual ratio.

    Captions are left out of the count: a photo's caption often has no twin.
    """
    for side in ("left", "right"):
        units = [row for row in found if _text_unit(getattr(row, side))]
        alone = [row for row in units if not row.paired]
        if units and len(alone) / len(units) > UNPAIRED_LIMIT:
            return True
    paired = [row for row in found if row.paired]
    if not paired:
        return any(_text_unit(row.left) or _text_unit(row.right) for row in found)
    ratios = [_size(row.right) / _size(row.left) for row in paired]
    median = statistics.median(ratios)
    stray = [r for r in ratios if abs(math.log(r / median)) > math.log(STRAY_FACTOR)]
    return len(stray) / len(ratios) > STRAY_LIMIT


def _text_unit(cell: Cell | None) -> bool:
    return cell is not None and any(b.kind != "caption" for b in cell.blocks)


def _size(cell: Cell | None) -> int:
    return max(1, sum(b.length for b in cell.blocks)) if cell else 1


# The page ---------------------------------------------------------------------------------------


@dataclass
class Version:
    """One side's article, as the page's head shows it."""

    lang: str
    name: str  # the language, named in itself: 中文
    title: str
    url: str  # the article's page
    kicker: str | None = None
    date: str | None = None
    datetime: str | None = None
    authors: str | None = None
    relation: str | None = None


@dataclass
class ParallelText:
    left: Version
    right: Version
    rows: list[Row] = field(default_factory=list)
    differs: bool = False
    lead: str = ""


@dataclass(frozen=True)
class Link:
    """`Read side by side with 中文`: the words around the language's name, and where it leads."""

    url: str
    lang: str
    name: str
    before: str
    after: str


def link(url: str, lang: str, name: str, words: str) -> Link:
    """A link whose `words` hold `{language}` where the language's name goes (it is printed in its own lang)."""
    before, _, after = words.partition("{language}")
    return Link(url, lang, name, before, after)
