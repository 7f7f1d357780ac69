"""Pair the paragraphs of two languages in a bilingual source.

A monotone alignment in the manner of Gale and Church (1993): both texts keep
their order, and a unit of one language answers one unit of the other, two of
them, or none. The cost of a pairing grows with how far its length ratio
strays from the document's own ratio (Vietnamese runs about four times the
characters of the Chinese it translates), and shrinks when both sides cite
the same numbers. Lines that may be photo captions are cheap to leave
unpaired, since captions usually have no counterpart.
"""

from __future__ import annotations

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


def align(a: list[Unit], b: list[Unit]) -> list[Pair]:
    """Indices into `a` and `b`, grouped in order. `((i,), ())` leaves a[i] unpaired.

    Runs twice: the first pass guesses the length ratio from the totals, which
    an untranslated paragraph skews; the second takes the median ratio of the
    one-to-one pairs the first pass found.
    """
    pairs = _align(a, b, _ratio(a, b))
    ratios = sorted(
        len(b[ys[0]].text) / len(a[xs[0]].text)
        for xs, ys in pairs
        if len(xs) == 1 and len(ys) == 1 and min(len(a[xs[0]].text), len(b[ys[0]].text)) >= 10
    )
    if len(ratios) >= 3:
        pairs = _align(a, b, ratios[len(ratios) // 2])
    return pairs


def _align(a: list[Unit], b: list[Unit], ratio: float) -> list[Pair]:
    n, m = len(a), len(b)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    skip_a = [_SKIP if u.skip is None else u.skip for u in a]
    skip_b = [_SKIP if u.skip is None else u.skip for u in b]

    def relax(i: int, j: int, di: int, dj: int, step: float) -> None:
        total = cost[i][j] + step
        if total < cost[i + di][j + dj]:
            cost[i + di][j + dj] = total
            back[i + di][j + dj] = (di, dj)

    for i in range(n + 1):
        for j in range(m + 1):
            if cost[i][j] == inf:
                continue
            if i < n:
                relax(i, j, 1, 0, skip_a[i])
            if j < m:
                relax(i, j, 0, 1, skip_b[j])
            if i < n and j < m and a[i].caption == b[j].caption:
                relax(i, j, 1, 1, _pair_cost((a[i],), (b[j],), ratio))
                # A caption is never half of a merged pair.
                if i + 1 < n and not (a[i].optional or a[i + 1].optional or b[j].optional):
                    relax(i, j, 2, 1, _pair_cost((a[i], a[i + 1]), (b[j],), ratio))
                if j + 1 < m and not (a[i].optional or b[j].optional or b[j + 1].optional):
                    relax(i, j, 1, 2, _pair_cost((a[i],), (b[j], b[j + 1]), ratio))
    pairs: list[Pair] = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]  # type: ignore[misc]
        pairs.append((tuple(range(i - di, i)), tuple(range(j - dj, j))))
        i, j = i - di, j - dj
    pairs.reverse()
    return pairs


def _ratio(a: list[Unit], b: list[Unit]) -> float:
    la = sum(len(u.text) for u in a if not u.optional) or sum(len(u.text) for u in a) or 1
    lb = sum(len(u.text) for u in b if not u.optional) or sum(len(u.text) for u in b) or 1
    return lb / la


def _pair_cost(xs: tuple[Unit, ...], ys: tuple[Unit, ...], ratio: float) -> float:
    la = sum(u.length for u in xs) * ratio
    lb = sum(u.length for u in ys)
    cost = _LENGTH_WEIGHT * abs(math.log((lb + _SMOOTHING) / (la + _SMOOTHING)))
    if len(xs) == 1 and len(ys) == 1 and xs[0].heading != ys[0].heading:
        cost += _SHAPE_CLASH
    elif len(xs) == 1 and len(ys) == 1 and xs[0].heading:
        cost = min(cost, _HEADING_PAIR)
    if len(xs) + len(ys) > 2:
        cost += _MERGE
    nx = xs[0].numbers if len(xs) == 1 else xs[0].numbers | xs[1].numbers
    ny = ys[0].numbers if len(ys) == 1 else ys[0].numbers | ys[1].numbers
    if nx and ny:
        shared = len(nx & ny)
        cost += -_NUMBER_BONUS * min(3, shared) if shared else _NUMBER_CLASH
    return cost
