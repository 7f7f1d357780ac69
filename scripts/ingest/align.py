"""Pair the paragraphs of two languages: a bilingual source's, or two sources that translate each other.

A monotone alignment in the manner of Gale and Church (1993): both texts keep
their order, and a unit of one language answers one unit of the other, two of
them, or none. The cost of a pairing grows with how far its length ratio
strays from the document's own ratio (Vietnamese runs about four times the
characters of the Chinese it translates), and shrinks when both sides cite
the same numbers. Lines that may be photo captions are cheap to leave
unpaired, since captions usually have no counterpart.

The search is banded: a translation keeps close to the diagonal on which both
texts have used up the same share of their length, so only cells within
`width` units of that diagonal are computed. Time and memory grow with
(n + m) · width rather than n · m. A path that runs into the band's edge may
have been cut off; the band is then widened and the search run again, up to
the whole table for short texts and up to `MAX_CELLS` for long ones.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from dataclasses import dataclass

_NUMBER = re.compile(r"\d+")

# Costs, in the units of the length term: six per unit of log length ratio, so a
# pair whose ratio strays 20% from the document's costs about one.
_LENGTH_WEIGHT = 6.0
_SMOOTHING = 20.0
_MERGE = 1.5
_SKIP = 3.0
_NUMBER_BONUS = 0.4
_NUMBER_CLASH = 0.6
# Headings pair with headings: two short phrases pair at no more than this, whatever their
# lengths (a four-character Chinese heading renders as a long Vietnamese one), and a heading
# never pairs with a paragraph for less than this extra.
_HEADING_PAIR = 1.0
_SHAPE_CLASH = 3.0

# The band: at least this many units either side of the diagonal (so a text of up
# to MIN_WIDTH units, as any article is, is searched whole), and never more cells than this.
MIN_WIDTH = 48
MAX_CELLS = 3_000_000

# Moves, as stored in the table of back pointers: (units of a, units of b).
_MOVES = ((0, 0), (1, 0), (0, 1), (1, 1), (2, 1), (1, 2))

Pair = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass
class Unit:
    text: str
    # What leaving this unit unpaired costs; None for the default. Caption
    # candidates are cheap to leave alone, since captions rarely have a twin.
    skip: float | None = None
    # A photo's caption for certain (marked, piped, crediting a photo): it pairs
    # only with another caption, never with text.
    caption: bool = False
    heading: bool = False  # shaped like a heading: short, one phrase, no closing stop

    @property
    def optional(self) -> bool:
        return self.skip is not None and self.skip < _SKIP

    @functools.cached_property
    def numbers(self) -> frozenset[str]:
        return frozenset(n.lstrip("0") or "0" for n in _NUMBER.findall(self.text))

    @functools.cached_property
    def length(self) -> int:
        return len(self.text)


@dataclass(frozen=True)
class Band:
    """For each row i of the table (0..n), the columns lo[i]..hi[i] that are searched."""

    lo: tuple[int, ...]
    hi: tuple[int, ...]

    @property
    def cells(self) -> int:
        return sum(high - low + 1 for low, high in zip(self.lo, self.hi, strict=True))


def align(a: list[Unit], b: list[Unit]) -> list[Pair]:
    """Indices into `a` and `b`, grouped in order. `((i,), ())` leaves a[i] unpaired.

    Runs twice: the first pass guesses the length ratio from the totals, which
    an untranslated paragraph skews; the second takes the median ratio of the
    one-to-one pairs the first pass found.
    """
    pairs = _search(a, b, _ratio(a, b))
    ratios = sorted(
        len(b[ys[0]].text) / len(a[xs[0]].text)
        for xs, ys in pairs
        if len(xs) == 1 and len(ys) == 1 and min(len(a[xs[0]].text), len(b[ys[0]].text)) >= 10
    )
    if len(ratios) >= 3:
        pairs = _search(a, b, ratios[len(ratios) // 2])
    return pairs


def _search(a: list[Unit], b: list[Unit], ratio: float) -> list[Pair]:
    """The cheapest path, in a band widened until the path keeps clear of its edges."""
    width = MIN_WIDTH
    while True:
        band = diagonal_band([u.length for u in a], [u.length for u in b], width)
        pairs, steps = _align(a, b, ratio, band)
        whole = width >= max(len(a), len(b))
        if whole or not _touches_edge(steps, band, len(b)) or 2 * band.cells > MAX_CELLS:
            return pairs
        width *= 2


def diagonal_band(a_lengths: list[int], b_lengths: list[int], width: int) -> Band:
    """The columns within `width` of the diagonal on which a and b have used up equal shares of their text.

    Consecutive rows always overlap, so the band holds a path from (0, 0) to (n, m).
    """
    n, m = len(a_lengths), len(b_lengths)
    total_a = sum(a_lengths) or 1
    total_b = sum(b_lengths) or 1
    share_b = [0.0]
    for length in b_lengths:
        share_b.append(share_b[-1] + length / total_b)
    lo: list[int] = []
    hi: list[int] = []
    done = 0
    for i in range(n + 1):
        if i:
            done += a_lengths[i - 1]
        centre = bisect.bisect_left(share_b, done / total_a - 1e-12) if i < n else m
        low, high = max(0, centre - width), min(m, centre + width)
        if lo:
            low = max(min(low, hi[-1]), lo[-1])  # monotone, and overlapping the row above
        lo.append(low)
        hi.append(max(high, low))
    lo[0], hi[-1] = 0, m
    return Band(tuple(lo), tuple(hi))


def _touches_edge(steps: list[tuple[int, int]], band: Band, m: int) -> bool:
    """Whether the path runs along a side of the band that is not a side of the table."""
    return any((j == band.lo[i] and j > 0) or (j == band.hi[i] and j < m) for i, j in steps[1:-1])


def _align(a: list[Unit], b: list[Unit], ratio: float, band: Band) -> tuple[list[Pair], list[tuple[int, int]]]:
    """The cheapest monotone path through the band: its groups, and the cells it passes.

    Costs are kept for three rows at a time (a move goes down at most two rows);
    the moves are kept for every cell of the band, one byte each.
    """
    n, m = len(a), len(b)
    lo, hi = band.lo, band.hi
    inf = math.inf
    skip_a = [_SKIP if u.skip is None else u.skip for u in a]
    skip_b = [_SKIP if u.skip is None else u.skip for u in b]
    # Length terms in log space: |log((lb + s) / (la·ratio + s))| = |Lb - La|.
    log_a = [math.log(u.length * ratio + _SMOOTHING) for u in a]
    log_b = [math.log(u.length + _SMOOTHING) for u in b]
    log_aa = [math.log((a[i].length + a[i + 1].length) * ratio + _SMOOTHING) for i in range(n - 1)]
    log_bb = [math.log(b[j].length + b[j + 1].length + _SMOOTHING) for j in range(m - 1)]
    num_a = [u.numbers for u in a]
    num_b = [u.numbers for u in b]
    opt_a = [u.optional for u in a]
    opt_b = [u.optional for u in b]
    shape_a = [(u.caption, u.heading) for u in a]
    shape_b = [(u.caption, u.heading) for u in b]
    offsets = [0]
    for i in range(n + 1):
        offsets.append(offsets[-1] + hi[i] - lo[i] + 1)
    back = bytearray(offsets[-1])
    rows = {i: [inf] * (hi[i] - lo[i] + 1) for i in range(min(3, n + 1))}
    rows[0][0] = 0.0

    def relax(i2: int, j2: int, total: float, move: int) -> None:
        if i2 > n or j2 < lo[i2] or j2 > hi[i2]:
            return
        row = rows[i2]
        k = j2 - lo[i2]
        if total < row[k]:
            row[k] = total
            back[offsets[i2] + k] = move

    for i in range(n + 1):
        row = rows.pop(i)
        if i + 2 <= n:
            rows[i + 2] = [inf] * (hi[i + 2] - lo[i + 2] + 1)
        for j in range(lo[i], hi[i] + 1):
            here = row[j - lo[i]]
            if here == inf:
                continue
            if i < n:
                relax(i + 1, j, here + skip_a[i], 1)
            if j < m:
                # Same row: relaxed in place, ahead of the loop.
                k = j + 1 - lo[i]
                if k < len(row) and here + skip_b[j] < row[k]:
                    row[k] = here + skip_b[j]
                    back[offsets[i] + k] = 2
            if i < n and j < m:
                na, nb = num_a[i], num_b[j]
                relax(i + 1, j + 1, here + _one_to_one(log_a[i], log_b[j], na, nb, shape_a[i], shape_b[j]), 3)
                # A caption is never half of a merged pair.
                if i + 1 < n and not (opt_a[i] or opt_a[i + 1] or opt_b[j]):
                    relax(i + 2, j + 1, here + _cost(log_aa[i], log_b[j], na | num_a[i + 1], nb, True), 4)
                if j + 1 < m and not (opt_a[i] or opt_b[j] or opt_b[j + 1]):
                    relax(i + 1, j + 2, here + _cost(log_a[i], log_bb[j], na, nb | num_b[j + 1], True), 5)
    return _trace(back, offsets, lo, n, m)


def _one_to_one(log_x: float, log_y: float, nx, ny, shape_x: tuple[bool, bool], shape_y: tuple[bool, bool]):
    """A pair of one unit each: never (infinite) when a caption would pair with text; a heading
    pairs with a heading at no more than _HEADING_PAIR, and with anything else for _SHAPE_CLASH more."""
    (caption_x, heading_x), (caption_y, heading_y) = shape_x, shape_y
    if caption_x != caption_y:
        return math.inf
    cost = _LENGTH_WEIGHT * abs(log_y - log_x)
    if heading_x != heading_y:
        cost += _SHAPE_CLASH
    elif heading_x:
        cost = min(cost, _HEADING_PAIR)
    return cost + _numbers(nx, ny)


def _numbers(nx: frozenset[str], ny: frozenset[str]) -> float:
    if nx and ny:
        shared = len(nx & ny)
        return -_NUMBER_BONUS * min(3, shared) if shared else _NUMBER_CLASH
    return 0.0


def _cost(log_x: float, log_y: float, nx: frozenset[str], ny: frozenset[str], merged: bool) -> float:
    cost = _LENGTH_WEIGHT * abs(log_y - log_x)
    if merged:
        cost += _MERGE
    if nx and ny:
        shared = len(nx & ny)
        cost += -_NUMBER_BONUS * min(3, shared) if shared else _NUMBER_CLASH
    return cost


def _trace(back: bytearray, offsets: list[int], lo: tuple[int, ...], n: int, m: int):
    pairs: list[Pair] = []
    steps = [(n, m)]
    i, j = n, m
    while i or j:
        di, dj = _MOVES[back[offsets[i] + j - lo[i]]]
        pairs.append((tuple(range(i - di, i)), tuple(range(j - dj, j))))
        i, j = i - di, j - dj
        steps.append((i, j))
    pairs.reverse()
    steps.reverse()
    return pairs, steps


def _ratio(a: list[Unit], b: list[Unit]) -> float:
    la = sum(len(u.text) for u in a if not u.optional) or sum(len(u.text) for u in a) or 1
    lb = sum(len(u.text) for u in b if not u.optional) or sum(len(u.text) for u in b) or 1
    return lb / la
